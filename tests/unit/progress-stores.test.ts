// The small stores under progress sync: this device's copy, the stored session, and the calls to the account.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearLocal, LOCAL_KEY, readLocal, updateLocal, writeLocal } from '../../src/lib/progress/local-store';
import { AUTH_KEY, readSession, RemoteError, type Session } from '../../src/lib/progress/session';
import { call, listRemote, refreshSession, saveRemote } from '../../src/lib/progress/remote-store';

const memory = () => {
	const data = new Map<string, string>();
	return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};
const refusing = () => ({
	getItem: () => null,
	setItem: () => {
		throw new Error('QuotaExceededError');
	},
	removeItem: () => {
		throw new Error('SecurityError');
	},
});
const token = (payload: object) => `x.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.y`;

afterEach(() => vi.unstubAllGlobals());

describe("this device's progress", () => {
	it('stamps a change with its time and keeps other lessons', () => {
		const storage = memory();
		expect(writeLocal('m/a', true, storage, new Date('2026-12-07T09:00:00Z'))).toBe(true);
		expect(writeLocal('m/b', false, storage, new Date('2026-12-07T09:05:00Z'))).toBe(true);
		expect(readLocal(storage)).toEqual({ 'm/a': { completed: true, at: '2026-12-07T09:00:00.000Z' }, 'm/b': { completed: false, at: '2026-12-07T09:05:00.000Z' } });
		expect(JSON.parse(storage.data.get(LOCAL_KEY)!)).toHaveProperty('lessons');
	});
	it('accepts only lesson keys of the form module/slug and a yes/no state; an entry without time reads as no time', () => {
		const storage = memory();
		const lessons = { 'm/a': { completed: true }, 'M/a': { completed: true }, 'm/a/b': { completed: true }, 'm-/a': { completed: true }, 'm/a-': { completed: true }, 'm-x/a-b2': { completed: false, at: 't' }, 'm/c': null, 'm/d': {} };
		storage.setItem(LOCAL_KEY, JSON.stringify({ lessons }));
		expect(readLocal(storage)).toEqual({ 'm/a': { completed: true, at: '' }, 'm-x/a-b2': { completed: false, at: 't' } });
		storage.setItem(LOCAL_KEY, JSON.stringify({ lessons: 'm/a' }));
		expect(readLocal(storage)).toEqual({});
		storage.setItem(LOCAL_KEY, 'null');
		expect(readLocal(storage)).toEqual({});
		expect(readLocal(undefined)).toEqual({});
	});
	it('says when the browser refuses to store, and never throws', () => {
		expect(writeLocal('m/a', true, refusing())).toBe(false);
		expect(writeLocal('m/a', true, undefined)).toBe(false);
		expect(updateLocal({ 'm/a': { completed: true, at: 't' } }, refusing())).toBe(false);
		expect(updateLocal({ 'm/a': { completed: true, at: 't' } }, undefined)).toBe(false);
		expect(() => clearLocal(refusing())).not.toThrow();
	});
	it('updates several lessons at once and keeps every other lesson as it is now', () => {
		const storage = memory();
		writeLocal('m/a', true, storage, new Date('2026-12-07T09:00:00Z'));
		writeLocal('m/b', true, storage, new Date('2026-12-07T09:01:00Z'));
		expect(updateLocal({ 'm/b': { completed: false, at: 'server' } }, storage)).toBe(true);
		expect(readLocal(storage)).toEqual({ 'm/a': { completed: true, at: '2026-12-07T09:00:00.000Z' }, 'm/b': { completed: false, at: 'server' } });
		const untouched = refusing();
		expect(updateLocal({}, untouched)).toBe(true); // nothing to write: nothing written, nothing refused
	});
	it('forgets everything at logout', () => {
		const storage = memory();
		writeLocal('m/a', true, storage);
		writeLocal('m/b', false, storage);
		expect(Object.keys(readLocal(storage))).toEqual(['m/a', 'm/b']);
		clearLocal(storage);
		expect(storage.data.has(LOCAL_KEY)).toBe(false);
		expect(readLocal(storage)).toEqual({});
	});
});

describe('the stored session', () => {
	const now = 1_800_000_000_000;
	const stored = (value: unknown) => {
		const storage = memory();
		storage.setItem(AUTH_KEY, JSON.stringify(value));
		return storage;
	};
	const valid = token({ exp: now / 1000 + 60 });
	it("is a learner's session with a token that has not run out", () => {
		expect(readSession(stored({ token: valid, record: { id: 'u1', name: 'An', collectionName: 'users' } }), now)).toEqual({ token: valid, userId: 'u1', name: 'An' });
		expect(readSession(stored({ token: valid, record: { id: 'u1' } }), now)).toEqual({ token: valid, userId: 'u1', name: '' });
	});
	it('is nobody for a superuser session, a missing token or record, or garbage', () => {
		expect(readSession(stored({ token: valid, record: { id: 's1', collectionName: '_superusers' } }), now)).toBeNull();
		expect(readSession(stored({ token: '', record: { id: 'u1' } }), now)).toBeNull();
		expect(readSession(stored({ token: 5, record: { id: 'u1' } }), now)).toBeNull();
		expect(readSession(stored({ token: valid, record: { id: 7 } }), now)).toBeNull();
		expect(readSession(stored({ token: valid }), now)).toBeNull();
		const broken = memory();
		broken.setItem(AUTH_KEY, '{');
		expect(readSession(broken, now)).toBeNull();
		expect(readSession(undefined, now)).toBeNull();
	});
	it('is expired at the second the token runs out, and when the token cannot be read', () => {
		expect(readSession(stored({ token: token({ exp: now / 1000 }), record: { id: 'u1' } }), now)).toBe('expired');
		expect(readSession(stored({ token: token({ exp: now / 1000 + 1 }), record: { id: 'u1' } }), now)).not.toBe('expired');
		expect(readSession(stored({ token: 'not-a-jwt', record: { id: 'u1' } }), now)).toBe('expired');
		// A token without an expiry does not run out on this side; the server decides.
		expect(readSession(stored({ token: token({ id: 'u1' }), record: { id: 'u1' } }), now)).toMatchObject({ userId: 'u1' });
		// Nor does one whose expiry is not a number (a string would otherwise read as a time long past).
		expect(readSession(stored({ token: token({ exp: '1' }), record: { id: 'u1' } }), now)).toMatchObject({ userId: 'u1' });
	});
	it('reads tokens written in URL-safe base64', () => {
		// A payload whose base64 contains "+" and "/" in the standard alphabet ("-" and "_" in the URL-safe one).
		const payload = { exp: now / 1000 + 60, n: '???>>>' };
		const urlSafe = token(payload);
		expect(urlSafe).toMatch(/[-_]/);
		expect(readSession(stored({ token: urlSafe, record: { id: 'u1' } }), now)).toMatchObject({ userId: 'u1' });
	});
});

describe('calls to the account', () => {
	const session: Session = { token: 'tok', userId: 'u1', name: 'An' };
	function server(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
		const calls: { url: string; init: RequestInit }[] = [];
		vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
			calls.push({ url, init });
			return answer(url, init);
		});
		return calls;
	}
	const failure = async (promise: Promise<unknown>) => {
		try {
			await promise;
		} catch (err) {
			return err as RemoteError;
		}
		throw new Error('expected a failure');
	};

	it("sends the session's token and JSON, and keeps the caller's other headers", async () => {
		const calls = server(() => Response.json({ ok: 1 }));
		expect(await call(session, '/api/x', { method: 'POST', headers: { 'X-Extra': '1' } })).toEqual({ ok: 1 });
		expect(calls[0]!.init).toMatchObject({ method: 'POST', headers: { Authorization: 'tok', 'Content-Type': 'application/json', 'X-Extra': '1' } });
	});
	it('names the reason of every failure: session ended, server unreachable, data refused', async () => {
		for (const [status, reason] of [
			[401, 'expired'],
			[403, 'expired'],
			[500, 'offline'],
			[503, 'offline'],
			[400, 'rejected'],
			[404, 'rejected'],
			[499, 'rejected'],
		] as const) {
			server(() => Response.json({ message: 'Nee.' }, { status }));
			const err = await failure(call(session, '/api/collections/lesson_progress/records'));
			expect(err, String(status)).toBeInstanceOf(RemoteError);
			expect(err.failure, String(status)).toBe(reason);
		}
		server(() => {
			throw new TypeError('Failed to fetch');
		});
		expect((await failure(call(session, '/api/x'))).failure).toBe('offline');
		// An account that no longer exists cannot refresh: its session has ended.
		server(() => Response.json({}, { status: 404 }));
		expect((await failure(call(session, '/api/collections/users/auth-refresh'))).failure).toBe('expired');
	});
	it("keeps the server's message and answer when it refuses, and says the status when it gives none", async () => {
		server(() => Response.json({ message: 'Onbekende les.', data: { lesson: 1 } }, { status: 400 }));
		const err = await failure(call(session, '/api/x'));
		expect(err.message).toBe('Onbekende les.');
		expect(err.body).toEqual({ message: 'Onbekende les.', data: { lesson: 1 } });
		server(() => new Response('niet json', { status: 422 }));
		expect((await failure(call(session, '/api/x'))).message).toBe('HTTP 422');
	});

	it('reads every page of progress records, 200 at a time', async () => {
		const records = Array.from({ length: 450 }, (_, i) => ({ id: `r${i}`, lesson: `m/l${i}`, completed: true }));
		const calls = server((url) => {
			const page = Number(new URL(url, 'http://x').searchParams.get('page'));
			return Response.json({ items: records.slice((page - 1) * 200, page * 200) });
		});
		expect(await listRemote(session)).toEqual(records);
		expect(calls.map((c) => new URL(c.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
		expect(new URL(calls[0]!.url, 'http://x').searchParams.get('perPage')).toBe('200');
		// Exactly 200: one more page to be sure it was the last.
		const calls2 = server((url) => Response.json({ items: url.includes('page=1&') ? records.slice(0, 200) : [] }));
		expect(await listRemote(session)).toHaveLength(200);
		expect(calls2).toHaveLength(2);
		server(() => Response.json({}));
		expect(await listRemote(session)).toEqual([]);
	});

	it('creates a record for a new lesson and updates an existing one', async () => {
		const calls = server((_url, init) => Response.json({ id: 'r1', lesson: 'm/a', ...JSON.parse(init.body as string) }));
		await saveRemote(session, 'm/a', true);
		expect(calls[0]!.init.method).toBe('POST');
		expect(calls[0]!.url).toMatch(/^\/api\/collections\/lesson_progress\/records\?/);
		expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ user: 'u1', lesson: 'm/a', completed: true });
		await saveRemote(session, 'm/a', false, { id: 'r1', lesson: 'm/a', completed: true });
		expect(calls[1]!.init.method).toBe('PATCH');
		expect(calls[1]!.url).toMatch(/^\/api\/collections\/lesson_progress\/records\/r1\?/);
		expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ completed: false });
	});

	it('refreshes the session and stores the new token the way the SDK does; a token for someone else ends it', async () => {
		const storage = memory();
		server(() => Response.json({ token: 'new', record: { id: 'u1', name: 'Anna' } }));
		expect(await refreshSession(session, storage)).toEqual({ token: 'new', userId: 'u1', name: 'Anna' });
		expect(JSON.parse(storage.data.get(AUTH_KEY)!)).toEqual({ token: 'new', record: { id: 'u1', name: 'Anna' } });
		server(() => Response.json({ token: 'new', record: { id: 'u1' } }));
		expect(await refreshSession(session, refusing())).toEqual({ token: 'new', userId: 'u1', name: 'An' });
		server(() => Response.json({ token: 'new', record: { id: 'u2' } }));
		expect((await failure(refreshSession(session, storage))).failure).toBe('expired');
		server(() => Response.json({ record: { id: 'u1' } }));
		expect((await failure(refreshSession(session, storage))).failure).toBe('expired');
	});
	it('an answer to the refresh without a readable body or without a record ends the session too', async () => {
		for (const answer of [() => new Response('niet json', { status: 200 }), () => Response.json({ token: 'new' })]) {
			server(answer);
			const err = await failure(refreshSession(session, memory()));
			expect(err).toBeInstanceOf(RemoteError);
			expect([err.failure, err.message]).toEqual(['expired', 'session does not match']);
		}
	});
	it('says the status in the message of an ended session or an unreachable server, and takes status 0 (no answer) as unreachable', async () => {
		server(() => Response.json({}, { status: 401 }));
		expect((await failure(call(session, '/api/x'))).message).toBe('HTTP 401');
		server(() => Response.json({}, { status: 503 }));
		expect((await failure(call(session, '/api/x'))).message).toBe('HTTP 503');
		// What a browser hands over for a request that got no answer it may read (Node's Response cannot have status 0).
		server(() => ({ status: 0, ok: false, json: async () => null }) as unknown as Response);
		expect(await failure(call(session, '/api/x'))).toMatchObject({ failure: 'offline', message: 'HTTP 0' });
	});
});
