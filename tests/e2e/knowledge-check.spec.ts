import { expect, test } from './fixtures';

const lesson = '/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/';

test('a knowledge check works by keyboard alone and announces the result', async ({ page }) => {
	await page.goto(lesson);
	const check = page.locator('form.kc').first();
	const options = check.locator('input');
	const count = await options.count();
	expect(count).toBeGreaterThan(1);
	// Submitting without an answer asks for one.
	await check.getByRole('button', { name: 'Controleer' }).focus();
	await page.keyboard.press('Enter');
	await expect(check.getByRole('status')).toHaveText('Kies eerst een antwoord.');
	// Focus went back to the first option: choose it with the keyboard and check.
	await expect(options.first()).toBeFocused();
	await page.keyboard.press('Space');
	await expect(options.first()).toBeChecked();
	const firstIsRight = (await options.first().getAttribute('data-correct')) === 'true';
	const multiple = (await options.first().getAttribute('type')) === 'checkbox';
	await check.getByRole('button', { name: 'Controleer' }).focus();
	await page.keyboard.press('Enter');
	const status = check.getByRole('status');
	const allRight = firstIsRight && (multiple ? (await check.locator('input[data-correct="true"]').count()) === 1 : true);
	await expect(status).toHaveText(allRight ? 'Goed gedaan: dat klopt.' : 'Nog niet helemaal. Lees de uitleg bij elk antwoord.');
	// The feedback of the chosen option is visible and tied to it for screen readers.
	const feedbackId = await options.first().getAttribute('aria-describedby');
	await expect(page.locator(`#${feedbackId}`)).toBeVisible();
	await expect(page.locator(`#${feedbackId}`)).toContainText(firstIsRight ? 'Juist antwoord' : 'Niet juist');
	// The explanation was moved from the no-script list, which is gone: the page carries it once.
	expect((await page.locator(`#${feedbackId}`).textContent())?.length).toBeGreaterThan(30);
	await expect(check.locator('details')).toHaveCount(0);
	// Try again clears the answer.
	await check.getByRole('button', { name: 'Opnieuw proberen' }).click();
	await expect(options.first()).not.toBeChecked();
	await expect(status).toHaveText('');
});

test('the right answer everywhere gives the right result', async ({ page }) => {
	await page.goto(lesson);
	for (const check of await page.locator('form.kc').all()) {
		for (const input of await check.locator('input[data-correct="true"]').all()) await input.check();
		await check.getByRole('button', { name: 'Controleer' }).click();
		await expect(check.getByRole('status')).toHaveText('Goed gedaan: dat klopt.');
	}
});
