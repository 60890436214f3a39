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
	},
});
