// Diagrams on a phone (360 px): the picture fits the column, its description opens by keyboard, and a full-page
// screenshot of two lessons with diagrams is saved for review (test-results/screenshots/, not compared).
import { expect, test } from './fixtures';

const lessons = [
	{ path: '/modules/wat-is-palliatieve-zorg/fasen/', name: 'diagram-fasen-nl-360', summary: 'Wat staat er op deze figuur?' },
	{ path: '/en/modules/wat-is-palliatieve-zorg/drie-lagen/', name: 'diagram-drie-lagen-en-360', summary: 'What does this figure show?' },
];

test.use({ viewport: { width: 360, height: 740 } });

for (const lesson of lessons) {
	test(`diagrams on ${lesson.path} fit a 360 px phone and open their description`, async ({ page }) => {
		await page.goto(lesson.path);
		const figures = page.locator('figure.diagram');
		expect(await figures.count()).toBeGreaterThan(0);
		for (const figure of await figures.all()) {
			const svg = figure.locator('svg[role="img"]');
			await expect(svg).toBeVisible();
			const box = (await svg.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(360);
			const summary = figure.getByText(lesson.summary, { exact: true });
			await summary.focus();
			await page.keyboard.press('Enter');
			await expect(figure.locator('details p').first()).toBeVisible();
		}
		await page.screenshot({ path: `test-results/screenshots/${lesson.name}.png`, fullPage: true });
	});
}
