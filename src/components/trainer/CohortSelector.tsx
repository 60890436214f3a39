import { useState, type FormEvent } from 'react';
import type { TrainerT } from './keys';
import type { Cohort } from './useTrainerData';

/** Making a cohort and choosing one; when the chosen cohort's dashboard could not be loaded, that is said with a retry. */
export function CohortSelector({
	t,
	cohorts,
	selected,
	dashboardFailed,
	onCreate,
	onSelect,
	onRetry,
}: {
	t: TrainerT;
	cohorts: Cohort[];
	selected: string;
	dashboardFailed: boolean;
	onCreate: (name: string) => Promise<boolean>;
	onSelect: (id: string) => void;
	onRetry: (id: string) => void;
}) {
	const [name, setName] = useState('');
	const cohort = cohorts.find((c) => c.id === selected);
	async function create(e: FormEvent) {
		e.preventDefault();
		if (await onCreate(name)) setName('');
	}
	return (
		<>
			<h2>{t('trainer.cohorts')}</h2>
			{cohorts.length === 0 ? (
				<p className="trainer__empty">{t('trainer.noCohorts')}</p>
			) : (
				<div className="form trainer__choose">
					<div>
						<label htmlFor="cohort-select">{t('trainer.choose')}</label>
						<select id="cohort-select" value={selected} onChange={(e) => onSelect(e.target.value)}>
							{cohorts.map((c) => (
								<option key={c.id} value={c.id}>
									{c.name}
								</option>
							))}
						</select>
					</div>
				</div>
			)}
			<form className="form trainer__new" onSubmit={create}>
				<div>
					<label htmlFor="cohort-name">{t('trainer.newCohort')}</label>
					<input id="cohort-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
				</div>
				<div>
					<button type="submit" className={cohorts.length ? 'secondary' : undefined}>
						{t('trainer.create')}
					</button>
				</div>
			</form>
			{cohort && dashboardFailed && (
				<div role="alert" className="note note--warn" data-testid="dashboard-error">
					<p>{t('trainer.dashboardFailed', { name: cohort.name })}</p>
					<p>
						<button type="button" className="secondary" onClick={() => onRetry(cohort.id)}>
							{t('trainer.retry')}
						</button>
					</p>
				</div>
			)}
		</>
	);
}
