import Papa from 'papaparse';
import { formatDate } from '../i18n/dates';
import type { Locale } from '../i18n/locales';

export interface Dashboard {
	cohort: { id: string; name: string; joinCode: string; codeOpen: boolean };
	assignments: { id: string; course: string; due: string }[];
	learners: { id: string; name: string; lastActivity: string; courses: Record<string, { percent: number; steps: number; tests: number; certificate: boolean }> }[];
	/** Learners the trainer removed and blocked from rejoining. */
	blocked: { id: string; name: string }[];
	lessons: Record<string, number>;
	/** Group figures show from this many learners up; below it they are null ("too few answers to show"). */
	minGroup: number;
	/**
	 * Per assigned test: how many learners answered, and per question the share right in each learner's latest
	 * attempt, with the question text (the bank is server-only); null below minGroup.
	 */
	items: Record<string, { learners: number; items: Record<string, { answered: number; correct: number; question?: string | null }> | null }>;
	/** Per assigned case: how many learners finished it, and per decision how often each option was chosen. */
	choices: Record<string, { learners: number; decisions: Record<string, Record<string, number>> | null }>;
	selfCheck: Record<string, { count: number; averages: Record<string, number> | null }>;
}

/**
 * The learners table as CSV for a Dutch-language spreadsheet: semicolons, a byte-order mark so
 * accents survive, dates as dd/mm/yyyy (the page's language: both nl-BE and en-GB write day first). Course titles come from the page. Names are typed by learners:
 * a cell starting with = + - @, a tab or a carriage return gets a leading apostrophe (PapaParse's
 * escapeFormulae), so a spreadsheet shows it as text and never runs it as a formula.
 */
export function dashboardCsv(d: Dashboard, courseTitles: Record<string, string>, labels: { learner: string; lastActivity: string; certificate: string; yes: string; no: string }, locale: Locale): string {
	const header = [labels.learner, labels.lastActivity, ...d.assignments.flatMap((a) => [`${courseTitles[a.course] ?? a.course} (%)`, `${courseTitles[a.course] ?? a.course}: ${labels.certificate}`])];
	const date = (iso: string) => formatDate(iso, locale, 'numeric');
	const rows = d.learners.map((l) => [l.name, date(l.lastActivity), ...d.assignments.flatMap((a) => [String(l.courses[a.course]?.percent ?? 0), l.courses[a.course]?.certificate ? labels.yes : labels.no])]);
	return `\uFEFF${Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true })}`;
}
