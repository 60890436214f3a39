import type { Locale } from '../../i18n/locales';
import type { Dashboard } from '../../lib/dashboard-csv';
import type { DashboardLabels } from '../../lib/dashboard-labels';
import type { TrainerT } from './keys';
import { decisionBars, itemBars, lessonBars, qualityWord, selfCheckBars, type Bar } from './view';

// The group figures as bar charts. Every number stays text beside its bar (the bar is decoration, hidden from
// screen readers); a chart hidden by the group rule (five learners, assigned courses only) says why.

/** A list of bars: per row the label, the numbers as text, and a bar of fixed track (aria-hidden). */
export function Bars({ bars, t, label }: { bars: Bar[]; t: TrainerT; label: string }) {
	return (
		<ul className="bars" aria-label={label}>
			{bars.map((b) => (
				<li key={b.id} className="bars__row">
					<span className="bars__label">
						{b.label}
						{b.quality && (
							<>
								{' '}
								<span className={`tag quality-${b.quality}`}>{qualityWord(b.quality, t)}</span>
							</>
						)}
					</span>
					<span className="bars__value">{b.value}</span>
					<span className="bars__track" aria-hidden="true">
						<span className={`bars__bar${b.quality ? ` bars__bar--${b.quality}` : ''}`} style={{ width: `${b.width}%` }} />
					</span>
				</li>
			))}
		</ul>
	);
}

/** "Nothing yet" for a section, or why a figure is hidden. */
function Empty({ children }: { children: string }) {
	return <p className="trainer__empty">{children}</p>;
}

/** How many learners finished each lesson or case. */
export function LessonFigures({ t, lessons, learners, lessonTitles }: { t: TrainerT; lessons: Dashboard['lessons']; learners: number; lessonTitles: Record<string, string> }) {
	const bars = lessonBars(lessons, learners, lessonTitles);
	return (
		<section className="trainer__part" aria-labelledby="figures-lessons">
			<h3 id="figures-lessons">{t('trainer.lessons')}</h3>
			{bars.length === 0 ? <Empty>{t('trainer.noLessons')}</Empty> : <Bars t={t} bars={bars} label={t('trainer.lessons')} />}
		</section>
	);
}

/** Item difficulty: per test, the share right per question (or why it is hidden). */
export function ItemFigures({ t, items, minGroup, labels, assigned }: { t: TrainerT; items: Dashboard['items']; minGroup: number; labels: DashboardLabels; assigned: boolean }) {
	const tests = Object.entries(items);
	return (
		<section className="trainer__part" aria-labelledby="figures-items">
			<h3 id="figures-items">{t('trainer.items')}</h3>
			{tests.length === 0 && <Empty>{assigned ? t('trainer.noAnswers') : t('trainer.assignFirst')}</Empty>}
			{tests.map(([assessment, stats]) => {
				const title = labels.assessments[assessment]?.title ?? assessment;
				return (
					<div key={assessment}>
						<h4>{title}</h4>
						{stats.items === null ? <Empty>{t('trainer.tooFew', { n: stats.learners, min: minGroup })}</Empty> : <Bars t={t} bars={itemBars(stats.items, t)} label={title} />}
					</div>
				);
			})}
		</section>
	);
}

/** The choice distribution: per case and decision, how often each option was chosen, with its quality (or why it is hidden). */
export function ChoiceFigures({
	t,
	choices,
	minGroup,
	labels,
	assigned,
}: {
	t: TrainerT;
	choices: Dashboard['choices'];
	minGroup: number;
	labels: DashboardLabels;
	assigned: boolean;
}) {
	const cases = Object.entries(choices);
	return (
		<section className="trainer__part" aria-labelledby="figures-choices">
			<h3 id="figures-choices">{t('trainer.choices')}</h3>
			{cases.length === 0 && <Empty>{assigned ? t('trainer.noRuns') : t('trainer.assignFirst')}</Empty>}
			{cases.map(([scenario, stats]) => (
				<div key={scenario}>
					<h4>{labels.scenarios[scenario]?.title ?? scenario}</h4>
					{stats.decisions === null ? (
						<Empty>{t('trainer.tooFew', { n: stats.learners, min: minGroup })}</Empty>
					) : (
						decisionBars(scenario, stats.decisions, labels, t).map((d) => (
							<div key={d.node} className="trainer__decision">
								<p className="trainer__question">{d.question}</p>
								<Bars t={t} bars={d.options} label={d.question} />
							</div>
						))
					)}
				</div>
			))}
		</section>
	);
}

/** The group's self-check averages per domain, before and after the course (or why they are hidden). */
export function SelfCheckFigures({
	t,
	locale,
	selfCheck,
	minGroup,
	domains,
}: {
	t: TrainerT;
	locale: Locale;
	selfCheck: Dashboard['selfCheck'];
	minGroup: number;
	domains: DashboardLabels['domains'];
}) {
	const kinds = (['before', 'after'] as const).filter((k) => selfCheck[k]);
	return (
		<section className="trainer__part" aria-labelledby="figures-selfcheck">
			<h3 id="figures-selfcheck">{t('trainer.selfCheck')}</h3>
			{kinds.length === 0 && <Empty>{t('trainer.noSelfChecks')}</Empty>}
			{kinds.map((kind) => {
				const s = selfCheck[kind]!;
				const title = `${kind === 'before' ? t('selfCheck.before') : t('selfCheck.after')} (${s.count})`;
				const bars = selfCheckBars(s, domains, locale);
				return (
					<div key={kind}>
						<h4>{title}</h4>
						{bars === null ? <Empty>{t('trainer.tooFew', { n: s.count, min: minGroup })}</Empty> : <Bars t={t} bars={bars} label={title} />}
					</div>
				);
			})}
		</section>
	);
}
