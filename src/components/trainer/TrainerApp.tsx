import { useEffect } from 'react';
import { islandTranslator } from '../../i18n';
import type { Locale } from '../../i18n/locales';
import { dashboardCsv } from '../../lib/dashboard-csv';
import { downloadBlob } from '../../lib/download';
import { Assignments, JoinCode } from './CohortAdmin';
import { CohortSelector } from './CohortSelector';
import { ChoiceFigures, ItemFigures, LessonFigures, SelfCheckFigures } from './GroupFigures';
import type { TrainerKey } from './keys';
import { BlockedMembers, CsvButton, LearnerTable } from './LearnerTable';
import { ModuleGrid } from './ModuleGrid';
import { useTrainerData } from './useTrainerData';
import { XapiButton } from './XapiButton';
import { csvFileName, csvLabels, joinCodeOf, joinLink } from './view';

interface Props {
	strings: Record<TrainerKey, string>;
	courses: { id: string; title: string }[];
	/** Per course its modules in order, with their titles in the page's language (the columns of the grid). */
	courseModules: Record<string, { id: string; title: string }[]>;
	/** The id of the page's introduction for visitors, hidden once the reader turns out to be a trainer. */
	introId: string;
	scenarios: { id: string; title: string; href: string }[];
	accountHref: string;
	lessonTitles: Record<string, string>;
	/** JSON with the texts of test questions, case decisions and self-check domains, fetched with the first dashboard */
	labelsUrl: string;
	locale: Locale;
}

/** The trainer's page: cohorts, join codes, assignments, the dashboard and its CSV, cases for class. Data in useTrainerData; parts beside it. */
export default function TrainerApp({ strings, courses, courseModules, introId, scenarios, accountHref, lessonTitles, labelsUrl, locale }: Props) {
	const t = islandTranslator(strings);
	const data = useTrainerData(t, labelsUrl);
	const { ready, cohorts, selected, dashboard, labels, problem, notice } = data;
	const courseTitles = Object.fromEntries(courses.map((c) => [c.id, c.title]));
	// The introduction explains how to become a trainer: a trainer does not need it above the dashboard.
	useEffect(() => {
		const intro = document.getElementById(introId);
		if (intro) intro.hidden = ready === 'trainer';
	}, [ready, introId]);

	if (ready === 'checking') return <p role="status">{t('trainer.loading')}</p>;
	if (ready === 'unreachable')
		return (
			<p role="alert" className="note note--warn">
				{t('trainer.error')}
			</p>
		);
	if (ready !== 'trainer')
		return (
			<p className="note">
				{ready === 'anonymous' ? t('trainer.loginFirst') : t('trainer.notTrainer')} <a href={accountHref}>{t('trainer.toAccount')}</a>
			</p>
		);

	const cohort = cohorts.find((c) => c.id === selected);
	const joinCode = joinCodeOf(dashboard, selected);
	function downloadCsv() {
		if (!dashboard) return;
		const csv = dashboardCsv(dashboard, courseTitles, csvLabels(t), locale);
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName(dashboard.cohort.name));
	}
	return (
		<div className="trainer">
			{problem && (
				<p role="alert" className="note note--warn">
					{problem}
				</p>
			)}
			<p role="status" className={notice ? 'note' : 'visually-hidden'}>
				{notice}
			</p>
			<CohortSelector
				t={t}
				cohorts={cohorts}
				selected={selected}
				dashboardFailed={data.dashboardFailed}
				onCreate={data.createCohort}
				onSelect={data.selectCohort}
				onRetry={data.retry}
			/>
			{cohort && dashboard && joinCode && (
				<section aria-labelledby="cohort-title" className="trainer__cohort">
					<h2 id="cohort-title">{cohort.name}</h2>
					<JoinCode t={t} cohort={joinCode} link={joinLink(location.origin, accountHref, joinCode.joinCode)} onChange={(body) => void data.changeCode(body)} />
					<Assignments
						t={t}
						locale={locale}
						assignments={dashboard.assignments}
						courses={courses}
						courseTitles={courseTitles}
						onAssign={(course, due) => void data.assign(course, due)}
					/>
					<LearnerTable t={t} locale={locale} dashboard={dashboard} courseTitles={courseTitles} onRemove={(l, block) => void data.removeLearner(l, block)} />
					<BlockedMembers t={t} blocked={dashboard.blocked} onUnblock={(l) => void data.unblock(l)} />
					<ModuleGrid t={t} dashboard={dashboard} courseModules={courseModules} courseTitles={courseTitles} />
					{/* Downloads of the group's data */}
					<CsvButton t={t} onDownload={downloadCsv} />
					<XapiButton t={t} cohort={dashboard.cohort.id} />
					<p className="note trainer__rule">{t('trainer.figuresRule', { min: dashboard.minGroup })}</p>
					<LessonFigures t={t} lessons={dashboard.lessons} learners={dashboard.learners.length} lessonTitles={lessonTitles} />
					<ItemFigures t={t} items={dashboard.items} minGroup={dashboard.minGroup} labels={labels} assigned={dashboard.assignments.length > 0} />
					<ChoiceFigures t={t} choices={dashboard.choices} minGroup={dashboard.minGroup} labels={labels} assigned={dashboard.assignments.length > 0} />
					<SelfCheckFigures t={t} locale={locale} selfCheck={dashboard.selfCheck} minGroup={dashboard.minGroup} domains={labels.domains} />
				</section>
			)}
			<h2>{t('trainer.classMode')}</h2>
			<p>{t('trainer.classModeText')}</p>
			<ul>
				{scenarios.map((s) => (
					<li key={s.id}>
						<a href={`${s.href}?klas=1`}>{s.title}</a>
					</li>
				))}
			</ul>
		</div>
	);
}
