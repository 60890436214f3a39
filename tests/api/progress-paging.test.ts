// Progress lists longer than one page (PocketBase answers at most 200 records a page): the browser's
// progress code reads every page of a real server, and only the learner's own records.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { listRemote } from '../../src/lib/progress/remote-store';
import { AUTH_KEY } from '../../src/lib/progress/session';
import { syncProgress } from '../../src/lib/progress/sync';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());
afterEach(() => vi.unstubAllGlobals());

/** The page's same-origin calls ("/api/…") go to the test server. */
function sameOrigin() {
	const real = globalThis.fetch;
	vi.stubGlobal('fetch', (url: string, init?: RequestInit) => real(new URL(url, server.url), init));
}

/** Records made as a superuser (many lessons, more than the test catalogue has). */
async function progressRecords(user: string, count: number, prefix: string) {
	const lessons = Array.from({ length: count }, (_, i) => `${prefix}/les-${String(i).padStart(3, '0')}`);
	for (let i = 0; i < lessons.length; i += 25) {
		await Promise.all(lessons.slice(i, i + 25).map((lesson) => server.admin.collection('lesson_progress').create({ user, lesson, completed: true })));
	}
	return lessons;
}

describe('progress of more than one page', () => {
	it('reads all 450 records of a learner over three pages, and none of another learner', async () => {
		const learner = await server.learner();
		const other = await server.learner('Iemand Anders');
		const lessons = await progressRecords(learner.id, 450, 'veel');
		await progressRecords(other.id, 5, 'ander');
		sameOrigin();
		const requests: string[] = [];
		const real = globalThis.fetch;
		vi.stubGlobal('fetch', (url: string, init?: RequestInit) => (requests.push(url), real(url, init)));
		const listed = await listRemote({ token: learner.pb.authStore.token, userId: learner.id, name: 'Test Leerling' });
		expect(listed.map((r) => r.lesson).sort()).toEqual(lessons);
		expect(new Set(listed.map((r) => r.id)).size).toBe(450);
		expect(requests.filter((u) => u.includes('page=')).length).toBe(3);
	});

	it('stops after exactly one full page when the next is empty', async () => {
		const learner = await server.learner();
		await progressRecords(learner.id, 200, 'precies');
		sameOrigin();
		const listed = await listRemote({ token: learner.pb.authStore.token, userId: learner.id, name: 'Test Leerling' });
		expect(listed).toHaveLength(200);
	});

	it('a sync shows every lesson done in the account, past the first page', async () => {
		const learner = await server.learner();
		const lessons = await progressRecords(learner.id, 230, 'sync');
		const storage = new Map<string, string>();
		vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) });
		storage.set(AUTH_KEY, JSON.stringify({ token: learner.pb.authStore.token, record: { id: learner.id, name: 'Test Leerling', collectionName: 'users' } }));
		sameOrigin();
		const state = await syncProgress();
		expect(state.status).toBe('account');
		expect([...state.completed].sort()).toEqual(lessons);
	});
});
