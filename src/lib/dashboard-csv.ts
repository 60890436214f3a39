import Papa from 'papaparse';
import { formatDate } from '../i18n/dates';
import type { Locale } from '../i18n/locales';
import type { ModuleProgress } from './rules/completion';

export interface Dashboard {
	cohort: { id: string; name: string; joinCode: string; codeOpen: boolean };
	assignments: { id: string; course: string; due: string }[];
	learners: {
		id: string;
		name: string;
		/** Only when the learner agreed to share it with this group's trainer when joining; empty otherwise. */
		email?: string;
		lastActivity: string;
		courses: Record<string, { percent: number; steps: number; tests: number; certificate: boolean; modules?: Record<string, ModuleProgress> }>;
	}[];
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
 * A due date as the reader's calendar date. The server stores the end of the chosen day in UTC ("2027-01-31 23:59:59.000Z"),
 * which in Belgium is already the next morning: the date part is read as that day (at noon UTC, the same day in every
 * time zone from UTC−11 to UTC+11). Empty when there is none.
 */
export function dueDate(due: string, locale: Locale): string {
	return /^\d{4}-\d{2}-\d{2}/.test(due) ? formatDate(`${due.slice(0, 10)}T12:00:00Z`, locale, 'numeric') : '';
}

/** The words of the CSV's header and cells, in the page's language. */
export interface CsvLabels {
	learner: string;
	/** The e-mail column ("E-mailadres (als gedeeld)"). */
	email: string;
	lastActivity: string;
	certificate: string;
	/** The due-date column of a course ("Uiterlijk op"). */
	due: string;
	yes: string;
	no: string;
}

/**
 * The learners table as CSV for a Dutch-language spreadsheet: semicolons, a byte-order mark so
 * accents survive, dates as dd/mm/yyyy (the page's language: both nl-BE and en-GB write day first). Course titles come from the page.
 * After the name the e-mail address, filled only for learners who chose to share it with the trainer when they joined.
 * Per assigned course, in the order of the assignments: the percentage done, the certificate, and the course's due date
 * (the same for every learner of the group, so a sorted or filtered sheet keeps it; empty when the course has none).
 * Names are typed by learners:
 * a cell starting with = + - @, a tab or a carriage return gets a leading apostrophe (PapaParse's
 * escapeFormulae), so a spreadsheet shows it as text and never runs it as a formula.
 */
export function dashboardCsv(d: Dashboard, courseTitles: Record<string, string>, labels: CsvLabels, locale: Locale): string {
	const title = (course: string) => courseTitles[course] ?? course;
	const header = [labels.learner, labels.email, labels.lastActivity, ...d.assignments.flatMap((a) => [`${title(a.course)} (%)`, `${title(a.course)}: ${labels.certificate}`, `${title(a.course)}: ${labels.due}`])];
	const date = (iso: string) => formatDate(iso, locale, 'numeric');
	const rows = d.learners.map((l) => [
		l.name,
		l.email ?? '',
		date(l.lastActivity),
		...d.assignments.flatMap((a) => [String(l.courses[a.course]?.percent ?? 0), l.courses[a.course]?.certificate ? labels.yes : labels.no, dueDate(a.due, locale)]),
	]);
	return `\uFEFF${Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true })}`;
}
