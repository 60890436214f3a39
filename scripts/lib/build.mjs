// The one way the site is built: `npm run build`, `npm start`, `npm test` and the build benchmark.
import path from 'node:path';

/**
 * Node arguments for `astro build` in `root`. V8's young generation may grow to 128 MB: compiling MDX
 * makes masses of short-lived objects, and with the default the garbage collector took 10.3 s of a
 * 1,000-lesson build, with 128 MB 4.8 s (CPU profiles of the same build; issue 10).
 */
export function astroBuildArgs(root, extra = []) {
	return ['--max-semi-space-size=128', path.join(root, 'node_modules/astro/astro.js'), 'build', ...extra];
}
