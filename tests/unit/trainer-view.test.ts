import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { islandTranslator, pick } from '../../src/i18n';
import { Assignments, JoinCode } from '../../src/components/trainer/CohortAdmin';
import { CohortSelector } from '../../src/components/trainer/CohortSelector';
import { ChoiceFigures, ItemFigures, LessonFigures, SelfCheckFigures } from '../../src/components/trainer/GroupFigures';
import { trainerKeys } from '../../src/components/trainer/keys';
import { BlockedMembers, CsvButton, LearnerTable } from '../../src/components/trainer/LearnerTable';
import { csvFileName, csvLabels, decisionLines, dueValue, itemLines, joinCodeOf, joinLink, percentText, selfCheckLine } from '../../src/components/trainer/view';
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
	scenarios: { maria: { title: 'Maria', decisions: { n1: { question: 'Wat doe je eerst?', options: { a: 'Bellen', b: 'Wachten' } } } } },
	domains: { kennis: 'Kennis' },
};
const dashboard: Dashboard = {
	cohort: { id: 'c1', name: 'Groep A', joinCode: 'ABCD1234', codeOpen: true },
	assignments: [{ id: 'as1', course: 'basis', due: '2027-01-31 23:59:59.000Z' }],
	learners: [
		{ id: 'u1', name: 'Anna', lastActivity: '2026-12-01 10:00:00.000Z', courses: { basis: { percent: 40, steps: 4, tests: 1, certificate: false } } },
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
		expect(csvLabels(t)).toEqual({ learner: 'Cursist', lastActivity: 'Laatste activiteit', certificate: 'certificaat', yes: 'ja', no: 'nee' });
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
	it('test questions show their text or, without one, their id, with the share right', () => {
		expect(itemLines(dashboard.items['wat-is-palliatieve-zorg']!.items!, t)).toEqual([
			{ id: 'q1', text: 'Mevrouw Janssens…? — 67% juist (6 antwoorden)' },
			{ id: 'q2', text: 'q2 — 100% juist (3 antwoorden)' },
		]);
	});
	it('case decisions take question and option texts from the labels, ids (option upper-case) where there are none', () => {
		const lines = decisionLines('maria', dashboard.choices.maria!.decisions, labels, t);
		expect(lines).toEqual([
			{ node: 'n1', question: 'Wat doe je eerst?', options: [{ id: 'a', text: 'Bellen — 3× gekozen' }, { id: 'b', text: 'Wachten — 2× gekozen' }, { id: 'c', text: 'C — 1× gekozen' }] },
			{ node: 'n9', question: 'n9', options: [{ id: 'a', text: 'A — 1× gekozen' }] },
		]);
		expect(decisionLines('buur', null, labels, t)).toEqual([]);
	});
	it('a self-check line names before or after, the count and the averages, or says there are too few', () => {
		expect(selfCheckLine('before', dashboard.selfCheck.before!, 5, labels.domains, t)).toBe('Voor de cursus (6): Kennis 3.2, onbekend 2');
		expect(selfCheckLine('after', dashboard.selfCheck.after!, 5, labels.domains, t)).toBe(`Na de cursus (2): ${t('trainer.tooFew', { n: 2, min: 5 })}`);
		expect(t('trainer.tooFew', { n: 2, min: 5 })).toContain('2');
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
	it('the join code part shows code, state and link, and the close or reopen button by state', () => {
		const open = render(h(JoinCode, { t, cohort: dashboard.cohort, link: 'https://x/account/?code=ABCD1234', onChange: noop }));
		expect(open).toContain('<strong class="trainer__code">ABCD1234</strong> (open)');
		expect(open).toContain('<code>https://x/account/?code=ABCD1234</code>');
		expect(open).toContain('>Code sluiten</button>');
		expect(open).toContain('>Nieuwe code maken</button>');
		const closed = render(h(JoinCode, { t, cohort: { ...dashboard.cohort, codeOpen: false }, link: '', onChange: noop }));
		expect(closed).toContain('(gesloten)');
		expect(closed).toContain('>Code weer openen</button>');
	});
	it('assignments list course titles with the due date in the page language, and the assign form is labelled', () => {
		const html = render(h(Assignments, { t, locale: 'nl', assignments: dashboard.assignments, courses: [{ id: 'basis', title: 'Basis palliatieve zorg' }], courseTitles: { basis: 'Basis palliatieve zorg' }, onAssign: noop }));
		expect(html).toContain('<li>Basis palliatieve zorg — Uiterlijk op 31/01/2027</li>');
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
		expect(html).toContain('<h3>Geblokkeerd voor deze groep</h3>');
		expect(html).toContain(`aria-label="${t('trainer.unblockLabel', { name: 'Cas' })}"`);
		expect(render(h(BlockedMembers, { t, blocked: [], onUnblock: noop }))).toBe('');
	});
	it('the CSV button says what it does', () => {
		expect(render(h(CsvButton, { t, onDownload: noop }))).toBe('<p><button type="button">Download als CSV</button></p>');
	});
	it('group figures: lessons with titles and shares, items and choices under their titles, too few below the minimum', () => {
		const lessons = render(h(LessonFigures, { t, lessons: dashboard.lessons, learners: 2, lessonTitles: { 'm/les-1': 'Les één' } }));
		expect(lessons).toContain('<li>Les één: 2 / 2 (100%)</li>');
		expect(lessons).toContain('<li>m/les-2: 1 / 2 (50%)</li>');
		const items = render(h(ItemFigures, { t, items: dashboard.items, minGroup: 5, labels }));
		expect(items).toContain('<h4>Toets: Wat is palliatieve zorg?</h4>');
		expect(items).toContain('<li>Mevrouw Janssens…? — 67% juist (6 antwoorden)</li>');
		expect(items).toContain(`<h4>onbekend</h4><p>${t('trainer.tooFew', { n: 2, min: 5 })}</p>`);
		expect(render(h(ItemFigures, { t, items: {}, minGroup: 5, labels }))).toContain(t('trainer.noAnswers'));
		const choices = render(h(ChoiceFigures, { t, choices: dashboard.choices, minGroup: 5, labels }));
		expect(choices).toContain('<h4>Maria</h4>');
		expect(choices).toContain('Wat doe je eerst?<ul><li>Bellen — 3× gekozen</li>');
		expect(choices).toContain(`<h4>buur</h4><p>${t('trainer.tooFew', { n: 1, min: 5 })}</p>`);
		expect(render(h(ChoiceFigures, { t, choices: {}, minGroup: 5, labels }))).toContain(t('trainer.noRuns'));
		const self = render(h(SelfCheckFigures, { t, selfCheck: dashboard.selfCheck, minGroup: 5, domains: labels.domains }));
		expect(self).toContain('<li>Voor de cursus (6): Kennis 3.2, onbekend 2</li>');
		expect(render(h(SelfCheckFigures, { t, selfCheck: {}, minGroup: 5, domains: {} }))).toContain(t('trainer.noSelfChecks'));
	});
});
