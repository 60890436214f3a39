// Registers the service worker (dist/sw.js, made by scripts/lib/service-worker.mjs) on every page and
// offers a new version of the site when one has been published: "Nieuwe versie beschikbaar — vernieuwen".
// A tiny script of its own, loaded after the page (never part of a page's island or lesson scripts).
import type * as Outbox from '../lib/offline/outbox';

const sw = navigator.serviceWorker;

/** The learner asked for the new version: the page reloads once it has taken over (not when a first install claims the page). */
let updating = false;

/** Shows the update bar; its button lets the waiting worker take over. */
function offer(waiting: ServiceWorker) {
	const bar = document.querySelector<HTMLElement>('[data-sw-update]');
	if (!bar || !sw.controller) return; // the first install needs no reload: nothing old was shown
	bar.hidden = false;
	bar.querySelector('button')?.addEventListener('click', () => {
		updating = true;
		waiting.postMessage({ type: 'SKIP_WAITING' });
	});
}

/**
 * The offline queue (src/lib/offline/outbox.ts, built on its own into /outbox.js and precached by the
 * service worker): loaded only when a page hands it something done offline (the 'palliwijs:queue' event,
 * src/lib/progress/runs.ts → queueOffline) or its hint in localStorage says something waits, so no page
 * carries the queue and its IndexedDB wrapper in its own scripts.
 */
const OUTBOX_URL = '/outbox.js';
const loadOutbox = (): Promise<typeof Outbox> => import(/* @vite-ignore */ OUTBOX_URL);
document.addEventListener('palliwijs:queue', (event) => {
	const { entry, user } = (event as CustomEvent<{ entry: Outbox.OutboxEntry; user: string }>).detail;
	void loadOutbox().then((m) => m.enqueue(entry, user), () => undefined);
});

/** What waits in the queue is sent from any page, at once and whenever the connection returns. */
function sendWaiting() {
	try {
		if ((JSON.parse(localStorage.getItem('palliwijs.outbox.v1') ?? '{}') as { waiting?: number }).waiting! > 0) void loadOutbox().then((m) => m.startSync(), () => undefined);
	} catch {
		/* no storage, no queue */
	}
}
window.addEventListener('load', sendWaiting);
window.addEventListener('online', sendWaiting);

if (sw && location.protocol !== 'file:') {
	sw.addEventListener('controllerchange', () => {
		if (updating) {
			updating = false;
			location.reload();
		}
	});
	window.addEventListener('load', async () => {
		try {
			const registration = await sw.register('/sw.js', { scope: '/' });
			if (registration.waiting) offer(registration.waiting);
			registration.addEventListener('updatefound', () => {
				const next = registration.installing;
				next?.addEventListener('statechange', () => {
					if (next.state === 'installed') offer(next);
				});
			});
			// Looks for a new build when the connection returns and when the learner comes back to the tab.
			const check = () => void registration.update().catch(() => undefined);
			window.addEventListener('online', check);
			document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
		} catch {
			/* no service worker (a private window, `astro dev`): the site works online as before */
		}
	});
}
