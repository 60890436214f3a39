// Search: the size of each built index (gzip) and the time of the site's own query code over a fixed
// list of queries (after a warm-up), median and 95th percentile.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { transform } from 'esbuild';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import dutch from 'lunr-languages/lunr.nl.js';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';

export const queries = ['palliatieve zorg', 'gesprekken', 'ACP', 'PZ', 'mantelzorgr', 'rouw op het werk', 'euthanasie', 'pijn', 'zorgplanning', 'iPOS', 'familie', 'sterven thuis', '"zorg:*', 'advance care planning', 'grief'];

/** The site's query code (TypeScript with type imports only), transpiled on the fly. */
async function siteSearch() {
	const source = readFileSync(path.join(projectRoot, 'src/lib/search/query.ts'), 'utf8');
	const { code } = await transform(source, { loader: 'ts', format: 'esm' });
	return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).search;
}

export async function measureSearch() {
	stemmerSupport(lunr);
	dutch(lunr);
	const search = await siteSearch();
	const figures = {};
	for (const locale of ['nl', 'en']) {
		const raw = readFileSync(path.join(projectRoot, 'dist/zoekindex', `${locale}.json`));
		const data = JSON.parse(raw.toString());
		const index = lunr.Index.load(data.index);
		const docs = new Map(data.docs.map((d) => [d.id, d]));
		for (let i = 0; i < 3; i++) queries.forEach((q) => search(index, docs, q, data.synonyms));
		const times = [];
		for (let r = 0; r < 20; r++)
			for (const q of queries) {
				const t0 = performance.now();
				search(index, docs, q, data.synonyms);
				times.push(performance.now() - t0);
			}
		times.sort((a, b) => a - b);
		figures[locale] = { indexGzip: gzipSync(raw, { level: 9 }).length, docs: data.docs.length, p50ms: times[Math.floor(times.length / 2)], p95ms: times[Math.floor(times.length * 0.95)] };
	}
	return figures;
}
