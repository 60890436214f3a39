// `npm test`: every check the project has, in order, each timed.
//   1. astro check (types of .ts, .tsx and .astro files)   2. astro build (content schemas + cross-file checks;
//      every lesson compiled both in a worker and in the main thread, and the build fails if they differ)
//   3. vitest (unit, content, build output, API against a real PocketBase)   4. playwright (Chromium, real server)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/pocketbase.mjs';
import { astroBuildArgs, astroEnv } from './lib/build.mjs';

const bin = (name) => path.join(projectRoot, 'node_modules/.bin', name);
const steps = [
	['type check', bin('astro'), ['check', '--minimumSeverity', 'warning']],
	['build', process.execPath, astroBuildArgs(projectRoot), { PALLIWIJS_MDX_WORKERS: 'verify' }],
	['vitest', bin('vitest'), ['run']],
	['playwright', bin('playwright'), ['test']],
];

// Debian's Chromium for the browser tests, installed when missing (never a downloaded browser).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.log('Chromium is missing: installing Debian\'s chromium with apt-get…');
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const apt = (...args) => spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
	if (apt('install', '-y', '-qq', 'chromium') !== 0) apt('update', '-qq') === 0 && apt('install', '-y', '-qq', 'chromium');
	if (!existsSync(chromium)) {
		console.error('Could not install Chromium. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH), then run npm test again.');
		process.exit(1);
	}
}

const only = process.argv.slice(2);
const timings = [];
for (const [name, command, args, env = {}] of steps) {
	if (only.length && !only.includes(name.split(' ')[0])) continue;
	console.log(`\n▶ ${name}: ${path.basename(command)} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...astroEnv(), FORCE_COLOR: '0', ...env } });
	timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (result.status !== 0) {
		console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}).\n${timings.join('\n')}`);
		process.exit(1);
	}
}
console.log(`\n✓ all tests passed\n${timings.join('\n')}`);
