// The offline queue (src/lib/offline/outbox.ts): order, exactly once, what stops it and what it drops.
// IndexedDB is replaced by an in-memory store behind the same `idb` calls; the server by a fetch stub.
// Its page side (the note, the retry timer) has its own tests: tests/unit/outbox-sync.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_KEY } from '../../src/lib/progress/session';
import { MemoryStorage } from '../helpers/memory-storage';

const idb = vi.hoisted(() => {
	const items = new Map<number, Record<string, unknown>>();
	let next = 1;
	const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
	/** The database has one store, 'items'; IndexedDB throws NotFoundError for any other name. */
	const only = (store: string) => {
		if (store !== 'items') throw new DOMException(`no store ${store}`, 'NotFoundError');
	};
	const state = {
		items,
		/** Every openDB call (in this file, which imports the queue once): name, version, and the upgrade it asked for. */
		opened: [] as { name: string; version: number; upgrade: (d: { createObjectStore: (store: string, options: unknown) => unknown }) => void }[],
		/** Hands the items out newest first, so the queue must order them itself. */
		reversed: false,
		reset() {
			items.clear();
			next = 1;
			state.reversed = false;
		},
		db: {
			getAll: async (store: string) => {
				only(store);
				const all = [...items.values()].map(copy);
				return state.reversed ? all.reverse() : all;
			},
			add: async (store: string, value: Record<string, unknown>) => {
				only(store);
				const id = next++;
				items.set(id, { ...copy(value), id });
				return id;
			},
			put: async (store: string, value: Record<string, unknown> & { id: number }) => {
				only(store);
				items.set(value.id, copy(value));
				return value.id;
			},
			delete: async (store: string, id: number) => {
				only(store);
				items.delete(id);
			},
		},
	};
	return state;
});
vi.mock('idb', () => ({
	openDB: async (name: string, version: number, { upgrade }: { upgrade: Upgrade }) => {
		// A new database, as on a first visit: IndexedDB runs the upgrade before it opens.
		upgrade({ createObjectStore: () => undefined });
		idb.opened.push({ name, version, upgrade });
		return idb.db;
	},
}));
type Upgrade = (d: { createObjectStore: (store: string, options: unknown) => unknown }) => void;

// Imported once, as the other unit tests import their code: a fresh import per test would load the
// progress modules inside tests too, and Stryker would then take their module-level tables for mutants
// only these tests cover (README, "Mutation testing": static mutants are left out).
const { enqueue, flush, HINT_KEY, onQueued, readHint } = await import('../../src/lib/offline/outbox');

const token = `x.${btoa(JSON.stringify({ exp: 2_000_000_000 })).replace(/=+$/, '')}.y`;
const loginAs = (storage: MemoryStorage, id: string) => storage.setItem(AUTH_KEY, JSON.stringify({ token, record: { id, name: 'An', collectionName: 'users' } }));

/** A mutex like the Web Locks API, so the background send started by enqueue and the test's own never overlap. */
function locks() {
	let tail: Promise<unknown> = Promise.resolve();
	return {
		request: (_name: string, fn: () => Promise<unknown>) => {
			const run = tail.then(fn, fn);
			tail = run.catch(() => undefined);
			return run;
		},
	};
}

type Call = { method: string; url: string; body?: unknown };
/** A server: lesson records by lesson key, runs by key; `down` makes every call fail as without a connection. */
function server(records: { id: string; lesson: string; completed: boolean; changedAt?: string }[] = []) {
	const calls: Call[] = [];
	const state = { down: false, refuse: new Set<string>() };
	let runs = 0;
	vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
		if (state.down) throw new TypeError('Failed to fetch');
		const method = init.method ?? 'GET';
		const body = init.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : undefined;
		calls.push({ method, url, body });
		if (method === 'GET' && url.includes('lesson_progress')) {
			const lesson = /lesson%3D%22([^%]+)%2F([^%]+)%22/.exec(url);
			const key = lesson ? `${lesson[1]}/${lesson[2]}` : '';
			return Response.json({ items: records.filter((r) => r.lesson === key) });
		}
		if (url.includes('lesson_progress')) {
			if (state.refuse.has(String(body?.lesson))) return Response.json({ message: 'unknown lesson' }, { status: 400 });
			if (method === 'POST') records.push({ id: `r${records.length + 1}`, lesson: String(body!.lesson), completed: !!body!.completed, changedAt: '2026-12-07 10:00:00.000Z' });
			return Response.json({});
		}
		if (url.endsWith('/runs')) return Response.json({ run: `run${++runs}`, seed: 's' }, { status: 201 });
		if (url.includes('/runs/')) return Response.json({ ending: 'einde' });
		return Response.json({ items: [] });
	});
	return { calls, state, writes: () => calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url.replace(/\?.*$/, '')}`) };
}

let storage: MemoryStorage;
beforeEach(() => {
	idb.reset();
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('navigator', { locks: locks() });
	vi.stubGlobal('document', { querySelector: () => null, dispatchEvent: () => true, documentElement: { lang: 'nl' } });
	vi.stubGlobal('addEventListener', () => undefined);
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	loginAs(storage, 'u1');
});
afterEach(() => {
	onQueued(() => undefined);
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/**
 * Queues while the server cannot be reached, as a page does, and tries to send once (as the page side
 * would, outbox-sync.ts; not loaded here), which gives up: the state after that try.
 */
async function offline(s: ReturnType<typeof server>, ...items: [Parameters<typeof enqueue>[0], string?][]) {
	s.state.down = true;
	for (const [entry, user] of items) expect(await enqueue(entry, user ?? 'u1')).toBe(true);
	const state = await flush();
	s.state.down = false;
	return state;
}

const lesson = (key: string, completed = true) => ({ kind: 'lesson' as const, lesson: key, completed, at: '2026-12-07T09:00:00.000Z' });
const run = (key: string, choices = [{ node: 'n', option: 'a' }]) => ({ kind: 'run' as const, scenario: 'maria', key, choices });

describe('the offline queue', () => {
	it('keeps what was done offline in order, says how much waits, and sends it oldest first once the server is back', async () => {
		const s = server();
		expect(await offline(s, [lesson('m/a')], [run('play-1')], [lesson('m/b')])).toMatchObject({ waiting: 3, status: 'offline' });
		expect(readHint()).toMatchObject({ waiting: 3, status: 'offline' });
		expect(s.calls).toEqual([]);
		const state = await flush();
		expect(state).toMatchObject({ waiting: 0, status: 'account', sent: 3 });
		expect(state.savedAt).toBeTruthy();
		expect(s.writes()).toEqual([
			'POST /api/collections/lesson_progress/records',
			'POST /api/palliwijs/scenarios/maria/runs',
			'POST /api/palliwijs/scenarios/maria/runs/run1',
			'POST /api/collections/lesson_progress/records',
		]);
		expect(s.calls.find((c) => c.url.endsWith('/runs'))!.body).toEqual({ key: 'play-1' });
		expect(idb.items.size).toBe(0);
		// Nothing left: a second send writes nothing.
		const before = s.calls.length;
		expect(await flush()).toMatchObject({ waiting: 0, sent: 0 });
		expect(s.calls.length).toBe(before);
	});

	it('stops at the first item it cannot send, and a run started before the connection broke is finished, not started again', async () => {
		const s = server();
		await offline(s, [run('play-2')], [lesson('m/a')]);
		// The run starts; the connection breaks before it is finished.
		const realFetch = globalThis.fetch;
		vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
			if (url.includes('/runs/')) throw new TypeError('Failed to fetch');
			return realFetch(url, init);
		});
		expect(await flush()).toMatchObject({ waiting: 2, status: 'offline', sent: 0 });
		expect([...idb.items.values()].map((i) => (i.entry as { run?: string }).run)).toEqual(['run1', undefined]);
		vi.stubGlobal('fetch', realFetch);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 2 });
		expect(s.writes()).toEqual(['POST /api/palliwijs/scenarios/maria/runs', 'POST /api/palliwijs/scenarios/maria/runs/run1', 'POST /api/collections/lesson_progress/records']);
	});

	it('a play is queued once, however often its ending is recorded offline', async () => {
		const s = server();
		expect(await offline(s, [run('play-3')], [run('play-3')], [run('play-4')])).toMatchObject({ waiting: 2 });
		expect(idb.items.size).toBe(2);
	});

	it('writes nothing for a lesson the account already has in that state, and lets a later change in the account win', async () => {
		const s = server([
			{ id: 'r1', lesson: 'm/a', completed: true, changedAt: '2026-12-07 08:00:00.000Z' },
			{ id: 'r2', lesson: 'm/b', completed: true, changedAt: '2026-12-07 11:00:00.000Z' },
			{ id: 'r3', lesson: 'm/c', completed: false, changedAt: '2026-12-07 08:00:00.000Z' },
		]);
		await offline(s, [lesson('m/a')], [lesson('m/b', false)], [lesson('m/c')], [lesson('m/nooit', false)]);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 4 });
		// m/a: the same state; m/b: undone here at 09:00, done again in the account at 11:00 (kept); m/c: sent;
		// m/nooit: undone here, never in the account.
		expect(s.writes()).toEqual(['PATCH /api/collections/lesson_progress/records/r3']);
	});

	it('a lesson created meanwhile (the first send arrived after all) is read again and updated, not created twice', async () => {
		const records = [{ id: 'r9', lesson: 'm/a', completed: false, changedAt: '' }];
		const s = server([]);
		await offline(s, [lesson('m/a')]);
		let first = true;
		vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
			s.calls.push({ method: init.method ?? 'GET', url });
			if (!init.method) {
				const found = first ? [] : records;
				first = false;
				return Response.json({ items: found });
			}
			if (init.method === 'POST') return Response.json({ message: 'Value must be unique.' }, { status: 400 });
			return Response.json({});
		});
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
		expect(s.writes()).toEqual(['POST /api/collections/lesson_progress/records', 'PATCH /api/collections/lesson_progress/records/r9']);
	});

	it('drops an item the server refuses for good, counts it, and sends the rest', async () => {
		const s = server();
		await offline(s, [lesson('weg/oud')], [lesson('m/a')]);
		s.state.refuse.add('weg/oud');
		expect(await flush()).toMatchObject({ waiting: 0, refused: 1, sent: 2 });
		expect(idb.items.size).toBe(0);
	});

	it('an ended session stops the queue and keeps everything for the next log-in', async () => {
		const s = server();
		await offline(s, [lesson('m/a')], [lesson('m/b')]);
		const realFetch = globalThis.fetch;
		vi.stubGlobal('fetch', async () => Response.json({ message: 'The request requires valid record authorization token.' }, { status: 401 }));
		expect(await flush()).toMatchObject({ waiting: 2, status: 'expired', sent: 0 });
		vi.stubGlobal('fetch', realFetch);
		storage.setItem(AUTH_KEY, JSON.stringify({ token: `x.${btoa(JSON.stringify({ exp: 1 }))}.y`, record: { id: 'u1', collectionName: 'users' } }));
		expect(await flush()).toMatchObject({ status: 'expired' });
		expect(idb.items.size).toBe(2);
		loginAs(storage, 'u1');
		expect(await flush()).toMatchObject({ waiting: 0, sent: 2 });
	});

	it('sends only the logged-in learner’s items; another learner’s wait for them; nobody logged in sends nothing', async () => {
		const s = server();
		await offline(s, [lesson('m/a'), 'u1']);
		loginAs(storage, 'u2');
		await offline(s, [lesson('m/b'), 'u2']);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
		expect(s.calls.filter((c) => c.method === 'POST').map((c) => (c.body as { lesson: string; user: string }))).toEqual([{ user: 'u2', lesson: 'm/b', completed: true }]);
		storage.removeItem(AUTH_KEY);
		expect(await flush()).toMatchObject({ status: 'local' });
		expect(idb.items.size).toBe(1);
		loginAs(storage, 'u1');
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
	});
});

describe('the offline queue, in detail', () => {
	it('hands each queued state to the page side: this learner’s count, "offline", the last save kept from the hint', async () => {
		const seen: unknown[] = [];
		onQueued((state) => seen.push(state));
		storage.setItem(HINT_KEY, JSON.stringify({ waiting: 0, savedAt: '2026-12-06T10:00:00.000Z', status: 'account' }));
		server().state.down = true;
		expect(await enqueue(lesson('m/x'), 'u2')).toBe(true);
		expect(await enqueue(lesson('m/a'), 'u1')).toBe(true);
		expect(await enqueue(lesson('m/b'), 'u1')).toBe(true);
		const state = (waiting: number) => ({ waiting, savedAt: '2026-12-06T10:00:00.000Z', status: 'offline' });
		expect(seen).toEqual([state(1), state(1), state(2)]);
		expect(readHint()).toEqual(state(2));
	});

	it('says false, and tells the page nothing, when this device cannot store the item', async () => {
		const told = vi.fn();
		onQueued(told);
		vi.spyOn(idb.db, 'add').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
		expect(await enqueue(lesson('m/a'), 'u1')).toBe(false);
		expect(told).not.toHaveBeenCalled();
		expect(idb.items.size).toBe(0);
	});

	it('still queues when localStorage refuses the hint (the queue itself is in IndexedDB)', async () => {
		vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
		expect(await enqueue(lesson('m/a'), 'u1')).toBe(true);
		expect(idb.items.size).toBe(1);
	});

	it('reads the hint only when it holds a count; anything else, or no storage, is "nothing waits"', () => {
		const hint = (value: string | null) => readHint({ getItem: (key) => (key === HINT_KEY ? value : '{"waiting":9}') });
		expect(hint(null)).toEqual({ waiting: 0 });
		expect(hint('null')).toEqual({ waiting: 0 });
		expect(hint('{"waiting":"3"}')).toEqual({ waiting: 0 });
		expect(hint('{"savedAt":"x"}')).toEqual({ waiting: 0 });
		expect(hint('not json')).toEqual({ waiting: 0 });
		expect(hint('{"waiting":3,"status":"offline"}')).toEqual({ waiting: 3, status: 'offline' });
		storage.setItem(HINT_KEY, '{"waiting":2}');
		expect(readHint()).toEqual({ waiting: 2 });
		vi.stubGlobal('localStorage', undefined);
		expect(readHint()).toEqual({ waiting: 0 });
	});

	it('queues a lesson, a self-check and a play side by side: only a play’s own key counts it as queued', async () => {
		const s = server();
		const check = { kind: 'selfCheck' as const, selfCheck: 'before' as const, answers: { q1: 2 }, scores: { total: 2 } };
		expect(await offline(s, [lesson('m/a')], [check], [run('play-1')], [run('play-1')], [lesson('m/a')])).toMatchObject({ waiting: 4 });
	});

	it('sends oldest first even when the store hands the items out in another order', async () => {
		const s = server();
		await offline(s, [lesson('m/a')], [run('play-1')], [lesson('m/b')]);
		idb.reversed = true;
		await flush();
		expect(s.calls.filter((c) => c.method === 'POST').map((c) => (c.body as { lesson?: string; key?: string }).lesson ?? (c.body as { key?: string }).key ?? 'finish')).toEqual(['m/a', 'play-1', 'finish', 'm/b']);
	});

	it('asks the account for the one record of the lesson, and creates or updates it with only what it needs', async () => {
		const s = server([{ id: 'r3', lesson: 'm/c', completed: false, changedAt: '2026-12-07 08:00:00.000Z' }]);
		await offline(s, [lesson('m/a')], [lesson('m/c')]);
		await flush();
		const fields = 'fields=id,completed,changedAt';
		expect(s.calls).toEqual([
			{ method: 'GET', url: `/api/collections/lesson_progress/records?filter=lesson%3D%22m%2Fa%22&perPage=1&skipTotal=1&${fields}`, body: undefined },
			{ method: 'POST', url: `/api/collections/lesson_progress/records?${fields}`, body: { user: 'u1', lesson: 'm/a', completed: true } },
			{ method: 'GET', url: `/api/collections/lesson_progress/records?filter=lesson%3D%22m%2Fc%22&perPage=1&skipTotal=1&${fields}`, body: undefined },
			{ method: 'PATCH', url: `/api/collections/lesson_progress/records/r3?${fields}`, body: { completed: true } },
		]);
	});

	it('updates a lesson whose account record has no change time, and not one changed in the account at the same moment', async () => {
		const s = server([
			{ id: 'r1', lesson: 'm/a', completed: false },
			{ id: 'r2', lesson: 'm/b', completed: false, changedAt: '2026-12-07 09:00:00.000Z' },
		]);
		await offline(s, [lesson('m/a')], [lesson('m/b')]);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 2 });
		expect(s.writes()).toEqual(['PATCH /api/collections/lesson_progress/records/r1']);
	});

	it('finishes a play that started online without starting it again, and sends its choices', async () => {
		const s = server();
		const choices = [{ node: 'n1', option: 'b' }, { node: 'n2', option: 'a' }];
		await offline(s, [{ ...run('play-5', choices), run: 'run7' }]);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
		expect(s.calls).toEqual([{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs/run7', body: { choices } }]);
	});

	it('sends a self-check to the learner’s one record of that kind', async () => {
		const s = server();
		await offline(s, [{ kind: 'selfCheck', selfCheck: 'after', answers: { q1: 3 }, scores: { total: 3 } }]);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
		expect(s.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', url: '/api/collections/self_checks/records', body: { user: 'u1', kind: 'after', answers: { q1: 3 }, scores: { total: 3 } } }]);
	});

	it('keeps a lesson whose creation got no answer (the connection broke), and sends it again later', async () => {
		const s = server();
		await offline(s, [lesson('m/a')]);
		const realFetch = globalThis.fetch;
		vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
			const answer = await realFetch(url, init);
			if (init?.method === 'POST') throw new TypeError('Failed to fetch');
			return answer;
		});
		expect(await flush()).toMatchObject({ waiting: 1, status: 'offline', sent: 0 });
		vi.stubGlobal('fetch', realFetch);
		expect(await flush()).toMatchObject({ waiting: 0, status: 'account', sent: 1 });
		expect(s.writes()).toEqual(['POST /api/collections/lesson_progress/records']);
	});

	it('an answer it cannot read is an error of the page, not of the item: the send fails and the item stays', async () => {
		const s = server();
		await offline(s, [lesson('m/a')]);
		vi.stubGlobal('fetch', async () => Response.json({}));
		await expect(flush()).rejects.toThrow(TypeError);
		expect(idb.items.size).toBe(1);
	});

	it('writes the state to the hint; keeps the last save time when nothing new reached the account; counts refusals only when there are any', async () => {
		const s = server();
		storage.setItem(HINT_KEY, JSON.stringify({ waiting: 0, savedAt: '2026-12-06T10:00:00.000Z' }));
		const nothing = await flush();
		expect(nothing).toEqual({ waiting: 0, status: 'account', savedAt: '2026-12-06T10:00:00.000Z', refused: undefined, sent: 0 });
		await offline(s, [lesson('weg/oud')]);
		s.state.refuse.add('weg/oud');
		expect(await flush()).toEqual({ waiting: 0, status: 'account', savedAt: '2026-12-06T10:00:00.000Z', refused: 1, sent: 1 });
		expect(readHint()).toEqual({ waiting: 0, status: 'account', savedAt: '2026-12-06T10:00:00.000Z', refused: 1 });
		await offline(s, [lesson('m/a')]);
		const sent = await flush();
		expect(sent.savedAt).not.toBe('2026-12-06T10:00:00.000Z');
		expect(Date.parse(sent.savedAt!)).toBeGreaterThan(Date.now() - 60000);
		expect(sent.refused).toBeUndefined();
		expect(readHint()).toEqual({ waiting: 0, status: 'account', savedAt: sent.savedAt });
	});

	it('with nobody logged in, or the session ended, answers from the hint without sending', async () => {
		const s = server();
		storage.setItem(HINT_KEY, JSON.stringify({ waiting: 2, savedAt: '2026-12-06T10:00:00.000Z', status: 'offline' }));
		storage.removeItem(AUTH_KEY);
		expect(await flush()).toEqual({ waiting: 2, savedAt: '2026-12-06T10:00:00.000Z', status: 'local' });
		storage.setItem(AUTH_KEY, JSON.stringify({ token: `x.${btoa(JSON.stringify({ exp: 1 }))}.y`, record: { id: 'u1', collectionName: 'users' } }));
		expect(await flush()).toEqual({ waiting: 2, savedAt: '2026-12-06T10:00:00.000Z', status: 'expired' });
		expect(s.calls).toEqual([]);
	});

	it('sends under the lock it shares with the progress sync, and without Web Locks all the same', async () => {
		const s = server();
		await offline(s, [lesson('m/a')], [lesson('m/b')]);
		const names: string[] = [];
		vi.stubGlobal('navigator', { locks: { request: (name: string, fn: () => Promise<unknown>) => (names.push(name), fn()) } });
		expect(await flush()).toMatchObject({ waiting: 0, sent: 2 });
		expect(names).toEqual(['palliwijs-outbox']);
		await offline(s, [lesson('m/c')]);
		vi.stubGlobal('navigator', undefined);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
		vi.stubGlobal('navigator', {});
		await offline(s, [lesson('m/d')]);
		expect(await flush()).toMatchObject({ waiting: 0, sent: 1 });
	});

	it('opens its database once, version 1, with one store whose keys count up', async () => {
		// Opened by the first test that queued something, whichever ran first, and never again.
		server().state.down = true;
		await enqueue(lesson('m/a'), 'u1');
		await enqueue(lesson('m/b'), 'u1');
		await flush();
		expect(idb.opened.map(({ name, version }) => ({ name, version }))).toEqual([{ name: 'palliwijs-outbox', version: 1 }]);
		// Its upgrade (run here again, so this test sees what it does) makes the one store.
		const stores: [string, unknown][] = [];
		idb.opened[0]!.upgrade({ createObjectStore: (store, options) => stores.push([store, options]) });
		expect(stores).toEqual([['items', { keyPath: 'id', autoIncrement: true }]]);
	});

	it('keeps its hint under the key the registration script reads', async () => {
		// src/scripts/offline-register.ts reads it by name, without loading the queue.
		expect(HINT_KEY).toBe('palliwijs.outbox.v1');
		server().state.down = true;
		await enqueue(lesson('m/a'), 'u1');
		expect(JSON.parse(storage.getItem(HINT_KEY)!)).toMatchObject({ waiting: 1 });
	});
});
