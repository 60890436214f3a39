/**
 * How pages reach the offline queue (src/lib/offline/outbox.ts, with its page side outbox-sync.ts). Both
 * are built on their own into /outbox.js (scripts/lib/service-worker.mjs, from outbox-sync.ts) and
 * precached by the service worker, and a page imports it
 * only when something must be queued or waits to be sent: pages carry this loader, not the queue and its
 * IndexedDB wrapper.
 */
import type * as Outbox from './outbox-sync';

const OUTBOX_URL = '/outbox.js';

export const loadOutbox = (): Promise<typeof Outbox> => import(/* @vite-ignore */ OUTBOX_URL);

/**
 * Queues something done while the server could not be reached: resolves true once it is stored on the
 * device (so a page says "kept" only then), false when this browser cannot keep it (its own copy in
 * localStorage, kept before, is then all there is, and the next sync sends it).
 */
export const queueOffline = (entry: Outbox.OutboxEntry, user: string): Promise<boolean> => loadOutbox().then((m) => m.enqueue(entry, user), () => false);
