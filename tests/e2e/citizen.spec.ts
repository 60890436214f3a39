import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { playCase } from './play';
import { lessonFiles } from '../helpers/content-files';
import { walk } from '../helpers/scenario-graph';
import { scenarioInLocale } from '../helpers/scenarios';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = JSON.parse(readFileSync(path.join(root, 'dist/catalog.json'), 'utf8')) as { courses: Record<string, { steps: string[] }> };
const course = catalog.courses['iedereen-kundig']!;

async function fillSelfCheck(page: Page, value: string) {
	for (const group of await page.locator('fieldset.selfcheck__item').all()) await group.getByLabel(value, { exact: true }).check();
}

test('a citizen takes the whole course in English without an account', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/en/courses/iedereen-kundig/');
	await expect(page.getByRole('complementary', { name: 'Before you start' })).toContainText('You can stop at any time');
	await page.getByRole('link', { name: 'Self-check: what do I know and what can I do?' }).click();
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'Before the course', level: 2 })).toBeVisible();
	await page.getByRole('button', { name: 'Save my answers' }).click();
	await expect(page.getByRole('alert')).toContainText('12 questions are still open.');
	await fillSelfCheck(page, 'A little');
	await page.getByRole('button', { name: 'Save my answers' }).click();
	const table = page.getByRole('table', { name: /Your score per theme/ });
	await expect(table.locator('tbody tr')).toHaveCount(4);
	await expect(table.locator('tbody tr').first().locator('td').first()).toContainText('2');
	await expect(table.locator('tbody tr').first().locator('td').nth(1)).toContainText('not filled in yet');

	for (const step of course.steps) {
		if (step.startsWith('scenario/')) {
			const id = step.slice('scenario/'.length);
			await page.goto(`/en/cases/${id}/`);
			await hydrated(page);
			const player = page.locator('.scenario');
			await playCase(page, id, 'Continue');
			await expect(player.getByRole('status')).toContainText('Saved on this device');
		} else {
			await page.goto(`/en/modules/${step}/`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByText('This lesson is not yet available in English')).toHaveCount(0);
			await page.getByRole('button', { name: 'Mark as done' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
		}
	}
	await page.goto('/en/courses/iedereen-kundig/');
	await expect(page.getByText(`${course.steps.length} of ${course.steps.length} steps done`)).toBeVisible();

	await page.goto('/en/self-check/');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'After the course', level: 2 })).toBeVisible();
	await fillSelfCheck(page, 'Well');
	await page.getByRole('button', { name: 'Save my answers' }).click();
	await expect(table.locator('tbody tr').first().locator('td').nth(1)).toContainText('4');
});

test('the neighbour case plays in English on /en/, to an ending with an English debrief', async ({ page }) => {
	const { data } = scenarioInLocale('zieke-buurvrouw', 'en');
	const dutch = scenarioInLocale('zieke-buurvrouw', 'nl').data;
	const path = walk('zieke-buurvrouw', data).complete.find((p) => String(p.state.value) === 'einde-goed')!;
	await page.goto('/en/cases/zieke-buurvrouw/');
	await hydrated(page);
	const player = page.locator('.scenario');
	await expect(page.getByText('This case is not yet available in English')).toHaveCount(0);
	// The player is not marked as Dutch: the nearest language is the page's.
	expect(await player.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('en');
	await expect(player.getByRole('heading', { level: 2, name: 'News over the hedge' })).toBeVisible();
	await playCase(page, 'zieke-buurvrouw', 'Continue', path);
	const ending = data.nodes['einde-goed'] as { title: string; learningPoints: string[] };
	await expect(player.getByRole('heading', { level: 2, name: ending.title })).toBeVisible();
	await expect(player.getByText(ending.learningPoints[0]!)).toBeVisible();
	await expect(player.getByText((dutch.nodes['einde-goed'] as { learningPoints: string[] }).learningPoints[0]!)).toHaveCount(0);
	// The debrief sets each English choice beside the recommended one.
	const debrief = player.locator('.scenario__debrief');
	await expect(debrief).toContainText((data.nodes['wie-bellen'] as { options: { id: string; text: string }[] }).options.find((o) => o.id === 'a')!.text);
	await expect(player.getByRole('status')).toContainText('Saved on this device');
});

/**
 * The browser's speech as the test decides it (Chromium here may or may not have voices): `voices` are
 * the languages it offers, or null for a browser without speech synthesis. What it was asked to say is
 * kept in window.__spoken.
 */
async function speech(page: Page, voices: string[] | null) {
	await page.addInitScript((langs) => {
		const w = window as unknown as Record<string, unknown>;
		if (langs === null) {
			delete w.speechSynthesis;
			delete (Window.prototype as unknown as Record<string, unknown>).speechSynthesis;
			return;
		}
		const spoken: string[] = [];
		w.__spoken = spoken;
		let speaking = false;
		w.SpeechSynthesisUtterance = class {
			lang = '';
			voice: unknown = null;
			constructor(readonly text: string) {}
		};
		const synth = {
			getVoices: () => langs.map((lang) => ({ lang, name: `Test ${lang}`, default: false, localService: true, voiceURI: lang })),
			speak: (u: { text: string }) => {
				spoken.push(u.text);
				speaking = true;
			},
			cancel: () => {
				speaking = false;
			},
			get speaking() {
				return speaking;
			},
			pending: false,
			addEventListener: () => undefined,
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	}, voices);
}

const citizenLesson = course.steps.find((s) => !s.startsWith('scenario/'))!;
/** The first section heading of the lesson, from its file: it must be among what is read aloud. */
const citizenLessonHeading = (() => {
	const [module, slug] = citizenLesson.split('/');
	const file = lessonFiles().find((f) => f.locale === 'nl' && f.module === module && f.slug === slug)!;
	return /^## (.+)$/m.exec(file.body)![1]!.trim();
})();

test('read aloud reads the lesson with a Dutch voice, and stops', async ({ page }) => {
	await speech(page, ['en-GB', 'nl-BE']);
	await page.goto(`/modules/${citizenLesson}/`);
	const status = page.locator('[data-read-aloud] [role=status]');
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect(status).toHaveText('Bezig met voorlezen.');
	await expect(page.getByRole('button', { name: 'Stop met voorlezen' })).toHaveAttribute('aria-pressed', 'true');
	const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
	expect(spoken.length).toBeGreaterThan(1);
	expect(spoken).toContain(citizenLessonHeading);
	await page.getByRole('button', { name: 'Stop met voorlezen' }).click();
	await expect(status).toHaveText('Voorlezen gestopt.');
	await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveAttribute('aria-pressed', 'false');
});

test('read aloud says so when the browser has no Dutch voice', async ({ page }) => {
	await speech(page, ['en-GB', 'fr-BE']);
	await page.goto(`/modules/${citizenLesson}/`);
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect(page.locator('[data-read-aloud] [role=status]')).toHaveText(/^Je browser heeft geen Nederlandse stem\./);
	expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual([]);
});

test('read aloud says so when the browser cannot speak at all', async ({ page }) => {
	await speech(page, null);
	await page.goto(`/modules/${citizenLesson}/`);
	expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect(page.locator('[data-read-aloud] [role=status]')).toHaveText(/^Je browser kan niet voorlezen\./);
});

test('the help page names where to find help, in both languages', async ({ page }) => {
	await page.goto('/hulp/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('main')).toContainText('1813');
	await expect(page.locator('main')).toContainText('huisarts');
	await page.getByRole('link', { name: 'Read this page in English' }).click();
	await expect(page).toHaveURL(/\/en\/help\/$/);
	await expect(page.locator('main')).toContainText('113');
});

test('the self-check chart is proportional (3, 4 and 5 differ) and readable on a 320 px phone, the numbers as text', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	const scores = { praktisch: 3, ervaring: 4, feiten: 5, gemeenschap: 1.5 };
	await page.addInitScript((stored) => localStorage.setItem('palliwijs.selfcheck.v1', stored), JSON.stringify({ before: { answers: {}, scores, at: '2026-12-01T10:00:00Z' }, after: { answers: {}, scores: { ...scores, gemeenschap: 2.5 }, at: '2026-12-07T10:00:00Z' } }));
	await page.goto('/zelftest/');
	await hydrated(page);
	const table = page.getByRole('table', { name: /Je score per thema/ });
	const cells = table.locator('tbody tr td:first-of-type');
	await expect(cells).toHaveCount(4);
	// The numbers are text (in Dutch with a decimal comma); the bars are decoration, hidden from screen readers.
	await expect(cells).toHaveText(['3', '4', '5', '1,5']);
	await expect(table.locator('.selfcheck__track').first()).toHaveAttribute('aria-hidden', 'true');
	const shares = await cells.evaluateAll((tds) => tds.map((td) => td.querySelector('.selfcheck__bar')!.getBoundingClientRect().width / td.querySelector('.selfcheck__track')!.getBoundingClientRect().width));
	for (const [i, score] of [3, 4, 5, 1.5].entries()) expect(shares[i]).toBeCloseTo(score / 5, 1);
	// 3, 4 and 5 are visibly different lengths.
	const widths = await cells.evaluateAll((tds) => tds.map((td) => td.querySelector('.selfcheck__bar')!.getBoundingClientRect().width));
	expect(widths[1]! - widths[0]!).toBeGreaterThan(8);
	expect(widths[2]! - widths[1]!).toBeGreaterThan(8);
	// The after column is on screen, and the page does not scroll sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expect(table.locator('tbody tr').last().locator('td').last()).toHaveText('2,5');
	const after = (await table.locator('tbody tr').last().locator('td').last().boundingBox())!;
	expect(after.x + after.width).toBeLessThanOrEqual(320);
});
