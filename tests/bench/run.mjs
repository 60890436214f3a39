// npm run bench [-- --check]: measures the built site (dist/) and search. Prints a table, writes
// tests/bench/results/latest.json, and with --check fails on the first figure over its budget.
// Also the trainer dashboard for 300 learners on a real PocketBase (dashboard.mjs).
// Not measured yet (issue 10): Lighthouse, build of 1,000 lessons, progress writes under load.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import dutch from 'lunr-languages/lunr.nl.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error('Build the site first: npm run build');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const file = (p) => readFileSync(path.join(dist, p));

/** A module and everything it imports, as site paths. */
function jsClosure(entry, seen = new Set()) {
	if (seen.has(entry) || !existsSync(path.join(dist, entry))) return seen;
	seen.add(entry);
	const code = file(entry).toString();
	for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) jsClosure(path.posix.join(path.posix.dirname(entry), spec), seen);
	return seen;
}

function pageBytes(page) {
	const html = file(page).toString();
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
	const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
	const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]);
	const js = new Set();
	for (const e of entries) jsClosure(e.replace(/^\//, ''), js);
	const inlineJs = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	const result = {
		html: gz(Buffer.from(html)),
		css: css.reduce((s, c) => s + gz(file(c.replace(/^\//, ''))), 0) + (inlineCss ? gz(Buffer.from(inlineCss)) : 0),
		js: [...js].reduce((s, j) => s + gz(file(j)), 0) + (inlineJs.trim() ? gz(Buffer.from(inlineJs)) : 0),
		islands: (html.match(/<astro-island/g) ?? []).length,
	};
	return { ...result, total: result.html + result.css + result.js };
}

const pages = {
	home: 'index.html',
	catalogue: 'cursussen/index.html',
	lesson: 'modules/wat-is-palliatieve-zorg/definitie-en-dimensies/index.html',
	case: 'casussen/maria/index.html',
	search: 'zoeken/index.html',
	verification: 'verifieer/index.html',
	assessment: 'modules/wat-is-palliatieve-zorg/toets/index.html',
};
const bytes = Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, pageBytes(p)]));
const lessonHtml = file(pages.lesson).toString();
const lessonText = (/<div class="lesson-body">([\s\S]*?)<\/div>\s*<section class="sources"/.exec(lessonHtml)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const lessonRatio = bytes.lesson.total / Buffer.byteLength(lessonText);

// Search: index size and query time over a fixed list.
stemmerSupport(lunr);
dutch(lunr);
// The site's own query code (TypeScript, type imports only), transpiled with esbuild on the fly.
const { transform } = await import('esbuild');
const source = readFileSync(path.join(root, 'src/lib/search/query.ts'), 'utf8');
const { code } = await transform(source, { loader: 'ts', format: 'esm' });
const { search } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const searchFigures = {};
for (const locale of ['nl', 'en']) {
	const raw = file(`zoekindex/${locale}.json`);
	const data = JSON.parse(raw.toString());
	const index = lunr.Index.load(data.index);
	const docs = new Map(data.docs.map((d) => [d.id, d]));
	const queries = ['palliatieve zorg', 'gesprekken', 'ACP', 'PZ', 'mantelzorgr', 'rouw op het werk', 'euthanasie', 'pijn', 'zorgplanning', 'iPOS', 'familie', 'sterven thuis', '"zorg:*', 'advance care planning', 'grief'];
	for (let i = 0; i < 3; i++) queries.forEach((q) => search(index, docs, q, data.synonyms));
	const times = [];
	for (let r = 0; r < 20; r++)
		for (const q of queries) {
			const t0 = performance.now();
			search(index, docs, q, data.synonyms);
			times.push(performance.now() - t0);
		}
	times.sort((a, b) => a - b);
	searchFigures[locale] = { indexGzip: gz(raw), indexRaw: raw.length, docs: data.docs.length, p50ms: times[Math.floor(times.length / 2)], p95ms: times[Math.floor(times.length * 0.95)] };
}

const { measureDashboard } = await import('./dashboard.mjs');
const dashboard = await measureDashboard(300);
const results = { measured: new Date().toISOString(), bytes, lessonRatio, search: searchFigures, dashboard };
mkdirSync(path.join(root, 'tests/bench/results'), { recursive: true });
writeFileSync(path.join(root, 'tests/bench/results/latest.json'), JSON.stringify(results, null, 2));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('page type      HTML      CSS       JS        total     islands');
for (const [k, b] of Object.entries(bytes)) console.log(`${k.padEnd(14)} ${kb(b.html).padEnd(9)} ${kb(b.css).padEnd(9)} ${kb(b.js).padEnd(9)} ${kb(b.total).padEnd(9)} ${b.islands}`);
console.log(`lesson: all bytes (gzip) / lesson text bytes = ${lessonRatio.toFixed(2)}`);
for (const [l, s] of Object.entries(searchFigures)) console.log(`search ${l}: index ${kb(s.indexGzip)} gzip (${s.docs} documents), query p50 ${s.p50ms.toFixed(2)} ms, p95 ${s.p95ms.toFixed(2)} ms`);
console.log(`trainer dashboard, cohort of ${dashboard.learners}: median ${dashboard.medianMs.toFixed(0)} ms, worst ${dashboard.maxMs.toFixed(0)} ms (${kb(dashboard.bytes)} JSON)`);
console.log('not measured yet: Lighthouse, build of 1,000 lessons, progress writes under load (issue 10)');

if (process.argv.includes('--check')) {
	const over = [];
	if (bytes.lesson.js > 5 * 1024) over.push(`lesson JavaScript ${kb(bytes.lesson.js)} > 5 KB`);
	if (bytes.lesson.islands > 0) over.push(`lesson page has ${bytes.lesson.islands} islands`);
	if (bytes.case.js > 90 * 1024) over.push(`case JavaScript ${kb(bytes.case.js)} > 90 KB`);
	for (const [k, b] of Object.entries(bytes)) if (b.total > 150 * 1024) over.push(`${k} page ${kb(b.total)} > 150 KB`);
	if (dashboard.maxMs > 300) over.push(`dashboard for ${dashboard.learners} learners ${dashboard.maxMs.toFixed(0)} ms > 300 ms`);
	if (lessonRatio > 1) over.push(`lesson bytes ratio ${lessonRatio.toFixed(2)} > 1`);
	for (const [l, s] of Object.entries(searchFigures)) if (s.p95ms > 10) over.push(`search ${l} p95 ${s.p95ms.toFixed(2)} ms > 10 ms`);
	if (over.length) {
		console.error(`\nover budget:\n  ${over.join('\n  ')}`);
		process.exit(1);
	}
	console.log('\nall measured figures within budget');
}
