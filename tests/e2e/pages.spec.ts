import { expect, test, tolerateFailedRequests } from './fixtures';

const lesson = '/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/';

test('the home page has one door per audience, each leading straight to its courses, and one for trainers', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Palliwijs/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
	const doors = page.locator('main > .cards > li');
	await expect(doors).toHaveCount(4);
	const door = (name: string) => doors.filter({ has: page.getByRole('heading', { name }) });
	await expect(door('Ik wil er meer over weten').getByRole('link')).toHaveText(['Er zijn tot het einde']);
	await expect(door('Ik studeer verpleegkunde').getByRole('link')).toHaveText(['Basis palliatieve zorg']);
	await door('Ik werk in de zorg').getByRole('link', { name: 'Palliatieve zorg in de praktijk' }).click();
	await expect(page).toHaveURL(/\/cursussen\/palliatieve-zorg-in-de-praktijk\/$/);
	await page.goBack();
	await door('Ik geef les of vorming').getByRole('link').click();
	await expect(page).toHaveURL(/\/trainers\/$/);
});

test('the catalogue filters by audience', async ({ page }) => {
	await page.goto('/cursussen/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cursussen');
	const filter = page.getByRole('navigation', { name: 'Doelgroep' });
	await expect(filter.getByRole('link', { name: 'Alle doelgroepen' })).toHaveAttribute('aria-current', 'page');
	await filter.getByRole('link', { name: 'Verpleegkundestudenten' }).click();
	await expect(page.getByRole('link', { name: 'Basis palliatieve zorg' })).toBeVisible();
	await page.goto('/cursussen/voor/professionals/');
	await expect(page.getByRole('link', { name: 'Basis palliatieve zorg' })).toHaveCount(0);
});

test('a course page shows modules, hours and the competences covered', async ({ page }) => {
	await page.goto('/cursussen/basis-palliatieve-zorg/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basis palliatieve zorg');
	await expect(page.getByText(/\d+ studie-uren/).first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Wat is palliatieve zorg?' })).toBeVisible();
	const coverage = page.getByRole('table');
	await expect(coverage.getByRole('rowheader').first()).toContainText('1.');
	await page.getByRole('link', { name: 'Begin met de eerste les' }).click();
	await expect(page).toHaveURL(new RegExp(`${lesson}$`));
});

test('a lesson page has objectives, body, sources and a way on', async ({ page }) => {
	await page.goto(lesson);
	await expect(page.getByRole('heading', { name: 'Na deze les' })).toBeVisible();
	await expect(page.locator('.objectives li').first()).toBeVisible();
	await expect(page.locator('.lesson-body h2').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Bronnen' })).toBeVisible();
	expect(await page.locator('.sources li').count()).toBeGreaterThan(0);
	await page.getByRole('link', { name: /^Volgende les/ }).click();
	await expect(page.getByRole('link', { name: /^← Vorige les/ })).toBeVisible();
	await expect(page.locator('.kc').first()).toBeVisible();
});

test('every competence has a page that lists what covers it', async ({ page }) => {
	await page.goto('/competenties/');
	await expect(page.locator('main ol.cards > li')).toHaveCount(10);
	await page.getByRole('link', { name: /^Pas de kern|^1\.|palliatieve zorg/i }).first().click();
	await expect(page.getByRole('heading', { name: 'Lessen die aan deze competentie werken' })).toBeVisible();
	await page.goto('/competenties/eapc-1/');
	await expect(page.locator('main .lesson-list a').first()).toBeVisible();
});

test('the language switch leads to the same page in English and back', async ({ page }) => {
	await page.goto(lesson);
	await page.getByRole('link', { name: 'Read this page in English' }).click();
	await expect(page).toHaveURL(/\/en\/modules\/wat-is-palliatieve-zorg\/definitie-en-dimensies\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'After this lesson' })).toBeVisible();
	await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
	await expect(page).toHaveURL(new RegExp(`${lesson}$`));
});

test('an unknown address gives the site’s own 404 page with status 404', async ({ page }) => {
	tolerateFailedRequests(page);
	const response = await page.goto('/bestaat/niet/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	await page.getByRole('link', { name: 'Naar de startpagina' }).click();
	await expect(page).toHaveURL(/\/$/);
});

test('the skip link is the first stop for the keyboard and moves focus to the content', async ({ page }) => {
	await page.goto(lesson);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('an unknown address under /en/ gives the English 404 page with status 404', async ({ page }) => {
	tolerateFailedRequests(page);
	const response = await page.goto('/en/does/not-exist/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
});

test('the help page starts with the urgent numbers as tap-to-call links, in both languages', async ({ page }) => {
	for (const [url, name] of [['/hulp/', /1813.*Zelfmoordlijn/], ['/en/help/', /1813.*suicide line/]] as const) {
		await page.goto(url);
		const urgent = page.locator('main .urgent');
		await expect(urgent).toBeVisible();
		for (const n of ['112', '101', '1733', '1813', '106']) await expect(urgent.locator(`a[href="tel:${n}"]`)).toHaveCount(1);
		await expect(urgent.getByRole('link', { name })).toHaveAttribute('href', 'tel:1813');
		// before the page's own text
		const box = await urgent.boundingBox();
		const firstText = await page.locator('main .lesson-body').boundingBox();
		expect(box!.y).toBeLessThan(firstText!.y);
	}
});
