// npm run bench [-- --check] [-- --only=bytes,search,lighthouse,load,login,dashboard,build] [-- --login-limiter]
// (--login-limiter: the log-in storm with the production rate limits, every learner behind one address)
// Measures the built site (run `npm run build` first) and the server, prints a table, writes
// tests/bench/results/latest.json, and with --check exits 1 naming every figure over its budget.
// Takes about 10 minutes on the 2-core machine; not part of `npm test`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { checkBudgets } from './budgets.mjs';

const parts = ['bytes', 'search', 'lighthouse', 'load', 'login', 'dashboard', 'build'];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? parts;
if (!existsSync(path.join(projectRoot, 'dist/index.html'))) throw new Error('Build the site first: npm run build');

const results = { measured: new Date().toISOString(), machine: `${(await import('node:os')).cpus().length} cores, Node ${process.version}` };
const step = async (part, run) => {
	if (!only.includes(part)) return;
	const t0 = Date.now();
	process.stderr.write(`measuring ${part} … `);
	Object.assign(results, await run());
	process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
};

await step('bytes', async () => (await import('./page-bytes.mjs')).measurePageBytes());
await step('search', async () => ({ search: await (await import('./search-speed.mjs')).measureSearch() }));
await step('lighthouse', async () => ({
	lighthouse: await (await import('./lighthouse.mjs')).measureLighthouse({
		lesson: '/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/',
		case: '/casussen/maria/',
		search: '/zoeken/',
	}),
}));
await step('load', async () => ({ load: await (await import('./progress-load.mjs')).measureProgressLoad() }));
await step('login', async () => ({ login: await (await import('./login-storm.mjs')).measureLoginStorm({ withLimiter: process.argv.includes('--login-limiter') }) }));
await step('dashboard', async () => ({ dashboard: await (await import('./dashboard.mjs')).measureDashboard(300) }));
await step('build', async () => ({ build: await (await import('./build-time.mjs')).measureBuilds() }));

mkdirSync(path.join(projectRoot, 'tests/bench/results'), { recursive: true });
writeFileSync(path.join(projectRoot, 'tests/bench/results/latest.json'), JSON.stringify(results, null, 2));
(await import('./report.mjs')).printReport(results);

const checked = checkBudgets(results);
console.log('\nbudget                                                          figure      limit');
for (const c of checked) console.log(`${c.ok ? 'ok  ' : 'OVER'} ${c.name.padEnd(58)} ${c.figure.padEnd(11)} ${c.limit}`);
if (process.argv.includes('--check')) {
	const over = checked.filter((c) => !c.ok);
	if (only.length < parts.length) console.log(`\nnot measured in this run: ${parts.filter((p) => !only.includes(p)).join(', ')}`);
	if (over.length) {
		console.error(`\nover budget:\n  ${over.map((c) => `${c.name}: ${c.figure} (limit ${c.limit})`).join('\n  ')}`);
		process.exit(1);
	}
	console.log('\nall measured figures within budget');
}
