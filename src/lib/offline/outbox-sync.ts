/**
 * The page side of the offline queue (outbox.ts): the status note every page has, and the retry loop that
 * sends what waits whenever the connection returns. This module is what pages load, as dist/outbox.js
 * (scripts/lib/service-worker.mjs bundles it with the queue and idb; src/lib/offline/load.ts imports it
 * only when something must be queued or waits), so it passes the queue's own calls on.
 *
 * It imports the queue, never the other way round: the queue reaches the page through `onQueued`,
 * which this module sets when it loads.
 */
import { flush, onQueued, type OutboxState } from './outbox';
import { formatDate } from '../../i18n/dates';
import { pageLocale } from '../../i18n/locales';

export { enqueue, flush, HINT_KEY, readHint } from './outbox';
export type { OutboxEntry, OutboxItem, OutboxState } from './outbox';

/** Shows the state in the page's status line (BaseLayout: [data-outbox], texts in its data attributes) and tells the page. */
export function report(state: OutboxState, sentNow = false) {
	const page = globalThis.document;
	const box = page?.querySelector<HTMLElement>('[data-outbox]');
	if (box) {
		const time = formatDate(state.savedAt ?? '', pageLocale(page!.documentElement.lang), 'time');
		const lines: string[] = [];
		// Nobody logged in on this device (logged out): a learner's queue is not for others to see.
		if (state.status !== 'local') {
			if (state.waiting > 0) lines.push((state.waiting === 1 ? box.dataset.msgWaitingOne : box.dataset.msgWaiting)?.replace('{count}', String(state.waiting)) ?? '');
			if (state.waiting > 0 && state.status === 'expired') lines.push(box.dataset.msgExpired ?? '');
			if (sentNow && state.sent && state.waiting === 0 && state.savedAt) lines.push(box.dataset.msgSaved?.replace('{time}', time) ?? '');
			if (sentNow && state.refused) lines.push(box.dataset.msgRefused?.replace('{count}', String(state.refused)) ?? '');
		}
		box.textContent = lines.join(' ');
		box.classList.toggle('note--warn', state.waiting > 0);
		box.classList.toggle('note--ok', state.waiting === 0);
	}
	page?.dispatchEvent(new CustomEvent('palliwijs:outbox', { detail: state }));
}

let timer: ReturnType<typeof setTimeout> | undefined;
let delay = 2000;
let running = false;
let listening = false;

/**
 * Sends what waits now, and while the server cannot be reached tries again: at once when the browser
 * says the connection is back, otherwise after 2, 4, 8 … up to 60 seconds (a server that was down
 * sends no event).
 */
export function startSync(): void {
	if (!listening) {
		listening = true;
		addEventListener('online', () => {
			delay = 2000;
			startSync();
		});
	}
	if (running) return;
	clearTimeout(timer);
	running = true;
	void flush()
		.then(
			(state) => {
				report(state, true);
				// Something queued while this round was under way: send it now.
				if (state.waiting > 0 && state.status === 'account') timer = setTimeout(startSync, 0);
				else if (state.waiting > 0 && state.status === 'offline') {
					timer = setTimeout(startSync, delay);
					delay = Math.min(delay * 2, 60000);
				} else delay = 2000;
			},
			() => {
				timer = setTimeout(startSync, (delay = Math.min(delay * 2, 60000)));
			},
		)
		.finally(() => (running = false));
}

// Something was queued on this page: show it, and send it (now, or once the connection returns).
onQueued((state) => {
	report(state);
	startSync();
});
