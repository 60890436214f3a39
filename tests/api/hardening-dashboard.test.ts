// Issue 18, points 3 and 4: self-checks are validated on the server, a learner cannot break or skew a
// trainer's dashboard, and group figures show only from five learners up and only for what was assigned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../helpers/server';
import { api, type AttemptView } from '../helpers/learning';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());
const bank = (JSON.parse(readFileSync(new URL('../fixtures/assessment-banks.json', import.meta.url), 'utf8')) as Record<string, { items: { id: string; question: string }[] }>)['demo-module']!;

type Client = { authStore: { token: string } };
const post = (pb: Client, path: string, body: unknown) =>
	fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: pb.authStore.token }, body: JSON.stringify(body) });
const get = (pb: Client, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: pb.authStore.token } });

async function trainer() {
	const t = await server.learner('Trainer');
	await server.admin.collection('users').update(t.id, { role: 'trainer' });
	await t.pb.collection('users').authRefresh();
	return t;
}

const fullAnswers = (v: number) =>
	Object.fromEntries(['praktisch', 'ervaring', 'feiten', 'gemeenschap'].flatMap((d) => [1, 2, 3].map((i) => [`${d}-${i}`, v])));

const selfCheck = (pb: Client, user: string, body: Record<string, unknown>) =>
	fetch(`${server.url}/api/collections/self_checks/records`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: pb.authStore.token },
		body: JSON.stringify({ user, kind: 'before', ...body }),
	});

describe('self-checks', () => {
	it('refuse scores and answers that are not known domains or questions with values in range, naming the field', async () => {
		const l = await server.learner();
		const cases: [Record<string, unknown>, RegExp][] = [
			[{ answers: 'abc', scores: {} }, /^answers/i],
			[{ answers: { 'feiten-1': 3 }, scores: 'abc' }, /^scores: send/i],
			[{ answers: { 'feiten-1': 3 }, scores: [1, 2] }, /^scores: send/i],
			[{ answers: { 'feiten-1': 3 }, scores: { feiten: '1e999' } }, /^scores\.feiten/i],
			[{ answers: { 'feiten-1': 3 }, scores: { constructor: 2 } }, /^scores\.constructor: unknown domain/i],
			[{ answers: { 'feiten-1': 3 }, scores: { verzonnen: 2 } }, /^scores\.verzonnen: unknown domain/i],
			[{ answers: { 'feiten-1': 3 }, scores: { feiten: -1e9 } }, /^scores\.feiten: must be a number from 0 to 5/i],
			[{ answers: { 'feiten-1': 7 } }, /^answers\.feiten-1: must be a whole number from 1 to 5/i],
			[{ answers: { 'feiten-1': 2.5 } }, /^answers\.feiten-1/i],
			[{ answers: { __proto__: 3, toString: 1 } }, /^answers\.toString: unknown question/i],
			[{ answers: { 'verzonnen-9': 3 } }, /^answers\.verzonnen-9: unknown question/i],
			[{ answers: [3, 4] }, /^answers/i],
		];
		for (const [body, message] of cases) {
			const res = await selfCheck(l.pb, l.id, body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect((await res.json()).message).toMatch(message);
		}
		expect((await server.admin.collection('self_checks').getFullList({ filter: `user = "${l.id}"` })).length).toBe(0);
	});

	it('keep the server’s own mean of the answers, not the scores the browser sent', async () => {
		const l = await server.learner();
		const answers = { ...fullAnswers(2), 'feiten-1': 5, 'feiten-2': 4, 'feiten-3': 4 };
		const res = await selfCheck(l.pb, l.id, { answers, scores: { praktisch: 5, ervaring: 5, feiten: 5, gemeenschap: 5 } });
		expect(res.status).toBe(200);
		const saved = await res.json();
		expect(saved.scores).toEqual({ praktisch: 2, ervaring: 2, feiten: 4.3, gemeenschap: 2 });
		// An update is checked too, and the scores follow the new answers.
		const bad = await l.pb.collection('self_checks').update(saved.id, { answers: { 'feiten-1': 9 } }).catch((e) => e);
		expect(bad.status).toBe(400);
		const updated = await l.pb.collection('self_checks').update(saved.id, { answers: fullAnswers(3), scores: null });
		expect(updated.scores).toEqual({ praktisch: 3, ervaring: 3, feiten: 3, gemeenschap: 3 });
	});
});

describe('the trainer dashboard', () => {
	it('shows group figures only from five learners up, and only for assigned tests and cases', async () => {
		const A = api(server);
		const t = await trainer();
		const assigned = await t.pb.collection('cohorts').create({ name: 'Toegewezen', owner: t.id });
		await t.pb.collection('assignments').create({ cohort: assigned.id, course: 'demo-cursus' });
		const unassigned = await t.pb.collection('cohorts').create({ name: 'Niets toegewezen', owner: t.id });
		const dashboard = async (id: string) => {
			const res = await get(t.pb, `/api/palliwijs/cohorts/${id}/dashboard`);
			expect(res.status).toBe(200);
			return res.json();
		};
		const codes = [(await dashboard(assigned.id)).cohort.joinCode, (await dashboard(unassigned.id)).cohort.joinCode];
		for (let i = 0; i < 5; i++) {
			const l = await server.learner(`Lid ${i}`);
			for (const code of codes) expect((await post(l.pb, '/api/palliwijs/cohorts/join', { code })).status).toBe(200);
			// Every learner answers the first item handed out wrongly and the others rightly.
			const attempt = (await A.startAttempt(l.pb)).body as AttemptView;
			expect(attempt.items.length).toBe(3);
			const answers = { ...A.rightAnswers(attempt), [attempt.items[0]!.id]: A.wrongAnswers(attempt)[attempt.items[0]!.id] };
			expect((await A.submit(l.pb, attempt.id, answers)).status).toBe(200);
			const run = await A.startRun(l.pb);
			expect((await A.finishRun(l.pb, run.body.run, [{ node: 'keuze', option: 'b' }])).status).toBe(200);
			expect((await selfCheck(l.pb, l.id, { answers: fullAnswers(i + 1) })).status).toBe(200);
			const data = await dashboard(assigned.id);
			if (i < 4) {
				// One to four learners: counted, but nothing that could show one person's answers.
				expect(data.items['demo-module']).toEqual({ learners: i + 1, items: null });
				expect(data.choices['demo-casus']).toEqual({ learners: i + 1, decisions: null });
				expect(data.selfCheck.before).toEqual({ count: i + 1, averages: null });
			} else {
				const stats = data.items['demo-module'];
				expect(stats.learners).toBe(5);
				const items = Object.entries(stats.items as Record<string, { answered: number; correct: number; question: string }>);
				// 5 learners × 3 items drawn; 5 of those 15 answers wrong; every question shown by its text from the bank.
				expect(items.reduce((n, [, s]) => n + s.answered, 0)).toBe(15);
				expect(items.reduce((n, [, s]) => n + s.correct, 0)).toBe(10);
				for (const [id, s] of items) expect(s.question, id).toBe(bank.items.find((i) => i.id === id)!.question);
				expect(data.choices['demo-casus']).toEqual({ learners: 5, decisions: { keuze: { b: 5 } } });
				expect(data.selfCheck.before).toEqual({ count: 5, averages: { praktisch: 3, ervaring: 3, feiten: 3, gemeenschap: 3 } });
				expect(data.minGroup).toBe(5);
			}
		}
		// The same five learners in a cohort that was assigned nothing: no test, case or self-check figures.
		const other = await dashboard(unassigned.id);
		expect(other.learners).toHaveLength(5);
		expect(other.items).toEqual({});
		expect(other.choices).toEqual({});
		expect(other.selfCheck).toEqual({});
	}, 60000);
});
