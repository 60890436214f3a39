// The one way the site is built: `npm run build`, `npm start`, `npm test` and the build benchmark.
import path from 'node:path';

/**
 * The environment for every astro command the project runs (build, check, dev): Astro's anonymous
 * telemetry and its first-run notice switched off for this process only, without writing Astro's
 * global config (`astro telemetry disable` would). `npm run dev` and `npm run check` set the same variable.
 */
export const astroEnv = (env = process.env) => ({ ...env, ASTRO_TELEMETRY_DISABLED: '1' });

/**
 * Node arguments for `astro build` in `root`. V8's young generation may grow to 128 MB: compiling MDX
 * makes masses of short-lived objects, and with the default the garbage collector took 10.3 s of a
 * 1,000-lesson build, with 128 MB 4.8 s (CPU profiles of the same build; issue 10).
 */
export function astroBuildArgs(root, extra = []) {
	return ['--max-semi-space-size=128', path.join(root, 'node_modules/astro/astro.js'), 'build', ...extra];
}

/**
 * Bundles the rules shared by browser and server (src/lib/rules) into CommonJS for PocketBase's
 * JavaScript engine (goja): pocketbase/pb_hooks/generated/rules.js, which the hooks require. Run by
 * `npm run build` and before every server start (npm start, the API and browser tests), so the
 * server never runs rules older than the TypeScript. Takes about 20 ms.
 */
export async function bundleRules(root) {
	const { buildSync } = await import('esbuild');
	const outfile = path.join(root, 'pocketbase/pb_hooks/generated/rules.js');
	buildSync({
		entryPoints: [path.join(root, 'src/lib/rules/index.ts')],
		outfile,
		bundle: true,
		format: 'cjs',
		platform: 'neutral',
		// goja runs ES5.1 and most of ES2015+; ES2017 lowers ?., ?? and object spread, which it may not.
		target: 'es2017',
		legalComments: 'none',
		banner: { js: '// Generated from src/lib/rules by scripts/lib/build.mjs (bundleRules). Do not edit.' },
		logLevel: 'warning',
	});
	return outfile;
}
