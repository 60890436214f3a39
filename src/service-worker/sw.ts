/// <reference lib="webworker" />
// The service worker (bundled with Workbox's modules into dist/sw.js by scripts/lib/service-worker.mjs).
//
// - Precache: the shell every page needs offline (stylesheets, the lesson scripts, icons, manifests and
//   the offline page), versioned by content; a new build replaces it as a whole.
// - Pages and the site's JSON (search index): network first, so an online reader always gets the
//   published version; offline, the copy of a course kept on this device, else the copy of the reader's
//   last visit of this build, else the offline page.
// - Kept courses ("Bewaar offline", src/scripts/keep-offline.ts) live in caches named after the build;
//   a new build fetches every kept course again as a whole before it takes over, and an old course copy
//   is only removed once its new copy is complete, so no course is ever half updated.
// - Nothing under /api/ or /_/ is ever handled or cached: progress, tests and accounts always go to the server.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import type { WorkboxPlugin } from 'workbox-core';
import { keepCourse, keptCopies, listUrl, type CourseList } from '../lib/offline/kept';

declare const self: ServiceWorkerGlobalScope;
declare const __BUILD__: string;
declare const __PRECACHE__: { url: string; revision: string | null }[];

const BUILD = __BUILD__;
const PAGES = `palliwijs-pages-${BUILD}`;
const ASSETS = 'palliwijs-assets';

precacheAndRoute(__PRECACHE__);
cleanupOutdatedCaches();

const isServer = (url: URL) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/_/');

/**
 * The server answers with "Vary: Origin, Accept-Encoding", and a module script is requested with an Origin
 * header that the stored request lacks: a stored copy of a build file is the right one whatever the headers.
 */
const matchOptions: CacheQueryOptions = { ignoreVary: true };

/** Offline and not in this strategy's cache: a course kept on this device (any cache of this origin). */
const fromKeptCourse: WorkboxPlugin = {
	cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? (await caches.match(request, { ignoreSearch: true, ignoreVary: true })),
};

/** Offline and stored nowhere: the offline page in the page's language. */
const offlinePage: WorkboxPlugin = {
	handlerDidError: async ({ request }) => {
		if (request.mode !== 'navigate') return undefined;
		const english = new URL(request.url).pathname.startsWith('/en/');
		return matchPrecache(english ? '/en/offline/' : '/offline/');
	},
};

registerRoute(
	({ url, request }) => url.origin === self.location.origin && !isServer(url) && (request.mode === 'navigate' || url.pathname.endsWith('.json')),
	new NetworkFirst({
		cacheName: PAGES,
		matchOptions,
		networkTimeoutSeconds: 6,
		plugins: [new ExpirationPlugin({ maxEntries: 120 }), fromKeptCourse, offlinePage],
	}),
);

// Hashed build files never change under their name: from any cache first, else the network.
registerRoute(
	({ url }) => url.origin === self.location.origin && (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/icons/')),
	new CacheFirst({ cacheName: ASSETS, matchOptions, plugins: [new ExpirationPlugin({ maxEntries: 100 }), fromKeptCourse] }),
);

/** Stores a kept course again as this build has it, as a whole (src/lib/offline/kept.ts); a course gone from the site is removed. */
async function renewKeptCourse(id: string): Promise<void> {
	const response = await fetch(listUrl(id), { cache: 'no-store' });
	if (response.status === 404) return void (await caches.delete(`palliwijs-keep-${BUILD}-${id}`));
	if (!response.ok) return;
	await keepCourse((await response.json()) as CourseList, () => undefined);
}

self.addEventListener('install', (event) => {
	// A new build renews the kept courses while the old version still runs. Offline or failed, the old
	// copy stays whole (with its own pages and files), and the course page renews it later.
	event.waitUntil(
		(async () => {
			const old = (await keptCopies()).filter((k) => k.list.build !== BUILD);
			await Promise.all([...new Set(old.map((k) => k.list.id))].map((id) => renewKeptCourse(id).catch(() => undefined)));
		})(),
	);
});

self.addEventListener('activate', (event) => {
	// Pages cached during visits belong to the build that made them: they go with it (never a stale lesson).
	event.waitUntil(
		(async () => {
			await Promise.all((await caches.keys()).filter((n) => n.startsWith('palliwijs-pages-') && n !== PAGES).map((n) => caches.delete(n)));
			await self.clients.claim();
		})(),
	);
});

self.addEventListener('message', (event) => {
	const data = event.data as { type?: string } | null;
	if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
