// lesson_progress rules against a real PocketBase: owners only, known lessons only, server time only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/learning';
import { letMinutesPass } from '../helpers/time';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

describe('lesson_progress', () => {
	it('lets a learner record a known lesson, stamped with the server clock', async () => {
		const { pb, id } = await server.learner();
		const before = Date.now();
		const record = await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/eerste-les', completed: true, completedAt: '2001-01-01 00:00:00.000Z' });
		const stamped = new Date(record.completedAt).getTime();
		expect(stamped).toBeGreaterThanOrEqual(before - 2000);
		expect(stamped).toBeLessThanOrEqual(Date.now() + 2000);
		// a later update cannot move the date either
		const again = await pb.collection('lesson_progress').update(record.id, { completed: true, completedAt: '2001-01-01 00:00:00.000Z' });
		expect(again.completedAt).toBe(record.completedAt);
		const undone = await pb.collection('lesson_progress').update(record.id, { completed: false });
		expect(undone.completedAt).toBe('');
	});

	it('stamps changedAt with the server clock whenever completed changes, and only then (the last change wins between devices)', async () => {
		const { pb, id } = await server.learner();
		const lesson = 'demo-module/eerste-les';
		// Only opened: never marked, so no change time (it must not undo what another device did).
		expect((await api(server).json(pb, 'POST', '/api/palliwijs/lessons/opened', { lesson })).status).toBe(204);
		const [openedOnly] = await pb.collection('lesson_progress').getFullList();
		expect(openedOnly).toMatchObject({ lesson, completed: false, changedAt: '' });
		const before = Date.now();
		const done = await pb.collection('lesson_progress').update(openedOnly!.id, { completed: true, changedAt: '2001-01-01 00:00:00.000Z' });
		expect(new Date(done.changedAt).getTime()).toBeGreaterThanOrEqual(before - 2000);
		expect(new Date(done.changedAt).getTime()).toBeLessThanOrEqual(Date.now() + 2000);
		// The same state again is no change; a learner cannot move the time.
		const same = await pb.collection('lesson_progress').update(done.id, { completed: true, changedAt: '2030-01-01 00:00:00.000Z' });
		expect(same.changedAt).toBe(done.changedAt);
		const undone = await pb.collection('lesson_progress').update(done.id, { completed: false });
		expect(undone.completed).toBe(false);
		// A round trip later (PocketBase keeps milliseconds).
		expect(new Date(undone.changedAt).getTime()).toBeGreaterThan(new Date(done.changedAt).getTime());
		// A record created by the learner is a change too.
		const created = await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/tweede-les', completed: false });
		expect(created.changedAt).not.toBe('');
	});

	it('refuses an unknown lesson with a message that names it', async () => {
		const { pb, id } = await server.learner();
		await expect(pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/bestaat-niet', completed: true })).rejects.toMatchObject({
			status: 400,
			message: 'Lesson: unknown lesson "demo-module/bestaat-niet".',
		});
	});

	it('refuses malformed payloads', async () => {
		const { pb, id } = await server.learner();
		for (const body of [{ user: id }, { user: id, lesson: '../../etc/passwd', completed: true }, { user: id, lesson: 'x'.repeat(500), completed: true }]) {
			await expect(pb.collection('lesson_progress').create(body)).rejects.toMatchObject({ status: 400 });
		}
	});

	it('keeps one record per user and lesson', async () => {
		const { pb, id } = await server.learner();
		await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/tweede-les', completed: true });
		await expect(pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/tweede-les', completed: true })).rejects.toMatchObject({ status: 400 });
	});

	it('never lets one learner read, write or delete another learner’s progress', async () => {
		const alice = await server.learner('Alice');
		const mallory = await server.learner('Mallory');
		const record = await alice.pb.collection('lesson_progress').create({ user: alice.id, lesson: 'demo-module/eerste-les', completed: true });

		expect((await mallory.pb.collection('lesson_progress').getList()).totalItems).toBe(0);
		await expect(mallory.pb.collection('lesson_progress').getOne(record.id)).rejects.toMatchObject({ status: 404 });
		await expect(mallory.pb.collection('lesson_progress').update(record.id, { completed: false })).rejects.toMatchObject({ status: 404 });
		await expect(mallory.pb.collection('lesson_progress').delete(record.id)).rejects.toMatchObject({ status: 404 });
		// writing progress in someone else's name
		await expect(mallory.pb.collection('lesson_progress').create({ user: alice.id, lesson: 'demo-module/tweede-les', completed: true })).rejects.toMatchObject({ status: 400 });
		// moving own record to someone else
		const own = await mallory.pb.collection('lesson_progress').create({ user: mallory.id, lesson: 'demo-module/eerste-les', completed: true });
		await expect(mallory.pb.collection('lesson_progress').update(own.id, { user: alice.id })).rejects.toMatchObject({ status: 404 });

		expect((await server.admin.collection('lesson_progress').getOne(record.id)).completed).toBe(true);
	});

	it('refuses anonymous and expired sessions', async () => {
		const anonymous = server.client();
		expect((await anonymous.collection('lesson_progress').getList()).totalItems).toBe(0);
		await expect(anonymous.collection('lesson_progress').create({ user: 'x', lesson: 'demo-module/eerste-les', completed: true })).rejects.toMatchObject({ status: 400 });
		const forged = server.client();
		forged.authStore.save('eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjEsImlkIjoieCJ9.abc', null);
		// A forged or revoked token counts as anonymous for the rules, so nothing is written …
		await expect(forged.collection('lesson_progress').create({ user: 'x', lesson: 'demo-module/eerste-les', completed: true })).rejects.toMatchObject({ status: 400 });
		// … and the session check the site makes before syncing says so with a 401.
		await expect(forged.collection('users').authRefresh()).rejects.toMatchObject({ status: 401 });
	});
});

describe('time on task', () => {
	const opened = (pb: Parameters<ReturnType<typeof api>['open']>[0] | null, lesson: unknown) => api(server).json(pb, 'POST', '/api/palliwijs/lessons/opened', { lesson });

	it('records the first opening of a lesson with the server clock; later openings change nothing', async () => {
		const { pb } = await server.learner();
		const before = Date.now();
		expect(await opened(pb, 'demo-module/eerste-les')).toMatchObject({ status: 204 });
		const [record] = await pb.collection('lesson_progress').getFullList();
		expect(record).toMatchObject({ lesson: 'demo-module/eerste-les', completed: false, completedAt: '' });
		expect(new Date(record!.openedAt).getTime()).toBeGreaterThanOrEqual(before - 2000);
		expect(await opened(pb, 'demo-module/eerste-les')).toMatchObject({ status: 204 });
		expect((await pb.collection('lesson_progress').getOne(record!.id)).openedAt).toBe(record!.openedAt);
		expect((await pb.collection('lesson_progress').getFullList()).length).toBe(1);
	});

	it('refuses unknown lessons, cases and anonymous callers', async () => {
		const { pb } = await server.learner();
		for (const lesson of ['demo-module/bestaat-niet', 'scenario/demo-casus', 42, '']) expect((await opened(pb, lesson)).status).toBe(404);
		expect((await opened(null, 'demo-module/eerste-les')).status).toBe(401);
		expect(await pb.collection('lesson_progress').getFullList()).toEqual([]);
	});

	it('learners can never write openedAt or completedAt; a superuser can (tests let time pass that way)', async () => {
		const { pb, id } = await server.learner();
		const created = await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/eerste-les', completed: false, openedAt: '2001-01-01 00:00:00.000Z' });
		expect(created.openedAt).toBe('');
		await opened(pb, 'demo-module/eerste-les');
		const real = (await pb.collection('lesson_progress').getOne(created.id)).openedAt;
		const moved = await pb.collection('lesson_progress').update(created.id, { openedAt: '2001-01-01 00:00:00.000Z', completed: true, completedAt: '2030-01-01 00:00:00.000Z' });
		expect(moved.openedAt).toBe(real);
		expect(new Date(moved.completedAt).getFullYear()).toBe(new Date().getFullYear());
		const cleared = await pb.collection('lesson_progress').update(created.id, { openedAt: '' });
		expect(cleared.openedAt).toBe(real);
		const admin = await server.admin.collection('lesson_progress').update(created.id, { openedAt: '2001-01-01 00:00:00.000Z', completedAt: '2001-01-01 00:10:00.000Z' });
		expect(admin).toMatchObject({ openedAt: '2001-01-01 00:00:00.000Z', completedAt: '2001-01-01 00:10:00.000Z' });
	});

	it('counts reading time once: two lessons opened together and marked done after one read credit only one', async () => {
		const { pb, id } = await server.learner();
		const A = api(server);
		await opened(pb, 'demo-module/eerste-les');
		await opened(pb, 'demo-module/tweede-les');
		await letMinutesPass(server.admin, id, 8);
		for (const p of await pb.collection('lesson_progress').getFullList({ sort: 'lesson' })) await pb.collection('lesson_progress').update(p.id, { completed: true });
		const progress = (await A.json(pb, 'GET', '/api/palliwijs/courses/demo-cursus/progress')).body;
		expect(progress).toMatchObject({ done: 1, total: 4, missingSteps: ['scenario/demo-casus'], notCounted: [{ step: 'demo-module/tweede-les', reason: 'too-fast', neededMinutes: 3 }] });
		expect(progress.notCounted[0].creditedMinutes).toBeLessThan(1);
		expect((await A.json(pb, 'GET', '/api/palliwijs/courses/bestaat-niet/progress')).status).toBe(404);
	});
});
