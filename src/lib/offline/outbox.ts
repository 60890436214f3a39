/**
 * The offline queue (issue 24): what a logged-in learner did while the server could not be reached —
 * lessons marked (un)done, finished case runs, self-checks — kept on the device in IndexedDB (through
 * `idb`) and sent when the connection returns, in the order it was done, each exactly once.
 *
 * The queue only: what the page shows and when it sends again is the page side, outbox-sync.ts, which
 * pages load as dist/outbox.js (scripts/lib/service-worker.mjs, precached by the service worker) only
 * when needed (src/lib/offline/load.ts), so no page carries either in its own scripts.
 *
 * Exactly once: an item is removed only after the server confirmed it, so an answer lost on the way
 * (the server died mid-sync) means the item is sent again — and the server treats a repeat as the same
 * record: one lesson_progress record per learner and lesson (a unique index; the same state sent again
 * changes nothing), one self-check per learner and kind, and a case run started with the play's key
 * (the same key gives the same run) and finished idempotently. One tab sends at a time (Web Locks).
 * In order: the oldest item first, and the first one that cannot be sent stops the rest.
 *
 * Times: an item carries no time the server uses. The server stamps what it receives with its own
 * clock; a lesson it never saw opened stays "not opened" for a certificate (README "Offline use").
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { call } from '../progress/remote-store';
import { readSession, RemoteError, type Failure, type Session } from '../progress/session';
import { saveSelfCheckRemote, type SelfCheckKind } from '../self-check';

type Choices = { node: string; option: string }[];

/** One thing done offline, as it will be sent. */
export type OutboxEntry =
	| { kind: 'lesson'; lesson: string; completed: boolean; /** device time of the change: a later change in the account wins */ at: string }
	| { kind: 'run'; scenario: string; /** the play's key (the same key is the same run on the server) */ key: string; /** the server's run, when the play started online */ run?: string; choices: Choices }
	| { kind: 'selfCheck'; selfCheck: SelfCheckKind; answers: Record<string, number>; scores: Record<string, number> };

export interface OutboxItem {
	id?: number;
	/** The account it belongs to: sent only while that learner is logged in on this device. */
	user: string;
	queuedAt: string;
	entry: OutboxEntry;
}

interface OutboxDb extends DBSchema {
	items: { key: number; value: OutboxItem };
}

/** What the pages show: how many items wait, when the last ones reached the account, how many the server refused. */
export interface OutboxState {
	waiting: number;
	savedAt?: string;
	refused?: number;
	/** Why the last attempt stopped: offline, expired (log in again), or nothing ('account'). */
	status?: Failure | 'account' | 'local';
	/** How many items the last attempt took off the queue (not kept in the hint). */
	sent?: number;
}

/** A small copy of the state in localStorage, so every page knows without opening IndexedDB whether anything waits. */
export const HINT_KEY = 'palliwijs.outbox.v1';
const DB_NAME = 'palliwijs-outbox';
/** Shared with the progress sync (src/lib/progress/sync.ts): one of them sends at a time, in one tab at a time. */
const LOCK = 'palliwijs-outbox';

/**
 * What the page does once something is queued: show it and start sending. The page side (outbox-sync.ts)
 * sets it when it loads; the queue cannot import it, because the page side sends through `flush`.
 */
let afterQueued: (state: OutboxState) => void = () => undefined;
export function onQueued(then: (state: OutboxState) => void): void {
	afterQueued = then;
}

let dbPromise: Promise<IDBPDatabase<OutboxDb>> | undefined;
const db = () =>
	(dbPromise ??= openDB<OutboxDb>(DB_NAME, 1, {
		upgrade(d) {
			d.createObjectStore('items', { keyPath: 'id', autoIncrement: true });
		},
	}));

export function readHint(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): OutboxState {
	try {
		const value = JSON.parse(storage?.getItem(HINT_KEY) ?? 'null') as OutboxState | null;
		return value && typeof value.waiting === 'number' ? value : { waiting: 0 };
	} catch {
		return { waiting: 0 };
	}
}

function writeHint(state: OutboxState) {
	try {
		localStorage.setItem(HINT_KEY, JSON.stringify(state));
	} catch {
		/* the queue itself is in IndexedDB; only the hint is lost */
	}
}

/** Items of one learner, oldest first. */
async function itemsOf(user: string): Promise<OutboxItem[]> {
	return (await (await db()).getAll('items')).filter((i) => i.user === user).sort((a, b) => a.id! - b.id!);
}

/**
 * Adds something done offline to the queue (a finished play only once: its key names it) and hands the
 * state to the page side (shown, and sending starts). Resolves true when it is safely stored on the device.
 */
export async function enqueue(entry: OutboxEntry, user: string): Promise<boolean> {
	try {
		const d = await db();
		const queued = await itemsOf(user);
		if (entry.kind !== 'run' || !queued.some((i) => i.entry.kind === 'run' && i.entry.key === entry.key)) {
			await d.add('items', { user, queuedAt: new Date().toISOString(), entry });
		}
		const state: OutboxState = { ...readHint(), waiting: (await itemsOf(user)).length, status: 'offline' };
		writeHint(state);
		afterQueued(state);
		return true;
	} catch {
		return false;
	}
}

const timeOf = (value: string | undefined) => (value ? Date.parse(value.replace(' ', 'T')) : Number.NaN);

/** Sends one item; resolves when the server holds it (a repeat is the same record). */
async function send(session: Session, item: OutboxItem, keep: (item: OutboxItem) => Promise<unknown>): Promise<void> {
	const entry = item.entry;
	if (entry.kind === 'lesson') {
		const base = '/api/collections/lesson_progress/records';
		const fields = 'fields=id,completed,changedAt';
		const find = async () => ((await call(session, `${base}?filter=${encodeURIComponent(`lesson="${entry.lesson}"`)}&perPage=1&skipTotal=1&${fields}`)) as { items: { id: string; completed: boolean; changedAt?: string }[] }).items[0];
		let existing = await find();
		// Undone here, never in the account: nothing to undo there (as the progress sync does).
		if (!existing && !entry.completed) return;
		if (!existing) {
			try {
				await call(session, `${base}?${fields}`, { method: 'POST', body: JSON.stringify({ user: session.userId, lesson: entry.lesson, completed: entry.completed }) });
				return;
			} catch (err) {
				// Made meanwhile (this lesson opened on another device, or the first send arrived after all).
				if (!(err instanceof RemoteError && err.failure === 'rejected')) throw err;
				existing = await find();
				if (!existing) throw err;
			}
		}
		// The same state again changes nothing; a later change made in the account (another device) wins.
		if (existing.completed === entry.completed || timeOf(existing.changedAt) >= timeOf(entry.at)) return;
		await call(session, `${base}/${existing.id}?${fields}`, { method: 'PATCH', body: JSON.stringify({ completed: entry.completed }) });
	} else if (entry.kind === 'run') {
		if (!entry.run) {
			const started = (await call(session, `/api/palliwijs/scenarios/${entry.scenario}/runs`, { method: 'POST', body: JSON.stringify({ key: entry.key }) })) as { run: string };
			entry.run = String(started.run);
			await keep(item);
		}
		await call(session, `/api/palliwijs/scenarios/${entry.scenario}/runs/${entry.run}`, { method: 'POST', body: JSON.stringify({ choices: entry.choices }) });
	} else {
		await saveSelfCheckRemote(session, entry.selfCheck, entry.answers, entry.scores);
	}
}

/**
 * Sends every waiting item of the logged-in learner, oldest first, one tab at a time. Stops at the
 * first item the server cannot take now (offline, session ended): it and everything after it wait.
 * An item the server refuses for good (a lesson or case no longer on the site) is dropped and counted.
 */
export async function flush(): Promise<OutboxState> {
	const session = readSession();
	const previous = readHint();
	if (session === null || session === 'expired') return { ...previous, status: session === null ? 'local' : 'expired' };
	const run = async (): Promise<OutboxState> => {
		const d = await db();
		let sent = 0;
		let refused = 0;
		let status: OutboxState['status'] = 'account';
		for (const item of await itemsOf(session.userId)) {
			try {
				await send(session, item, (i) => d.put('items', i));
			} catch (err) {
				if (!(err instanceof RemoteError)) throw err;
				if (err.failure !== 'rejected') {
					status = err.failure;
					break;
				}
				refused++;
			}
			await d.delete('items', item.id!);
			sent++;
		}
		const waiting = (await itemsOf(session.userId)).length;
		const state: OutboxState = { waiting, status, savedAt: sent > refused ? new Date().toISOString() : previous.savedAt, refused: refused || undefined };
		writeHint(state);
		return { ...state, sent };
	};
	const locks = globalThis.navigator?.locks;
	return locks ? locks.request(LOCK, run) : run();
}
