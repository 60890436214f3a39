import { test as base, expect, type Page } from '@playwright/test';

const tolerated = new WeakMap<Page, RegExp>();
/** For tests that provoke failed requests on purpose: the browser logs those as console errors. */
export function tolerateFailedRequests(page: Page) {
	tolerated.set(page, /Failed to load resource|net::ERR_/);
}

/** Playwright's test with the base URL of the server that global-setup started. */
export const test = base.extend({
	baseURL: async ({}, use) => {
		await use(process.env.PW_BASE_URL);
	},
	page: async ({ page }, use) => {
		const errors: string[] = [];
		page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
		page.on('console', (msg) => {
			if (msg.type() === 'error' && !tolerated.get(page)?.test(msg.text())) errors.push(`console: ${msg.text()}`);
		});
		await use(page);
		expect(errors, 'the page logged errors').toEqual([]);
	},
});
export { expect };

/** Waits until every React island on the page is hydrated, so clicks reach React. */
export async function hydrated(page: Page) {
	await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

let counter = 0;
/** A fresh e-mail address per test. */
export function uniqueEmail() {
	return `e2e-${Date.now()}-${++counter}@test.local`;
}
