import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_KEY, readLocal, writeLocal } from '../../src/lib/progress/local-store';
import { AUTH_KEY, readSession } from '../../src/lib/progress/session';
import { setLessonCompleted, syncProgress } from '../../src/lib/progress/sync';

class MemoryStorage {
	data = new Map<string, string>();
	getItem(k: string) {
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.data.set(k, v);
	}
	removeItem(k: string) {
		this.data.delete(k);
	}
}

const token = (expSeconds: number) => `x.${btoa(JSON.stringify({ exp: expSeconds })).replace(/=+$/, '')}.y`;
const refreshed = (url: string) => url.includes('auth-refresh') && Response.json({ token: token(Date.now() / 1000 + 7200), record: { id: 'u1', name: 'An' } });
const login = (storage: MemoryStorage, exp = Date.now() / 1000 + 3600) =>
	storage.setItem(AUTH_KEY, JSON.stringify({ token: token(exp), record: { id: 'u1', name: 'An', collectionName: 'users' } }));

let storage: MemoryStorage;
beforeEach(() => {
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
		expect(JSON.parse(storage.getItem(AUTH_KEY)!).token).not.toBe(token(0));
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
});
