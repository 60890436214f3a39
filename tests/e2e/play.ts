import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, hydrated } from './fixtures';
import { walk } from '../helpers/scenario-graph';
import { scenarioFiles } from '../helpers/scenarios';
import type { DecisionNode } from '../../src/schemas/scenario';

/**
 * Plays a case in the browser along a path the graph walk found (by default the first one to an
 * ending): Continue through scenes, choose the option, read the feedback, Continue.
 */
export async function playCase(page: Page, id: string, continueLabel = 'Verder', path?: ReturnType<typeof walk>['complete'][number]) {
	const s = scenarioFiles().find((x) => x.id === id)!;
	const route = path ?? walk(id, s.data).complete[0]!;
	const player = page.locator('.scenario');
	for (let i = 1; i < route.steps.length; i++) {
		const { event } = route.steps[i]!;
		if (event.type === 'CONTINUE') await player.getByRole('button', { name: continueLabel }).click();
		else {
			const option = (s.data.nodes[String(route.steps[i - 1]!.state.value)] as DecisionNode).options.find((o) => o.id === event.option)!;
			await player.getByRole('button', { name: option.text, exact: true }).click();
			await expect(player.getByRole('heading', { level: 2 })).toContainText(option.text.slice(0, 40));
			await player.getByRole('button', { name: continueLabel }).click();
		}
	}
	return { scenario: s, ending: String(route.state.value) };
}

const root = path.resolve(import.meta.dirname, '../..');

/** Plays a case from its start (restarting a saved run) to an ending, logged in: the run is saved. */
export async function playToEnding(page: Page, id: string) {
	await page.goto(`/casussen/${id}/`);
	await hydrated(page);
	const player = page.locator('.scenario');
	if (await player.getByRole('button', { name: 'Opnieuw beginnen' }).isVisible()) await player.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await playCase(page, id);
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
}

/** Takes a module's test with the answers from its key, and passes. */
export async function passAssessment(page: Page, module: string) {
	const questions = parse(readFileSync(path.join(root, `content/assessments/${module}.yaml`), 'utf8')) as { items: { id: string; options: { id: string; text: string }[] }[] };
	const key = parse(readFileSync(path.join(root, `content/assessment-keys/${module}.yaml`), 'utf8')) as Record<string, { correct: string[] }>;
	await page.goto(`/modules/${module}/toets/`);
	await hydrated(page);
	for (const item of questions.items) {
		const group = page.getByRole('group', { name: item.id }).or(page.locator('fieldset').filter({ has: page.locator(`input[name="${item.id}"]`) }));
		for (const option of key[item.id]!.correct) await group.locator(`input[value="${option}"]`).check();
	}
	await page.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(page.getByRole('status')).toContainText('Geslaagd.');
}
