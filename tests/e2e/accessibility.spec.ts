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
	'/account/',
	'/trainers/',
	'/bestaat-niet/',
	'/en/',
	'/en/modules/wat-is-palliatieve-zorg/fasen/',
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
