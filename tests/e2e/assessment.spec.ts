// Summative tests as the server runs them: attempts drawn by the server, wrong questions named with the
// lesson to reread (never the right option), a limited series of attempts, and the answers with
// explanations only after a pass or after the last attempt of a series.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';
import { answerAttempt, answerKey, learnerId, signUp, superuser } from './play';
import { letMinutesPass } from '../helpers/time';

const module = 'wat-is-palliatieve-zorg';
const catalog = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../dist/catalog.json'), 'utf8')) as { assessments: Record<string, { draw: number }> };
const page_ = `/modules/${module}/toets/`;
const key = answerKey(module);
const explanations = Object.values(key).map((k) => k.explanation);

test('a learner fails, sees which questions were wrong but not the answers, retries, passes and then sees the explanations', async ({ page }) => {
	test.setTimeout(60_000);
	tolerateFailedRequests(page);
	await signUp(page, 'Tine Toets', uniqueEmail());
	await page.goto(page_);
	await hydrated(page);
	const island = page.locator('.assessment');
	await expect(island.getByText('Je hebt nog 3 van de 3 pogingen in deze reeks.')).toBeVisible();
	await island.getByRole('button', { name: 'Start de toets' }).click();

	// A first attempt, every answer wrong on purpose.
	const first = await answerAttempt(page, module, 'wrong');
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	const result = island.locator('.assessment__result');
	await expect(result.getByRole('status')).toContainText('Je score: 0%');
	await expect(result.getByRole('status')).toContainText('Nog niet geslaagd');
	await expect(result.getByRole('status')).toContainText('Je hebt nog 2 pogingen in deze reeks.');
	await expect(result.getByRole('status')).toBeFocused();
	const wrong = result.locator('.assessment__wrong > li');
	await expect(wrong).toHaveCount(first.length);
	for (const item of first) await expect(wrong.filter({ hasText: item.question })).toContainText('Herlees:');
	await expect(wrong.first().getByRole('link')).toHaveAttribute('href', new RegExp(`^/modules/${module}/[a-z0-9-]+/$`));
	// Nothing tells the right option: no explanation, no right answer.
	// (The review's label; a question itself may say "Duid alle juiste antwoorden aan".)
	await expect(island).not.toContainText('Het juiste antwoord');
	await expect(island.locator('.assessment__explanation')).toHaveCount(0);
	for (const text of explanations) await expect(island).not.toContainText(text);

	// A second attempt within the limit, answered right.
	await island.getByRole('button', { name: 'Start een nieuwe poging' }).click();
	await expect(island.getByRole('heading', { name: 'Je poging' })).toBeFocused();
	const second = await answerAttempt(page, module, 'right');
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(result.getByRole('status')).toContainText('Je score: 100%');
	await expect(result.getByRole('status')).toContainText('Geslaagd.');
	await expect(island.getByRole('heading', { name: 'De vragen met uitleg' })).toBeVisible();
	await expect(island.locator('.assessment__explanation')).toHaveCount(second.length);
	for (const item of second) await expect(island).toContainText(key[item.id]!.explanation);
	await expect(island.getByRole('button', { name: /Start/ })).toHaveCount(0);

	// A reload shows the pass and the review again, and offers no new attempt.
	await page.reload();
	await hydrated(page);
	await expect(island.getByText('Je bent geslaagd voor deze toets.')).toBeVisible();
	await expect(island.getByText('Je beste score tot nu: 100%.')).toBeVisible();
	await expect(island.locator('.assessment__explanation')).toHaveCount(second.length);
});

test('a reload resumes the open attempt with the same questions and the answers given', async ({ page }) => {
	tolerateFailedRequests(page);
	await signUp(page, 'Rik Herlaad', uniqueEmail());
	await page.goto(page_);
	await hydrated(page);
	const island = page.locator('.assessment');
	await island.getByRole('button', { name: 'Start de toets' }).click();
	await expect(island.locator('fieldset')).toHaveCount(catalog.assessments[module]!.draw);
	const legends = await island.locator('legend').allTextContents();
	// Each question says "Vraag 1 van 8" itself: the list adds no second "1." (issue 19)
	expect(legends[0]).toMatch(/^Vraag 1 van \d+/);
	expect(await island.locator('.assessment__items').evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('none');
	const firstOption = island.locator('fieldset').first().locator('input').nth(1);
	await firstOption.check();
	// axe on an open attempt
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);

	await page.reload();
	await hydrated(page);
	await expect(island.locator('legend')).toHaveText(legends);
	await expect(island.locator('fieldset').first().locator('input').nth(1)).toBeChecked();
	// Handing in with open questions is refused here, and nothing is lost.
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(island.getByRole('alert')).toContainText('Beantwoord eerst alle vragen.');
	await expect(island.locator('fieldset').first().locator('input').nth(1)).toBeChecked();
});

test('after the last attempt of a series the answers are shown and the next series waits', async ({ page }) => {
	test.setTimeout(90_000);
	tolerateFailedRequests(page);
	await signUp(page, 'Lotte Laatste', uniqueEmail());
	await page.goto(page_);
	await hydrated(page);
	const island = page.locator('.assessment');
	const result = island.locator('.assessment__result');
	for (let attempt = 1; attempt <= 3; attempt++) {
		await island.getByRole('button', { name: attempt === 1 ? 'Start de toets' : 'Start een nieuwe poging' }).click();
		await answerAttempt(page, module, 'wrong');
		await island.getByRole('button', { name: 'Toets indienen' }).click();
		await expect(result.getByRole('status')).toContainText('Je score: 0%');
		if (attempt < 3) await expect(island.locator('.assessment__explanation')).toHaveCount(0);
	}
	await expect(result.getByRole('status')).toContainText('Je pogingen in deze reeks zijn op. Een nieuwe reeks kan vanaf');
	await expect(island.getByRole('heading', { name: 'De vragen met uitleg' })).toBeVisible();
	await expect(island.locator('.assessment__explanation').first()).toBeVisible();
	await expect(island.getByRole('button', { name: /Start/ })).toHaveCount(0);
	await expect(island.getByText(/Je volgende poging kan vanaf .+\d{1,2}:\d{2}/)).toBeVisible();

	// A day later (time let pass on the server as a superuser), a new series of three opens.
	await letMinutesPass(await superuser(), await learnerId(page), 24 * 60);
	await page.reload();
	await hydrated(page);
	await expect(island.getByText('Je hebt nog 3 van de 3 pogingen in deze reeks.')).toBeVisible();
	await island.getByRole('button', { name: 'Start een nieuwe poging' }).click();
	await expect(island.locator('fieldset').first()).toBeVisible();
});

test('without an account the test page says what the test is and links to logging in', async ({ page }) => {
	await page.goto(page_);
	await hydrated(page);
	await expect(page.locator('.lead')).toContainText('Elke poging telt');
	await expect(page.getByText('Log in of maak een account om de toets te maken.')).toBeVisible();
	await expect(page.locator('.assessment').getByRole('link', { name: 'Naar inloggen' })).toHaveAttribute('href', '/account/');
	await expect(page.locator('fieldset')).toHaveCount(0);
});

test('a lost connection while handing in keeps the answers and says so; the attempt goes in afterwards', async ({ page }) => {
	tolerateFailedRequests(page);
	await signUp(page, 'Nora Netwerk', uniqueEmail());
	await page.goto(page_);
	await hydrated(page);
	const island = page.locator('.assessment');
	await island.getByRole('button', { name: 'Start de toets' }).click();
	await answerAttempt(page, module, 'right');
	const checked = await island.locator('fieldset input:checked').count();
	expect(checked).toBeGreaterThanOrEqual(await island.locator('fieldset').count());
	const submit = /\/api\/palliwijs\/assessments\/[^/]+\/attempts\/[^/]+$/;
	await page.route(submit, (route) => route.abort('internetdisconnected'));
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(island.getByRole('alert')).toContainText('De server is niet bereikbaar. Je antwoorden blijven op dit toestel bewaard');
	await expect(island.locator('fieldset input:checked')).toHaveCount(checked);
	await page.unroute(submit);
	await island.getByRole('button', { name: 'Toets indienen' }).click();
	await expect(island.locator('.assessment__result').getByRole('status')).toContainText('Geslaagd.');
});

test('the server’s rate limiter (429 without a next attempt) is said in plain Dutch, not as a refusal', async ({ page }) => {
	tolerateFailedRequests(page);
	await signUp(page, 'Rik Ritme', uniqueEmail());
	// What PocketBase's limiter answers when one address sends too many attempts in a minute.
	await page.route(`**/api/palliwijs/assessments/${module}/attempts`, (route) =>
		route.request().method() === 'POST' ? route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ status: 429, message: 'Too Many Requests.', data: {} }) }) : route.continue(),
	);
	await page.goto(page_);
	await hydrated(page);
	const island = page.locator('.assessment');
	await island.getByRole('button', { name: 'Start de toets' }).click();
	await expect(island).toContainText('Te veel verzoeken kort na elkaar. Wacht een minuut en probeer het dan opnieuw');
	await expect(island).not.toContainText('De server weigerde dit verzoek');
});
