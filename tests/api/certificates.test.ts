// The path to a certificate, attacked over HTTP against a real PocketBase: only the server scores,
// replays cases, credits time on task, decides completion and issues certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api, type AttemptView } from '../helpers/learning';
import { letMinutesPass } from '../helpers/time';

let server: TestServer;
let A: ReturnType<typeof api>;
beforeAll(async () => {
	server = await startTestServer();
	A = api(server);
});
afterAll(() => server?.stop());

const send = (...args: Parameters<ReturnType<typeof api>['send']>) => A.send(...args);
const goodRun = [{ node: 'keuze', option: 'a' }];
const completeCourse = (pb: Parameters<ReturnType<typeof api>['completeCourse']>[0], id: string) => A.completeCourse(pb, id);

describe('cases', () => {
	it('are started by the server and count only when the choices replay to an ending', async () => {
		const { pb, id } = await server.learner();
		// writing the progress of a case directly is refused
		await expect(pb.collection('lesson_progress').create({ user: id, lesson: 'scenario/demo-casus', completed: true })).rejects.toMatchObject({ status: 400 });
		const started = await A.startRun(pb);
		expect(started.status).toBe(201);
		expect(Object.keys(started.body).sort()).toEqual(['run', 'seed', 'startedAt']);
		expect(started.body.seed).toMatch(/^\w{16}$/);
		for (const choices of [[], [{ node: 'begin', option: 'a' }], [{ node: 'keuze', option: 'x' }], [{ node: 'keuze', option: 'a' }, { node: 'keuze', option: 'a' }], 'a']) {
			expect((await A.finishRun(pb, started.body.run, choices)).status).toBe(400);
		}
		const [open] = await pb.collection('scenario_runs').getFullList();
		expect(open).toMatchObject({ finishedAt: '', ending: '', seed: started.body.seed });
		const ok = await A.finishRun(pb, started.body.run, [{ node: 'keuze', option: 'b', quality: 'good', ending: 'goed' }]);
		expect(ok).toMatchObject({ status: 200, body: { run: started.body.run, ending: 'slecht', outcome: 'poor', startedAt: started.body.startedAt } });
		const [stored] = await pb.collection('scenario_runs').getFullList();
		expect(stored!.choices).toEqual([{ node: 'keuze', option: 'b' }]);
		const progress = await pb.collection('lesson_progress').getFullList();
		expect(progress.map((p) => [p.lesson, p.completed])).toEqual([['scenario/demo-casus', true]]);
		await expect(pb.collection('scenario_runs').create({ user: id, scenario: 'demo-casus', ending: 'goed' })).rejects.toMatchObject({ status: 403 });
		await expect(pb.collection('scenario_runs').update(stored!.id, { startedAt: '2001-01-01 00:00:00.000Z' })).rejects.toMatchObject({ status: 403 });
	});

	it('a run finished twice is stored once, with its first result', async () => {
		const { pb } = await server.learner();
		const run = (await A.startRun(pb)).body;
		const first = await A.finishRun(pb, run.run, goodRun);
		const second = await A.finishRun(pb, run.run, [{ node: 'keuze', option: 'b' }]);
		const third = await A.finishRun(pb, run.run, 'geen keuzes');
		expect(second).toMatchObject({ status: 200, body: first.body });
		expect(third).toMatchObject({ status: 200, body: first.body });
		const parallel = (await A.startRun(pb)).body;
		const finishes = await Promise.all([A.finishRun(pb, parallel.run, goodRun), A.finishRun(pb, parallel.run, [{ node: 'keuze', option: 'b' }]), A.finishRun(pb, parallel.run, goodRun)]);
		for (const f of finishes) expect(f).toMatchObject({ status: 200, body: finishes[0]!.body });
		const runs = (await pb.collection('scenario_runs').getFullList()).filter((r) => r.id === run.run);
		expect(runs).toHaveLength(1);
		expect(runs[0]).toMatchObject({ ending: 'goed', choices: goodRun });
	});

	it('the old one-shot POST with choices no longer records a finished run', async () => {
		const { pb } = await server.learner();
		const response = await A.json(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { choices: goodRun });
		expect(response.status).toBe(400);
		expect(response.body.message).toMatch(/start a run first/i);
		expect(await pb.collection('scenario_runs').getFullList()).toEqual([]);
		expect(await pb.collection('lesson_progress').getFullList()).toEqual([]);
	});

	it('another learner’s run and unknown runs are 404', async () => {
		const a = await server.learner();
		const b = await server.learner();
		const run = (await A.startRun(a.pb)).body;
		expect((await A.finishRun(b.pb, run.run, goodRun)).status).toBe(404);
		expect((await A.finishRun(a.pb, 'onbekend', goodRun)).status).toBe(404);
		expect((await A.finishRun(a.pb, run.run, goodRun, 'bestaat-niet')).status).toBe(404);
		expect((await A.startRun(a.pb, 'bestaat-niet')).status).toBe(404);
		expect(await b.pb.collection('scenario_runs').getFullList()).toEqual([]);
	});
});

describe('the fastest route to a certificate with a fresh account', () => {
	it('gets nothing: lessons marked done at once, cases clicked through, answers learned from feedback — the claim says what does not count and why', async () => {
		const { pb, id } = await server.learner('Haastige Harry');
		// every lesson opened and marked done at once
		for (const lesson of ['demo-module/eerste-les', 'demo-module/tweede-les']) await A.open(pb, lesson);
		for (const p of await pb.collection('lesson_progress').getFullList()) await pb.collection('lesson_progress').update(p.id, { completed: true, openedAt: '2001-01-01 00:00:00.000Z', completedAt: '2030-01-01 00:00:00.000Z' });
		// the case clicked through at once, along the best path
		const run = (await A.startRun(pb)).body;
		await A.finishRun(pb, run.run, goodRun);
		// three attempts; every answer the feedback gave away (none) reused
		const learned: Record<string, string[]> = {};
		let attempts = 0;
		for (;;) {
			const started = await A.startAttempt(pb);
			if (started.status !== 201) break;
			attempts++;
			const attempt = started.body as AttemptView;
			const answers = Object.fromEntries(attempt.items.map((i) => [i.id, learned[i.id] ?? [i.options.find((o) => !A.rightAnswers(attempt)[i.id]!.includes(o.id))!.id]]));
			const result = (await A.submit(pb, attempt.id, answers)).body;
			for (const r of result.review ?? []) learned[r.item] = r.correct;
			expect(JSON.stringify(result.wrong)).not.toMatch(/correct|explanation/);
		}
		expect(attempts).toBe(3);
		const claim = await A.claim(pb);
		expect(claim.status).toBe(400);
		expect(claim.body).toMatchObject({ message: 'The course is not complete yet.', data: { missingSteps: [], missingAssessments: ['demo-module'] } });
		const notCounted = claim.body.data.notCounted as { step: string; reason: string; neededMinutes: number; creditedMinutes: number }[];
		expect(notCounted.map((n) => [n.step, n.reason, n.neededMinutes])).toEqual([
			['demo-module/eerste-les', 'too-fast', 5],
			['demo-module/tweede-les', 'too-fast', 3],
			['scenario/demo-casus', 'too-fast', 5],
		]);
		for (const n of notCounted) expect(n.creditedMinutes).toBeLessThan(1);
		const progress = await A.json(pb, 'GET', '/api/palliwijs/courses/demo-cursus/progress');
		expect(progress.body).toEqual({ course: 'demo-cursus', complete: false, done: 0, total: 4, missingSteps: [], missingAssessments: ['demo-module'], notCounted });
		expect(await pb.collection('certificates').getFullList()).toEqual([]);
		void id;
	});
});

describe('certificates', () => {
	it('are refused, with the reason, until the course is complete', async () => {
		const { pb, id } = await server.learner();
		const early = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(early.status).toBe(400);
		expect(await early.json()).toMatchObject({
			message: 'The course is not complete yet.',
			data: { missingSteps: ['demo-module/eerste-les', 'demo-module/tweede-les', 'scenario/demo-casus'], missingAssessments: ['demo-module'], notCounted: [] },
		});
		// done without opening it while logged in (as a guest, merged at sign-up): not counted
		await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/eerste-les', completed: true });
		await letMinutesPass(server.admin, id, 30);
		const still = await (await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json();
		expect(still.data.missingSteps).toEqual(['demo-module/tweede-les', 'scenario/demo-casus']);
		expect(still.data.notCounted).toEqual([{ step: 'demo-module/eerste-les', reason: 'not-opened', neededMinutes: 5, creditedMinutes: 0 }]);
		// opening it now does not help until it is marked done again after reading
		await A.open(pb, 'demo-module/eerste-les');
		await letMinutesPass(server.admin, id, 6);
		expect((await (await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json()).data.notCounted).toMatchObject([{ reason: 'not-opened' }]);
		const [record] = await pb.collection('lesson_progress').getFullList();
		await pb.collection('lesson_progress').update(record!.id, { completed: true });
		const counted = await (await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json();
		expect(counted.data).toMatchObject({ missingSteps: ['demo-module/tweede-les', 'scenario/demo-casus'], notCounted: [] });
		expect(await pb.collection('certificates').getFullList()).toEqual([]);
	});

	it('are issued once, with an unguessable code, and verified with only what a verifier needs', async () => {
		const { pb, id } = await server.learner('Lotte Verhaegen');
		await completeCourse(pb, id);
		const claim = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(claim.status).toBe(201);
		const certificate = await claim.json();
		expect(certificate).toMatchObject({ holderName: 'Lotte Verhaegen', courseTitle: 'Democursus', studyHours: 1.5, competences: ['1. De kern van palliatieve zorg toepassen'] });
		// The English title and competences are kept with it, for the English certificate page and PDF.
		expect(certificate).toMatchObject({ courseTitleEn: 'Demo course', competencesEn: ['1. Apply the core of palliative care'] });
		expect(await pb.collection('certificates').getOne(certificate.id)).toMatchObject({ courseTitle: 'Democursus', courseTitleEn: 'Demo course', competencesEn: ['1. Apply the core of palliative care'] });
		expect(certificate.code).toMatch(/^[a-z2-7]{26}$/);
		const again = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(again.status).toBe(200);
		expect((await again.json()).code).toBe(certificate.code);

		// the name on the certificate is the name at the time
		await pb.collection('users').update(id, { name: 'Andere Naam' });
		const verify = await send(null, 'GET', `/api/palliwijs/verify/${certificate.code}`);
		const shown = await verify.json();
		expect(shown).toEqual({ valid: true, holderName: 'Lotte Verhaegen', courseTitle: 'Democursus', courseTitleEn: 'Demo course', studyHours: 1.5, issued: certificate.issued });
	});

	it('claimed ten times at once, are issued once: one 201, the rest 200 with the same code', async () => {
		const { pb, id } = await server.learner('Gelijktijdig Geclaimd');
		await completeCourse(pb, id);
		const claims = await Promise.all(Array.from({ length: 10 }, () => send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')));
		const statuses = claims.map((c) => c.status).sort();
		expect(statuses).toEqual([...Array(9).fill(200), 201]);
		const codes = new Set(await Promise.all(claims.map(async (c) => ((await c.json()) as { code: string }).code)));
		expect(codes.size).toBe(1);
		const stored = await server.admin.collection('certificates').getFullList({ filter: `user = "${id}"` });
		expect(stored).toHaveLength(1);
		expect(stored[0]!.code).toBe([...codes][0]);
	});

	it('cannot be created, changed or listed by anyone but the server and the owner', async () => {
		const a = await server.learner();
		const b = await server.learner();
		await completeCourse(a.pb, a.id);
		const cert = await (await send(a.pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json();
		await expect(b.pb.collection('certificates').create({ user: b.id, course: 'demo-cursus', courseTitle: 'X', holderName: 'B', issued: new Date().toISOString(), code: 'a'.repeat(26) })).rejects.toMatchObject({ status: 403 });
		await expect(a.pb.collection('certificates').update(cert.id, { studyHours: 100 })).rejects.toMatchObject({ status: 403 });
		expect(await b.pb.collection('certificates').getFullList()).toEqual([]);
		expect((await server.client().collection('certificates').getList()).totalItems).toBe(0);
		await expect(b.pb.collection('certificates').getFirstListItem(`code = "${cert.code}"`)).rejects.toMatchObject({ status: 404 });
	});

	it('say nothing about unknown or malformed codes', async () => {
		for (const [code, status, reason] of [
			['a'.repeat(26), 404, 'unknown'],
			['abc', 400, 'malformed'],
			['A'.repeat(26), 400, 'malformed'],
			["'%20OR%201=1", 400, 'malformed'],
		] as const) {
			const response = await send(null, 'GET', `/api/palliwijs/verify/${code}`);
			expect(response.status).toBe(status);
			expect(await response.json()).toEqual({ valid: false, reason });
		}
	});
});

describe('my data', () => {
	it('exports everything about me and nothing about others', async () => {
		const a = await server.learner('Export Test');
		const b = await server.learner();
		await A.startAttempt(b.pb);
		await A.finishRun(a.pb, (await A.startRun(a.pb)).body.run, goodRun);
		const data = await (await send(a.pb, 'GET', '/api/palliwijs/me/export')).json();
		expect(data.account).toMatchObject({ name: 'Export Test', email: a.email, role: 'learner' });
		expect(data.scenarioRuns).toHaveLength(1);
		expect(data.assessmentAttempts).toEqual([]);
		expect(data.lessonProgress.map((p: { lesson: string }) => p.lesson)).toEqual(['scenario/demo-casus']);
		expect((await send(null, 'GET', '/api/palliwijs/me/export')).status).toBe(401);
	});

	it('disappears with the account, certificates included', async () => {
		const a = await server.learner();
		await completeCourse(a.pb, a.id);
		const cert = await (await send(a.pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json();
		await a.pb.collection('users').delete(a.id);
		expect((await send(null, 'GET', `/api/palliwijs/verify/${cert.code}`)).status).toBe(404);
		expect((await server.admin.collection('lesson_progress').getList(1, 1, { filter: `user = "${a.id}"` })).totalItems).toBe(0);
	});
});
