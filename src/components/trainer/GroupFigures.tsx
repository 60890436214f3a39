import type { Dashboard } from '../../lib/dashboard-csv';
import type { DashboardLabels } from '../../lib/dashboard-labels';
import type { TrainerT } from './keys';
import { decisionLines, itemLines, percentText, selfCheckLine } from './view';

/** How many learners finished each lesson or case. */
export function LessonFigures({ t, lessons, learners, lessonTitles }: { t: TrainerT; lessons: Dashboard['lessons']; learners: number; lessonTitles: Record<string, string> }) {
	return (
		<>
			<h3>{t('trainer.lessons')}</h3>
			<ul>
				{Object.entries(lessons).map(([k, n]) => (
					<li key={k}>
						{lessonTitles[k] ?? k}: {n} / {learners} ({percentText(n, learners)})
					</li>
				))}
			</ul>
		</>
	);
}

/** Per test, the share right per question (or "too few" below the group minimum). */
export function ItemFigures({ t, items, minGroup, labels }: { t: TrainerT; items: Dashboard['items']; minGroup: number; labels: DashboardLabels }) {
	return (
		<>
			<h3>{t('trainer.items')}</h3>
			{Object.keys(items).length === 0 && <p>{t('trainer.noAnswers')}</p>}
			{Object.entries(items).map(([assessment, stats]) => (
				<div key={assessment}>
					<h4>{labels.assessments[assessment]?.title ?? assessment}</h4>
					{stats.items === null ? (
						<p>{t('trainer.tooFew', { n: stats.learners, min: minGroup })}</p>
					) : (
						<ul>
							{itemLines(stats.items, t).map((line) => (
								<li key={line.id}>{line.text}</li>
							))}
						</ul>
					)}
				</div>
			))}
		</>
	);
}

/** Per case, how often each option of each decision was chosen (or "too few"). */
export function ChoiceFigures({ t, choices, minGroup, labels }: { t: TrainerT; choices: Dashboard['choices']; minGroup: number; labels: DashboardLabels }) {
	return (
		<>
			<h3>{t('trainer.choices')}</h3>
			{Object.keys(choices).length === 0 && <p>{t('trainer.noRuns')}</p>}
			{Object.entries(choices).map(([scenario, stats]) => (
				<div key={scenario}>
					<h4>{labels.scenarios[scenario]?.title ?? scenario}</h4>
					{stats.decisions === null && <p>{t('trainer.tooFew', { n: stats.learners, min: minGroup })}</p>}
					<ul>
						{decisionLines(scenario, stats.decisions, labels, t).map((d) => (
							<li key={d.node}>
								{d.question}
								<ul>
									{d.options.map((o) => (
										<li key={o.id}>{o.text}</li>
									))}
								</ul>
							</li>
						))}
					</ul>
				</div>
			))}
		</>
	);
}

/** The group's self-check averages per domain, before and after the course (or "too few"). */
export function SelfCheckFigures({ t, selfCheck, minGroup, domains }: { t: TrainerT; selfCheck: Dashboard['selfCheck']; minGroup: number; domains: DashboardLabels['domains'] }) {
	return (
		<>
			<h3>{t('trainer.selfCheck')}</h3>
			{Object.keys(selfCheck).length === 0 && <p>{t('trainer.noSelfChecks')}</p>}
			<ul>
				{Object.entries(selfCheck).map(([kind, s]) => (
					<li key={kind}>{selfCheckLine(kind, s, minGroup, domains, t)}</li>
				))}
			</ul>
		</>
	);
}
