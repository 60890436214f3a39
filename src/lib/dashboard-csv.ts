import Papa from 'papaparse';

export interface Dashboard {
	cohort: { id: string; name: string; joinCode: string; codeOpen: boolean };
	assignments: { id: string; course: string; due: string }[];
	learners: { id: string; name: string; lastActivity: string; courses: Record<string, { percent: number; steps: number; tests: number; certificate: boolean }> }[];
	lessons: Record<string, number>;
	/** Per test and item: answers in each learner's latest attempt, right ones, and the question (the bank is server-only). */
	items: Record<string, Record<string, { answered: number; correct: number; question?: string }>>;
	choices: Record<string, Record<string, Record<string, number>>>;
	selfCheck: Record<string, { count: number; averages: Record<string, number> }>;
}

/**
 * The learners table as CSV for a Dutch-language spreadsheet: semicolons, a byte-order mark so
 * accents survive, dates as dd/mm/yyyy. Course titles come from the page.
 */
export function dashboardCsv(d: Dashboard, courseTitles: Record<string, string>, labels: { learner: string; lastActivity: string; certificate: string; yes: string; no: string }): string {
	const header = [labels.learner, labels.lastActivity, ...d.assignments.flatMap((a) => [`${courseTitles[a.course] ?? a.course} (%)`, `${courseTitles[a.course] ?? a.course}: ${labels.certificate}`])];
	const date = (iso: string) => (iso ? new Date(iso.replace(' ', 'T')).toLocaleDateString('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric' }) : '');
	const rows = d.learners.map((l) => [l.name, date(l.lastActivity), ...d.assignments.flatMap((a) => [String(l.courses[a.course]?.percent ?? 0), l.courses[a.course]?.certificate ? labels.yes : labels.no])]);
	return `\uFEFF${Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n', quotes: false })}`;
}
