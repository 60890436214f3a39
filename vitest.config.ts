import { defineConfig } from 'vitest/config';

// Unit, content and build-output tests are fast; API tests start a real PocketBase each (tests/api).
export default defineConfig({
	test: {
		include: ['tests/{unit,content,build,api}/**/*.test.ts'],
		testTimeout: 20000,
		hookTimeout: 30000,
	},
});
