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
			],
			lessons: {},
			items: {},
			choices: {},
			selfCheck: {},
		};
		const csv = dashboardCsv(d, { basis: 'Basis palliatieve zorg' }, { learner: 'Cursist', lastActivity: 'Laatste activiteit', certificate: 'certificaat', yes: 'ja', no: 'nee' });
		expect(csv.startsWith('\uFEFFCursist;Laatste activiteit;Basis palliatieve zorg (%);Basis palliatieve zorg: certificaat\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
		expect(parsed[1]).toEqual(['Zoë; "Jansens"', '23/11/2026', '40', 'nee']);
		expect(parsed[2]).toEqual(['Luc', '', '0', 'nee']);
	});
});
