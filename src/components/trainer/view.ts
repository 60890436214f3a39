// The pure part of the trainer page: how the dashboard's numbers and ids become what the trainer reads.
// No React and no network here, so tests/unit/trainer-view.test.ts checks it as plain functions.
import type { Dashboard } from '../../lib/dashboard-csv';
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
export function csvLabels(t: TrainerT) {
	return { learner: t('trainer.learner'), lastActivity: t('trainer.lastActivity'), certificate: t('trainer.certificate'), yes: t('trainer.yes'), no: t('trainer.no') };
}

/** A due date from the date field (yyyy-mm-dd) as the server stores it: the end of that day; empty when none. */
export function dueValue(date: string): string {
	return date ? `${date} 23:59:59.000Z` : '';
}

/** The join code of the selected cohort: it comes with its dashboard (only the owner can read it), so none while another loads. */
export function joinCodeOf(dashboard: Dashboard | null, selected: string): Dashboard['cohort'] | null {
	return dashboard?.cohort.id === selected ? dashboard.cohort : null;
}

/** Per test question: its text (or id) and the share right, in the order the server sent them. */
export function itemLines(stats: NonNullable<Dashboard['items'][string]['items']>, t: TrainerT): { id: string; text: string }[] {
	return Object.entries(stats).map(([item, s]) => ({ id: item, text: `${s.question ?? item} — ${t('trainer.correctShare', { share: percentText(s.correct, s.answered), n: s.answered })}` }));
}

/** Per decision of a case: the question and per option its text and how often it was chosen; ids where the labels have no text. */
export function decisionLines(
	scenario: string,
	decisions: Record<string, Record<string, number>> | null,
	labels: DashboardLabels,
	t: TrainerT,
): { node: string; question: string; options: { id: string; text: string }[] }[] {
	return Object.entries(decisions ?? {}).map(([node, options]) => {
		const decision = labels.scenarios[scenario]?.decisions[node];
		return {
			node,
			question: decision?.question ?? node,
			options: Object.entries(options).map(([option, n]) => ({ id: option, text: `${decision?.options[option] ?? option.toUpperCase()} — ${t('trainer.chosen', { n })}` })),
		};
	});
}

/** One line of the self-check averages: before or after, how many, and the averages per domain (or "too few"). */
export function selfCheckLine(kind: string, s: Dashboard['selfCheck'][string], minGroup: number, domains: DashboardLabels['domains'], t: TrainerT): string {
	const when = kind === 'before' ? t('selfCheck.before') : t('selfCheck.after');
	const figures =
		s.averages === null
			? t('trainer.tooFew', { n: s.count, min: minGroup })
			: Object.entries(s.averages)
					.map(([d, v]) => `${domains[d] ?? d} ${v}`)
					.join(', ');
	return `${when} (${s.count}): ${figures}`;
}
