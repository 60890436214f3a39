import { expect, hydrated, test } from './fixtures';
import { lessonFiles, yamlFiles } from '../helpers/content-files';

// Expectations from the content files, never from the page under test.
const courses = yamlFiles('courses').map((f) => f.data as { audiences: string[]; modules: string[] });
/** The audiences of a module: those of every course that holds it. */
const audiencesOf = (module: string) => new Set(courses.filter((c) => c.modules.includes(module)).flatMap((c) => c.audiences));
/** A lesson that only citizens see (its module is only in citizen courses), and its title. */
const citizenLesson = lessonFiles().find((f) => f.locale === 'nl' && [...audiencesOf(f.module)].join() === 'citizen')!;
const citizenTitle = citizenLesson.frontmatter.title as string;

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
	// Odd input never breaks the page: lunr's syntax and emoji are dropped, the word is searched.
	const box = page.getByRole('searchbox', { name: 'Zoekterm' });
	await box.fill('zorg');
	await expect(status).toHaveText(/^\d+ resultaten\.$/);
	const plain = await status.textContent();
	await box.fill('"zorg:* ~^😀');
	await expect(status).toHaveText(plain!);
	await box.fill('"*:~^😀');
	await expect(status).toHaveText('Niets gevonden voor ‘"*:~^😀’. Probeer een ander woord.');
});

test('the audience filter keeps lessons of that audience and drops the others', async ({ page }) => {
	expect(citizenLesson, 'a lesson whose module is only in citizen courses').toBeTruthy();
	await page.goto(`/zoeken/?q=${encodeURIComponent(citizenTitle)}`);
	await hydrated(page);
	const status = page.locator('.search__status');
	const hit = page.locator('.search__results').getByRole('link', { name: citizenTitle, exact: true });
	await expect(status).toHaveText(/^\d+ resultaten\.$/);
	await expect(hit).toHaveAttribute('href', `/modules/${citizenLesson.module}/${citizenLesson.slug}/`);
	await page.getByLabel('Doelgroep').selectOption('citizen');
	await expect(hit).toBeVisible();
	await page.getByLabel('Doelgroep').selectOption('professional');
	await expect(status).toHaveText(/^\d+ resultaten\.$|^Niets gevonden/);
	await expect(hit).toHaveCount(0);
	await page.getByLabel('Doelgroep').selectOption('');
	await expect(hit).toBeVisible();
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
