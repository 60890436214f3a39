// Assessment attempts attacked over HTTP against a real PocketBase: the server draws, hands out, scores
// only what it handed out, limits the attempts, and shows the right answers only when it should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api, keys, type AttemptView } from '../helpers/learning';

let server: TestServer;
let A: ReturnType<typeof api>;
beforeAll(async () => {
	server = await startTestServer();
	A = api(server);
});
afterAll(() => server?.stop());

const bankIds = Object.keys(keys['demo-module']!);
const explanations = Object.values(keys['demo-module']!).map((k) => k.explanation);

describe('starting an attempt', () => {
	it('hands out draw items from the bank, shuffled, with no key; a reload gets the same attempt', async () => {
		const { pb } = await server.learner();
		const before = await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module');
		expect(before).toMatchObject({ status: 200, body: { assessment: 'demo-module', draw: 3, passPercentage: 70, attemptsAllowed: 3, attemptsUsed: 0, attemptsLeft: 3, nextAttemptAt: null, passed: false, bestScore: null, open: null, last: null } });
		const started = await A.startAttempt(pb);
		expect(started.status).toBe(201);
		const attempt = started.body as AttemptView;
		expect(attempt.items).toHaveLength(3);
		for (const item of attempt.items) {
			expect(bankIds).toContain(item.id);
			expect(Object.keys(item).sort()).toEqual(['id', 'multiple', 'options', 'question']);
			for (const option of item.options) expect(Object.keys(option).sort()).toEqual(['id', 'text']);
		}
		expect(JSON.stringify(attempt)).not.toMatch(/correct|explanation|Uitleg/);
		const again = await A.startAttempt(pb);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(attempt);
		const state = await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module');
		expect(state.body).toMatchObject({ open: attempt, attemptsLeft: 2 });
	});

	it('varies the items, their order and the order of the options between learners', async () => {
		const seen = { sets: new Set<string>(), firstOption: new Set<string>(), order: new Set<string>() };
		for (let i = 0; i < 6; i++) {
			const { pb } = await server.learner();
			const attempt = (await A.startAttempt(pb)).body as AttemptView;
			seen.sets.add(attempt.items.map((x) => x.id).sort().join());
			seen.order.add(attempt.items.map((x) => x.id).join());
			for (const item of attempt.items) seen.firstOption.add(`${item.id}:${item.options[0]!.id}`);
			// drawn over the objectives: never three items of the same objective when there are three objectives
			const objectives = new Set(attempt.items.map((x) => ({ een: 1, twee: 1, drie: 2, vier: 2, vijf: 3, zes: 3 })[x.id as 'een']));
			expect(objectives.size).toBe(3);
		}
		expect(seen.sets.size).toBeGreaterThan(1);
		expect(seen.order.size).toBeGreaterThan(1);
		expect(seen.firstOption.size).toBeGreaterThan(5);
	});

	it('two attempts started at the same moment give one open attempt', async () => {
		const { pb, id } = await server.learner();
		const responses = await Promise.all(Array.from({ length: 6 }, () => A.startAttempt(pb)));
		expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
		expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
		expect((await server.admin.collection('assessment_attempts').getFullList({ filter: `user = "${id}"` })).length).toBe(1);
	});

	it('refuses answers sent to the start route (the old one-shot submit)', async () => {
		const { pb } = await server.learner();
		const response = await A.json(pb, 'POST', '/api/palliwijs/assessments/demo-module/attempts', { answers: { een: ['b'] } });
		expect(response.status).toBe(400);
		expect(await pb.collection('assessment_attempts').getFullList()).toEqual([]);
		expect((await A.json(null, 'POST', '/api/palliwijs/assessments/demo-module/attempts')).status).toBe(401);
		expect((await A.startAttempt(pb, 'bestaat-niet')).status).toBe(404);
	});
});

describe('submitting an attempt', () => {
	it('scores only the items handed out: another bank item is refused by name, and nothing is stored', async () => {
		const { pb } = await server.learner();
		const attempt = (await A.startAttempt(pb)).body as AttemptView;
		const other = bankIds.find((id) => !attempt.items.some((i) => i.id === id))!;
		const response = await A.submit(pb, attempt.id, { ...A.rightAnswers(attempt), [other]: keys['demo-module']![other]!.correct });
		expect(response.status).toBe(400);
		expect(response.body.message).toContain(`"${other}"`);
		const [stored] = await pb.collection('assessment_attempts').getFullList();
		expect(stored!.submittedAt).toBe('');
		for (const [answers, message] of [
			['alles juist', /answers/],
			[{ [attempt.items[0]!.id]: ['z'] }, /unknown option/],
			[{ [attempt.items[0]!.id]: [attempt.items[0]!.options[0]!.id, attempt.items[0]!.options[0]!.id] }, /twice|choose one/],
		] as const) {
			const bad = await A.submit(pb, attempt.id, answers);
			expect(bad.status).toBe(400);
			expect(bad.body.message).toMatch(message);
		}
		const tooLarge = await A.send(pb, 'POST', `/api/palliwijs/assessments/demo-module/attempts/${attempt.id}`, undefined, JSON.stringify({ answers: {}, pad: 'x'.repeat(60000) }));
		expect(tooLarge.status).toBe(400);
	});

	it('a failed attempt says which questions were wrong and which lesson to reread, never the right option', async () => {
		const { pb } = await server.learner();
		const attempt = (await A.startAttempt(pb)).body as AttemptView;
		const result = await A.submit(pb, attempt.id, A.wrongAnswers(attempt));
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ attempt: attempt.id, score: 0, correct: 0, total: 3, passed: false, passPercentage: 70, attemptsLeft: 2, nextAttemptAt: null, review: null });
		expect(result.body.wrong).toHaveLength(3);
		for (const w of result.body.wrong) {
			expect(Object.keys(w).sort()).toEqual(['item', 'lesson', 'lessonTitle', 'question']);
			expect(['demo-module/eerste-les', 'demo-module/tweede-les']).toContain(w.lesson);
			expect(['Eerste les', 'Tweede les']).toContain(w.lessonTitle);
		}
		const text = JSON.stringify(result.body);
		for (const explanation of explanations) expect(text).not.toContain(explanation);
		expect(text).not.toMatch(/"correct":\[|"chosen"/);
		const state = await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module');
		expect(state.body).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, bestScore: 0, open: null, last: result.body });
	});

	it('cannot be resubmitted, and another learner’s attempt is 404', async () => {
		const a = await server.learner();
		const b = await server.learner();
		const attempt = (await A.startAttempt(a.pb)).body as AttemptView;
		expect((await A.submit(b.pb, attempt.id, A.rightAnswers(attempt))).status).toBe(404);
		expect((await A.submit(a.pb, 'onbekendepoging', {})).status).toBe(404);
		expect((await A.submit(a.pb, attempt.id, A.wrongAnswers(attempt))).status).toBe(200);
		const again = await A.submit(a.pb, attempt.id, A.rightAnswers(attempt));
		expect(again.status).toBe(409);
		expect(again.body.message).toMatch(/submitted already/);
		expect((await a.pb.collection('assessment_attempts').getFullList())[0]).toMatchObject({ passed: false, score: 0 });
		// submitted several times at once: scored once
		const next = (await A.startAttempt(a.pb)).body as AttemptView;
		const together = await Promise.all([A.submit(a.pb, next.id, A.rightAnswers(next)), A.submit(a.pb, next.id, A.wrongAnswers(next)), A.submit(a.pb, next.id, A.rightAnswers(next))]);
		expect(together.map((r) => r.status).sort()).toEqual([200, 409, 409]);
		expect(await b.pb.collection('assessment_attempts').getFullList()).toEqual([]);
	});

	it('after a pass, shows the review with right options and explanations, and refuses a new attempt', async () => {
		const { pb } = await server.learner();
		const attempt = (await A.startAttempt(pb)).body as AttemptView;
		const answers = A.rightAnswers(attempt);
		const result = await A.submit(pb, attempt.id, answers);
		expect(result.body).toMatchObject({ passed: true, score: 100, wrong: [] });
		expect(result.body.review).toHaveLength(3);
		for (const r of result.body.review) {
			const item = attempt.items.find((i) => i.id === r.item)!;
			expect(r).toEqual({ item: item.id, question: item.question, options: item.options, chosen: answers[item.id], correct: keys['demo-module']![item.id]!.correct, explanation: keys['demo-module']![item.id]!.explanation });
		}
		const next = await A.startAttempt(pb);
		expect(next).toMatchObject({ status: 409, body: { message: 'You passed this test already.' } });
		expect((await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module')).body).toMatchObject({ passed: true, bestScore: 100, last: { review: result.body.review } });
	});
});

describe('attempt limits', () => {
	it('refuses a 4th attempt in a series with nextAttemptAt; the 3rd shows the review; 24 h after the last submission a new series opens', async () => {
		const { pb, id } = await server.learner();
		let last: { body: { review: unknown; attemptsLeft: number; nextAttemptAt: string | null } } | undefined;
		for (let i = 0; i < 3; i++) {
			const attempt = (await A.startAttempt(pb)).body as AttemptView;
			last = await A.submit(pb, attempt.id, A.wrongAnswers(attempt));
			if (i < 2) expect(last.body.review).toBeNull();
		}
		expect(last!.body.attemptsLeft).toBe(0);
		expect(last!.body.review).toHaveLength(3);
		const opens = new Date(last!.body.nextAttemptAt!).getTime();
		expect(opens - Date.now()).toBeGreaterThan(23.9 * 3600000);
		const refused = await A.startAttempt(pb);
		expect(refused.status).toBe(429);
		expect(refused.body).toMatchObject({ message: expect.stringMatching(/No attempts left/), data: { nextAttemptAt: last!.body.nextAttemptAt } });
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
		expect((await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module')).body).toMatchObject({ attemptsLeft: 0, attemptsUsed: 3, nextAttemptAt: last!.body.nextAttemptAt });

		// a day passes (backdated by a superuser)
		for (const record of await server.admin.collection('assessment_attempts').getFullList({ filter: `user = "${id}"` })) {
			const back = (v: string) => new Date(new Date(v).getTime() - 24 * 3600000 - 1000).toISOString();
			await server.admin.collection('assessment_attempts').update(record.id, { startedAt: back(record.startedAt), submittedAt: back(record.submittedAt) });
		}
		const fresh = await A.startAttempt(pb);
		expect(fresh.status).toBe(201);
		expect((await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module')).body).toMatchObject({ attemptsUsed: 0, attemptsLeft: 2, nextAttemptAt: null });
	});

	it('learners cannot write attempts or their times over the records API; a superuser can', async () => {
		const { pb, id } = await server.learner();
		const attempt = (await A.startAttempt(pb)).body as AttemptView;
		await expect(pb.collection('assessment_attempts').create({ user: id, assessment: 'demo-module', score: 100, passed: true, correct: 3, total: 3 })).rejects.toMatchObject({ status: 403 });
		await expect(pb.collection('assessment_attempts').update(attempt.id, { startedAt: '2001-01-01 00:00:00.000Z' })).rejects.toMatchObject({ status: 403 });
		await expect(pb.collection('assessment_attempts').update(attempt.id, { submittedAt: '2001-01-01 00:00:00.000Z', passed: true })).rejects.toMatchObject({ status: 403 });
		await expect(pb.collection('assessment_attempts').delete(attempt.id)).rejects.toMatchObject({ status: 403 });
		const moved = await server.admin.collection('assessment_attempts').update(attempt.id, { startedAt: '2001-01-01 00:00:00.000Z' });
		expect(moved.startedAt).toBe('2001-01-01 00:00:00.000Z');
	});
});

describe('a bank that changed during an open attempt', () => {
	it('drops the open attempt that can no longer be scored and draws a new one; submitting the old one is refused', async () => {
		const { pb } = await server.learner();
		const attempt = (await A.startAttempt(pb)).body as AttemptView;
		// as if an item handed out had been removed from the bank since
		await server.admin.collection('assessment_attempts').update(attempt.id, { items: [{ id: 'verdwenen', options: ['a', 'b'] }, ...attempt.items.slice(1).map((i) => ({ id: i.id, options: i.options.map((o) => o.id) }))] });
		const stale = await A.submit(pb, attempt.id, {});
		expect(stale.status).toBe(409);
		expect(stale.body.message).toMatch(/changed/);
		const fresh = await A.startAttempt(pb);
		expect(fresh.status).toBe(201);
		expect(fresh.body.id).not.toBe(attempt.id);
		expect((await pb.collection('assessment_attempts').getFullList()).map((r) => r.id)).toEqual([fresh.body.id]);
		expect((await A.json(pb, 'GET', '/api/palliwijs/assessments/demo-module')).body).toMatchObject({ attemptsLeft: 2, attemptsUsed: 0 });
	});
});
