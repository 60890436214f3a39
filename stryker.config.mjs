// Mutation testing of the domain code: `npm run test:mutation` (not part of `npm test`).
// Scope and results: README.md, "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.ts', related: false },
	mutate: [
		'src/lib/rules/**/*.ts',
		'src/lib/progress/**/*.ts',
		'src/lib/scenario/**/*.ts',
		'src/lib/routes.ts',
		'src/lib/dashboard-csv.ts',
		'src/lib/course-order.ts',
		'src/lib/course-status.ts',
		'src/lib/offline/outbox.ts',
		'src/lib/offline/outbox-sync.ts',
	],
	// Static mutants (module-level tables such as the URL segments) would rerun every test for each one;
	// they are left out of the score (README, "Mutation testing").
	ignoreStatic: true,
	concurrency: 2,
	timeoutMS: 10000,
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 90, low: 80, break: 80 },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
