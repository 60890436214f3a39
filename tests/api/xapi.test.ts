// Learning records as xAPI (issue 23) against a real PocketBase and a small fake learning record store (LRS) on
// 127.0.0.1 that records what it receives: the learner does the thing over HTTP, the statements reach the LRS once,
// an LRS that is down gets them after it recovers, the learner never waits for it, and a trainer downloads only
// their own cohort's records.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/learning';
import { letMinutesPass } from '../helpers/time';
import { xapiProblems } from '../helpers/xapi';
import { waitFor } from '../helpers/wait-for';

const SITE = 'https://leren.example.be';
const VERB = {
	completed: 'http://adlnet.gov/expapi/verbs/completed',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	responded: 'http://adlnet.gov/expapi/verbs/responded',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	earned: 'http://id.tincanapi.com/verb/earned',
};

interface Statement {
	id: string;
	actor: { objectType: string; account: { homePage: string; name: string } };
	verb: { id: string };
	object: { id: string; definition: { name: Record<string, string> } };
	result?: Record<string, unknown>;
	context?: { contextActivities?: { parent?: { id: string }[]; grouping?: { id: string }[] } };
	timestamp: string;
}

/** A fake LRS: stores statements by id (409 for a batch holding a known id, as an LRS may), or answers 500 while down. */
class FakeLrs {
	server: Server;
	mode: 'up' | 'down' | 'slow' = 'up';
	stored = new Map<string, Statement>();
	/** Every POST, with its status: what the server sent and when. */
	posts: { status: number; ids: string[]; headers: IncomingMessage['headers'] }[] = [];
	/** Statements the LRS was sent again after it had stored them. */
	resent: string[] = [];
	/** What the validator found wrong in any statement received (must stay empty). */
	invalid: string[] = [];
	/** POSTs received and not yet answered (slow mode). */
	pending = 0;
	url = '';
	constructor() {
		this.server = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				const answer = (status: number, ids: string[], text = '') => {
					this.posts.push({ status, ids, headers: req.headers });
					res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
				};
				if (req.method !== 'POST' || req.url !== '/xapi/statements') return answer(404, []);
				const statements = JSON.parse(body) as Statement[];
				const ids = statements.map((s) => s.id);
				// every statement the server sends is valid xAPI by Learning Locker's validator
				this.invalid.push(...statements.flatMap((s) => xapiProblems(s)));
				if (this.mode === 'down') return answer(500, ids, '{"error":"down for maintenance"}');
				if (this.mode === 'slow') {
					this.pending++;
					return void setTimeout(() => {
						this.pending--;
						answer(500, ids);
					}, 6000);
				}
				const known = ids.filter((id) => this.stored.has(id));
				this.resent.push(...known);
				if (known.length > 0) return answer(409, ids);
				for (const s of statements) this.stored.set(s.id, s);
				answer(200, ids, JSON.stringify(ids));
			});
		});
	}
	async start() {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/xapi/`;
	}
	stop() {
		this.server.closeAllConnections();
		return new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
	of(pseudonym: string) {
		return [...this.stored.values()].filter((s) => s.actor.account.name === pseudonym);
	}
}

/** Polls until `check` returns a value that is not undefined, or fails with `what` after the deadline. */

const lrs = new FakeLrs();
let server: TestServer;
let a: ReturnType<typeof api>;

beforeAll(async () => {
	await lrs.start();
	server = await startTestServer({
		env: { PW_APP_URL: SITE, PW_LRS_ENDPOINT: lrs.url, PW_LRS_USERNAME: 'palliwijs', PW_LRS_PASSWORD: 'lrs-geheim', PW_TEST_CRON_TICK_SECONDS: '1', PW_BACKUP_CRON: 'off' },
	});
	a = api(server);
}, 60000);
afterAll(async () => {
	expect(lrs.invalid).toEqual([]);
	await server?.stop();
	await lrs.stop();
});

/** The statements queued for a learner (the queue is the server's: a superuser reads it). */
const queued = (user: string) => server.admin.collection('xapi_queue').getFullList({ filter: server.admin.filter('user = {:user}', { user }) });

describe('xAPI statements to a learning record store', () => {
	let pseudonym = '';

	it('reach the LRS for every kind of record, built by the server, with standard verbs and no name or e-mail', async () => {
		const learner = await server.learner('Şükrü Yılmaz-Łukasiewicz');
		await a.completeCourse(learner.pb, learner.id);
		expect((await a.claim(learner.pb)).status).toBe(201);
		// 2 lessons, 1 decision + 1 case, 3 questions + 1 test, 1 certificate: 9
		const rows = await queued(learner.id);
		expect(rows).toHaveLength(9);
		const ids = rows.map((r) => r.statementId as string);
		await waitFor('the learner’s 9 statements at the LRS', () => (ids.every((id) => lrs.stored.has(id)) ? true : undefined));
		const mine = ids.map((id) => lrs.stored.get(id)!);
		pseudonym = mine[0]!.actor.account.name;
		expect(pseudonym).toMatch(/^[0-9a-f]{32}$/);
		expect(pseudonym).not.toBe(learner.id);
		for (const s of mine) {
			expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: SITE, name: pseudonym } });
			expect(s.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
			expect(s.object.id.startsWith(`${SITE}/`)).toBe(true);
			expect(Object.keys(s.object.definition.name).sort()).toEqual(['en-US', 'nl-BE']);
		}
		const text = JSON.stringify(mine);
		expect(text).not.toContain(learner.email);
		expect(text).not.toContain('Yılmaz');
		expect(text).not.toContain(learner.id);

		const byVerb = (verb: string) => mine.filter((s) => s.verb.id === verb);
		expect(byVerb(VERB.completed).map((s) => s.object.id).sort()).toEqual([`${SITE}/casussen/demo-casus/`, `${SITE}/modules/demo-module/eerste-les/`, `${SITE}/modules/demo-module/tweede-les/`]);
		const lesson = byVerb(VERB.completed).find((s) => s.object.id.endsWith('/eerste-les/'))!;
		expect(lesson.context?.contextActivities?.parent?.[0]?.id).toBe(`${SITE}/modules/demo-module/`);
		expect(lesson.context?.contextActivities?.grouping?.[0]?.id).toBe(`${SITE}/cursussen/demo-cursus/`);
		expect(byVerb(VERB.answered)).toHaveLength(3);
		for (const s of byVerb(VERB.answered)) {
			expect(s.object.id).toMatch(new RegExp(`^${SITE}/modules/demo-module/toets/#[a-z]+$`));
			expect(s.result).toMatchObject({ success: true });
		}
		const [decision] = byVerb(VERB.responded);
		expect(decision!.object.id).toBe(`${SITE}/casussen/demo-casus/#keuze`);
		expect(decision!.result).toEqual({ response: 'a' });
		const [passed] = byVerb(VERB.passed);
		expect(passed!.result).toMatchObject({ success: true, completion: true, score: { scaled: 1, raw: 3, min: 0, max: 3 } });
		const [earned] = byVerb(VERB.earned);
		expect(earned!.object.id).toBe(`${SITE}/cursussen/demo-cursus/#certificaat`);
		const code = (await a.claim(learner.pb)).body.code as string;
		expect(text).not.toContain(code);

		// the LRS was asked as xAPI 1.0.3 with Basic auth
		const post = lrs.posts.find((p) => p.ids.includes(ids[0]!))!;
		expect(post.headers['x-experience-api-version']).toBe('1.0.3');
		expect(post.headers.authorization).toBe(`Basic ${Buffer.from('palliwijs:lrs-geheim').toString('base64')}`);
		// once sent, the queue keeps only the id
		await waitFor('the queue marked sent', async () => ((await queued(learner.id)).every((r) => r.sentAt && r.statement === null) ? true : undefined), 20);
		expect(lrs.invalid).toEqual([]);
	}, 180000);

	it('never from what a browser claims: refused writes make no statement', async () => {
		const learner = await server.learner();
		await expect(learner.pb.collection('assessment_attempts').create({ user: learner.id, assessment: 'demo-module', passed: true, score: 100, submittedAt: new Date().toISOString() })).rejects.toMatchObject({ status: 403 });
		await expect(learner.pb.collection('lesson_progress').create({ user: learner.id, lesson: 'scenario/demo-casus', completed: true })).rejects.toMatchObject({ status: 400 });
		await expect(learner.pb.collection('certificates').create({ user: learner.id, course: 'demo-cursus' })).rejects.toMatchObject({ status: 403 });
		// a lesson marked not done makes nothing; the queue itself is the server's only
		await learner.pb.collection('lesson_progress').create({ user: learner.id, lesson: 'demo-module/eerste-les', completed: false });
		expect(await queued(learner.id)).toHaveLength(0);
		await expect(learner.pb.collection('xapi_queue').getFullList()).rejects.toMatchObject({ status: 403 });
	});

	it('stay queued while the LRS is down and arrive once after it recovers', async () => {
		lrs.mode = 'down';
		const learner = await server.learner();
		await learner.pb.collection('lesson_progress').create({ user: learner.id, lesson: 'demo-module/tweede-les', completed: true });
		const [row] = await queued(learner.id);
		expect(row).toBeDefined();
		const id = row!.statementId as string;
		// refused twice: still queued, with the LRS's answer, later each time
		await waitFor('two refused deliveries', () => (lrs.posts.filter((p) => p.ids.includes(id) && p.status === 500).length >= 2 ? true : undefined), 100);
		const waiting = (await queued(learner.id))[0]!;
		expect(waiting.sentAt).toBe('');
		expect(waiting.attempts).toBeGreaterThanOrEqual(1);
		expect(waiting.lastError).toMatch(/HTTP 500/);
		expect(lrs.stored.has(id)).toBe(false);
		lrs.mode = 'up';
		await waitFor('the statement after the LRS recovered', () => (lrs.stored.has(id) ? true : undefined), 100);
		await waitFor('the queue marked sent', async () => ((await queued(learner.id))[0]!.sentAt ? true : undefined), 20);
		expect(lrs.resent).toEqual([]);
		// sent once: no statement was ever stored and then sent again, and every stored id came in one accepted POST
		const accepted = lrs.posts.filter((p) => p.status === 200).flatMap((p) => p.ids);
		expect(accepted.length).toBe(new Set(accepted).size);
		expect(accepted.length).toBe(lrs.stored.size);
	}, 240000);

	it('take a statement the LRS already has (its answer was lost) as sent, and still deliver the rest of its batch', async () => {
		lrs.mode = 'down';
		const learner = await server.learner();
		const run = await a.startRun(learner.pb);
		await a.finishRun(learner.pb, run.body.run, [{ node: 'keuze', option: 'b' }]);
		const rows = await queued(learner.id);
		expect(rows).toHaveLength(2);
		// the LRS stored the decision earlier, but the server never heard (a timeout): it holds that id now
		const decision = rows.find((r) => r.verb === VERB.responded)!;
		await waitFor('a refused delivery of the batch', () => (lrs.posts.some((p) => p.ids.includes(decision.statementId as string) && p.status === 500) ? true : undefined), 100);
		const original = lrs.posts.length;
		lrs.stored.set(decision.statementId as string, { id: decision.statementId } as Statement);
		lrs.mode = 'up';
		await waitFor('both statements sent', async () => ((await queued(learner.id)).every((r) => r.sentAt) ? true : undefined), 100);
		const after = lrs.posts.slice(original).filter((p) => p.ids.includes(decision.statementId as string));
		expect(after.map((p) => [p.status, p.ids.length])).toEqual([[409, 2], [409, 1]]); // the batch, then that one alone
		expect(lrs.stored.has(rows.find((r) => r.verb === VERB.completed)!.statementId as string)).toBe(true);
		lrs.resent.length = 0; // (this test's own resend, on purpose)
	}, 240000);

	it('never keep the learner waiting for the LRS', async () => {
		const learner = await server.learner();
		await learner.pb.collection('lesson_progress').create({ user: learner.id, lesson: 'demo-module/eerste-les', completed: true });
		lrs.mode = 'slow'; // answers after 6 s
		const other = await server.learner();
		await waitFor('a delivery the LRS holds', () => (lrs.pending > 0 ? true : undefined), 100);
		const started = Date.now();
		const record = await other.pb.collection('lesson_progress').create({ user: other.id, lesson: 'demo-module/eerste-les', completed: true });
		await other.pb.collection('lesson_progress').update(record.id, { completed: false });
		await other.pb.collection('lesson_progress').update(record.id, { completed: true });
		expect(Date.now() - started).toBeLessThan(3000);
		expect(await queued(other.id)).toHaveLength(2); // done, undone, done again: two completions
		lrs.mode = 'up';
		await waitFor('both learners’ statements', async () => ((await queued(other.id)).every((r) => lrs.stored.has(r.statementId as string)) && (await queued(learner.id)).every((r) => lrs.stored.has(r.statementId as string)) ? true : undefined), 150);
		expect(lrs.resent).toEqual([]);
	}, 240000);
});

describe('the learner’s own data in the queue', () => {
	it('goes when the account is deleted, and is in the learner’s export', async () => {
		lrs.mode = 'down';
		const learner = await server.learner();
		await learner.pb.collection('lesson_progress').create({ user: learner.id, lesson: 'demo-module/eerste-les', completed: true });
		expect(await queued(learner.id)).toHaveLength(1);
		const exported = await a.json(learner.pb, 'GET', '/api/palliwijs/me/export');
		expect(exported.body.learningRecordQueue).toHaveLength(1);
		await learner.pb.collection('users').delete(learner.id);
		expect(await queued(learner.id)).toHaveLength(0);
		lrs.mode = 'up';
	});
});

describe('a wrong LRS setting', () => {
	it('stops the start with a message naming the variable', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-pb-'));
		try {
			await expect(startTestServer({ dataDir, env: { PW_LRS_ENDPOINT: 'lrs.example.be/xapi' } })).rejects.toThrow(/PW_LRS_ENDPOINT must be the LRS's xAPI address/);
			await expect(startTestServer({ dataDir, env: { PW_LRS_PASSWORD: 'geheim' } })).rejects.toThrow(/PW_LRS_ENDPOINT is missing/);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	}, 60000);
});

describe('a trainer’s download of their cohort’s learning records', () => {
	async function trainer(name = 'Trainer') {
		const t = await server.learner(name);
		await server.admin.collection('users').update(t.id, { role: 'trainer' });
		await t.pb.collection('users').authRefresh();
		return t;
	}
	const download = (pb: { authStore: { token: string } } | null, cohort: string) =>
		fetch(`${server.url}/api/palliwijs/cohorts/${cohort}/xapi`, { headers: pb ? { Authorization: pb.authStore.token } : {} });
	const lines = async (res: Response) => {
		const text = await res.text();
		expect(text === '' || text.endsWith('\n')).toBe(true);
		const statements = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Statement);
		for (const s of statements) expect(xapiProblems(s)).toEqual([]);
		return statements;
	};
	const joinCode = async (t: { pb: { authStore: { token: string } } }, cohort: string) =>
		(await (await fetch(`${server.url}/api/palliwijs/cohorts/${cohort}/dashboard`, { headers: { Authorization: t.pb.authStore.token } })).json()).cohort.joinCode as string;
	/** A learner who joins the cohort, plays the case (option a or b) and takes the test (right or wrong). */
	async function member(code: string, good: boolean) {
		const l = await server.learner('Naam Van Een Leerling');
		expect((await a.json(l.pb, 'POST', '/api/palliwijs/cohorts/join', { code })).status).toBe(200);
		const run = await a.startRun(l.pb);
		await a.finishRun(l.pb, run.body.run, [{ node: 'keuze', option: good ? 'a' : 'b' }]);
		const attempt = await a.startAttempt(l.pb);
		await a.submit(l.pb, attempt.body.id, good ? a.rightAnswers(attempt.body) : a.wrongAnswers(attempt.body));
		return l;
	}
	/** The pseudonym the LRS knows a learner by (from a statement of theirs it received). */
	const pseudonymOf = async (user: string) => {
		const rows = await queued(user);
		const id = await waitFor('a statement of the learner at the LRS', () => rows.map((r) => r.statementId as string).find((x) => lrs.stored.get(x)?.actor));
		return lrs.stored.get(id)!.actor.account.name;
	};

	it('holds only the cohort’s members and assigned courses, per learner what they completed, answers only as the group from five learners, on one day per test', async () => {
		const t = await trainer();
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Xapi', owner: t.id });
		const code = await joinCode(t, cohort.id);
		// before an assignment: the members' records are not the trainer's to see
		const first = await server.learner('Naam Van Een Leerling');
		await a.json(first.pb, 'POST', '/api/palliwijs/cohorts/join', { code });
		await a.open(first.pb, 'demo-module/eerste-les');
		await first.pb.collection('lesson_progress').update((await first.pb.collection('lesson_progress').getFirstListItem('')).id, { completed: true });
		let res = await download(t.pb, cohort.id);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="palliwijs-xapi-groep-xapi.ndjson"');
		expect(await lines(res)).toEqual([]);

		await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' });
		await first.pb.collection('lesson_progress').update((await first.pb.collection('lesson_progress').getFirstListItem('')).id, { completed: false });
		await a.completeCourse(first.pb, first.id);
		expect((await a.claim(first.pb)).status).toBe(201);
		const others = [await member(code, false), await member(code, true), await member(code, false)];
		const outsider = await member(code, true);
		await t.pb.send(`/api/palliwijs/cohorts/${cohort.id}/members/${outsider.id}/remove`, { method: 'POST', body: { block: false } });
		const stranger = await server.learner();
		await a.completeCourse(stranger.pb, stranger.id);

		// four members: the decisions and answers are not shown yet (the dashboard's five)
		let statements = await lines(await download(t.pb, cohort.id));
		expect(statements.map((s) => s.verb.id)).not.toContain(VERB.answered);
		expect(statements.map((s) => s.verb.id)).not.toContain(VERB.responded);
		const firstName = await pseudonymOf(first.id);
		const firstStatements = statements.filter((s) => s.actor.account.name === firstName);
		expect(firstStatements.map((s) => s.verb.id).sort()).toEqual([VERB.completed, VERB.completed, VERB.completed, VERB.passed, VERB.earned].sort());
		// the same record gives the same statement as the one sent to the LRS
		await waitFor('the same statements at the LRS', () => (firstStatements.every((s) => lrs.stored.has(s.id)) ? true : undefined));
		// (the times may differ: the test moved the learner's times back after they were sent, see letMinutesPass)
		for (const s of firstStatements) expect(lrs.stored.get(s.id)).toEqual({ ...s, timestamp: expect.any(String) });
		const actors = new Set(statements.map((s) => s.actor.account.name));
		for (const l of [first, ...others]) expect(actors.has(await pseudonymOf(l.id))).toBe(true);
		expect(actors.has(await pseudonymOf(outsider.id))).toBe(false);
		expect(actors.has(await pseudonymOf(stranger.id))).toBe(false);
		// no failed attempt per learner (the dashboard counts passed tests only), no name, no e-mail
		expect(statements.filter((s) => s.verb.id === VERB.passed)).toHaveLength(2);
		const text = JSON.stringify(statements);
		for (const l of [first, ...others]) expect(text).not.toContain(l.email);
		expect(text).not.toContain('Naam Van Een Leerling');

		// the fifth member: answers and decisions appear, as the cohort's (a Group, the day only)
		await member(code, true);
		// One member made the test and the case days earlier, alone that day. The group's answers carry no day of
		// their own (they would point to that member's pseudonymous "passed" of the same day): every answer and
		// decision of the group bears the day of the group's latest attempt or run.
		const early = '2026-12-01 10:00:00.000Z';
		const loner = (await server.admin.collection('assessment_attempts').getFirstListItem(server.admin.filter('user = {:u}', { u: others[1]!.id }))).id;
		await server.admin.collection('assessment_attempts').update(loner, { startedAt: '2026-12-01 09:50:00.000Z', submittedAt: early });
		const lonerRun = (await server.admin.collection('scenario_runs').getFirstListItem(server.admin.filter('user = {:u}', { u: others[1]!.id }))).id;
		await server.admin.collection('scenario_runs').update(lonerRun, { startedAt: '2026-12-01 09:30:00.000Z', finishedAt: early });
		statements = await lines(await download(t.pb, cohort.id));
		const lonerDay = statements.filter((s) => s.timestamp.startsWith('2026-12-01'));
		expect(lonerDay.map((s) => s.verb.id).sort()).toEqual([VERB.completed, VERB.passed].sort());
		expect(lonerDay.every((s) => s.actor.objectType === 'Agent')).toBe(true);
		const answers = statements.filter((s) => s.verb.id === VERB.answered);
		const decisions = statements.filter((s) => s.verb.id === VERB.responded);
		expect(answers.length).toBeGreaterThanOrEqual(5 * 3);
		expect(decisions).toHaveLength(5);
		for (const s of [...answers, ...decisions]) {
			expect(s.actor.objectType).toBe('Group');
			expect(s.timestamp).toMatch(/T00:00:00\.000Z$/);
			expect(actors.has(s.actor.account.name)).toBe(false);
			expect(lrs.stored.has(s.id)).toBe(false);
		}
		expect(new Set(answers.map((s) => s.actor.account.name)).size).toBe(1);
		expect(new Set(answers.map((s) => s.timestamp)).size).toBe(1);
		expect(new Set(decisions.map((s) => s.timestamp)).size).toBe(1);
		expect(answers[0]!.timestamp).not.toMatch(/^2026-12-01/);
		expect(decisions.map((s) => s.result?.response).sort()).toEqual(['a', 'a', 'a', 'b', 'b']);
		expect(statements.filter((s) => s.actor.objectType === 'Agent').every((s) => s.verb.id !== VERB.answered && s.verb.id !== VERB.responded)).toBe(true);
		const times = statements.map((s) => s.timestamp);
		expect([...times].sort()).toEqual(times);
	}, 180000);

	it('is the owner’s only: another trainer and a learner get 404, no session 401', async () => {
		const t = await trainer();
		const cohort = await t.pb.collection('cohorts').create({ name: 'Eigen groep', owner: t.id });
		const learner = await server.learner();
		await a.json(learner.pb, 'POST', '/api/palliwijs/cohorts/join', { code: await joinCode(t, cohort.id) });
		expect((await download((await trainer('Andere trainer')).pb, cohort.id)).status).toBe(404);
		expect((await download(learner.pb, cohort.id)).status).toBe(404);
		expect((await download(null, cohort.id)).status).toBe(401);
		expect((await download(t.pb, 'bestaatniet12345')).status).toBe(404);
		// a trainer who lost the role loses the download
		await server.admin.collection('users').update(t.id, { role: 'learner' });
		expect((await download(t.pb, cohort.id)).status).toBe(404);
	});
});
