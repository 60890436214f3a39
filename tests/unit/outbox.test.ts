// The offline queue (src/lib/offline/outbox.ts): order, exactly once, what stops it and what it drops.
// IndexedDB is replaced by an in-memory store behind the same `idb` calls; the server by a fetch stub.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_KEY } from '../../src/lib/progress/session';
import { MemoryStorage } from '../helpers/memory-storage';

const idb = vi.hoisted(() => {
	const items = new Map<number, Record<string, unknown>>();
	let next = 1;
	const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
	return {
		items,
		reset() {
			items.clear();
			next = 1;
		},
		db: {
			getAll: async () => [...items.values()].map(copy),
			add: async (_store: string, value: Record<string, unknown>) => {
				const id = next++;
				items.set(id, { ...copy(value), id });
				return id;
			},
			put: async (_store: string, value: Record<string, unknown> & { id: number }) => {
				items.set(value.id, copy(value));
				return value.id;
			},
			delete: async (_store: string, id: number) => void items.delete(id),
		},
	};
});
vi.mock('idb', () => ({ openDB: async () => idb.db }));

const { enqueue, flush, readHint } = await import('../../src/lib/offline/outbox');

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
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/**
 * Queues while the server cannot be reached, as a page does, and waits until the sends that each
 * enqueue starts in the background have given up (they queue on the same lock before this one).
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
