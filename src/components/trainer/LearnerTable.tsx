import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';
import type { Dashboard } from '../../lib/dashboard-csv';
import type { TrainerT } from './keys';
import type { Learner } from './useTrainerData';

/** Per learner: last activity, progress and certificate per assigned course, and removing (and blocking) them. */
export function LearnerTable({
	t,
	locale,
	dashboard,
	courseTitles,
	onRemove,
}: {
	t: TrainerT;
	locale: Locale;
	dashboard: Pick<Dashboard, 'learners' | 'assignments'>;
	courseTitles: Record<string, string>;
	onRemove: (learner: Learner, block: boolean) => void;
}) {
	return (
		<section className="trainer__part" aria-labelledby="learners-title">
			<h3 id="learners-title">{t('trainer.learners')}</h3>
			{dashboard.learners.length === 0 ? (
				<p className="trainer__empty">{t('trainer.noLearners')}</p>
			) : (
				<div className="trainer__scroll" role="region" aria-label={t('trainer.learnersTable')} tabIndex={0}>
					<table className="coverage">
						<caption className="visually-hidden">{t('trainer.learners')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('trainer.learner')}</th>
								<th scope="col">{t('trainer.lastActivity')}</th>
								{dashboard.assignments.map((a) => (
									<th scope="col" key={a.id}>
										{courseTitles[a.course] ?? a.course}
									</th>
								))}
								<th scope="col">{t('trainer.membership')}</th>
							</tr>
						</thead>
						<tbody>
							{dashboard.learners.map((l) => (
								<tr key={l.id}>
									<th scope="row">{l.name}</th>
									<td>{formatDate(l.lastActivity, locale, 'numeric') || '–'}</td>
									{dashboard.assignments.map((a) => (
										<td key={a.id}>
											{l.courses[a.course]?.percent ?? 0}%{l.courses[a.course]?.certificate ? ` · ${t('trainer.certificate')}` : ''}
										</td>
									))}
									<td>
										<button type="button" className="secondary" aria-label={t('trainer.removeLabel', { name: l.name })} onClick={() => onRemove(l, false)}>
											{t('trainer.remove')}
										</button>{' '}
										<button
											type="button"
											className="secondary"
											aria-label={t('trainer.removeBlockLabel', {
												name: l.name,
											})}
											onClick={() => onRemove(l, true)}
										>
											{t('trainer.removeBlock')}
										</button>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	);
}

/** Learners removed and blocked from rejoining, each with a button to let them back in; nothing when there are none. */
export function BlockedMembers({ t, blocked, onUnblock }: { t: TrainerT; blocked: Dashboard['blocked']; onUnblock: (learner: Learner) => void }) {
	if (blocked.length === 0) return null;
	return (
		<>
			<h3>{t('trainer.blocked')}</h3>
			<ul>
				{blocked.map((b) => (
					<li key={b.id}>
						{b.name}{' '}
						<button type="button" className="secondary" aria-label={t('trainer.unblockLabel', { name: b.name })} onClick={() => onUnblock(b)}>
							{t('trainer.unblock')}
						</button>
					</li>
				))}
			</ul>
		</>
	);
}

/** The button that downloads the learners table as CSV. */
export function CsvButton({ t, onDownload }: { t: TrainerT; onDownload: () => void }) {
	return (
		<p>
			<button type="button" onClick={onDownload}>
				{t('trainer.csv')}
			</button>
		</p>
	);
}
