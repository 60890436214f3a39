import { expect, hydrated, test } from './fixtures';

test('searching from the header finds lessons, highlights the match and works by keyboard', async ({ page }) => {
	await page.goto('/modules/wat-is-palliatieve-zorg/fasen/');
	await page.getByRole('searchbox', { name: 'Zoek op de site' }).fill('gesprekken');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/zoeken\/\?q=gesprekken$/);
	await hydrated(page);
	const status = page.locator('.search__status');
	await expect(status).toHaveText(/\d+ resultaten\./);
	const first = page.locator('.search__results li').first();
	await expect(first.locator('mark').first()).toBeVisible();
	// keyboard: from the search box to the first result
	await page.getByRole('searchbox', { name: 'Zoekterm' }).focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(first.getByRole('link')).toBeFocused();
	// filter by audience
	await page.getByLabel('Doelgroep').selectOption('citizen');
	await expect(status).toHaveText(/resultaten|Niets gevonden/);
	// odd input never breaks the page
	await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('"zorg:* ~^😀');
	await expect(status).toBeVisible();
});

test('search and glossary work in English', async ({ page }) => {
	await page.goto('/en/search/?q=ACP');
	await hydrated(page);
	await expect(page.locator('.search__status')).toHaveText(/\d+ results\./);
	await page.goto('/en/glossary/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
	expect(await page.locator('.glossary dt').count()).toBeGreaterThanOrEqual(60);
});

test('a glossary term in a lesson opens its definition by keyboard', async ({ page }) => {
	await page.goto('/modules/mantelzorgers/de-mantelzorger-als-partner/');
	const term = page.locator('.term__word').first();
	await term.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.term__pop').first()).toBeVisible();
	await expect(page.locator('.term__pop').first()).toContainText('Meer in de begrippenlijst');
	await page.keyboard.press('Escape');
	await expect(page.locator('.term__pop').first()).toBeHidden();
});
