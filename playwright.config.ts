import { defineConfig } from '@playwright/test';

// One Chromium from Debian (never downloaded), one real PocketBase serving dist/ (tests/e2e/global-setup.ts).
export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30000,
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		},
		trace: 'off',
		// The site registers a service worker (offline use). Specs test the site online, and some stand in
		// for the server with page.route, which a service worker would bypass: blocked here, allowed in
		// tests/e2e/offline.spec.ts, which tests the service worker itself.
		serviceWorkers: 'block',
	},
});
