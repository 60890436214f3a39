import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { scenarioFiles } from '../helpers/scenarios';
import { walk } from '../helpers/scenario-graph';
import { playCase } from './play';

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
		if (event.type === 'CONTINUE') {
			await tabTo(page, player.getByRole('button', { name: 'Verder' }));
			await page.keyboard.press('Enter');
		} else {
			const button = player.locator('.scenario__options button').nth(['a', 'b', 'c', 'd', 'e', 'f'].indexOf(event.option!));
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
		for (const [endingId, path] of byEnding) {
			await open(page, s.id);
			const player = page.locator('.scenario');
			if (await player.getByRole('button', { name: 'Opnieuw beginnen' }).isVisible()) await player.getByRole('button', { name: 'Opnieuw beginnen' }).click();
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
	await expect(page.locator('[data-lesson-done="scenario/maria"]')).toBeVisible();
	// and the module's lessons point to the case
	await page.locator('.lesson-list a').first().click();
	await page.getByRole('complementary', { name: 'Oefen met een casus uit deze module' }).getByRole('link', { name: maria.data.title.nl }).click();
	await expect(page).toHaveURL(/\/casussen\/maria\/$/);
});
