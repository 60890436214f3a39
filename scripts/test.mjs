// `npm test`: every check the project has, in order, each timed.
//   1. astro check (types of .ts, .tsx and .astro files)   2. astro build (content schemas + cross-file checks)
//   3. vitest (unit, content, build output, API against a real PocketBase)   4. playwright (Chromium, real server)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/pocketbase.mjs';

const bin = (name) => path.join(projectRoot, 'node_modules/.bin', name);
const steps = [
	['type check', bin('astro'), ['check', '--minimumSeverity', 'warning']],
	['build', bin('astro'), ['build']],
	['vitest', bin('vitest'), ['run']],
	['playwright', bin('playwright'), ['test']],
];

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
	console.error('Chromium is missing: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). Never run `npx playwright install`.');
	process.exit(1);
}

const only = process.argv.slice(2);
const timings = [];
for (const [name, command, args] of steps) {
	if (only.length && !only.includes(name.split(' ')[0])) continue;
	console.log(`\n▶ ${name}: ${path.basename(command)} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
	timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (result.status !== 0) {
		console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}).\n${timings.join('\n')}`);
		process.exit(1);
	}
}
console.log(`\n✓ all tests passed\n${timings.join('\n')}`);
