import AxeBuilder from '@axe-core/playwright';
// Issue 18 in the browser: the privacy page linked from sign-up and My account, clear messages for bad
// names, long passwords and rate limits, log-in whatever the case of the address; a trainer page that
// keeps the cohort selector when a dashboard fails, member removal with a block, and group figures that
// show only from five learners up, with the texts of questions and options.
import { readFileSync } from 'node:fs';
import PocketBase from 'pocketbase';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import type { DecisionNode } from '../../src/schemas/scenario';
import { walk } from '../helpers/scenario-graph';
import { scenarioFiles } from '../helpers/scenarios';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';

const password = 'een-sterk-wachtwoord';

function client() {
	const pb = new PocketBase(process.env.PW_BASE_URL);
	pb.autoCancellation(false);
	return pb;
}
async function admin() {
	const pb = client();
	await pb.collection('_superusers').authWithPassword(process.env.PW_ADMIN_EMAIL!, process.env.PW_ADMIN_PASSWORD!);
	return pb;
}
/** A new account made over the API, logged in; a trainer when asked. */
async function account(name: string, role: 'learner' | 'trainer' = 'learner') {
	const email = uniqueEmail();
	const pb = client();
	const record = await pb.collection('users').create({ name, email, password, passwordConfirm: password });
	if (role === 'trainer') await (await admin()).collection('users').update(record.id, { role: 'trainer' });
	await pb.collection('users').authWithPassword(email, password);
	return { pb, id: record.id, email };
}
async function logIn(page: Page, email: string) {
	await page.goto('/account/');
	await hydrated(page);
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText(/Je bent ingelogd als/)).toBeVisible();
}
const joinCode = async (trainer: PocketBase, cohort: string) => ((await trainer.send(`/api/palliwijs/cohorts/${cohort}/dashboard`, { method: 'GET' })) as { cohort: { joinCode: string } }).cohort.joinCode;
const join = (pb: PocketBase, code: string) => pb.send('/api/palliwijs/cohorts/join', { method: 'POST', body: { code } });

test('sign-up links the privacy page, says what is wrong in Dutch, and the address works in any case', async ({ page }) => {
	tolerateFailedRequests(page);
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	const form = page.getByRole('form', { name: 'Account maken' });
	await expect(form.getByRole('link', { name: 'privacy bij Palliwijs' })).toHaveAttribute('href', '/privacy/');
	const email = uniqueEmail();
	const submit = async (name: string, pw = password) => {
		await page.getByLabel('Je naam').fill(name);
		await page.getByLabel('E-mailadres', { exact: true }).fill(email.replace(/^e2e/, 'E2E'));
		await page.getByLabel('Wachtwoord', { exact: true }).fill(pw);
		await page.getByLabel('Herhaal je wachtwoord').fill(pw);
		await form.getByRole('button', { name: 'Account maken' }).click();
	};
	await submit('\u200b\u200b\u200b');
	await expect(page.getByRole('alert')).toContainText('Vul je naam in.');
	await expect(page.getByLabel('Je naam')).toHaveAttribute('aria-invalid', 'true');
	// Refused by the server (the browser lets it through): the message still names the field.
	await submit('=1+1');
	await expect(page.getByRole('alert')).toContainText('Je naam bevat tekens die niet kunnen');
	await submit('Sam Privacy', 'é'.repeat(37));
	await expect(page.getByRole('alert')).toContainText('Je wachtwoord is te lang');
	await submit('Sam Privacy');
	await expect(page.getByText('Welkom, Sam Privacy. Je bent ingelogd.')).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();
	await expect(page.getByRole('link', { name: 'privacy bij Palliwijs' })).toBeVisible();

	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await page.getByLabel('E-mailadres', { exact: true }).fill(email.toUpperCase());
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	// Too many log-ins from one address: the server answers 429 and the page says to wait a minute.
	await page.route('**/api/collections/users/auth-with-password', (route) => route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ status: 429, message: 'Too Many Requests.', data: {} }) }));
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Wacht een minuut en probeer het dan opnieuw.');
	await page.unroute('**/api/collections/users/auth-with-password');
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText('Welkom, Sam Privacy. Je bent ingelogd.')).toBeVisible();

	await page.getByRole('link', { name: 'privacy bij Palliwijs' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy: wat Palliwijs over jou bewaart');
	await expect(page.getByRole('heading', { name: 'Wie ziet wat' })).toBeVisible();
	await page.goto('/en/privacy/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy: what Palliwijs keeps about you');
});

test('a failing dashboard keeps the cohort selector; a trainer removes and blocks a member', async ({ page, browser }) => {
	tolerateFailedRequests(page);
	const trainer = await account('Tine Trainer', 'trainer');
	const first = await trainer.pb.collection('cohorts').create({ name: 'Groep Stuk', owner: trainer.id });
	const second = await trainer.pb.collection('cohorts').create({ name: 'Groep Heel', owner: trainer.id });
	const student = await account('Bram Weg');
	await join(student.pb, await joinCode(trainer.pb, second.id));

	// The newest cohort (Groep Heel) opens first; the other one's dashboard fails on the server.
	await page.route(`**/api/palliwijs/cohorts/${first.id}/dashboard`, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"status":500,"message":"Something went wrong.","data":{}}' }));
	await logIn(page, trainer.email);
	await page.goto('/trainers/');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'Groep Heel', level: 2 })).toBeVisible();
	await page.getByLabel('Groep', { exact: true }).selectOption(first.id);
	await expect(page.getByRole('alert')).toContainText('Het overzicht van Groep Stuk kon niet geladen worden.');
	await expect(page.getByText('Log in met je trainersaccount')).toHaveCount(0);
	await expect(page.getByLabel('Groep', { exact: true })).toBeVisible();
	await page.getByLabel('Groep', { exact: true }).selectOption(second.id);
	await expect(page.getByRole('heading', { name: 'Groep Heel', level: 2 })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByLabel('Groep', { exact: true }).selectOption(first.id);
	await expect(page.getByRole('alert')).toBeVisible();
	await page.unroute(`**/api/palliwijs/cohorts/${first.id}/dashboard`);
	await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
	await expect(page.getByRole('heading', { name: 'Groep Stuk', level: 2 })).toBeVisible();

	// Remove and block the student in the other cohort; the student sees why they cannot rejoin.
	await page.getByLabel('Groep', { exact: true }).selectOption(second.id);
	await page.getByRole('button', { name: 'Bram Weg uit de groep halen en niet meer laten aansluiten' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bram Weg is uit de groep gehaald en kan niet opnieuw aansluiten' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Bram Weg/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Bram Weg weer toelaten in deze groep' })).toBeVisible();
	const code = await page.locator('.trainer__code').inputValue();
	const studentPage = await (await browser.newContext({ baseURL: process.env.PW_BASE_URL })).newPage();
	await logIn(studentPage, student.email);
	await studentPage.getByLabel('Code van je groep').fill(code);
	await studentPage.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(studentPage.getByRole('alert')).toContainText('Je trainer heeft je uit deze groep gehaald.');
	// The member never sees the code of a group they are in.
	await page.getByRole('button', { name: 'Bram Weg weer toelaten in deze groep' }).click();
	await studentPage.getByRole('button', { name: 'Aansluiten' }).click();
	await expect(studentPage.getByText('Je bent aangesloten bij Groep Heel.')).toBeVisible();
	await expect(studentPage.getByText(code)).toHaveCount(0);
});

test('group figures show only from five learners up, with the texts of questions and options, for assigned courses', async ({ page }) => {
	test.setTimeout(60_000);
	const trainer = await account('Toon Trainer', 'trainer');
	const cohort = await trainer.pb.collection('cohorts').create({ name: 'Groep Vijf', owner: trainer.id });
	for (const course of ['palliatieve-zorg-in-de-praktijk', 'iedereen-kundig']) await trainer.pb.collection('assignments').create({ cohort: cohort.id, course });
	const code = await joinCode(trainer.pb, cohort.id);

	// Each learner's test attempt and case run are stored as the server would store them.
	const testId = 'vroeg-herkennen-in-de-praktijk';
	const bank = parse(readFileSync(`content/assessments/${testId}.yaml`, 'utf8')) as { title: { nl: string }; items: { id: string; question: string }[] };
	const key = parse(readFileSync(`content/assessment-keys/${testId}.yaml`, 'utf8')) as Record<string, { correct: string[] }>;
	const neighbour = scenarioFiles().find((x) => x.id === 'zieke-buurvrouw')!;
	const steps = walk(neighbour.id, neighbour.data).complete[0]!.steps;
	const choices = steps.flatMap((step, i) => (step.event.type === 'CHOOSE' ? [{ node: String(steps[i - 1]!.state.value), option: (step.event as unknown as { option: string }).option }] : []));
	const decision = neighbour.data.nodes[choices[0]!.node] as DecisionNode;
	const option = decision.options.find((o) => o.id === choices[0]!.option)!;
	const superuser = await admin();
	const addLearner = async (i: number) => {
		const l = await account(`Cursist ${i}`);
		await join(l.pb, code);
		// A submitted attempt of eight items, all right, and a finished run (the server's own shapes).
		const drawn = bank.items.slice(0, 8);
		const answers = Object.fromEntries(drawn.map((item) => [item.id, key[item.id]!.correct]));
		const now = new Date().toISOString();
		await superuser.collection('assessment_attempts').create({ user: l.id, assessment: testId, items: drawn.map((item) => ({ id: item.id, options: [] })), startedAt: now, answers, results: drawn.map((item) => ({ item: item.id, right: true })), correct: drawn.length, total: drawn.length, score: 100, passed: true, submittedAt: now });
		await superuser.collection('scenario_runs').create({ user: l.id, scenario: neighbour.id, seed: 'vast', startedAt: now, choices, ending: String(steps.at(-1)!.state.value), outcome: 'good', finishedAt: now });
		const selfCheck = Object.fromEntries(['praktisch', 'ervaring', 'feiten', 'gemeenschap'].flatMap((d) => [1, 2, 3].map((n) => [`${d}-${n}`, 4])));
		await l.pb.collection('self_checks').create({ user: l.id, kind: 'before', answers: selfCheck });
	};
	for (let i = 1; i <= 4; i++) await addLearner(i);

	await logIn(page, trainer.email);
	await page.goto('/trainers/');
	await hydrated(page);
	const items = page.locator('section > div').filter({ has: page.getByRole('heading', { name: bank.title.nl, level: 4 }) });
	await expect(items).toContainText('Te weinig antwoorden om te tonen (4); een groepscijfer verschijnt vanaf 5 cursisten.');
	await expect(page.getByText(bank.items[0]!.question)).toHaveCount(0);
	await expect(page.getByText(option.text)).toHaveCount(0);
	const before = (n: number) => page.locator('section > div').filter({ has: page.getByRole('heading', { name: `Voor de cursus (${n})`, level: 4 }) });
	await expect(before(4)).toContainText('Te weinig antwoorden om te tonen');
	await expect(before(4).locator('.bars')).toHaveCount(0);

	await addLearner(5);
	await page.reload();
	await hydrated(page);
	// Item difficulty as bars: the share right stays text in the list item; the bar itself is hidden from screen readers.
	const item = items.getByRole('list', { name: bank.title.nl }).getByRole('listitem').filter({ hasText: bank.items[0]!.question });
	await expect(item).toContainText('100% juist (5 antwoorden)');
	await expect(item.locator('.bars__track')).toHaveAttribute('aria-hidden', 'true');
	expect(await item.locator('.bars__bar').evaluate((bar) => bar.getBoundingClientRect().width / bar.parentElement!.getBoundingClientRect().width)).toBeGreaterThan(0.95);
	// The choice distribution per decision: count and share as text, the option's quality in words.
	const cases = page.locator('section > div').filter({ has: page.getByRole('heading', { name: neighbour.data.title.nl, level: 4 }) });
	const chosen = cases.locator('.trainer__decision').filter({ hasText: decision.question }).getByRole('listitem').filter({ hasText: option.text });
	await expect(chosen).toContainText('5× gekozen (100%)');
	await expect(chosen).toContainText({ good: 'Aanbevolen', acceptable: 'Verdedigbaar', poor: 'Niet aanbevolen' }[option.quality]);
	await expect(before(5).getByRole('listitem').first()).toContainText('4');
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	// The dashboard with its charts, at laptop and phone width, saved for review (as the phone crawl saves its screens).
	await page.screenshot({ path: 'test-results/screens/trainer-dashboard-1280.png', fullPage: true });
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await page.screenshot({ path: 'test-results/screens/trainer-dashboard-320.png', fullPage: true });
});
