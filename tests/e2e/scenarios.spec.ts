import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { scenarioFiles } from '../helpers/scenarios';
import { walk } from '../helpers/scenario-graph';
import { playCase, signUp } from './play';
import PocketBase from 'pocketbase';
import type { DecisionNode } from '../../src/schemas/scenario';
import { orderedOptions } from '../../src/lib/scenario/run-store';
import { tolerateFailedRequests, uniqueEmail } from './fixtures';

const scenarios = scenarioFiles();

async function open(page: Page, id: string) {
	await page.goto(`/casussen/${id}/`);
	await hydrated(page);
}

/** Presses Tab until the element is focused (the way a keyboard user gets there). */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>) {
	for (let i = 0; i < 60; i++) {
		if (await locator.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('could not reach the element with Tab');
}

test('Maria can be played to an ending by keyboard alone', async ({ page }) => {
	const maria = scenarios.find((s) => s.id === 'maria')!;
	const { complete } = walk('maria', maria.data);
	const path = complete.find((p) => (maria.data.nodes[String(p.state.value)] as { outcome: string }).outcome === 'good')!;
	await open(page, 'maria');
	const player = page.locator('.scenario');
	for (const { event } of path.steps.filter((s) => s.event.type !== 'xstate.init')) {
		// Options come in the play's own order: the right one is found by its text, not its place.
		if (event.type === 'CONTINUE') {
			await tabTo(page, player.getByRole('button', { name: 'Verder' }));
			await page.keyboard.press('Enter');
		} else {
			const decision = maria.data.nodes[String(path.steps[path.steps.findIndex((x) => x.event === event) - 1]!.state.value)] as DecisionNode;
			const button = player.getByRole('button', { name: decision.options.find((o) => o.id === event.option)!.text, exact: true });
			await tabTo(page, button);
			await page.keyboard.press('Enter');
			// the feedback gets the focus, then Tab + Enter go on
			await expect(player.getByRole('heading', { level: 2 })).toBeFocused();
			await expect(player.getByRole('heading', { level: 2 })).toContainText('Je koos');
			await page.keyboard.press('Tab');
			await expect(player.getByRole('button', { name: 'Verder' })).toBeFocused();
			await page.keyboard.press('Enter');
		}
	}
	const ending = maria.data.nodes[String(path.state.value)] as { title: string };
	await expect(player.getByRole('heading', { level: 2 })).toHaveText(ending.title);
	await expect(player.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(player.getByText('Goede afloop')).toBeVisible();
	await expect(player.locator('.scenario__debrief > li')).toHaveCount(path.steps.filter((s) => s.event.type === 'CHOOSE').length);
	await expect(player.getByRole('status')).toContainText('Je hebt deze casus afgerond.');
});

for (const s of scenarios) {
	test(`${s.id}: every ending can be reached in the browser, with a debrief`, async ({ page }) => {
		const { complete } = walk(s.id, s.data);
		const byEnding = new Map(complete.map((p) => [String(p.state.value), p]));
		expect(byEnding.size).toBeGreaterThan(0);
		for (const [endingId, path] of byEnding) {
			// Every ending from the start: the run of the previous ending, saved on this device, is forgotten
			// before the page loads it (deciding after hydration whether to restart would race with that load).
			await page.goto(`/casussen/${s.id}/`);
			await page.evaluate((key) => localStorage.removeItem(key), `palliwijs.scenario.${s.id}.v1`);
			await page.reload();
			await hydrated(page);
			const player = page.locator('.scenario');
			await playCase(page, s.id, 'Verder', path);
			const ending = s.data.nodes[endingId] as { title: string; learningPoints: string[] };
			await expect(player.getByRole('heading', { level: 2, name: ending.title })).toBeVisible();
			await expect(player.getByText(ending.learningPoints[0]!)).toBeVisible();
		}
	});
}

test('a reload resumes the case where the reader was, and finishing it counts in the module', async ({ page }) => {
	const maria = scenarios.find((s) => s.id === 'maria')!;
	await open(page, 'maria');
	const player = page.locator('.scenario');
	const first = maria.data.nodes[maria.data.start]!;
	if (first.type === 'scene') await player.getByRole('button', { name: 'Verder' }).click();
	const heading = await player.getByRole('heading', { level: 2 }).textContent();
	await page.reload();
	await hydrated(page);
	await expect(player.getByText('Je gaat verder waar je gebleven was.')).toBeVisible();
	await expect(player.getByRole('heading', { level: 2 })).toHaveText(heading!);

	// Play on to an ending: the module page then shows the case as done.
	const { complete } = walk('maria', maria.data);
	await player.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await playCase(page, 'maria', 'Verder', complete[0]!);
	await expect(player.getByRole('status')).toContainText('Bewaard op dit toestel');
	const module = (await page.locator('.meta a[href^="/modules/"]').first().getAttribute('href'))!;
	await page.goto(module);
	await expect(page.locator('[data-step="scenario/maria"] .task__status')).toHaveText('Gedaan');
	// and the module's lessons point to the case
	await page.locator('.tasks a').first().click();
	await page.getByRole('complementary', { name: 'Oefen met een casus uit deze module' }).getByRole('link', { name: maria.data.title.nl }).click();
	await expect(page).toHaveURL(/\/casussen\/maria\/$/);
});

/** The finished and unfinished runs of a case for the learner logged in on the page, read as a superuser. */
async function runsOf(page: Page, scenario: string) {
	const user = await page.evaluate(() => (JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}') as { record?: { id: string } }).record?.id);
	const admin = new PocketBase(process.env.PW_BASE_URL);
	await admin.collection('_superusers').authWithPassword(process.env.PW_ADMIN_EMAIL!, process.env.PW_ADMIN_PASSWORD!);
	return admin.collection('scenario_runs').getFullList<{ id: string; finishedAt: string }>({ filter: admin.filter('user = {:user} && scenario = {:scenario}', { user, scenario }) });
}

test('options come in the order of the play\'s seed, the same after a reload; a finished play is stored once, a restart is a new run', async ({ page }) => {
	test.setTimeout(90_000);
	tolerateFailedRequests(page);
	const maria = scenarios.find((s) => s.id === 'maria')!;
	const path = walk('maria', maria.data).complete.find((p) => p.steps.filter((x) => x.event.type === 'CHOOSE').length >= 6)!;
	await signUp(page, 'Mira Volgorde', uniqueEmail());
	await open(page, 'maria');
	const player = page.locator('.scenario');
	const seed = () => page.evaluate(() => (JSON.parse(localStorage.getItem('palliwijs.scenario.maria.v1') ?? '{}') as { play?: { seed: string } }).play?.seed);
	let differs = 0;
	let reloaded = false;
	for (let i = 1; i < path.steps.length; i++) {
		const { event } = path.steps[i]!;
		if (event.type === 'CONTINUE') {
			await player.getByRole('button', { name: 'Verder' }).click();
			continue;
		}
		const nodeId = String(path.steps[i - 1]!.state.value);
		const decision = maria.data.nodes[nodeId] as DecisionNode;
		const buttons = player.locator('.scenario__options button');
		await expect(buttons).toHaveCount(decision.options.length);
		const shown = await buttons.allTextContents();
		const played = await seed();
		expect(played, 'the play has a seed from the server').toBeTruthy();
		expect(shown).toEqual(orderedOptions(decision.options, { seed: played! }, nodeId).map((o) => o.text));
		if (shown.join('|') !== decision.options.map((o) => o.text).join('|')) differs++;
		if (!reloaded) {
			// A reload in the middle of the play shows the same order again.
			reloaded = true;
			await page.reload();
			await hydrated(page);
			await expect(player.getByText('Je gaat verder waar je gebleven was.')).toBeVisible();
			await expect(buttons).toHaveText(shown);
		}
		const option = decision.options.find((o) => o.id === event.option)!;
		await player.getByRole('button', { name: option.text, exact: true }).click();
		await player.getByRole('button', { name: 'Verder' }).click();
	}
	expect(differs, 'at least one decision shows its options in another order than the file').toBeGreaterThan(0);
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
	await expect.poll(async () => (await runsOf(page, 'maria')).filter((r) => r.finishedAt).length).toBe(1);

	// A reload and a later visit show the ending without storing the run again.
	await page.reload();
	await hydrated(page);
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
	await page.goto('/casussen/');
	await open(page, 'maria');
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
	expect(await runsOf(page, 'maria')).toHaveLength(1);

	// Playing it again is a new run.
	await player.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await playCase(page, 'maria', 'Verder', path);
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
	const runs = await runsOf(page, 'maria');
	expect(runs).toHaveLength(2);
	expect(runs.every((r) => r.finishedAt)).toBe(true);
});

test('a play begun as a guest keeps its order after logging in and gets a run from then on; another learner on the device starts afresh', async ({ page }) => {
	test.setTimeout(60_000);
	tolerateFailedRequests(page);
	await open(page, 'maria');
	const player = page.locator('.scenario');
	await player.getByRole('button', { name: 'Verder' }).click();
	const buttons = player.locator('.scenario__options button');
	await expect(buttons.first()).toBeVisible();
	const shown = await buttons.allTextContents();
	await signUp(page, 'Gert Gast', uniqueEmail());
	await open(page, 'maria');
	await expect(player.getByText('Je gaat verder waar je gebleven was.')).toBeVisible();
	await expect(buttons).toHaveText(shown);
	await expect.poll(async () => (await runsOf(page, 'maria')).length).toBe(1);
	// Another learner logs in on this device: the case starts from the beginning for them.
	await page.evaluate(() => localStorage.removeItem('pocketbase_auth'));
	await signUp(page, 'Ander Persoon', uniqueEmail());
	await open(page, 'maria');
	await expect(player.getByRole('button', { name: 'Verder' })).toBeVisible();
	await expect(player.getByText('Je gaat verder waar je gebleven was.')).toHaveCount(0);
});
