// Cohorts against a real PocketBase: trainers see only their own cohorts, learners only themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api, type AttemptView } from '../helpers/learning';
import { letMinutesPass } from '../helpers/time';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

async function trainer(name = 'Trainer') {
	const t = await server.learner(name);
	await server.admin.collection('users').update(t.id, { role: 'trainer' });
	await t.pb.collection('users').authRefresh();
	return t;
}
const post = (pb: { authStore: { token: string } }, path: string, body: unknown) =>
	fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: pb.authStore.token }, body: JSON.stringify(body) });
const get = (pb: { authStore: { token: string } }, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: pb.authStore.token } });
/** A new cohort of a trainer with its join code (which only the owner's dashboard shows). */
async function newCohort(t: { pb: import('pocketbase').default; id: string }, name: string) {
	const cohort = await t.pb.collection('cohorts').create({ name, owner: t.id });
	const { joinCode, codeOpen } = (await (await get(t.pb, `/api/palliwijs/cohorts/${cohort.id}/dashboard`)).json()).cohort;
	return { ...cohort, id: cohort.id, joinCode: joinCode as string, codeOpen: codeOpen as boolean };
}

describe('cohorts', () => {
	it('are created only by trainers, with a server-made join code', async () => {
		const learner = await server.learner();
		await expect(learner.pb.collection('cohorts').create({ name: 'Stiekem', owner: learner.id })).rejects.toMatchObject({ status: 400 });
		const t = await trainer();
		const created = await t.pb.collection('cohorts').create({ name: 'Groep A', owner: t.id, joinCode: 'AAAAAAAA', codeOpen: false });
		const cohort = (await (await get(t.pb, `/api/palliwijs/cohorts/${created.id}/dashboard`)).json()).cohort;
		expect(cohort.joinCode).toMatch(/^[A-Z2-9]{8}$/);
		expect(cohort.joinCode).not.toBe('AAAAAAAA');
		expect(cohort.codeOpen).toBe(true);
		await expect(t.pb.collection('cohorts').create({ name: 'Voor een ander', owner: learner.id })).rejects.toMatchObject({ status: 400 });
	});

	it('stay invisible to other trainers and learners', async () => {
		const a = await trainer('Trainer A');
		const b = await trainer('Trainer B');
		const cohort = await a.pb.collection('cohorts').create({ name: 'Groep van A', owner: a.id });
		await expect(b.pb.collection('cohorts').getOne(cohort.id)).rejects.toMatchObject({ status: 404 });
		expect((await b.pb.collection('cohorts').getFullList()).length).toBe(0);
		expect((await get(b.pb, `/api/palliwijs/cohorts/${cohort.id}/dashboard`)).status).toBe(404);
		await expect(b.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' })).rejects.toMatchObject({ status: 400 });
		expect((await post(b.pb, `/api/palliwijs/cohorts/${cohort.id}/code`, { renew: true })).status).toBe(404);
		const learner = await server.learner();
		expect((await get(learner.pb, `/api/palliwijs/cohorts/${cohort.id}/dashboard`)).status).toBe(404);
	});

	it('let learners join with a code (twice is harmless) and refuse wrong or closed codes', async () => {
		const t = await trainer();
		const cohort = await newCohort(t, 'Groep B');
		await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus', due: '2026-12-31 00:00:00.000Z' });
		const learner = await server.learner();
		for (let i = 0; i < 2; i++) expect((await post(learner.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode.toLowerCase() })).status).toBe(200);
		expect((await server.admin.collection('cohort_members').getFullList({ filter: `cohort = "${cohort.id}"` })).length).toBe(1);
		// the learner sees the cohort and its assignments, and only their own membership
		expect((await learner.pb.collection('cohorts').getOne(cohort.id)).name).toBe('Groep B');
		expect((await learner.pb.collection('assignments').getFullList()).map((a) => a.course)).toEqual(['demo-cursus']);
		const other = await server.learner();
		await post(other.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode });
		expect((await learner.pb.collection('cohort_members').getFullList()).length).toBe(1);
		await expect(learner.pb.collection('cohort_members').create({ cohort: cohort.id, user: learner.id })).rejects.toMatchObject({ status: 403 });

		const wrong = await post(learner.pb, '/api/palliwijs/cohorts/join', { code: 'ZZZZZZZZ' });
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).message).toMatch(/unknown or closed/);
		expect((await post(t.pb, `/api/palliwijs/cohorts/${cohort.id}/code`, { open: false })).status).toBe(200);
		const newcomer = await server.learner();
		expect((await post(newcomer.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode })).status).toBe(400);
		const renewed = await (await post(t.pb, `/api/palliwijs/cohorts/${cohort.id}/code`, { open: true, renew: true })).json();
		expect(renewed.joinCode).not.toBe(cohort.joinCode);
		expect((await post(newcomer.pb, '/api/palliwijs/cohorts/join', { code: renewed.joinCode })).status).toBe(200);
	});

	it('give the trainer a dashboard computed on the server', async () => {
		const t = await trainer();
		const cohort = await newCohort(t, 'Groep C');
		await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' });
		const l = await server.learner('Lies Dashboard');
		await post(l.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode });
		const A = api(server);
		// a case played for 6 minutes (counts), finished twice (stored once); another run left unfinished
		const run = (await A.startRun(l.pb)).body;
		await A.startRun(l.pb);
		await letMinutesPass(server.admin, l.id, 6);
		await A.finishRun(l.pb, run.run, [{ node: 'keuze', option: 'a' }]);
		await A.finishRun(l.pb, run.run, [{ node: 'keuze', option: 'a' }]);
		// then the first lesson read for 6 minutes (counts); the second marked done without opening (does not)
		await A.open(l.pb, 'demo-module/eerste-les');
		await letMinutesPass(server.admin, l.id, 6);
		const [first] = await l.pb.collection('lesson_progress').getFullList({ filter: 'lesson = "demo-module/eerste-les"' });
		await l.pb.collection('lesson_progress').update(first!.id, { completed: true });
		await l.pb.collection('lesson_progress').create({ user: l.id, lesson: 'demo-module/tweede-les', completed: true });
		// a failed attempt, scored with the key of that moment: the first item right, the others wrong
		const attempt = (await A.startAttempt(l.pb)).body as AttemptView;
		const right = A.rightAnswers(attempt);
		const wrong = A.wrongAnswers(attempt);
		const [one, two, three] = attempt.items.map((i) => i.id) as [string, string, string];
		await A.submit(l.pb, attempt.id, { [one]: right[one], [two]: wrong[two], [three]: wrong[three] });
		// an open attempt does not count in the item statistics
		const other = await server.learner('Ander lid');
		await post(other.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode });
		await A.startAttempt(other.pb);
		await l.pb.collection('self_checks').create({ user: l.id, kind: 'before', answers: { 'praktisch-1': 2 }, scores: { praktisch: 2 } });
		const outsider = await server.learner('Niet in de groep');
		await outsider.pb.collection('lesson_progress').create({ user: outsider.id, lesson: 'demo-module/eerste-les', completed: true });

		const data = await (await get(t.pb, `/api/palliwijs/cohorts/${cohort.id}/dashboard`)).json();
		expect(data.learners).toHaveLength(2);
		const lies = data.learners.find((x: { name: string }) => x.name === 'Lies Dashboard');
		expect(lies).toMatchObject({ courses: { 'demo-cursus': { steps: 2, tests: 0, percent: 50, certificate: false } } });
		// Per module (the trainer's grid): two of three steps and the test count, so the module is started.
		expect(lies.courses['demo-cursus'].modules).toEqual({ 'demo-module': { done: 2, total: 4, status: 'started' } });
		expect(data.learners.find((x: { name: string }) => x.name === 'Ander lid').courses['demo-cursus'].modules).toEqual({ 'demo-module': { done: 0, total: 4, status: 'notStarted' } });
		expect(lies.lastActivity).not.toBe('');
		expect(data.lessons).toEqual({ 'demo-module/eerste-les': 1, 'demo-module/tweede-les': 1, 'scenario/demo-casus': 1 });
		// Counted once (one submitted attempt, one finished run), but group figures only from five learners up
		// (hardening-dashboard.test.ts shows them, with the question texts, for five).
		expect(data.items['demo-module']).toEqual({ learners: 1, items: null });
		expect(data.choices).toEqual({ 'demo-casus': { learners: 1, decisions: null } });
		expect(data.selfCheck).toEqual({ before: { count: 1, averages: null } });
		expect(JSON.stringify(data)).not.toContain(l.email);
		expect(lies.email).toBe('');
	});

	it('show a learner\'s e-mail address to the trainer only when the learner chose to share it, and only for that group', async () => {
		const t = await trainer();
		const cohort = await newCohort(t, 'Groep E');
		const otherCohort = await newCohort(t, 'Groep F');
		const l = await server.learner('Mira Deelt');
		const emailOf = async (id: string) => (await (await get(t.pb, `/api/palliwijs/cohorts/${id}/dashboard`)).json()).learners.find((x: { name: string }) => x.name === 'Mira Deelt').email;
		// Joining without a choice shares nothing.
		const joined = await post(l.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode });
		expect((await joined.json()).shareEmail).toBe(false);
		expect(await emailOf(cohort.id)).toBe('');
		// Joining again with the box ticked shares it with this group's trainer; a non-boolean is ignored.
		expect((await (await post(l.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode, shareEmail: true })).json()).shareEmail).toBe(true);
		expect(await emailOf(cohort.id)).toBe(l.email);
		expect((await (await post(l.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode, shareEmail: 'nee' })).json()).shareEmail).toBe(true);
		// Another group of the same trainer does not see it without its own yes.
		await post(l.pb, '/api/palliwijs/cohorts/join', { code: otherCohort.joinCode });
		expect(await emailOf(otherCohort.id)).toBe('');
		// Taking it back works the same way; a learner cannot set it through the records API.
		await post(l.pb, '/api/palliwijs/cohorts/join', { code: cohort.joinCode, shareEmail: false });
		expect(await emailOf(cohort.id)).toBe('');
		const [membership] = await l.pb.collection('cohort_members').getFullList({ filter: `cohort = "${cohort.id}"` });
		await expect(l.pb.collection('cohort_members').update(membership!.id, { shareEmail: true })).rejects.toMatchObject({ status: 403 });
		expect(await emailOf(cohort.id)).toBe('');
	});
});
