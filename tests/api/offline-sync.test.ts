// What the offline queue (src/lib/offline/outbox.ts, issue 24) relies on, over HTTP against a real PocketBase:
// every queued record sent twice is the same record on the server, and nothing sent later can make a step
// count for a certificate sooner than the server saw it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/learning';

let server: TestServer;
let A: ReturnType<typeof api>;
beforeAll(async () => {
	server = await startTestServer();
	A = api(server);
});
afterAll(() => server?.stop());

const goodRun = [{ node: 'keuze', option: 'a' }];
const startWithKey = (pb: Parameters<typeof A.startRun>[0], key: unknown, scenario = 'demo-casus') => A.json(pb, 'POST', `/api/palliwijs/scenarios/${scenario}/runs`, { key });

describe('a case played offline, sent with its key', () => {
	it('is one run however often the start and the finish are sent', async () => {
		const { pb } = await server.learner();
		const first = await startWithKey(pb, 'play-0001-abc');
		expect(first.status).toBe(201);
		const again = await startWithKey(pb, 'play-0001-abc');
		expect(again).toMatchObject({ status: 200, body: first.body });
		const finished = await A.finishRun(pb, first.body.run, goodRun);
		expect(finished).toMatchObject({ status: 200, body: { ending: 'goed' } });
		// the server died after the finish, before the device heard: the whole play is sent again
		const resent = await startWithKey(pb, 'play-0001-abc');
		expect(resent).toMatchObject({ status: 200, body: first.body });
		expect(await A.finishRun(pb, resent.body.run, goodRun)).toMatchObject({ status: 200, body: finished.body });
		const runs = await pb.collection('scenario_runs').getFullList();
		expect(runs).toHaveLength(1);
		expect(runs[0]).toMatchObject({ clientKey: 'play-0001-abc', ending: 'goed' });
		const progress = await pb.collection('lesson_progress').getFullList();
		expect(progress.map((p) => [p.lesson, p.completed])).toEqual([['scenario/demo-casus', true]]);
		// another play is another run
		expect((await startWithKey(pb, 'play-0002-abc')).status).toBe(201);
		expect(await pb.collection('scenario_runs').getFullList()).toHaveLength(2);
	});

	it('sent from two tabs at the same moment is still one run', async () => {
		const { pb } = await server.learner();
		const starts = await Promise.all([1, 2, 3, 4].map(() => startWithKey(pb, 'same-moment-key')));
		const ids = new Set(starts.map((s) => s.body.run));
		expect(ids.size).toBe(1);
		expect(starts.filter((s) => s.status === 201).length).toBeLessThanOrEqual(1);
		expect(await pb.collection('scenario_runs').getFullList()).toHaveLength(1);
	});

	it('keys belong to one learner and one case', async () => {
		const a = await server.learner();
		const b = await server.learner();
		const ofA = await startWithKey(a.pb, 'shared-key-123');
		const ofB = await startWithKey(b.pb, 'shared-key-123');
		expect(ofA.status).toBe(201);
		expect(ofB.status).toBe(201);
		expect(ofB.body.run).not.toBe(ofA.body.run);
		expect((await A.finishRun(b.pb, ofA.body.run, goodRun)).status).toBe(404);
		expect((await startWithKey(a.pb, 'shared-key-123', 'bestaat-niet')).status).toBe(404);
	});

	it('refuses a bad key and still refuses choices in the start', async () => {
		const { pb } = await server.learner();
		for (const key of ['kort', 'x'.repeat(65), 'met spatie 123', 42, null]) {
			const response = await startWithKey(pb, key);
			expect(response.status).toBe(400);
			expect(response.body.message).toMatch(/key/);
		}
		const withChoices = await A.json(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { key: 'play-0003-abc', choices: goodRun });
		expect(withChoices.status).toBe(400);
		expect(withChoices.body.message).toMatch(/start a run first/i);
		expect(await pb.collection('scenario_runs').getFullList()).toEqual([]);
	});

	it('cannot be given a start in the past: the key is the only thing the device chooses', async () => {
		const { pb } = await server.learner();
		const before = Date.now();
		const started = await A.json(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { key: 'play-0004-abc', startedAt: '2001-01-01T00:00:00Z' });
		expect(started.status).toBe(400);
		const ok = await startWithKey(pb, 'play-0004-abc');
		expect(Date.parse(ok.body.startedAt)).toBeGreaterThanOrEqual(before - 1000);
		await A.finishRun(pb, ok.body.run, goodRun);
		const progress = await A.json(pb, 'GET', '/api/palliwijs/courses/demo-cursus/progress');
		// played offline, sent at once: done, but not long enough for a certificate
		expect(progress.body.notCounted).toEqual([expect.objectContaining({ step: 'scenario/demo-casus', reason: 'too-fast' })]);
	});
});

describe('lesson progress sent again', () => {
	it('is the same record, and the second send changes nothing', async () => {
		const { pb, id } = await server.learner();
		const lesson = 'demo-module/eerste-les';
		const created = await pb.collection('lesson_progress').create({ user: id, lesson, completed: true });
		// the same create sent again (its answer was lost): refused by the unique index, the record stays
		await expect(pb.collection('lesson_progress').create({ user: id, lesson, completed: true })).rejects.toMatchObject({ status: 400 });
		const again = await pb.collection('lesson_progress').update(created.id, { completed: true });
		expect(again.changedAt).toBe(created.changedAt);
		expect(again.completedAt).toBe(created.completedAt);
		expect(await pb.collection('lesson_progress').getFullList()).toHaveLength(1);
	});

	it('a lesson marked done offline, never seen opened by the server, is done but does not count yet', async () => {
		const { pb, id } = await server.learner();
		const lesson = 'demo-module/eerste-les';
		// a queued item carries no times; times sent anyway are the server's to set
		await pb.collection('lesson_progress').create({ user: id, lesson, completed: true, openedAt: '2001-01-01 00:00:00.000Z', completedAt: '2030-01-01 00:00:00.000Z' });
		const [record] = await pb.collection('lesson_progress').getFullList();
		expect(record).toMatchObject({ completed: true, openedAt: '' });
		const progress = await A.json(pb, 'GET', '/api/palliwijs/courses/demo-cursus/progress');
		expect(progress.body.notCounted).toEqual([expect.objectContaining({ step: lesson, reason: 'not-opened' })]);
	});
});

describe('a self-check sent again', () => {
	it('is one record per kind', async () => {
		const { pb, id } = await server.learner();
		const items = await pb.collection('self_checks').getFullList();
		expect(items).toEqual([]);
		const body = { user: id, kind: 'before', answers: { 'praktisch-1': 2 }, scores: { praktisch: 2 } };
		await pb.collection('self_checks').create(body);
		await expect(pb.collection('self_checks').create(body)).rejects.toMatchObject({ status: 400 });
		expect((await pb.collection('self_checks').getFullList()).filter((r) => r.kind === 'before')).toHaveLength(1);
	});
});
