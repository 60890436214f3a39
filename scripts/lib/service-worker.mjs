// At the end of every `astro build` (the integration below, in astro.config.mjs): the lists of files for "keep this course offline" (dist/offline/<locale>-<course>.json)
// the offline queue (dist/outbox.js) and the service worker (dist/sw.js: src/service-worker/sw.ts with Workbox's modules, bundled by esbuild,
// with the precache list and the build id written in).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sha = (buf) => createHash('sha256').update(buf).digest('hex');

function walk(dir, base = dir, out = []) {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) walk(full, base, out);
		else out.push('/' + path.relative(base, full).split(path.sep).join('/'));
	}
	return out;
}

/** The file in dist/ that serves a site URL ('/a/b/' → a/b/index.html). */
const fileOf = (dist, url) => path.join(dist, decodeURI(url.endsWith('/') ? `${url}index.html` : url));

/** A script and every script it imports statically, as site URLs. */
function scriptClosure(dist, url, seen) {
	if (seen.has(url) || !existsSync(fileOf(dist, url))) return;
	seen.add(url);
	const code = readFileSync(fileOf(dist, url), 'utf8');
	for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) scriptClosure(dist, path.posix.join(path.posix.dirname(url), spec), seen);
}

/** The files a page needs besides its HTML: stylesheets, scripts with their imports, island code, images. */
export function pageAssets(dist, pageUrl) {
	const html = readFileSync(fileOf(dist, pageUrl), 'utf8');
	const assets = new Set();
	const scripts = new Set();
	for (const [, url] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+)"/g)) assets.add(url);
	for (const [, url] of html.matchAll(/<img[^>]+src="(\/[^"]+)"/g)) assets.add(url);
	for (const [, url] of html.matchAll(/(?:<script[^>]+src|component-url|renderer-url)="(\/[^"]+\.js)"/g)) scriptClosure(dist, url, scripts);
	return [...assets, ...scripts];
}

/**
 * One list per course page (marked `data-offline-course="<id>"` with its pages in `data-offline-pages`):
 * the pages, the files they need, the search page and index of the course's language, and the bytes
 * this takes on the device. Written to dist/offline/<id>.json; the course page's button stores them.
 */
export function writeCourseLists(dist, build) {
	const lists = [];
	for (const page of walk(dist).filter((f) => f.endsWith('/index.html'))) {
		const html = readFileSync(path.join(dist, page), 'utf8');
		const attr = (name) => new RegExp(`<section[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
		const id = attr('data-offline-course');
		if (!id) continue;
		const pageList = attr('data-offline-pages') ?? '';
		const title = (attr('data-offline-title') ?? id).replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
		const pages = pageList.split(' ').filter(Boolean);
		const urls = new Set(pages);
		for (const p of pages) for (const a of pageAssets(dist, p)) urls.add(a);
		const missing = [...urls].filter((u) => !existsSync(fileOf(dist, u)));
		if (missing.length) throw new Error(`offline list of ${id}: no file for ${missing.join(', ')}`);
		const bytes = [...urls].reduce((sum, u) => sum + statSync(fileOf(dist, u)).size, 0);
		const list = { id, build, title, href: pages[0], pages: pages.filter((p) => p.endsWith('/')).length, bytes, urls: [...urls] };
		mkdirSync(path.join(dist, 'offline'), { recursive: true });
		writeFileSync(path.join(dist, 'offline', `${id}.json`), JSON.stringify(list));
		lists.push(list);
	}
	return lists;
}

/** The shell every page needs offline: stylesheets, the scripts of lesson and course pages, icons, manifests, offline pages. */
export function precacheList(dist) {
	const shell = new Set(['/offline/', '/en/offline/', '/manifest.webmanifest', '/en/manifest.webmanifest', '/favicon.svg', '/outbox.js']);
	for (const f of walk(path.join(dist, 'icons'), dist)) if (f.endsWith('.png') || f.endsWith('.svg')) shell.add(f);
	for (const f of walk(path.join(dist, '_astro'), dist)) if (f.endsWith('.css')) shell.add(f);
	// The vanilla scripts (progress, knowledge checks, read-aloud, this registration): never an island's code.
	for (const f of walk(path.join(dist, '_astro'), dist)) if (/\.astro_astro_type_script_index_\d+_lang\.[^/]+\.js$/.test(f)) scriptClosure(dist, f, shell);
	return [...shell].sort().map((url) => ({ url, revision: url.startsWith('/_astro/') ? null : sha(readFileSync(fileOf(dist, url))).slice(0, 16) }));
}

/** The build id: a hash of every file of the site, so an unchanged site keeps its service worker. */
export function buildId(dist) {
	const h = createHash('sha256');
	for (const f of walk(dist).sort()) if (f !== '/sw.js' && !(f.startsWith('/offline/') && f.endsWith('.json'))) h.update(f).update(sha(readFileSync(path.join(dist, f))));
	return h.digest('hex').slice(0, 12);
}

export async function buildServiceWorker(root, dist = path.join(root, 'dist')) {
	const { buildSync } = await import('esbuild');
	// The offline queue (src/lib/offline/outbox.ts with idb) and its page side (outbox-sync.ts, the entry:
	// it passes the queue's calls on): a module of its own that pages import only when something must be
	// queued or waits (src/lib/offline/load.ts); precached below like the shell.
	buildSync({
		entryPoints: [path.join(root, 'src/lib/offline/outbox-sync.ts')],
		outfile: path.join(dist, 'outbox.js'),
		bundle: true,
		format: 'esm',
		target: 'es2020',
		minify: true,
		legalComments: 'none',
		logLevel: 'warning',
	});
	const build = buildId(dist);
	const lists = writeCourseLists(dist, build);
	const precache = precacheList(dist);
	buildSync({
		entryPoints: [path.join(root, 'src/service-worker/sw.ts')],
		outfile: path.join(dist, 'sw.js'),
		bundle: true,
		format: 'iife',
		target: 'es2020',
		minify: true,
		legalComments: 'none',
		define: { __BUILD__: JSON.stringify(build), __PRECACHE__: JSON.stringify(precache), 'process.env.NODE_ENV': '"production"' },
		logLevel: 'warning',
	});
	return { build, lists, precache };
}

/** The Astro integration: builds the offline lists and the service worker into the finished site. */
export function serviceWorker() {
	return {
		name: 'palliwijs-service-worker',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
				const { build, lists, precache } = await buildServiceWorker(root, fileURLToPath(dir));
				logger.info(`sw.js: build ${build}, ${precache.length} files precached, ${lists.length} course lists for offline use`);
			},
		},
	};
}
