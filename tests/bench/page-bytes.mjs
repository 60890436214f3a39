// Bytes a first visit downloads (gzip level 9, as the server sends them), per page type, from dist/:
// HTML, CSS (linked and inline) and JavaScript (scripts, island components and everything they
// import, inline scripts). Images are left out. And for every lesson page, the ratio of all those
// bytes to the bytes of the lesson's own text (what the reader reads: title, objectives, body with
// its knowledge checks, sources), twice: on a first visit (HTML, CSS and JavaScript) and as read in a
// course, where the stylesheet and scripts (hashed names, cached for a year) came with the first page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';

const dist = path.join(projectRoot, 'dist');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const file = (p) => readFileSync(path.join(dist, p.replace(/^\//, '')));

export const pageTypes = {
	home: 'index.html',
	catalogue: 'cursussen/index.html',
	lesson: 'modules/wat-is-palliatieve-zorg/definitie-en-dimensies/index.html',
	case: 'casussen/maria/index.html',
	search: 'zoeken/index.html',
	verification: 'verifieer/index.html',
	// pdf-lib, fontkit and the fonts load only when the PDF is asked for; on page load they would weigh 170 KB+.
	certificate: 'certificaat/index.html',
	trainerDashboard: 'trainers/index.html',
	assessment: 'modules/wat-is-palliatieve-zorg/toets/index.html',
};

/** The layout's service-worker registration script (src/scripts/offline-register.ts). */
const isRegistration = (src) => /\/BaseLayout\.astro_astro_type_script_index_\d+_lang\.[^/]+\.js$/.test(src);

/**
 * The service worker's own script, the registration every page loads, and the offline queue (dist/outbox.js,
 * with idb), which a page loads only when something done offline is queued or waits to be sent (gzip).
 */
export function offlineBytes() {
	const home = pageBytes(pageTypes.home);
	return { serviceWorker: gz(file('sw.js')), register: home.register, queue: gz(file('outbox.js')) };
}

/** A module and everything it imports statically, as site paths. */
function jsClosure(entry, seen = new Set()) {
	if (seen.has(entry) || !existsSync(path.join(dist, entry))) return seen;
	seen.add(entry);
	const code = file(entry).toString();
	for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) jsClosure(path.posix.join(path.posix.dirname(entry), spec), seen);
	return seen;
}

export function pageBytes(page) {
	const html = file(page).toString();
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
	const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
	const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]);
	// The service-worker registration of the layout (every page, after the page has loaded) is counted
	// on its own (offline.register) and in the page's total, not in the page's own JavaScript.
	const register = new Set();
	for (const e of entries.filter(isRegistration)) jsClosure(e.replace(/^\//, ''), register);
	const js = new Set();
	for (const e of entries.filter((e) => !isRegistration(e))) jsClosure(e.replace(/^\//, ''), js);
	const registerOnly = [...register].filter((r) => !js.has(r));
	const inlineJs = [...html.matchAll(/<script(?![^>]*src=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	const result = {
		html: gz(Buffer.from(html)),
		css: css.reduce((s, c) => s + gz(file(c)), 0) + (inlineCss ? gz(Buffer.from(inlineCss)) : 0),
		js: [...js].reduce((s, j) => s + gz(file(j)), 0) + (inlineJs.trim() ? gz(Buffer.from(inlineJs)) : 0),
		islands: (html.match(/<astro-island/g) ?? []).length,
		register: registerOnly.reduce((s, j) => s + gz(file(j)), 0),
	};
	return { ...result, total: result.html + result.css + result.js + result.register };
}

/** The text of the lesson <article>, without tags, scripts and hidden helper text. */
export function lessonText(html) {
	const article = /<article\b[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
	const visible = article
		.replace(/<script\b[\s\S]*?<\/script>/g, ' ')
		.replace(/<div class="read-aloud"[\s\S]*?<\/div>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&[a-z#0-9]+;/g, 'x');
	return visible.replace(/\s+/g, ' ').trim();
}

function lessonPages() {
	const pages = [];
	for (const locale of ['', 'en/']) {
		const modules = path.join(dist, locale, 'modules');
		for (const mod of readdirSync(modules)) {
			if (!existsSync(path.join(modules, mod, 'index.html'))) continue;
			for (const slug of readdirSync(path.join(modules, mod))) {
				const page = path.posix.join(locale, 'modules', mod, slug, 'index.html');
				if (existsSync(path.join(dist, page)) && file(page).includes('class="lesson-body"')) pages.push(page);
			}
		}
	}
	return pages;
}

export function measurePageBytes() {
	const bytes = Object.fromEntries(Object.entries(pageTypes).map(([k, p]) => [k, pageBytes(p)]));
	const ratios = lessonPages()
		.map((page) => {
			const text = Buffer.byteLength(lessonText(file(page).toString()));
			const b = pageBytes(page);
			return { page, textBytes: text, firstVisit: b.total / text, inCourse: b.html / text };
		});
	const summary = (key) => {
		const sorted = [...ratios].sort((a, b) => a[key] - b[key]);
		const worst = sorted.at(-1);
		return {
			median: sorted[Math.floor(sorted.length / 2)][key],
			worst: worst[key],
			worstPage: worst.page,
			overOne: sorted.filter((r) => r[key] > 1).length,
			representative: ratios.find((r) => r.page === pageTypes.lesson)?.[key],
		};
	};
	return { bytes, offline: offlineBytes(), lessonRatio: { lessons: ratios.length, firstVisit: summary('firstVisit'), inCourse: summary('inCourse') } };
}
