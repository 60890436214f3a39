import { defineConfig } from 'vitest/config';

// The fast unit tests that exercise the domain code Stryker mutates (stryker.config.mjs), the offline queue included.
// No build output, no PocketBase, no content walk: each mutant must be judged in seconds.
export default defineConfig({
	test: {
		include: [
			'tests/unit/rules.test.ts',
			'tests/unit/progress.test.ts',
			'tests/unit/progress-stores.test.ts',
			'tests/unit/routes.test.ts',
			'tests/unit/scenario.test.ts',
			'tests/unit/scenario-translation.test.ts',
			'tests/unit/run-store.test.ts',
			'tests/unit/dashboard-csv.test.ts',
			'tests/unit/course-order.test.ts',
			'tests/unit/group-figures.test.ts',
			'tests/unit/self-check.test.ts',
			'tests/unit/outbox.test.ts',
			'tests/unit/outbox-sync.test.ts',
		],
		// Instrumented code on a shared 2-core machine: the every-path replay of the largest case needs time.
		testTimeout: 120000,
		// tests/unit/rules.test.ts replays every path of the smallest case only (the full walk runs in npm test).
		env: { PALLIWIJS_MUTATION: '1' },
	},
});
