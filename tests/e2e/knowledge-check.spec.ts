import { expect, test } from './fixtures';
import { lessonFiles } from '../helpers/content-files';
import { knowledgeChecks, type KnowledgeCheckProps } from '../../src/lib/content/item-writing';

const lesson = '/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/';
// What is right comes from the lesson file, never from the page (whose data-correct the script itself reads).
const source = lessonFiles().find((f) => f.locale === 'nl' && f.module === 'wat-is-palliatieve-zorg' && f.slug === 'definitie-en-dimensies')!;
const checks: KnowledgeCheckProps[] = knowledgeChecks(source.body).map((c) => c.props!);

const right = 'Goed gedaan: dat klopt.';
const notYet = 'Nog niet helemaal. Lees de uitleg bij elk antwoord.';

test('the lesson has knowledge checks to test, single and multiple choice', () => {
	expect(checks.length).toBeGreaterThanOrEqual(2);
	expect(checks.every(Boolean)).toBe(true);
	expect(checks.some((c) => c.multiple)).toBe(true);
	expect(checks.some((c) => !c.multiple)).toBe(true);
});

test('a knowledge check works by keyboard alone and announces the result', async ({ page }) => {
	await page.goto(lesson);
	const check = page.locator('form.kc').first();
	const options = check.locator('input');
	const content = checks[0]!;
	await expect(check.locator('legend')).toContainText(content.question);
	await expect(options).toHaveCount(content.options.length);
	// Submitting without an answer asks for one.
	await check.getByRole('button', { name: 'Controleer' }).focus();
	await page.keyboard.press('Enter');
	await expect(check.getByRole('status')).toHaveText('Kies eerst een antwoord.');
	// Focus went back to the first option: choose it with the keyboard and check.
	await expect(options.first()).toBeFocused();
	await page.keyboard.press('Space');
	await expect(options.first()).toBeChecked();
	const first = content.options[0]!;
	const allRight = first.correct && content.options.filter((o) => o.correct).length === 1;
	await check.getByRole('button', { name: 'Controleer' }).focus();
	await page.keyboard.press('Enter');
	const status = check.getByRole('status');
	await expect(status).toHaveText(allRight ? right : notYet);
	// Status with meaning: the summary and the feedback carry a colour and an icon besides their words.
	await expect(status).toHaveAttribute('data-right', String(allRight));
	expect(await status.evaluate((el) => getComputedStyle(el, '::before').content)).toContain(allRight ? '✓' : '✕');
	// The feedback of the chosen option, as the lesson wrote it, is visible and tied to it for screen readers.
	const feedbackId = await options.first().getAttribute('aria-describedby');
	expect(feedbackId).toBeTruthy();
	await expect(page.locator(`#${feedbackId}`)).toBeVisible();
	await expect(page.locator(`#${feedbackId}`)).toContainText(first.correct ? 'Juist antwoord' : 'Niet juist');
	await expect(page.locator(`#${feedbackId}`)).toContainText(first.feedback);
	// The explanation was moved from the no-script list, which is gone: the page carries it once.
	await expect(check.locator('details')).toHaveCount(0);
	// Try again clears the answer.
	await check.getByRole('button', { name: 'Opnieuw proberen' }).click();
	await expect(options.first()).not.toBeChecked();
	await expect(status).toHaveText('');
	await expect(status).not.toHaveAttribute('data-right');
});

test('every check says right for the lesson’s key and not yet for a wrong answer', async ({ page }) => {
	await page.goto(lesson);
	const forms = page.locator('form.kc');
	await expect(forms).toHaveCount(checks.length);
	for (const [n, content] of checks.entries()) {
		const check = forms.nth(n);
		const status = check.getByRole('status');
		// Options are shown in the lesson's order: option i of the file is the input with value i.
		const key = content.options.flatMap((o, i) => (o.correct ? [i] : []));
		const wrong = content.options.findIndex((o) => !o.correct);
		expect(key.length).toBeGreaterThan(0);
		expect(wrong).toBeGreaterThanOrEqual(0);
		await check.locator(`input[value="${wrong}"]`).check();
		await check.getByRole('button', { name: 'Controleer' }).click();
		await expect(status).toHaveText(notYet);
		await check.getByRole('button', { name: 'Opnieuw proberen' }).click();
		await expect(status).toHaveText('');
		for (const i of key) await check.locator(`input[value="${i}"]`).check();
		await check.getByRole('button', { name: 'Controleer' }).click();
		await expect(status).toHaveText(right);
	}
});
