// The path to a certificate, attacked over HTTP against a real PocketBase: only the server scores,
// replays cases, decides completion and issues certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

const send = (pb: { authStore: { token: string } } | null, method: string, path: string, body?: unknown, raw?: string) =>
	fetch(`${server.url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...(pb ? { Authorization: pb.authStore.token } : {}) },
		body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
	});

const rightAnswers = { een: ['b'], twee: ['c', 'a'], drie: ['a'] };
const goodRun = [{ node: 'keuze', option: 'a' }];

async function completeCourse(pb: Parameters<typeof send>[0], id: string) {
	for (const lesson of ['demo-module/eerste-les', 'demo-module/tweede-les']) {
		await (pb as never as import('pocketbase').default).collection('lesson_progress').create({ user: id, lesson, completed: true });
	}
	expect((await send(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { choices: goodRun })).status).toBe(201);
	expect((await send(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: rightAnswers })).status).toBe(201);
}

describe('assessments', () => {
	it('are scored by the server, with feedback per item and the best attempt', async () => {
		const { pb } = await server.learner();
		const first = await send(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: { een: ['a'], twee: ['a'] } });
		expect(first.status).toBe(201);
		const low = await first.json();
		expect(low).toMatchObject({ correct: 0, total: 3, score: 0, passed: false, passPercentage: 70 });
		expect(low.items[0]).toEqual({ id: 'een', right: false, correct: ['b'], explanation: 'Uitleg een.' });
		const second = await (await send(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: rightAnswers })).json();
		expect(second).toMatchObject({ correct: 3, score: 100, passed: true, bestScore: 100 });
		const third = await (await send(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: { een: ['b'] } })).json();
		expect(third).toMatchObject({ passed: false, bestScore: 100 });
	});

	it('cannot be written, changed or read past the server', async () => {
		const a = await server.learner();
		const b = await server.learner();
		await expect(a.pb.collection('assessment_attempts').create({ user: a.id, assessment: 'demo-module', score: 100, passed: true, correct: 3, total: 3 })).rejects.toMatchObject({ status: 403 });
		await send(a.pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: { een: ['a'] } });
		const [attempt] = await a.pb.collection('assessment_attempts').getFullList();
		await expect(a.pb.collection('assessment_attempts').update(attempt!.id, { score: 100, passed: true })).rejects.toMatchObject({ status: 403 });
		await expect(a.pb.collection('assessment_attempts').delete(attempt!.id)).rejects.toMatchObject({ status: 403 });
		expect(await b.pb.collection('assessment_attempts').getFullList()).toEqual([]);
		await expect(b.pb.collection('assessment_attempts').getOne(attempt!.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuse bad input with a 400 and a message, and store nothing', async () => {
		const { pb } = await server.learner();
		const cases: [unknown, string | undefined, RegExp][] = [
			[undefined, '{not json', /JSON object/],
			[undefined, JSON.stringify({ answers: { een: ['a'] }, pad: 'x'.repeat(60000) }), /too large/],
			[{ answers: 'alles juist' }, undefined, /answers/i],
			[{ answers: { vijf: ['a'] } }, undefined, /unknown question/],
			[{ answers: { een: ['z'] } }, undefined, /unknown option/],
			[{ answers: { een: ['a', 'b'] } }, undefined, /choose one/],
			[{ answers: { een: [1] } }, undefined, /unknown option/],
			[{ answers: { twee: ['a', 'a'] } }, undefined, /twice/],
		];
		for (const [body, raw, message] of cases) {
			const response = await send(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', body, raw);
			expect(response.status, String(raw ?? JSON.stringify(body)).slice(0, 60)).toBe(400);
			expect((await response.json()).message).toMatch(message);
		}
		expect(await pb.collection('assessment_attempts').getFullList()).toEqual([]);
		expect((await send(null, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: rightAnswers })).status).toBe(401);
		expect((await send(pb, 'POST', '/api/palliwijs/assessments/bestaat-niet/attempts', { answers: rightAnswers })).status).toBe(404);
	});
});

describe('cases', () => {
	it('count only when the server can replay the choices to an ending', async () => {
		const { pb, id } = await server.learner();
		// writing the progress of a case directly is refused
		await expect(pb.collection('lesson_progress').create({ user: id, lesson: 'scenario/demo-casus', completed: true })).rejects.toMatchObject({ status: 400 });
		for (const choices of [[], [{ node: 'begin', option: 'a' }], [{ node: 'keuze', option: 'x' }], [{ node: 'keuze', option: 'a' }, { node: 'keuze', option: 'a' }], 'a']) {
			expect((await send(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { choices })).status).toBe(400);
		}
		expect(await pb.collection('scenario_runs').getFullList()).toEqual([]);
		const ok = await send(pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { choices: [{ node: 'keuze', option: 'b' }] });
		expect(await ok.json()).toEqual({ ending: 'slecht', outcome: 'poor' });
		const progress = await pb.collection('lesson_progress').getFullList();
		expect(progress.map((p) => [p.lesson, p.completed])).toEqual([['scenario/demo-casus', true]]);
		await expect(pb.collection('scenario_runs').create({ user: id, scenario: 'demo-casus', ending: 'goed' })).rejects.toMatchObject({ status: 403 });
	});
});

describe('certificates', () => {
	it('are refused, with the reason, until the course is complete', async () => {
		const { pb, id } = await server.learner();
		const early = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(early.status).toBe(400);
		expect(await early.json()).toMatchObject({
			message: 'The course is not complete yet.',
			data: { missingSteps: ['demo-module/eerste-les', 'demo-module/tweede-les', 'scenario/demo-casus'], missingAssessments: ['demo-module'] },
		});
		await pb.collection('lesson_progress').create({ user: id, lesson: 'demo-module/eerste-les', completed: true });
		const still = await (await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim')).json();
		expect(still.data.missingSteps).toEqual(['demo-module/tweede-les', 'scenario/demo-casus']);
		expect(await pb.collection('certificates').getFullList()).toEqual([]);
	});

	it('are issued once, with an unguessable code, and verified with only what a verifier needs', async () => {
		const { pb, id } = await server.learner('Lotte Verhaegen');
		await completeCourse(pb, id);
		const claim = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(claim.status).toBe(201);
		const certificate = await claim.json();
		expect(certificate).toMatchObject({ holderName: 'Lotte Verhaegen', courseTitle: 'Democursus', studyHours: 1.5, competences: ['1. De kern van palliatieve zorg toepassen'] });
		expect(certificate.code).toMatch(/^[a-z2-7]{26}$/);
		const again = await send(pb, 'POST', '/api/palliwijs/certificates/demo-cursus/claim');
		expect(again.status).toBe(200);
		expect((await again.json()).code).toBe(certificate.code);

		// the name on the certificate is the name at the time
		await pb.collection('users').update(id, { name: 'Andere Naam' });
		const verify = await send(null, 'GET', `/api/palliwijs/verify/${certificate.code}`);
		const shown = await verify.json();
		expect(shown).toEqual({ valid: true, holderName: 'Lotte Verhaegen', courseTitle: 'Democursus', studyHours: 1.5, issued: certificate.issued });
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
		await send(b.pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: rightAnswers });
		await send(a.pb, 'POST', '/api/palliwijs/scenarios/demo-casus/runs', { choices: goodRun });
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
