import type { Dashboard } from '../../lib/dashboard-csv';
import type { TrainerT } from './keys';
import { moduleGrids } from './view';

const statusClass = {
	done: 'status status--done',
	started: 'status status--fair',
	notStarted: 'status',
} as const;

/**
 * The group at a glance: per assigned course a grid with a row per learner and a column per module; each cell says
 * the status in words (with done/total) and carries its colour and icon. A wide grid scrolls inside its own box,
 * which takes keyboard focus so it can be scrolled without a mouse.
 */
export function ModuleGrid({
	t,
	dashboard,
	courseModules,
	courseTitles,
}: {
	t: TrainerT;
	dashboard: Pick<Dashboard, 'learners' | 'assignments'>;
	courseModules: Record<string, { id: string; title: string }[]>;
	courseTitles: Record<string, string>;
}) {
	const grids = moduleGrids(dashboard, courseModules, courseTitles, t);
	return (
		<section className="trainer__part" aria-labelledby="grid-title">
			<h3 id="grid-title">{t('trainer.grid')}</h3>
			{grids.length === 0 ? (
				<p className="trainer__empty">{t('trainer.noAssignments')}</p>
			) : dashboard.learners.length === 0 ? (
				<p className="trainer__empty">{t('trainer.noLearners')}</p>
			) : (
				grids.map((g) => (
					<div key={g.course} className="trainer__scroll" role="region" aria-label={t('trainer.gridOf', { course: g.title })} tabIndex={0}>
						<table className="trainer__grid">
							<caption>{t('trainer.gridOf', { course: g.title })}</caption>
							<thead>
								<tr>
									<th scope="col">{t('trainer.learner')}</th>
									{g.modules.map((m) => (
										<th scope="col" key={m.id}>
											{m.title}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{g.rows.map((r) => (
									<tr key={r.id}>
										<th scope="row">{r.name}</th>
										{r.cells.map((c) => (
											<td key={c.module}>{c.status ? <span className={statusClass[c.status]}>{c.text}</span> : c.text}</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				))
			)}
		</section>
	);
}
