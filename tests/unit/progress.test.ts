import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_KEY, readLocal, writeLocal } from '../../src/lib/progress/local-store';
import { AUTH_KEY, readSession } from '../../src/lib/progress/session';
import { accountChangedLater, setLessonCompleted, syncProgress, timeOf } from '../../src/lib/progress/sync';
import { recordFinishedCase } from '../../src/lib/progress/runs';
import { finishedRun, rememberFinishedRun } from '../../src/lib/scenario/finished-play';
import { MemoryStorage } from '../helpers/memory-storage';
import type { OutboxEntry } from '../../src/lib/offline/outbox';

/**
 * The offline queue as the pages reach it (src/lib/offline/load.ts loads /outbox.js, a build output): here it
 * keeps what was queued, so a test can see what would be sent later and for whom.
 */
const queued = vi.hoisted(() => [] as { entry: OutboxEntry; user: string }[]);
vi.mock('../../src/lib/offline/load', () => ({
	queueOffline: async (entry: OutboxEntry, user: string) => {
		queued.push({ entry, user });
		return true;
	},
}));


const token = (expSeconds: number) => `x.${btoa(JSON.stringify({ exp: expSeconds })).replace(/=+$/, '')}.y`;
/** The token the server hands out on a refresh (one fixed value, so a test can see it was stored). */
const renewedToken = token(2_000_000_000);
const refreshed = (url: string) => url.includes('auth-refresh') && Response.json({ token: renewedToken, record: { id: 'u1', name: 'An' } });
const login = (storage: MemoryStorage, exp = Date.now() / 1000 + 3600) =>
	storage.setItem(AUTH_KEY, JSON.stringify({ token: token(exp), record: { id: 'u1', name: 'An', collectionName: 'users' } }));

/** A time on 7 December 2026 at 09:<minute> UTC, and PocketBase's way of writing a date. */
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();
const pb = (iso: string) => iso.replace('T', ' ');
type LessonRecord = { id: string; lesson: string; completed: boolean; changedAt?: string };
/**
 * An account with these lesson records, for the sync: lists them, notes every write, and answers it with `write`
 * (default: the record with the new state, changed at minute 30). Returns the writes.
 */
function lessonServer(items: LessonRecord[], write?: (method: string, url: string, body: Record<string, unknown>) => Response | Promise<Response>) {
	const writes: { method: string; url: string; body: Record<string, unknown> }[] = [];
	vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
		if (refreshed(url)) return refreshed(url);
		if (!init.method) return Response.json({ items });
		const body = JSON.parse(init.body as string) as Record<string, unknown>;
		writes.push({ method: init.method, url, body });
		if (write) return write(init.method, url, body);
		const record = init.method === 'PATCH' ? items.find((i) => url.includes(`/${i.id}?`))! : { id: 'new', lesson: String(body.lesson) };
		return Response.json({ ...record, completed: body.completed, changedAt: pb(at(30)) });
	});
	return writes;
}

let storage: MemoryStorage;
beforeEach(() => {
	queued.length = 0;
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('local progress', () => {
	it('survives garbage in the store', () => {
		storage.setItem(LOCAL_KEY, '{not json');
		expect(readLocal()).toEqual({});
		storage.setItem(LOCAL_KEY, JSON.stringify({ lessons: { 'bad key': { completed: true }, 'a/b': { completed: 'yes' }, 'm/l': { completed: true, at: 't' } } }));
		expect(readLocal()).toEqual({ 'm/l': { completed: true, at: 't' } });
	});
	it('records and reverts a lesson', () => {
		writeLocal('m/l', true);
		expect(readLocal()['m/l']?.completed).toBe(true);
		writeLocal('m/l', false);
		expect(readLocal()['m/l']?.completed).toBe(false);
	});
});

describe('session', () => {
	it('is null without login, expired after the token ran out', () => {
		expect(readSession()).toBeNull();
		login(storage, Date.now() / 1000 - 10);
		expect(readSession()).toBe('expired');
		login(storage);
		expect(readSession()).toMatchObject({ userId: 'u1', name: 'An' });
	});
});

describe('sync', () => {
	it('keeps progress local without an account', async () => {
		writeLocal('m/a', true);
		const state = await syncProgress();
		expect(state.status).toBe('local');
		expect([...state.completed]).toEqual(['m/a']);
	});

	it('merges local lessons into the account and shows lessons done elsewhere', async () => {
		writeLocal('m/a', true);
		writeLocal('m/b', true);
		login(storage);
		const calls: { method: string; url: string; body?: string }[] = [];
		vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
			calls.push({ method: init.method ?? 'GET', url, body: init.body as string | undefined });
			if (refreshed(url)) return refreshed(url);
			if (!init.method) return Response.json({ items: [{ id: 'r1', lesson: 'm/b', completed: true }, { id: 'r2', lesson: 'm/c', completed: true }] });
			return Response.json({ id: 'r3', lesson: 'm/a', completed: true });
		});
		const state = await syncProgress();
		expect(state.status).toBe('account');
		expect(state.merged).toBe(1);
		// The renewed session is stored the way the SDK stores it, for the next page.
		expect(JSON.parse(storage.getItem(AUTH_KEY)!)).toEqual({ token: renewedToken, record: { id: 'u1', name: 'An' } });
		expect(state.session?.token).toBe(renewedToken);
		expect([...state.completed].sort()).toEqual(['m/a', 'm/b', 'm/c']);
		const posts = calls.filter((c) => c.method === 'POST' && !c.url.includes('auth-refresh'));
		expect(posts).toHaveLength(1);
		expect(JSON.parse(posts[0]!.body!)).toEqual({ user: 'u1', lesson: 'm/a', completed: true });
	});

	it('keeps local progress and says why when the server is down or the session ended', async () => {
		login(storage);
		vi.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		const state = await syncProgress();
		expect(state.status).toBe('offline');
		expect(await setLessonCompleted('m/x', true, state)).toBe('offline');
		expect(readLocal()['m/x']?.completed).toBe(true);

		vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
		const revoked = await syncProgress();
		expect(revoked.status).toBe('expired');
		expect(await setLessonCompleted('m/y', true, revoked)).toBe('expired');
		expect(readLocal()['m/y']?.completed).toBe(true);
	});

	it('skips a lesson the server no longer knows and still merges the rest', async () => {
		writeLocal('oud/weg', true);
		writeLocal('m/a', true);
		login(storage);
		vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
			if (refreshed(url)) return refreshed(url);
			if (!init.method) return Response.json({ items: [] });
			const body = JSON.parse(init.body as string) as { lesson: string };
			if (body.lesson === 'oud/weg') return Response.json({ message: 'unknown lesson' }, { status: 400 });
			return Response.json({ id: 'r9', lesson: body.lesson, completed: true });
		});
		const state = await syncProgress();
		expect(state.status).toBe('account');
		expect(state.merged).toBe(1);
	});

	describe('the last change wins between devices', () => {
		it('a lesson undone on another device after it was done here stays undone here', async () => {
			writeLocal('m/a', true, storage, new Date(at(1)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: false, changedAt: pb(at(5)) }]);
			const state = await syncProgress();
			expect(state.status).toBe('account');
			expect(state.completed.has('m/a')).toBe(false);
			expect(state.merged).toBe(0);
			expect(writes).toEqual([]);
			expect(readLocal()['m/a']).toEqual({ completed: false, at: at(5) });
			// And it stays so on the next page load.
			expect((await syncProgress()).completed.has('m/a')).toBe(false);
			expect(writes).toEqual([]);
		});

		it('a lesson undone here after it was done elsewhere is undone in the account', async () => {
			writeLocal('m/a', false, storage, new Date(at(9)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: true, changedAt: pb(at(5)) }]);
			const state = await syncProgress();
			expect(state.completed.has('m/a')).toBe(false);
			expect(writes).toEqual([{ method: 'PATCH', url: expect.stringContaining('/records/r1?') as string, body: { completed: false } }]);
			expect(state.merged).toBe(0);
			// This device's copy now carries the server's time of the change.
			expect(readLocal()['m/a']).toEqual({ completed: false, at: at(30) });
		});

		it('a lesson done here later than it was undone elsewhere is done again in the account', async () => {
			writeLocal('m/a', true, storage, new Date(at(9)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: false, changedAt: pb(at(5)) }]);
			const state = await syncProgress();
			expect(state.completed.has('m/a')).toBe(true);
			expect(state.merged).toBe(1);
			expect(writes.map((w) => [w.method, w.body])).toEqual([['PATCH', { completed: true }]]);
		});

		it('a lesson only opened elsewhere (never marked) does not undo what was done here', async () => {
			writeLocal('m/a', true, storage, new Date(at(1)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: false, changedAt: '' }]);
			const state = await syncProgress();
			expect(state.completed.has('m/a')).toBe(true);
			expect(writes.map((w) => [w.method, w.body])).toEqual([['PATCH', { completed: true }]]);
		});

		it('a lesson done elsewhere later than it was undone here shows as done', async () => {
			writeLocal('m/a', false, storage, new Date(at(1)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: true, changedAt: pb(at(5)) }]);
			const state = await syncProgress();
			expect(state.completed.has('m/a')).toBe(true);
			expect(writes).toEqual([]);
			expect(readLocal()['m/a']).toEqual({ completed: true, at: at(5) });
		});

		it("marking a lesson stores the account's time of the change on this device", async () => {
			login(storage);
			lessonServer([{ id: 'r1', lesson: 'm/a', completed: false, changedAt: pb(at(5)) }]);
			const state = await syncProgress();
			expect(await setLessonCompleted('m/a', true, state)).toBe('account');
			expect(readLocal()['m/a']).toEqual({ completed: true, at: at(30) });
		});
	});

	describe('cases and unknown lessons', () => {
		function server(items: { id: string; lesson: string; completed: boolean; changedAt?: string }[] = []) {
			const writes: { method: string; url: string; body: unknown }[] = [];
			vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
				if (refreshed(url)) return refreshed(url);
				if (!init.method) return Response.json({ items });
				const body = JSON.parse(init.body as string) as Record<string, unknown>;
				writes.push({ method: init.method, url, body });
				if (url.endsWith('/runs')) return Response.json({ run: 'run1', seed: 7 });
				if (url.includes('/runs/')) return Response.json({ ending: 'einde', outcome: 'good' });
				return Response.json({ id: 'new', lesson: body.lesson, completed: body.completed, changedAt: '2026-12-07 09:30:00.000Z' });
			});
			return writes;
		}

		it('a case finished on this device before logging in is proven to the server by replaying its choices', async () => {
			const choices = [{ node: 'start', option: 'b' }];
			rememberFinishedRun('maria', { choices });
			writeLocal('scenario/maria', true);
			login(storage);
			const writes = server();
			const state = await syncProgress();
			expect(state.merged).toBe(1);
			expect(state.completed.has('scenario/maria')).toBe(true);
			expect(writes).toEqual([
				{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs', body: {} },
				{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs/run1', body: { choices } },
			]);
		});

		it('a case finished offline is sent with its play: its run when it had one, else its key (the same key is the same run)', async () => {
			const choices = [{ node: 'start', option: 'b' }];
			writeLocal('scenario/maria', true);
			login(storage);
			rememberFinishedRun('maria', { choices, key: 'play-abc123', run: 'r9' });
			let writes = server();
			await syncProgress();
			expect(writes).toEqual([{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs/r9', body: { choices } }]);
			rememberFinishedRun('maria', { choices, key: 'play-abc123' });
			writes = server();
			await syncProgress();
			expect(writes).toEqual([
				{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs', body: { key: 'play-abc123' } },
				{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs/run1', body: { choices } },
			]);
		});

		it('a case marked done without the choices that prove it is not sent', async () => {
			writeLocal('scenario/maria', true);
			login(storage);
			const writes = server();
			const state = await syncProgress();
			expect(writes).toEqual([]);
			expect(state.merged).toBe(0);
		});

		it('a lesson undone here that the account never had is not written', async () => {
			writeLocal('m/a', false);
			login(storage);
			const writes = server();
			expect((await syncProgress()).status).toBe('account');
			expect(writes).toEqual([]);
		});

		it('only known lessons are counted and merged', async () => {
			writeLocal('m/a', true);
			writeLocal('oud/weg', true);
			expect([...(await syncProgress(new Set(['m/a']))).completed]).toEqual(['m/a']);
			login(storage);
			const writes = server();
			const state = await syncProgress(new Set(['m/a']));
			expect(writes.map((w) => (w.body as { lesson: string }).lesson)).toEqual(['m/a']);
			expect(state.merged).toBe(1);
		});

		it('an expired session keeps the progress of this device and says so', async () => {
			writeLocal('m/a', true);
			login(storage, Date.now() / 1000 - 10);
			const state = await syncProgress();
			expect(state).toMatchObject({ status: 'expired', merged: 0 });
			expect([...state.completed]).toEqual(['m/a']);
		});

		it('records a finished case on this device, and in the account through its run', async () => {
			const choices = [{ node: 'start', option: 'a' }];
			expect(await recordFinishedCase('maria', choices, { seed: 's1' })).toBe('local');
			expect(readLocal()['scenario/maria']?.completed).toBe(true);
			login(storage);
			let writes = server();
			expect(await recordFinishedCase('maria', choices, { seed: 's1', run: 'r42' })).toBe('account');
			expect(writes).toEqual([{ method: 'POST', url: '/api/palliwijs/scenarios/maria/runs/r42', body: { choices } }]);
			writes = server();
			expect(await recordFinishedCase('maria', choices, { seed: 's1' })).toBe('account');
			expect(writes.map((w) => [w.url, w.body])).toEqual([
				['/api/palliwijs/scenarios/maria/runs', { key: 'play-s1' }],
				['/api/palliwijs/scenarios/maria/runs/run1', { choices }],
			]);
			vi.stubGlobal('fetch', async () => Response.json({ message: 'choices: unknown option.' }, { status: 400 }));
			expect(await recordFinishedCase('maria', choices, { seed: 's1', run: 'r42' })).toBe('rejected');
			vi.stubGlobal('fetch', async () => {
				throw new TypeError('Failed to fetch');
			});
			expect(await recordFinishedCase('maria', choices, { seed: 's1' })).toBe('offline');
			expect(finishedRun('maria')).toEqual({ choices, key: 'play-s1' });
			login(storage, Date.now() / 1000 - 10);
			expect(await recordFinishedCase('maria', choices, { seed: 's1' })).toBe('expired');
		});

		it('marking a lesson whose record was made meanwhile elsewhere reads it again and updates it', async () => {
			login(storage);
			const writes: { method: string; url: string }[] = [];
			vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
				if (!init.method) return Response.json({ items: [{ id: 'r7', lesson: 'm/a', completed: false, changedAt: '' }] });
				writes.push({ method: init.method, url });
				if (init.method === 'POST') return Response.json({ message: 'Value must be unique.' }, { status: 400 });
				return Response.json({ id: 'r7', lesson: 'm/a', completed: true, changedAt: '2026-12-07 09:30:00.000Z' });
			});
			const state = { remote: new Map() };
			expect(await setLessonCompleted('m/a', true, state)).toBe('account');
			expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH']);
			expect(writes[1]!.url).toContain('/records/r7?');
			expect(readLocal()['m/a']).toEqual({ completed: true, at: '2026-12-07T09:30:00.000Z' });
			// Refused for another reason (the lesson does not exist): said, not retried forever.
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => (init.method ? Response.json({ message: 'unknown lesson' }, { status: 400 }) : Response.json({ items: [] })));
			expect(await setLessonCompleted('oud/weg', true, { remote: new Map() })).toBe('rejected');
			expect(await setLessonCompleted('m/b', true, { remote: new Map(), status: 'expired' })).toBe('expired');
			storage.removeItem(AUTH_KEY);
			expect(await setLessonCompleted('m/c', true, { remote: new Map() })).toBe('local');
		});
	});

	describe('the merge, branch by branch', () => {
		it('without an account only the lessons marked done here count, not those undone', async () => {
			writeLocal('m/a', true);
			writeLocal('m/b', false);
			expect([...(await syncProgress()).completed]).toEqual(['m/a']);
		});

		it("a lesson in the same state on both sides takes the account's time here, and nothing is written", async () => {
			writeLocal('m/a', true, storage, new Date(at(1)));
			login(storage);
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: true, changedAt: pb(at(5)) }]);
			expect((await syncProgress()).completed.has('m/a')).toBe(true);
			expect(writes).toEqual([]);
			expect(readLocal()['m/a']).toEqual({ completed: true, at: at(5) });
		});

		it('a lesson changed on this page while the sync is under way keeps that change here', async () => {
			writeLocal('m/a', true, storage, new Date(at(5)));
			login(storage);
			vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
				if (refreshed(url)) return refreshed(url);
				if (init.method) throw new Error('no write expected');
				// While the account's list is on its way, the reader undoes the lesson on this page.
				writeLocal('m/a', false, storage, new Date(at(6)));
				// The account has the state and time this device had when the sync began: nothing to take over.
				return Response.json({ items: [{ id: 'r1', lesson: 'm/a', completed: true, changedAt: pb(at(5)) }] });
			});
			await syncProgress();
			expect(readLocal()['m/a']).toEqual({ completed: false, at: at(6) });
		});

		it('an account record without a time of change leaves the entry of this device as it is', async () => {
			writeLocal('m/a', true, storage, new Date(at(1)));
			writeLocal('m/b', true, storage, new Date(at(2)));
			login(storage);
			// m/a: the same state, but the account never recorded when; m/b: written, but the answer has no time.
			const writes = lessonServer([{ id: 'r1', lesson: 'm/a', completed: true, changedAt: '' }], (_m, _u, body) => Response.json({ id: 'r2', lesson: body.lesson, completed: body.completed }));
			const state = await syncProgress();
			expect(writes.map((w) => w.body.lesson)).toEqual(['m/b']);
			expect([...state.completed].sort()).toEqual(['m/a', 'm/b']);
			expect(readLocal()).toEqual({ 'm/a': { completed: true, at: at(1) }, 'm/b': { completed: true, at: at(2) } });
		});

		it('a case proven to the server during the merge is in the account from then on', async () => {
			rememberFinishedRun('maria', { choices: [{ node: 'start', option: 'b' }] });
			writeLocal('scenario/maria', true);
			login(storage);
			lessonServer([], (_m, url) => Response.json(url.endsWith('/runs') ? { run: 'run1', seed: 7 } : { ending: 'einde', outcome: 'good' }));
			const state = await syncProgress();
			expect(state.remote.get('scenario/maria')).toEqual({ id: '', lesson: 'scenario/maria', completed: true });
		});

		it('only a refused lesson is skipped: when the server goes down or the session ends during the merge, the sync says so', async () => {
			writeLocal('m/a', true);
			login(storage);
			lessonServer([], () => {
				throw new TypeError('Failed to fetch');
			});
			expect(await syncProgress()).toMatchObject({ status: 'offline', merged: 0 });
			lessonServer([], () => new Response('{}', { status: 401 }));
			expect(await syncProgress()).toMatchObject({ status: 'expired', merged: 0 });
			lessonServer([], () => new Response('{}', { status: 503 }));
			expect(await syncProgress()).toMatchObject({ status: 'offline', merged: 0 });
			expect(readLocal()['m/a']?.completed).toBe(true);
		});

		it('an error that is not an answer of the server is thrown, not passed off as a status', async () => {
			login(storage);
			vi.stubGlobal('fetch', async (url: string) => refreshed(url) || new Response('not json', { status: 200 }));
			await expect(syncProgress()).rejects.toThrow(TypeError);
			await expect(recordFinishedCase('maria', [{ node: 'start', option: 'a' }], { seed: 's1' })).rejects.toThrow(TypeError);
			// Marking: refused, then the list to find the record is unreadable.
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => (init.method ? Response.json({ message: 'Value must be unique.' }, { status: 400 }) : new Response('not json', { status: 200 })));
			await expect(setLessonCompleted('m/a', true, { remote: new Map() })).rejects.toThrow(TypeError);
		});
	});

	describe('marking a lesson', () => {
		it('says the session ended when this device holds an expired one', async () => {
			login(storage, Date.now() / 1000 - 10);
			vi.stubGlobal('fetch', async () => {
				throw new Error('no call expected');
			});
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('expired');
			expect(readLocal()['m/a']?.completed).toBe(true);
		});

		it('reads the list again only when the account refused a new record, and updates the right one', async () => {
			login(storage);
			const writes: { method: string; url: string }[] = [];
			let lists = 0;
			const respond = (post: () => Response) =>
				vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
					if (!init.method) {
						lists++;
						return Response.json({ items: [{ id: 'r6', lesson: 'm/z', completed: false, changedAt: '' }, { id: 'r7', lesson: 'm/a', completed: false, changedAt: '' }] });
					}
					writes.push({ method: init.method, url });
					if (init.method === 'POST') return post();
					return Response.json({ id: 'r7', lesson: 'm/a', completed: true, changedAt: '2026-12-07 09:30:00.000Z' });
				});
			respond(() => Response.json({ message: 'Value must be unique.' }, { status: 400 }));
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('account');
			expect(writes.map((w) => w.url)).toEqual([expect.stringContaining('/records?') as string, expect.stringContaining('/records/r7?') as string]);
			// Offline on the first write: said, not retried through the list.
			writes.length = 0;
			lists = 0;
			respond(() => {
				throw new TypeError('Failed to fetch');
			});
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('offline');
			expect([lists, writes.map((w) => w.method)]).toEqual([0, ['POST']]);
			// Refused while the record was known already: said, not retried.
			writes.length = 0;
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => {
				if (!init.method) lists++;
				else writes.push({ method: init.method, url: _url });
				return Response.json({ message: 'unknown lesson' }, { status: 400 });
			});
			expect(await setLessonCompleted('m/a', true, { remote: new Map([['m/a', { id: 'r7', lesson: 'm/a', completed: false }]]) })).toBe('rejected');
			expect([lists, writes.map((w) => w.method)]).toEqual([0, ['PATCH']]);
			// Refused, and the list (read without trouble) has no record of it: one write only, then said.
			writes.length = 0;
			lists = 0;
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => {
				if (!init.method) {
					lists++;
					return Response.json({ items: [{ id: 'r6', lesson: 'm/z', completed: false, changedAt: '' }] });
				}
				writes.push({ method: init.method, url: _url });
				return Response.json({ message: 'unknown lesson' }, { status: 400 });
			});
			expect(await setLessonCompleted('m/b', true, { remote: new Map() })).toBe('rejected');
			expect([lists, writes.map((w) => w.method)]).toEqual([1, ['POST']]);
			// The list cannot be read either: the refusal is said, nothing more is written.
			writes.length = 0;
			lists = 0;
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => {
				if (!init.method) lists++;
				else writes.push({ method: init.method, url: _url });
				return Response.json({ message: 'unknown lesson' }, { status: 400 });
			});
			expect(await setLessonCompleted('m/b', true, { remote: new Map() })).toBe('rejected');
			expect([lists, writes.map((w) => w.method)]).toEqual([1, ['POST']]);
		});

		it("keeps this device's time when the account answers with another state or without a time", async () => {
			login(storage);
			const answer = (record: object) => vi.stubGlobal('fetch', async () => Response.json(record));
			// A finished case cannot be undone in the account.
			answer({ id: 'r1', lesson: 'scenario/maria', completed: true, changedAt: '2026-12-07 09:30:00.000Z' });
			writeLocal('scenario/maria', true, storage, new Date('2026-12-07T09:00:00.000Z'));
			expect(await setLessonCompleted('scenario/maria', false, { remote: new Map([['scenario/maria', { id: 'r1', lesson: 'scenario/maria', completed: true }]]) })).toBe('account');
			expect(readLocal()['scenario/maria']?.completed).toBe(false);
			answer({ id: 'r2', lesson: 'm/a', completed: true });
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('account');
			expect(readLocal()['m/a']).toMatchObject({ completed: true });
		});
	});

	describe('the offline queue', () => {
		const offline = () =>
			vi.stubGlobal('fetch', async () => {
				throw new TypeError('Failed to fetch');
			});
		afterEach(() => vi.useRealTimers());

		it('a lesson (un)marked while the server cannot be reached is queued for this account, with the time of the change', async () => {
			vi.useFakeTimers({ toFake: ['Date'] });
			vi.setSystemTime(new Date('2026-12-07T10:15:00.000Z'));
			login(storage);
			offline();
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('offline');
			vi.setSystemTime(new Date('2026-12-07T10:16:00.000Z'));
			expect(await setLessonCompleted('m/b', false, { remote: new Map() })).toBe('offline');
			expect(queued).toEqual([
				{ entry: { kind: 'lesson', lesson: 'm/a', completed: true, at: '2026-12-07T10:15:00.000Z' }, user: 'u1' },
				{ entry: { kind: 'lesson', lesson: 'm/b', completed: false, at: '2026-12-07T10:16:00.000Z' }, user: 'u1' },
			]);
			// The same time as this device's own copy, so the queue and a later sync agree on which change is later.
			expect(readLocal()['m/a']).toEqual({ completed: true, at: '2026-12-07T10:15:00.000Z' });
		});

		it('a lesson the server refused, or marked without a (valid) session, is not queued', async () => {
			login(storage);
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => (init.method ? Response.json({ message: 'unknown lesson' }, { status: 400 }) : Response.json({ items: [] })));
			expect(await setLessonCompleted('oud/weg', true, { remote: new Map() })).toBe('rejected');
			vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('expired');
			offline();
			expect(await setLessonCompleted('m/a', true, { remote: new Map(), status: 'expired' })).toBe('expired');
			storage.removeItem(AUTH_KEY);
			expect(await setLessonCompleted('m/a', true, { remote: new Map() })).toBe('local');
			expect(queued).toEqual([]);
		});

		it('a case finished while the server cannot be reached is queued with its play: its run when it had one, else its key', async () => {
			const choices = [{ node: 'start', option: 'a' }];
			login(storage);
			offline();
			expect(await recordFinishedCase('maria', choices, { seed: 's1', run: 'r42' })).toBe('offline');
			expect(await recordFinishedCase('jan', choices, { seed: 's2' })).toBe('offline');
			expect(queued).toEqual([
				{ entry: { kind: 'run', scenario: 'maria', choices, key: 'play-s1', run: 'r42' }, user: 'u1' },
				{ entry: { kind: 'run', scenario: 'jan', choices, key: 'play-s2', run: undefined }, user: 'u1' },
			]);
		});

		it('a case the server refused, or finished without a (valid) session, is not queued', async () => {
			const choices = [{ node: 'start', option: 'a' }];
			login(storage);
			vi.stubGlobal('fetch', async () => Response.json({ message: 'choices: unknown option.' }, { status: 400 }));
			expect(await recordFinishedCase('maria', choices, { seed: 's1', run: 'r42' })).toBe('rejected');
			vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
			expect(await recordFinishedCase('maria', choices, { seed: 's1', run: 'r42' })).toBe('expired');
			storage.removeItem(AUTH_KEY);
			expect(await recordFinishedCase('maria', choices, { seed: 's1' })).toBe('local');
			expect(queued).toEqual([]);
		});

		it('the sync waits while the queue sends (the same Web Lock), then merges', async () => {
			writeLocal('m/a', true);
			login(storage);
			const calls: string[] = [];
			vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
				calls.push(url);
				if (refreshed(url)) return refreshed(url);
				if (!init.method) return Response.json({ items: [] });
				return Response.json({ id: 'r1', lesson: 'm/a', completed: true, changedAt: '2026-12-07 09:30:00.000Z' });
			});
			// One holder per lock name at a time; the queue (src/lib/offline/outbox.ts) holds 'palliwijs-outbox' while it sends.
			const holders = new Map<string, Promise<unknown>>();
			const locks = {
				request: (name: string, task: () => Promise<unknown>) => {
					const run = (holders.get(name) ?? Promise.resolve()).then(task);
					holders.set(name, run.catch(() => undefined));
					return run;
				},
			};
			vi.stubGlobal('navigator', { locks });
			let queueDone!: () => void;
			const queueSending = locks.request('palliwijs-outbox', () => new Promise<void>((resolve) => (queueDone = resolve)));
			const sync = syncProgress();
			await new Promise((resolve) => setTimeout(resolve, 0));
			expect(calls).toEqual([]);
			queueDone();
			await queueSending;
			expect(await sync).toMatchObject({ status: 'account', merged: 1 });
			expect(calls.length).toBeGreaterThan(0);
		});
	});

	describe('which change is later', () => {
		it("reads PocketBase's and ISO times alike; an empty or unreadable time is no time", () => {
			expect(timeOf('2026-12-07 09:30:00.000Z')).toBe(Date.UTC(2026, 11, 7, 9, 30));
			expect(timeOf('2026-12-07T09:30:00.000Z')).toBe(Date.UTC(2026, 11, 7, 9, 30));
			expect(timeOf('')).toBeNaN();
			expect(timeOf(undefined)).toBeNaN();
		});
		it('the account wins a tie and against a device entry without time; a record never marked never wins', () => {
			const remote = (changedAt?: string) => ({ id: 'r', lesson: 'm/a', completed: false, changedAt });
			const local = (at: string) => ({ completed: true, at });
			expect(accountChangedLater(remote('2026-12-07 09:30:00.000Z'), local('2026-12-07T09:30:00.000Z'))).toBe(true);
			expect(accountChangedLater(remote('2026-12-07 09:30:00.000Z'), local('2026-12-07T09:30:00.001Z'))).toBe(false);
			expect(accountChangedLater(remote('2026-12-07 09:30:00.000Z'), local(''))).toBe(true);
			expect(accountChangedLater(remote(''), local(''))).toBe(false);
			expect(accountChangedLater(remote(undefined), local('2026-12-07T09:30:00.000Z'))).toBe(false);
		});
	});
});
