// Lighthouse (mobile profile: Moto G Power emulation, simulated slow 4G and 4x CPU slowdown) for the
// lesson, case and search pages, served by PocketBase from dist/ exactly as in production (gzip).
// Uses Debian's Chromium; never downloads a browser.
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { withBenchServer } from './server.mjs';

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Runs Lighthouse once per page (after one warm-up run) and returns the median of `runs` runs. */
export async function measureLighthouse(pages, { runs = 3 } = {}) {
	return withBenchServer({ publicDir: path.join(projectRoot, 'dist') }, async (server) => {
		const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: 'silent' });
		try {
			const results = {};
			for (const [name, sitePath] of Object.entries(pages)) {
				const url = `${server.url}${sitePath}`;
				await audit(url, chrome.port); // warm the server's file cache and Chromium
				const samples = [];
				for (let i = 0; i < runs; i++) samples.push(await audit(url, chrome.port));
				samples.sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs);
				results[name] = { ...samples[Math.floor(samples.length / 2)], path: sitePath, runs: samples.map((s) => s.performance) };
			}
			return results;
		} finally {
			await chrome.kill();
		}
	});
}

async function audit(url, port, attempt = 1) {
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], formFactor: 'mobile', throttlingMethod: 'simulate' });
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { lhr } = result;
	// Lighthouse itself asks to be run again when Chromium's trace misses the navigation (NO_NAVSTART, seen once on a
	// busy machine since pages register a service worker): once more, at most twice, then the error stands.
	if (lhr.runtimeError && attempt < 3 && /run Lighthouse again/i.test(lhr.runtimeError.message)) return audit(url, port, attempt + 1);
	if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
	const a11yFailures = Object.values(lhr.audits)
		.filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0)
		.map((a) => a.id);
	return {
		performance: Math.round(lhr.categories.performance.score * 100),
		accessibility: Math.round(lhr.categories.accessibility.score * 100),
		lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
		tbtMs: lhr.audits['total-blocking-time'].numericValue,
		cls: lhr.audits['cumulative-layout-shift'].numericValue,
		fcpMs: lhr.audits['first-contentful-paint'].numericValue,
		a11yFailures,
	};
}
