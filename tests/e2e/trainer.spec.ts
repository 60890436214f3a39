import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
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
	courses: Record<string, { steps: string[]; assessments: string[]; modules: string[] }>;
	modules: Record<string, { steps: string[] }>;
	durations: Record<string, number>;
	assessments: Record<string, { draw: number }>;
};
const basic = catalog.courses['basis-palliatieve-zorg']!;
/** Per course its modules in order, with the number of steps of each (the grid's columns). */
const catalogModules = Object.fromEntries(
	Object.entries(catalog.courses).map(([id, c]) => [id, c.modules.map((m) => ({ id: m, steps: catalog.modules[m]!.steps.length }))]),
);
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
	const code = await page.locator('.trainer__code').inputValue();
	expect(code).toMatch(/^[A-Z2-9]{8}$/);

	// A student joins through the link with the code, and finishes a lesson.
	const student = await newPage(browser);
	const studentEmail = uniqueEmail();
	await signUp(student, 'Sara Student', studentEmail, `/account/?code=${code}`);
	await expect(student.getByLabel('Code van je groep')).toHaveValue(code);
	// Her choice: the trainer may see her e-mail address (off unless ticked).
	await expect(student.getByLabel('Mijn e-mailadres delen met de trainer van deze groep (niet verplicht)')).not.toBeChecked();
	await student.getByLabel('Mijn e-mailadres delen met de trainer van deze groep (niet verplicht)').check();
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
	const row = page.getByRole('region', { name: 'Tabel van de cursisten' }).getByRole('row', { name: /Sara Student/ });
	await expect(row).toContainText(`${onePercent}%`);
	// The grid of learners by module: the status in words per module of the assigned course.
	const grid = page.getByRole('table', { name: 'Voortgang per module: Basis palliatieve zorg' });
	const modules = catalogModules['basis-palliatieve-zorg']!;
	await expect(grid.getByRole('columnheader')).toHaveCount(modules.length + 1);
	const gridRow = grid.getByRole('row', { name: /Sara Student/ });
	const first = modules[0]!;
	await expect(gridRow.getByRole('cell').first()).toHaveText(`Bezig (1/${first.steps + (basic.assessments.includes(first.id) ? 1 : 0)})`);
	await expect(gridRow.getByRole('cell').nth(1)).toHaveText(/^Niet begonnen \(0\/\d+\)$/);
	const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(await axe()).toEqual([]);
	// On a 320 px phone the wide grid scrolls inside its own box; the page itself does not scroll sideways.
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	expect(await page.getByRole('region', { name: 'Voortgang per module: Basis palliatieve zorg' }).evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
	expect(await axe()).toEqual([]);
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(page.getByText(/1 \/ 1 \(100%\)/).first()).toBeVisible();
	// The question and option texts of group figures are in tests/e2e/hardening.spec.ts (five learners needed).
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV' }).click()]);
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
	expect(rows[0]).toEqual(['Cursist', 'E-mailadres (als gedeeld)', 'Laatste activiteit', 'Basis palliatieve zorg (%)', 'Basis palliatieve zorg: certificaat', 'Basis palliatieve zorg: Uiterlijk op']);
	expect(rows).toHaveLength(2);
	expect(rows[1]![0]).toBe('Sara Student');
	expect(rows[1]![1]).toBe(studentEmail);
	expect(rows[1]![3]).toBe(onePercent);
	expect(rows[1]![5]).toBe('31/01/2020');
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

test('a new trainer sees an empty state in every section, no introduction for visitors, and copies the code and link by keyboard', async ({ page }) => {
	test.setTimeout(60_000);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	const trainerEmail = uniqueEmail();
	await signUp(page, 'Eva Trainer', trainerEmail);
	await grantTrainer(trainerEmail);
	await page.goto('/trainers/');
	await hydrated(page);
	await expect(page.getByText('Je hebt nog geen groepen. Maak hieronder je eerste groep.')).toBeVisible();
	// The introduction for visitors (how to get the trainer role) is not shown to a trainer.
	await expect(page.getByText('Een beheerder geeft je de rol van trainer.', { exact: false })).toBeHidden();
	await page.getByLabel('Naam van een nieuwe groep').fill('Zorgkundigen Brugge');
	await page.getByRole('button', { name: 'Groep maken' }).click();
	await expect(page.getByRole('heading', { name: 'Zorgkundigen Brugge', level: 2 })).toBeVisible();
	await expect(page.getByLabel('Groep', { exact: true })).toHaveValue(/.+/);

	// Every section says there is nothing yet, and why group figures are missing.
	const section = (name: string) => page.getByRole('region', { name, exact: true });
	await expect(section('Toegewezen cursussen')).toContainText('Nog geen gegevens: deze groep heeft nog geen toegewezen cursus.');
	await expect(section('Cursisten')).toContainText('Nog niemand is aangesloten.');
	await expect(section('Voortgang per module')).toContainText('Nog geen gegevens: deze groep heeft nog geen toegewezen cursus.');
	await expect(section('Afgerond per les of casus')).toContainText('Nog geen gegevens: niemand van de groep heeft al een les of casus afgerond.');
	await expect(section('Toetsvragen: aandeel juist')).toContainText('Wijs eerst een cursus toe.');
	await expect(section('Keuzes in de casussen')).toContainText('Wijs eerst een cursus toe.');
	await expect(section('Zelftest, gemiddelde van de groep')).toContainText('Geen zelftest om te tonen');
	await page.getByLabel('Cursus', { exact: true }).selectOption('basis-palliatieve-zorg');
	await page.getByRole('button', { name: 'Cursus toewijzen' }).click();
	await expect(section('Toetsvragen: aandeel juist')).toContainText('Nog geen toetsresultaten van de groep in de toegewezen cursussen.');
	await expect(section('Voortgang per module')).toContainText('Nog niemand is aangesloten.');

	// Copy the code by keyboard: Tab from the code field to its button, Enter; "Gekopieerd" appears beside it.
	const code = await page.getByLabel('Code om aan te sluiten').inputValue();
	await page.getByLabel('Code om aan te sluiten').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Kopieer de code' })).toBeFocused();
	await page.keyboard.press('Enter');
	const join = section('Aansluiten bij de groep');
	await expect(join.getByRole('status').first()).toHaveText('Gekopieerd');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

	// When the browser refuses the clipboard, the link is selected and the trainer is told how to copy it by hand.
	await page.evaluate(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }));
	await page.getByRole('button', { name: 'Kopieer de link' }).focus();
	await page.keyboard.press('Space');
	await expect(join.getByRole('status').nth(1)).toContainText('Kopiëren lukte niet vanzelf. De tekst is geselecteerd');
	await expect(page.getByLabel('Link', { exact: true })).toBeFocused();
	const link = await page.getByLabel('Link', { exact: true }).inputValue();
	expect(link).toMatch(new RegExp(`/account/\\?code=${code}$`));
	expect(await page.getByLabel('Link', { exact: true }).evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, link.length]);
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
