import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { letMinutesPass } from '../helpers/time';
import { parse } from 'yaml';
import { expect, hydrated } from './fixtures';
import { walk } from '../helpers/scenario-graph';
import { scenarioInLocale } from '../helpers/scenarios';
import { localeFromPath } from '../../src/lib/locale-from-path';
import type { DecisionNode } from '../../src/schemas/scenario';

/**
 * Plays a case in the browser along a path the graph walk found (by default the first one to an
 * ending): Continue through scenes, choose the option, read the feedback, Continue.
 */
export async function playCase(page: Page, id: string, continueLabel = 'Verder', path?: ReturnType<typeof walk>['complete'][number], beforeLastStep?: () => Promise<void>) {
	// The texts the page shows: the translation for its language when there is one (the graph is the same).
	const s = { id, data: scenarioInLocale(id, localeFromPath(new URL(page.url()).pathname)).data };
	const route = path ?? walk(id, s.data).complete[0]!;
	const player = page.locator('.scenario');
	for (let i = 1; i < route.steps.length; i++) {
		const { event } = route.steps[i]!;
		if (i === route.steps.length - 1) await beforeLastStep?.();
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

/** Creates an account on the account page and waits until it is logged in. */
export async function signUp(page: Page, name: string, email: string, at = '/account/') {
	await page.goto(at);
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill(name);
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-sterk-wachtwoord');
	await page.getByLabel('Herhaal je wachtwoord').fill('een-sterk-wachtwoord');
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText(`Welkom, ${name}. Je bent ingelogd.`)).toBeVisible();
}

/**
 * Plays a case from its start (restarting a saved run) to an ending, logged in: the run is saved.
 * With `time`, that many minutes pass (on the server, as a superuser) before the last step, so the run counts.
 */
export async function playToEnding(page: Page, id: string, time?: { admin: PocketBase; minutes: number }) {
	await page.goto(`/casussen/${id}/`);
	// Start from the beginning: forget a run saved on this device.
	await page.evaluate((key) => localStorage.removeItem(key), `palliwijs.scenario.${id}.v1`);
	await page.reload();
	await hydrated(page);
	const player = page.locator('.scenario');
	await playCase(page, id, 'Verder', undefined, time && (async () => letMinutesPass(time.admin, await learnerId(page), time.minutes)));
	await expect(player.getByRole('status')).toContainText('Bewaard in je account.');
}

/** The answer key of a module's test (the tests may read it; the site never does). */
export function answerKey(module: string): Record<string, { correct: string[]; explanation: string }> {
	return parse(readFileSync(path.join(root, `content/assessment-keys/${module}.yaml`), 'utf8')) as Record<string, { correct: string[]; explanation: string }>;
}

/**
 * Answers the open attempt on the page, right (every keyed option) or wrong on purpose (one option
 * outside the key), and returns its items in the order shown.
 */
export async function answerAttempt(page: Page, module: string, how: 'right' | 'wrong') {
	const key = answerKey(module);
	const bank = parse(readFileSync(path.join(root, `content/assessments/${module}.yaml`), 'utf8')) as { items: { id: string; question: string; options: { id: string }[] }[] };
	const fieldsets = page.locator('.assessment fieldset');
	await expect(fieldsets.first()).toBeVisible();
	const shown: { id: string; question: string }[] = [];
	for (const fieldset of await fieldsets.all()) {
		const id = (await fieldset.locator('input').first().getAttribute('name'))!;
		const item = bank.items.find((i) => i.id === id)!;
		const correct = key[id]!.correct;
		const choose = how === 'right' ? correct : [item.options.find((o) => !correct.includes(o.id))!.id];
		for (const option of choose) await fieldset.locator(`input[value="${option}"]`).check();
		shown.push({ id, question: item.question });
	}
	return shown;
}

/** Takes a module's test with the answers from its key, and passes. */
export async function passAssessment(page: Page, module: string) {
	await page.goto(`/modules/${module}/toets/`);
	await hydrated(page);
	const island = page.locator('.assessment');
	await island.getByRole('button', { name: /^Start (de toets|een nieuwe poging)$/ }).click();
	await answerAttempt(page, module, 'right');
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(island.locator('.assessment__result').getByRole('status')).toContainText('Geslaagd.');
}

/** A superuser client of the test server (to let time pass and to look at what the server stored). */
export async function superuser(): Promise<PocketBase> {
	const admin = new PocketBase(process.env.PW_BASE_URL);
	await admin.collection('_superusers').authWithPassword(process.env.PW_ADMIN_EMAIL!, process.env.PW_ADMIN_PASSWORD!);
	return admin;
}

/** The id of the learner logged in on the page. */
export async function learnerId(page: Page): Promise<string> {
	return page.evaluate(() => (JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}') as { record: { id: string } }).record.id);
}

/** Opens a lesson page logged in and waits until the server stamped the opening. */
export async function openLesson(page: Page, lesson: string, prefix = '/modules/') {
	const stamped = page.waitForResponse((r) => r.url().endsWith('/api/palliwijs/lessons/opened') && r.request().method() === 'POST');
	await page.goto(`${prefix}${lesson}/`);
	expect((await stamped).status()).toBe(204);
}

/**
 * Studies a lesson the way that counts: opens it, lets its whole duration pass (by moving the
 * learner's recorded times back, as a superuser; no waiting), then marks it done.
 */
export async function studyLesson(page: Page, admin: PocketBase, lesson: string, minutes: number) {
	await openLesson(page, lesson);
	await letMinutesPass(admin, await learnerId(page), minutes);
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();
}
