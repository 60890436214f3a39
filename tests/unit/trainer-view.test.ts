import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { islandTranslator, pick } from '../../src/i18n';
import { Assignments, JoinCode } from '../../src/components/trainer/CohortAdmin';
import { CohortSelector } from '../../src/components/trainer/CohortSelector';
import { ChoiceFigures, ItemFigures, LessonFigures, SelfCheckFigures } from '../../src/components/trainer/GroupFigures';
import { trainerKeys } from '../../src/components/trainer/keys';
import { BlockedMembers, CsvButton, LearnerTable } from '../../src/components/trainer/LearnerTable';
import { ModuleGrid } from '../../src/components/trainer/ModuleGrid';
import { copyText, csvFileName, csvLabels, decisionBars, dueValue, itemBars, joinCodeOf, joinLink, lessonBars, moduleCell, moduleGrids, percentText, selfCheckBars } from '../../src/components/trainer/view';
import type { Dashboard } from '../../src/lib/dashboard-csv';
import type { DashboardLabels } from '../../src/lib/dashboard-labels';

// The trainer page's parts without a browser: the pure shaping as functions, the presentational parts rendered to
// HTML on the server (react-dom/server), checked for the texts, roles and labels the Playwright specs select by.

const t = islandTranslator(pick('nl', trainerKeys));
const tEn = islandTranslator(pick('en', trainerKeys));
const render = (el: ReactElement) => renderToStaticMarkup(el);
const noop = () => {};

const labels: DashboardLabels = {
	assessments: { 'wat-is-palliatieve-zorg': { title: 'Toets: Wat is palliatieve zorg?', items: {} } },
	scenarios: { maria: { title: 'Maria', decisions: { n1: { question: 'Wat doe je eerst?', options: { a: 'Bellen', b: 'Wachten' }, qualities: { a: 'good', b: 'poor' } } } } },
	domains: { kennis: 'Kennis' },
};
const dashboard: Dashboard = {
	cohort: { id: 'c1', name: 'Groep A', joinCode: 'ABCD1234', codeOpen: true },
	assignments: [{ id: 'as1', course: 'basis', due: '2027-01-31 23:59:59.000Z' }],
	learners: [
		{
			id: 'u1',
			name: 'Anna',
			lastActivity: '2026-12-01 10:00:00.000Z',
			courses: { basis: { percent: 40, steps: 4, tests: 1, certificate: false, modules: { m1: { done: 4, total: 4, status: 'done' }, m2: { done: 1, total: 6, status: 'started' } } } },
		},
		{ id: 'u2', name: 'Bert', lastActivity: '', courses: { basis: { percent: 100, steps: 10, tests: 2, certificate: true } } },
	],
	blocked: [{ id: 'u3', name: 'Cas' }],
	lessons: { 'm/les-1': 2, 'm/les-2': 1 },
	minGroup: 5,
	items: { 'wat-is-palliatieve-zorg': { learners: 6, items: { q1: { answered: 6, correct: 4, question: 'Mevrouw Janssens…?' }, q2: { answered: 3, correct: 3 } } }, onbekend: { learners: 2, items: null } },
	choices: { maria: { learners: 5, decisions: { n1: { a: 3, b: 2, c: 1 }, n9: { a: 1 } } }, buur: { learners: 1, decisions: null } },
	selfCheck: { before: { count: 6, averages: { kennis: 3.2, onbekend: 2 } }, after: { count: 2, averages: null } },
};

describe('trainer view: pure shaping', () => {
	it('percentages round to whole numbers and show a dash when nobody counts', () => {
		expect(percentText(2, 3)).toBe('67%');
		expect(percentText(1, 3)).toBe('33%');
		expect(percentText(0, 4)).toBe('0%');
		expect(percentText(0, 0)).toBe('–');
	});
	it('the join link is the account page with the code', () => {
		expect(joinLink('https://leren.example.be', '/account/', 'XY12')).toBe('https://leren.example.be/account/?code=XY12');
	});
	it('the CSV file name keeps letters and digits of any script and turns every other run into one dash', () => {
		expect(csvFileName('Groep A / 2027')).toBe('palliwijs-Groep-A-2027.csv');
		expect(csvFileName('Zorgkundigen Brugge — één')).toBe('palliwijs-Zorgkundigen-Brugge-één.csv');
		expect(csvFileName('=cmd|x')).toBe('palliwijs--cmd-x.csv');
	});
	it('the CSV labels are in the page language', () => {
		expect(csvLabels(t)).toEqual({ learner: 'Cursist', email: 'E-mailadres (als gedeeld)', lastActivity: 'Laatste activiteit', certificate: 'certificaat', due: 'Uiterlijk op', yes: 'ja', no: 'nee' });
		expect(csvLabels(tEn).learner).not.toBe('Cursist');
	});
	it('a due date is the end of that day; no date is empty', () => {
		expect(dueValue('2027-01-31')).toBe('2027-01-31 23:59:59.000Z');
		expect(dueValue('')).toBe('');
	});
	it('the join code shows only with the dashboard of the selected cohort', () => {
		expect(joinCodeOf(dashboard, 'c1')?.joinCode).toBe('ABCD1234');
		expect(joinCodeOf(dashboard, 'c2')).toBeNull();
		expect(joinCodeOf(null, 'c1')).toBeNull();
	});
	it('item difficulty: each question (text, or its id) with the share right as text and a bar of the answers', () => {
		expect(itemBars(dashboard.items['wat-is-palliatieve-zorg']!.items!, t)).toEqual([
			{ id: 'q1', label: 'Mevrouw Janssens…?', value: '67% juist (6 antwoorden)', width: 66.7 },
			{ id: 'q2', label: 'q2', value: '100% juist (3 antwoorden)', width: 100 },
		]);
	});
	it('choice distribution: option texts and qualities from the labels (ids, upper-case, where none), count and share of the decision', () => {
		const bars = decisionBars('maria', dashboard.choices.maria!.decisions, labels, t);
		expect(bars).toEqual([
			{
				node: 'n1',
				question: 'Wat doe je eerst?',
				total: 6,
				options: [
					{ id: 'a', label: 'Bellen', value: '3× gekozen (50%)', width: 50, quality: 'good' },
					{ id: 'b', label: 'Wachten', value: '2× gekozen (33%)', width: 33.3, quality: 'poor' },
					{ id: 'c', label: 'C', value: '1× gekozen (17%)', width: 16.7, quality: undefined },
				],
			},
			{ node: 'n9', question: 'n9', total: 1, options: [{ id: 'a', label: 'A', value: '1× gekozen (100%)', width: 100, quality: undefined }] },
		]);
		expect(decisionBars('buur', null, labels, t)).toEqual([]);
	});
	it('lessons: finished out of the group, as text and as a bar', () => {
		expect(lessonBars({ 'm/les-1': 1 }, 4, { 'm/les-1': 'Les één' })).toEqual([{ id: 'm/les-1', label: 'Les één', value: '1 / 4 (25%)', width: 25 }]);
		expect(lessonBars({ 'm/les-1': 0 }, 0, {})[0]!.width).toBe(0);
	});
	it('self-check averages: bars of 5 with the number in the page language; none below the group minimum', () => {
		expect(selfCheckBars(dashboard.selfCheck.before!, labels.domains, 'nl')).toEqual([
			{ id: 'kennis', label: 'Kennis', value: '3,2', width: 64 },
			{ id: 'onbekend', label: 'onbekend', value: '2', width: 40 },
		]);
		expect(selfCheckBars(dashboard.selfCheck.before!, labels.domains, 'en')![0]!.value).toBe('3.2');
		expect(selfCheckBars(dashboard.selfCheck.after!, labels.domains, 'nl')).toBeNull();
	});
	it('the module grid: a grid per assigned course, a row per learner, a cell per module with the status in words', () => {
		const grids = moduleGrids(dashboard, { basis: [{ id: 'm1', title: 'Module 1' }, { id: 'm2', title: 'Module 2' }] }, { basis: 'Basis' }, t);
		expect(grids).toHaveLength(1);
		expect(grids[0]!.title).toBe('Basis');
		expect(grids[0]!.rows.map((r) => [r.name, ...r.cells.map((c) => c.text)])).toEqual([
			['Anna', 'Afgerond (4/4)', 'Bezig (1/6)'],
			['Bert', '–', '–'],
		]);
		expect(moduleCell({ done: 0, total: 3, status: 'notStarted' }, t)).toEqual({ text: 'Niet begonnen (0/3)', status: 'notStarted' });
		expect(moduleCell({ done: 0, total: 3, status: 'notStarted' }, tEn).text).toBe('Not started (0/3)');
		expect(moduleGrids({ ...dashboard, assignments: [{ id: 'x', course: 'onbekend', due: '' }] }, {}, {}, t)[0]).toMatchObject({ title: 'onbekend', modules: [] });
	});
	it('copying: true when the clipboard takes the text, false when it refuses or there is none', async () => {
		const taken: string[] = [];
		expect(await copyText('ABCD1234', { writeText: async (x: string) => void taken.push(x) })).toBe(true);
		expect(taken).toEqual(['ABCD1234']);
		expect(await copyText('ABCD1234', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })).toBe(false);
		expect(await copyText('ABCD1234', undefined)).toBe(false);
	});
});

describe('trainer view: presentational parts', () => {
	it('the cohort selector has the labelled name field and, with cohorts, the labelled select with each cohort', () => {
		const none = render(h(CohortSelector, { t, cohorts: [], selected: '', dashboardFailed: false, onCreate: async () => true, onSelect: noop, onRetry: noop }));
		expect(none).toContain('<label for="cohort-name">Naam van een nieuwe groep</label>');
		expect(none).toContain('>Groep maken</button>');
		expect(none).not.toContain('cohort-select');
		const two = render(h(CohortSelector, { t, cohorts: [{ id: 'c1', name: 'Groep A' }, { id: 'c2', name: 'Groep B' }], selected: 'c2', dashboardFailed: false, onCreate: async () => true, onSelect: noop, onRetry: noop }));
		expect(two).toContain('<label for="cohort-select">Groep</label>');
		expect(two).toMatch(/<option value="c2" selected="">Groep B<\/option>/);
		expect(two).not.toContain('role="alert"');
	});
	it('a dashboard that failed is said with the cohort name and a retry button, in an alert', () => {
		const html = render(h(CohortSelector, { t, cohorts: [{ id: 'c1', name: 'Groep A' }], selected: 'c1', dashboardFailed: true, onCreate: async () => true, onSelect: noop, onRetry: noop }));
		expect(html).toContain('role="alert"');
		expect(html).toContain(t('trainer.dashboardFailed', { name: 'Groep A' }));
		expect(html).toContain('>Opnieuw proberen</button>');
	});
	it('the join code part: code and link in labelled read-only fields with copy buttons, a live confirmation, the state in words', () => {
		const open = render(h(JoinCode, { t, cohort: dashboard.cohort, link: 'https://x/account/?code=ABCD1234', onChange: noop }));
		expect(open).toContain('<label for="join-code">Code om aan te sluiten</label>');
		expect(open).toMatch(/<input id="join-code" class="trainer__code" readOnly="" value="ABCD1234"/);
		expect(open).toMatch(/<input id="join-link" readOnly="" value="https:\/\/x\/account\/\?code=ABCD1234"/);
		expect(open).toContain('>Kopieer de code</button>');
		expect(open).toContain('>Kopieer de link</button>');
		expect(open.match(/role="status"/g)).toHaveLength(2);
		expect(open).toContain(`<span class="status status--done">${t('trainer.open')}</span>`);
		expect(open).toContain('>Code sluiten</button>');
		expect(open).toContain('>Nieuwe code maken</button>');
		const closed = render(h(JoinCode, { t, cohort: { ...dashboard.cohort, codeOpen: false }, link: '', onChange: noop }));
		expect(closed).toContain(`<span class="status status--poor">${t('trainer.closed')}</span>`);
		expect(closed).toContain('>Code weer openen</button>');
	});
	it('assignments list course titles with the due date in the page language, and the assign form is labelled', () => {
		const html = render(h(Assignments, { t, locale: 'nl', assignments: dashboard.assignments, courses: [{ id: 'basis', title: 'Basis palliatieve zorg' }], courseTitles: { basis: 'Basis palliatieve zorg' }, onAssign: noop }));
		expect(html).toContain('<li>Basis palliatieve zorg — Uiterlijk op 31/01/2027</li>');
		const none = render(h(Assignments, { t, locale: 'nl', assignments: [], courses: [], courseTitles: {}, onAssign: noop }));
		expect(none).toContain(`<p class="trainer__empty">${t('trainer.noAssignments')}</p>`);
		expect(html).toContain('<label for="assign-course">Cursus</label>');
		expect(html).toContain('<label for="assign-due">Uiterlijk op</label>');
		expect(html).toContain('>Cursus toewijzen</button>');
	});
	it('the learner table has a row header per learner, progress and certificate per course, and labelled remove buttons', () => {
		const html = render(h(LearnerTable, { t, locale: 'nl', dashboard, courseTitles: { basis: 'Basis' }, onRemove: noop }));
		expect(html).toContain('<th scope="row">Anna</th><td>01/12/2026</td><td>40%</td>');
		expect(html).toContain('<th scope="row">Bert</th><td>–</td><td>100% · certificaat</td>');
		expect(html).toContain('<th scope="col">Basis</th>');
		expect(html).toContain('aria-label="Anna uit de groep halen"');
		expect(html).toContain(`aria-label="${t('trainer.removeBlockLabel', { name: 'Bert' })}"`);
		const empty = render(h(LearnerTable, { t, locale: 'nl', dashboard: { ...dashboard, learners: [] }, courseTitles: {}, onRemove: noop }));
		expect(empty).not.toContain('<table');
		expect(empty).toContain(t('trainer.noLearners'));
	});
	it('blocked members show with an unblock button, and nothing shows when none are blocked', () => {
		const html = render(h(BlockedMembers, { t, blocked: dashboard.blocked, onUnblock: noop }));
		expect(html).toContain('>Geblokkeerd voor deze groep</h3>');
		expect(html).toContain(`aria-label="${t('trainer.unblockLabel', { name: 'Cas' })}"`);
		expect(render(h(BlockedMembers, { t, blocked: [], onUnblock: noop }))).toBe('');
	});
	it('the CSV button says what it does', () => {
		expect(render(h(CsvButton, { t, onDownload: noop }))).toBe('<p><button type="button">Download als CSV</button></p>');
	});
	it('the module grid: a caption, a column per module, the status in words with its class, scrolling in a focusable region', () => {
		const html = render(h(ModuleGrid, { t, dashboard, courseModules: { basis: [{ id: 'm1', title: 'Module 1' }, { id: 'm2', title: 'Module 2' }] }, courseTitles: { basis: 'Basis' } }));
		expect(html).toContain('role="region" aria-label="Voortgang per module: Basis" tabindex="0"');
		expect(html).toContain('<caption>Voortgang per module: Basis</caption>');
		expect(html).toContain('<th scope="col">Module 1</th><th scope="col">Module 2</th>');
		expect(html).toContain('<th scope="row">Anna</th><td><span class="status status--done">Afgerond (4/4)</span></td><td><span class="status status--fair">Bezig (1/6)</span></td>');
		expect(html).toContain('<th scope="row">Bert</th><td>–</td><td>–</td>');
		expect(render(h(ModuleGrid, { t, dashboard: { ...dashboard, assignments: [] }, courseModules: {}, courseTitles: {} }))).toContain(t('trainer.noAssignments'));
		expect(render(h(ModuleGrid, { t, dashboard: { ...dashboard, learners: [] }, courseModules: {}, courseTitles: {} }))).toContain(t('trainer.noLearners'));
	});
	it('group figures: bars with the numbers as text and the bar hidden from screen readers; empty and too-few states say why', () => {
		const lessons = render(h(LessonFigures, { t, lessons: dashboard.lessons, learners: 2, lessonTitles: { 'm/les-1': 'Les één' } }));
		expect(lessons).toContain('<span class="bars__label">Les één</span><span class="bars__value">2 / 2 (100%)</span><span class="bars__track" aria-hidden="true"><span class="bars__bar" style="width:100%"></span></span>');
		expect(lessons).toContain('<span class="bars__value">1 / 2 (50%)</span>');
		expect(render(h(LessonFigures, { t, lessons: {}, learners: 2, lessonTitles: {} }))).toContain(t('trainer.noLessons'));
		const items = render(h(ItemFigures, { t, items: dashboard.items, minGroup: 5, labels, assigned: true }));
		expect(items).toContain('<h4>Toets: Wat is palliatieve zorg?</h4>');
		expect(items).toContain('<span class="bars__label">Mevrouw Janssens…?</span><span class="bars__value">67% juist (6 antwoorden)</span>');
		expect(items).toContain('style="width:66.7%"');
		expect(items).toContain(`<h4>onbekend</h4><p class="trainer__empty">${t('trainer.tooFew', { n: 2, min: 5 })}</p>`);
		expect(render(h(ItemFigures, { t, items: {}, minGroup: 5, labels, assigned: true }))).toContain(t('trainer.noAnswers'));
		expect(render(h(ItemFigures, { t, items: {}, minGroup: 5, labels, assigned: false }))).toContain(t('trainer.assignFirst'));
		const choices = render(h(ChoiceFigures, { t, choices: dashboard.choices, minGroup: 5, labels, assigned: true }));
		expect(choices).toContain('<h4>Maria</h4>');
		expect(choices).toContain('<p class="trainer__question">Wat doe je eerst?</p><ul class="bars" aria-label="Wat doe je eerst?">');
		expect(choices).toContain('Bellen <span class="tag quality-good">Aanbevolen</span></span><span class="bars__value">3× gekozen (50%)</span>');
		expect(choices).toContain('<span class="bars__bar bars__bar--poor" style="width:33.3%">');
		expect(choices).toContain(`<h4>buur</h4><p class="trainer__empty">${t('trainer.tooFew', { n: 1, min: 5 })}</p>`);
		expect(render(h(ChoiceFigures, { t, choices: {}, minGroup: 5, labels, assigned: true }))).toContain(t('trainer.noRuns'));
		expect(render(h(ChoiceFigures, { t, choices: {}, minGroup: 5, labels, assigned: false }))).toContain(t('trainer.assignFirst'));
		const self = render(h(SelfCheckFigures, { t, locale: 'nl', selfCheck: dashboard.selfCheck, minGroup: 5, domains: labels.domains }));
		expect(self).toContain('<h4>Voor de cursus (6)</h4>');
		expect(self).toContain('<span class="bars__label">Kennis</span><span class="bars__value">3,2</span>');
		expect(self).toContain(`<h4>Na de cursus (2)</h4><p class="trainer__empty">${t('trainer.tooFew', { n: 2, min: 5 })}</p>`);
		expect(render(h(SelfCheckFigures, { t, locale: 'nl', selfCheck: {}, minGroup: 5, domains: {} }))).toContain(t('trainer.noSelfChecks'));
	});
});
