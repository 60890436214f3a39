import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false, baseURL: process.env.PW_BASE_URL });

test('a lesson can be read and its checks explained without JavaScript', async ({ page }) => {
	await page.goto('/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/');
	await expect(page.locator('.lesson-body h2').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Bronnen' })).toBeVisible();
	const explanations = page.locator('details.kc__explanations').first();
	await explanations.locator('summary').click();
	await expect(explanations.locator('dd').first()).toBeVisible();
	await expect(page.getByText('Zet JavaScript aan om je voortgang bij te houden.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).toBeHidden();
	await page.getByRole('link', { name: /^Volgende les/ }).click();
	await expect(page).toHaveURL(/\/fasen\/$/);
});
