import AxeBuilder from '@axe-core/playwright';
import { expect, hydrated, test, tolerateFailedRequests } from './fixtures';

// One page of every type, in both languages where the type has content in both.
const pages = [
	'/',
	'/cursussen/',
	'/cursussen/voor/burgers/',
	'/cursussen/basis-palliatieve-zorg/',
	'/modules/wat-is-palliatieve-zorg/',
	'/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/',
	'/competenties/',
	'/competenties/eapc-1/',
	'/casussen/',
	'/casussen/maria/',
	'/account/',
	'/modules/wat-is-palliatieve-zorg/toets/',
	'/certificaat/',
	'/hulp/',
	'/privacy/',
	'/zoeken/?q=mantelzorg',
	'/begrippen/',
	'/zelftest/',
	'/cursussen/iedereen-kundig/',
	'/en/modules/vooruitdenken/praten-over-wensen/',
	'/verifieer/',
	'/verifieer/aaaaaaaaaaaaaaaaaaaaaaaaaa/',
	'/trainers/',
	'/account/wachtwoord-herstellen/#een-token-uit-de-e-mail-0123456789',
	'/en/account/confirm-email/',
	'/bestaat-niet/',
	'/en/',
	'/en/modules/wat-is-palliatieve-zorg/fasen/',
	'/en/cases/zieke-buurvrouw/',
	'/modules/comfort-en-symptomen/pijn-beoordelen-en-behandelen/', // a lesson with a diagram
	'/en/modules/wat-is-palliatieve-zorg/drie-lagen/', // two diagrams, English labels
	'/modules/vroegtijdige-zorgplanning-in-de-praktijk/wettelijk-kader/', // the representatives' order
];

for (const path of pages) {
	test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
		tolerateFailedRequests(page); // the 404 page is served with status 404
		await page.goto(path);
		await hydrated(page);
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}

test('axe passes on a lesson after a knowledge check was answered and marked done', async ({ page }) => {
	await page.goto('/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/');
	const check = page.locator('form.kc').first();
	await check.locator('input').first().check();
	await check.getByRole('button', { name: 'Controleer' }).click();
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('axe passes on a case while feedback is shown and at its ending', async ({ page }) => {
	await page.goto('/casussen/maria/');
	await hydrated(page);
	const player = page.locator('.scenario');
	const tags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
	let checkedFeedback = false;
	for (let i = 0; i < 60; i++) {
		if ((await player.locator('.scenario__debrief').count()) > 0) break;
		const options = player.locator('.scenario__options button');
		if ((await options.count()) > 0) {
			await options.first().click();
			if (!checkedFeedback) {
				expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
				checkedFeedback = true;
			}
		}
		await player.getByRole('button', { name: 'Verder' }).click();
	}
	await expect(player.locator('.scenario__debrief')).toBeVisible();
	expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
	// Status with meaning: each quality and the outcome carry a word, an icon and their own colour (never colour alone).
	const looks = await player.locator('.tag').evaluateAll((tags) =>
		tags.map((tag) => ({ kind: tag.className, word: tag.textContent, icon: getComputedStyle(tag, '::before').content, colour: getComputedStyle(tag).color })),
	);
	expect(looks.length).toBeGreaterThan(1);
	for (const look of looks) {
		expect(look.word!.length, look.kind).toBeGreaterThan(3);
		expect(look.icon, look.kind).toMatch(/[✓◐✕]/);
	}
	const colourOf = new Map(looks.map((l) => [l.kind.replace('outcome-', 'quality-').replace('quality-acceptable', 'quality-mixed'), l.colour]));
	expect(new Set(colourOf.values()).size).toBe(colourOf.size);
});

test('axe passes on a lesson with its diagrams\' descriptions opened', async ({ page }) => {
	await page.goto('/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/');
	const figures = page.locator('figure.diagram');
	await expect(figures).toHaveCount(2);
	for (const figure of await figures.all()) {
		await figure.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect(figure.locator('details')).toHaveAttribute('open', '');
	}
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
