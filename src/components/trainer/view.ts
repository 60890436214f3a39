// The pure part of the trainer page: how the dashboard's numbers and ids become what the trainer reads.
// No React and no network here, so tests/unit/trainer-view.test.ts checks it as plain functions.
import { barWidth } from '../../lib/bars';
import type { CsvLabels, Dashboard } from '../../lib/dashboard-csv';
import type { ModuleStatus } from '../../lib/rules/completion';
import type { DashboardLabels } from '../../lib/dashboard-labels';
import type { TrainerT } from './keys';

/** A share as a whole percentage ("67%"), or a dash when nobody counts. */
export function percentText(n: number, of: number): string {
	return of ? `${Math.round((n / of) * 100)}%` : '–';
}

/** The link a learner follows to join: the account page with the code filled in. */
export function joinLink(origin: string, accountHref: string, code: string): string {
	return `${origin}${accountHref}?code=${code}`;
}

/** The CSV's file name: the cohort's name with every run of other characters than letters and digits as one dash. */
export function csvFileName(cohortName: string): string {
	return `palliwijs-${cohortName.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
}

/** The column and cell words of the CSV, in the page's language. */
export function csvLabels(t: TrainerT): CsvLabels {
	return { learner: t('trainer.learner'), email: t('trainer.email'), lastActivity: t('trainer.lastActivity'), certificate: t('trainer.certificate'), due: t('trainer.due'), yes: t('trainer.yes'), no: t('trainer.no') };
}

/** A due date from the date field (yyyy-mm-dd) as the server stores it: the end of that day; empty when none. */
export function dueValue(date: string): string {
	return date ? `${date} 23:59:59.000Z` : '';
}

/** The join code of the selected cohort: it comes with its dashboard (only the owner can read it), so none while another loads. */
export function joinCodeOf(dashboard: Dashboard | null, selected: string): Dashboard['cohort'] | null {
	return dashboard?.cohort.id === selected ? dashboard.cohort : null;
}

/** A bar of a chart: the words and numbers as text, and the bar's length (decoration beside them). */
export interface Bar {
	id: string;
	label: string;
	value: string;
	width: number;
	/** The status colour and icon the bar and its word carry, when it has a meaning (a recommended option). */
	quality?: 'good' | 'acceptable' | 'poor';
}

/** Per lesson or case: how many learners finished it, as a bar of the whole group. */
export function lessonBars(lessons: Dashboard['lessons'], learners: number, titles: Record<string, string>): Bar[] {
	return Object.entries(lessons).map(([k, n]) => ({ id: k, label: titles[k] ?? k, value: `${n} / ${learners} (${percentText(n, learners)})`, width: barWidth(n, learners) }));
}

/** Per test question (item difficulty): its text and the share right, as a bar of the answers; in the order the server sent them. */
export function itemBars(stats: NonNullable<Dashboard['items'][string]['items']>, t: TrainerT): Bar[] {
	return Object.entries(stats).map(([item, s]) => ({ id: item, label: s.question ?? item, value: t('trainer.correctShare', { share: percentText(s.correct, s.answered), n: s.answered }), width: barWidth(s.correct, s.answered) }));
}

/** The words of an option's quality in a case (the same words the case player shows). */
const qualityKey = { good: 'scenario.quality.good', acceptable: 'scenario.quality.acceptable', poor: 'scenario.quality.poor' } as const;
export function qualityWord(quality: Bar['quality'], t: TrainerT): string {
	return quality ? t(qualityKey[quality]) : '';
}

/**
 * Per decision of a case: the question and per option its text, how often it was chosen (count and share of the
 * decision's choices) and its quality; a bar per option of the decision's total. Ids where the labels have no text.
 */
export function decisionBars(
	scenario: string,
	decisions: Record<string, Record<string, number>> | null,
	labels: DashboardLabels,
	t: TrainerT,
): { node: string; question: string; total: number; options: Bar[] }[] {
	return Object.entries(decisions ?? {}).map(([node, options]) => {
		const decision = labels.scenarios[scenario]?.decisions[node];
		const total = Object.values(options).reduce((a, b) => a + b, 0);
		return {
			node,
			question: decision?.question ?? node,
			total,
			options: Object.entries(options).map(([option, n]) => ({
				id: option,
				label: decision?.options[option] ?? option.toUpperCase(),
				value: `${t('trainer.chosen', { n })} (${percentText(n, total)})`,
				width: barWidth(n, total),
				quality: decision?.qualities?.[option],
			})),
		};
	});
}

/** The self-check averages of one kind (before or after) per domain, as bars of the scale's maximum (5); null below the group minimum. */
export function selfCheckBars(s: Dashboard['selfCheck'][string], domains: DashboardLabels['domains'], locale: 'nl' | 'en'): Bar[] | null {
	if (s.averages === null) return null;
	return Object.entries(s.averages).map(([d, v]) => ({ id: d, label: domains[d] ?? d, value: v.toLocaleString(locale === 'en' ? 'en' : 'nl-BE'), width: barWidth(v, 5) }));
}

/** The words of a module's status in the grid, and its done/total. */
const statusKey = { done: 'trainer.status.done', started: 'trainer.status.started', notStarted: 'trainer.status.notStarted' } as const;

/** One cell of the learners-by-module grid: the status word (with done/total) and its class; a dash when the module is unknown. */
export function moduleCell(m: { done: number; total: number; status: ModuleStatus } | undefined, t: TrainerT): { text: string; status: ModuleStatus | null } {
	if (!m) return { text: '–', status: null };
	return { text: t(statusKey[m.status], { done: m.done, total: m.total }), status: m.status };
}

/**
 * The learners-by-module grid, one per assigned course (in the order of the assignments): its modules as columns
 * (titles from the page, ids where none), and per learner a cell per module.
 */
export function moduleGrids(
	dashboard: Pick<Dashboard, 'learners' | 'assignments'>,
	courseModules: Record<string, { id: string; title: string }[]>,
	courseTitles: Record<string, string>,
	t: TrainerT,
): { course: string; title: string; modules: { id: string; title: string }[]; rows: { id: string; name: string; cells: { module: string; text: string; status: ModuleStatus | null }[] }[] }[] {
	return dashboard.assignments.map((a) => {
		const modules = courseModules[a.course] ?? [];
		return {
			course: a.course,
			title: courseTitles[a.course] ?? a.course,
			modules,
			rows: dashboard.learners.map((l) => ({
				id: l.id,
				name: l.name,
				cells: modules.map((m) => ({ module: m.id, ...moduleCell(l.courses[a.course]?.modules?.[m.id], t) })),
			})),
		};
	});
}

/**
 * Copies a text with the clipboard API; false when there is none or the browser refuses (no permission, no secure
 * context), so the page can select the text for the reader to copy by hand.
 */
export async function copyText(text: string, clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
	if (!clipboard?.writeText) return false;
	try {
		await clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
