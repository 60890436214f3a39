import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, hydrated, test } from './fixtures';
import { lessonFiles, root, yamlFiles } from '../helpers/content-files';
import { lunrFor } from '../../src/lib/search/lunr-setup';
import { search, type ResultDoc, type Synonyms } from '../../src/lib/search/query';
import { glossarySuggestions } from '../../src/lib/search/suggest';

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

// The true results of a query, from the built index and the site's query code (not from the page under test).
function builtSearch(locale: 'nl' | 'en') {
	const data = JSON.parse(readFileSync(path.join(root, `dist/zoekindex/${locale}.json`), 'utf8')) as { index: object; docs: ResultDoc[]; synonyms: Synonyms };
	const index = lunrFor().Index.load(data.index);
	const docs = new Map(data.docs.map((d) => [d.id, d]));
	return { run: (q: string) => search(index, docs, q, data.synonyms), docs: [...docs.values()] };
}
const axe = async (page: import('@playwright/test').Page) =>
	(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('the search fields have visible labels', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/zoeken/');
	await hydrated(page);
	await expect(page.locator('label[for="search-query"]')).toHaveText('Zoekterm');
	await expect(page.locator('label[for="search-query"]')).toBeVisible();
	await expect(page.getByLabel('Zoekterm', { exact: true })).toHaveAttribute('type', 'search');
	await expect(page.locator('label[for="site-search-q"]')).toHaveText('Zoek op de site');
	await expect(page.locator('label[for="site-search-q"]')).toBeVisible();
	await page.goto('/en/search/');
	await expect(page.locator('label[for="search-query"]')).toHaveText('Search term');
	await expect(page.locator('label[for="search-query"]')).toBeVisible();
});

test('every result is reachable: the count is the true count and "Toon meer" shows the rest', async ({ page }) => {
	const expected = builtSearch('nl').run('zorg');
	expect(expected.length, 'a query with far more than 30 results').toBeGreaterThan(60);
	await page.goto('/zoeken/?q=zorg');
	await hydrated(page);
	const items = page.locator('.search__results > li');
	await expect(page.locator('.search__status')).toHaveText(`${expected.length} resultaten.`);
	await expect(items).toHaveCount(20);
	await expect(page.locator('.search__more')).toContainText(`Je ziet er 20 van de ${expected.length}.`);
	expect(await axe(page)).toEqual([]);
	const more = page.getByRole('button', { name: 'Toon nog 20 resultaten' });
	await more.click();
	await expect(items).toHaveCount(40);
	// focus moves to the first new result, so a keyboard user goes on where the list grew
	await expect(items.nth(20).getByRole('link')).toBeFocused();
	await expect(items.nth(20).getByRole('link')).toHaveText(expected[20]!.doc.title);
	while ((await page.locator('.search__more button').count()) > 0) {
		const before = await items.count();
		await page.locator('.search__more button').click();
		await expect(items).toHaveCount(Math.min(before + 20, expected.length));
	}
	await expect(items).toHaveCount(expected.length);
	await expect(items.last().getByRole('link')).toHaveText(expected[expected.length - 1]!.doc.title);
	await expect(items.last().getByRole('link')).toHaveAttribute('href', expected[expected.length - 1]!.doc.href);
	// a new query starts again at 20
	await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('rouw');
	const rouw = builtSearch('nl').run('rouw');
	await expect(page.locator('.search__status')).toHaveText(`${rouw.length} resultaten.`);
	await expect(items).toHaveCount(Math.min(20, rouw.length));
});

test('highlights whole words only: a mark never starts or ends inside a word', async ({ page }) => {
	await page.goto('/zoeken/?q=zorg');
	await hydrated(page);
	await expect(page.locator('.search__results > li')).toHaveCount(20);
	const marks = await page.locator('.search__results mark').evaluateAll((els) =>
		els.map((m) => ({ text: m.textContent ?? '', before: m.previousSibling?.textContent?.slice(-1) ?? '', after: m.nextSibling?.textContent?.slice(0, 1) ?? '' })),
	);
	expect(marks.length).toBeGreaterThan(10);
	for (const m of marks) {
		expect(m.text.toLowerCase(), m.text).toContain('zorg');
		expect(m.before, `before ${m.text}`).not.toMatch(/\p{L}/u);
		expect(m.after, `after ${m.text}`).not.toMatch(/\p{L}/u);
	}
	// every snippet starts and ends between words: its first and last words are whole words of the result's text
	const snippets = await page.locator('.search__results > li > p').allTextContents();
	const expected = builtSearch('nl').run('zorg').slice(0, 20);
	snippets.forEach((snippet, i) => {
		const words = new Set(expected[i]!.doc.snippet.match(/[\p{L}\p{N}]+/gu));
		const own = snippet.match(/[\p{L}\p{N}]+/gu)!;
		expect(words.has(own[0]!), `${expected[i]!.doc.id}: starts with ${own[0]}`).toBe(true);
		expect(words.has(own[own.length - 1]!), `${expected[i]!.doc.id}: ends with ${own[own.length - 1]}`).toBe(true);
	});
});

test('a misspelled query that finds nothing offers the right spelling and glossary terms; the suggestion finds results', async ({ page }) => {
	const built = builtSearch('nl');
	expect(built.run('paliatif')).toHaveLength(0);
	const corrected = built.run('palliatief');
	await page.goto('/zoeken/?q=paliatif');
	await hydrated(page);
	await expect(page.locator('.search__status')).toHaveText('Niets gevonden voor ‘paliatif’. Probeer een ander woord.');
	await expect(page.locator('.search__suggestion')).toHaveText('Bedoelde je ‘palliatief’?');
	const terms = page.locator('.search__terms');
	await expect(terms.getByRole('heading', { level: 2 })).toHaveText('Misschien bedoel je een van deze begrippen');
	const expectedTerms = glossarySuggestions('palliatief', built.docs);
	expect(expectedTerms.map((d) => d.title)).toContain('palliatief forfait');
	await expect(terms.getByRole('link')).toHaveText(expectedTerms.map((d) => d.title));
	await expect(terms.getByRole('link').first()).toHaveAttribute('href', expectedTerms[0]!.href);
	expect(await axe(page)).toEqual([]);
	await page.locator('.search__suggestion').getByRole('link', { name: 'palliatief' }).click();
	await expect(page.getByRole('searchbox', { name: 'Zoekterm' })).toHaveValue('palliatief');
	await expect(page.getByRole('searchbox', { name: 'Zoekterm' })).toBeFocused();
	await expect(page).toHaveURL(/\/zoeken\/\?q=palliatief$/);
	await expect(page.locator('.search__status')).toHaveText(`${corrected.length} resultaten.`);
	await expect(page.locator('.search__suggestion')).toHaveCount(0);
	await expect(terms).toHaveCount(0);
	await expect(page.locator('.search__results > li')).toHaveCount(Math.min(20, corrected.length));
});

test('a query with a slip that still finds results also offers the spelling (English page too)', async ({ page }) => {
	const built = builtSearch('nl');
	await page.goto('/zoeken/?q=palliatif');
	await hydrated(page);
	await expect(page.locator('.search__status')).toHaveText(`${built.run('palliatif').length} resultaten.`);
	await expect(page.locator('.search__suggestion')).toHaveText('Bedoelde je ‘palliatief’?');
	await expect(page.locator('.search__terms')).toHaveCount(0);
	await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('mantelzorch');
	await expect(page.locator('.search__suggestion')).toHaveText('Bedoelde je ‘mantelzorg’?');
	await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('mantelzorg');
	await expect(page.locator('.search__status')).toHaveText(`${built.run('mantelzorg').length} resultaten.`);
	await expect(page.locator('.search__suggestion')).toHaveCount(0);
	await page.goto('/en/search/?q=greif');
	await hydrated(page);
	await expect(page.locator('.search__suggestion')).toHaveText('Did you mean ‘grief’?');
	await page.locator('.search__suggestion').getByRole('link', { name: 'grief' }).click();
	await expect(page.locator('.search__status')).toHaveText(`${builtSearch('en').run('grief').length} results.`);
});
