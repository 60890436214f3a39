// Registers the service worker (dist/sw.js, made by scripts/lib/service-worker.mjs) on every page and
// offers a new version of the site when one has been published: "Nieuwe versie beschikbaar — vernieuwen".
// A tiny script of its own, loaded after the page (never part of a page's island or lesson scripts).
import { loadOutbox } from '../lib/offline/load';

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
 * What waits in the offline queue (src/lib/offline/outbox.ts) is sent from any page, at once and whenever
 * the connection returns; the queue's module is loaded only when its hint in localStorage says something waits.
 */
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
