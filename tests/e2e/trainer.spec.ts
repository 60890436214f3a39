import { readFileSync } from 'node:fs';
import PocketBase from 'pocketbase';
import Papa from 'papaparse';
import type { Browser } from '@playwright/test';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';
import type { DecisionNode } from '../../src/schemas/scenario';
import { scenarioFiles } from '../helpers/scenarios';
import { signUp, studyLesson, superuser } from './play';

async function grantTrainer(email: string) {
	const admin = new PocketBase(process.env.PW_BASE_URL);
	await admin.collection('_superusers').authWithPassword(process.env.PW_ADMIN_EMAIL!, process.env.PW_ADMIN_PASSWORD!);
	const user = await admin.collection('users').getFirstListItem(admin.filter('email = {:email}', { email }));
	await admin.collection('users').update(user.id, { role: 'trainer' });
}

const catalog = JSON.parse(readFileSync('dist/catalog.json', 'utf8')) as {
	courses: Record<string, { steps: string[]; assessments: string[] }>;
	durations: Record<string, number>;
	assessments: Record<string, { draw: number }>;
};
const basic = catalog.courses['basis-palliatieve-zorg']!;
/** The dashboard's percentage after one finished lesson. */
const onePercent = String(Math.round((1 / (basic.steps.length + basic.assessments.length)) * 100));

async function newPage(browser: Browser) {
	const context = await browser.newContext({ baseURL: process.env.PW_BASE_URL });
	return context.newPage();
}

test('a trainer runs a cohort: a student joins with the code, finishes a lesson, and the dashboard, CSV and xAPI download show it', async ({ page, browser }) => {
	test.setTimeout(90_000);
	tolerateFailedRequests(page);
	const trainerEmail = uniqueEmail();
	await signUp(page, 'Els Trainer', trainerEmail);
	await grantTrainer(trainerEmail);

	await page.goto('/trainers/');
	await hydrated(page);
	await page.getByLabel('Naam van een nieuwe groep').fill('Bachelor verpleegkunde 2A');
	await page.getByRole('button', { name: 'Groep maken' }).click();
	await expect(page.getByRole('heading', { name: 'Bachelor verpleegkunde 2A', level: 2 })).toBeVisible();
	await page.getByLabel('Cursus', { exact: true }).selectOption('basis-palliatieve-zorg');
	await page.getByLabel('Uiterlijk op').fill('2020-01-31');
	await page.getByRole('button', { name: 'Cursus toewijzen' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Basis palliatieve zorg — Uiterlijk op' })).toBeVisible();
	const code = (await page.locator('.trainer__code').textContent())!;
	expect(code).toMatch(/^[A-Z2-9]{8}$/);

	// A student joins through the link with the code, and finishes a lesson.
	const student = await newPage(browser);
	await signUp(student, 'Sara Student', uniqueEmail(), `/account/?code=${code}`);
	await expect(student.getByLabel('Code van je groep')).toHaveValue(code);
	await student.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(student.getByText('Je bent aangesloten bij Bachelor verpleegkunde 2A.')).toBeVisible();
	await expect(student.getByRole('listitem').filter({ hasText: 'Basis palliatieve zorg' }).getByText('te laat')).toBeVisible();
	await student.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(student.getByRole('alert')).toContainText('Deze code kennen we niet');
	const admin = await superuser();
	await studyLesson(student, admin, 'wat-is-palliatieve-zorg/definitie-en-dimensies', catalog.durations['wat-is-palliatieve-zorg/definitie-en-dimensies']!);

	// A wrong code gets a clear message.
	await student.goto('/account/?code=ZZZZZZZZ');
	await hydrated(student);
	await student.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(student.getByRole('alert')).toContainText('Deze code kennen we niet');

	await page.reload();
	await hydrated(page);
	const row = page.getByRole('row', { name: /Sara Student/ });
	await expect(row).toContainText(`${onePercent}%`);
	await expect(page.getByText(/1 \/ 1 \(100%\)/).first()).toBeVisible();
	// The question and option texts of group figures are in tests/e2e/hardening.spec.ts (five learners needed).
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV' }).click()]);
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
	expect(rows[0]).toEqual(['Cursist', 'Laatste activiteit', 'Basis palliatieve zorg (%)', 'Basis palliatieve zorg: certificaat']);
	expect(rows).toHaveLength(2);
	expect(rows[1]![0]).toBe('Sara Student');
	expect(rows[1]![2]).toBe(onePercent);
	// Beside it, the learning records as xAPI: one statement per line, the finished lesson, no name.
	const [records] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Leerrecords (xAPI) downloaden' }).click()]);
	expect(records.suggestedFilename()).toBe('palliwijs-xapi-bachelor-verpleegkunde-2a.ndjson');
	const ndjson = readFileSync((await records.path())!, 'utf8');
	expect(ndjson).not.toContain('Sara');
	const statements = ndjson.trimEnd().split('\n').map((line) => JSON.parse(line) as { actor: { objectType: string }; verb: { id: string }; object: { id: string } });
	expect(statements).toHaveLength(1);
	expect(statements[0]!.actor.objectType).toBe('Agent');
	expect(statements[0]!.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
	expect(statements[0]!.object.id).toMatch(/\/modules\/wat-is-palliatieve-zorg\/definitie-en-dimensies\/$/);

	// Closing the code keeps newcomers out.
	await page.getByRole('button', { name: 'Code sluiten' }).click();
	const late = await newPage(browser);
	await signUp(late, 'Laat Komer', uniqueEmail(), `/account/?code=${code}`);
	await late.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(late.getByRole('alert')).toContainText('Deze code kennen we niet, of de groep is gesloten.');
});

test('class mode shows a case large and records nothing', async ({ page }) => {
	await page.goto('/casussen/maria/?klas=1');
	await hydrated(page);
	await expect(page.locator('.scenario--class')).toBeVisible();
	await expect(page.getByText('Klasmodus: er wordt niets bewaard.')).toBeVisible();
	await page.locator('.scenario').getByRole('button', { name: 'Verder' }).click();
	// The content order, as in the file, so a trainer can discuss "option b".
	const maria = scenarioFiles().find((x) => x.id === 'maria')!;
	const first = maria.data.nodes[(maria.data.nodes[maria.data.start] as { next: string }).next] as DecisionNode;
	await expect(page.locator('.scenario__options button')).toHaveText(first.options.map((o) => o.text));
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('palliwijs.scenario')))).toEqual([]);
});
