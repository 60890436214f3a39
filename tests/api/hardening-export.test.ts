// Issue 18, point 9: the data export holds every collection with a person's data (checked against the
// server's own list of collections), memberships included; assignments only name existing courses.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api, type AttemptView } from '../helpers/learning';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

type Client = { authStore: { token: string } };
const call = (pb: Client | null, method: string, path: string, body?: unknown) => api(server).send(pb as PocketBase | null, method, path, body);

async function trainer(name: string) {
	const t = await server.learner(name);
	await server.admin.collection('users').update(t.id, { role: 'trainer' });
	await t.pb.collection('users').authRefresh();
	return t;
}

interface Field {
	name: string;
	type: string;
	collectionId?: string;
}

describe('the data export', () => {
	it('holds every collection that points to a person, with exactly their records', async () => {
		// A learner who did a bit of everything, and a trainer with a cohort the learner joined and left blocked.
		const t = await trainer('Trainer Export');
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Export', owner: t.id });
		await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus', due: '2027-01-31 23:59:59.000Z' });
		const second = await t.pb.collection('cohorts').create({ name: 'Groep Twee', owner: t.id });
		const code = async (id: string) => (await (await call(t.pb, 'GET', `/api/palliwijs/cohorts/${id}/dashboard`)).json()).cohort.joinCode;
		const l = await server.learner('Export Leerling');
		expect((await call(l.pb, 'POST', '/api/palliwijs/cohorts/join', { code: await code(cohort.id) })).status).toBe(200);
		expect((await call(l.pb, 'POST', '/api/palliwijs/cohorts/join', { code: await code(second.id) })).status).toBe(200);
		expect((await call(t.pb, 'POST', `/api/palliwijs/cohorts/${second.id}/members/${l.id}/remove`, { block: true })).status).toBe(200);
		await l.pb.collection('lesson_progress').create({ user: l.id, lesson: 'demo-module/eerste-les', completed: true });
		const A = api(server);
		const attempt = (await A.startAttempt(l.pb)).body as AttemptView;
		expect((await A.submit(l.pb, attempt.id, A.rightAnswers(attempt))).status).toBe(200);
		const run = await A.startRun(l.pb);
		expect((await A.finishRun(l.pb, run.body.run, [{ node: 'keuze', option: 'b' }])).status).toBe(200);
		await l.pb.collection('self_checks').create({ user: l.id, kind: 'before', answers: { 'feiten-1': 4 } });
		const other = await server.learner('Iemand Anders');
		await other.pb.collection('lesson_progress').create({ user: other.id, lesson: 'demo-module/eerste-les', completed: true });

		const collections = (await server.admin.collections.getFullList()) as { id: string; name: string; type: string; fields: Field[] }[];
		const users = collections.find((c) => c.name === 'users')!;
		// Every collection with a relation to users, and PocketBase's own per-login collections (recordRef).
		const personal = collections.flatMap((c) => {
			const refs = c.fields.filter((f) => (f.type === 'relation' && f.collectionId === users.id) || f.name === 'recordRef').map((f) => f.name);
			return refs.map((field) => ({ collection: c.name, field }));
		});
		expect(personal.map((p) => p.collection)).toEqual(expect.arrayContaining(['lesson_progress', 'assessment_attempts', 'scenario_runs', 'self_checks', 'certificates', 'cohort_members', 'cohort_blocks', 'cohorts', '_authOrigins']));

		for (const person of [l, t]) {
			const res = await call(person.pb, 'GET', '/api/palliwijs/me/export');
			expect(res.status).toBe(200);
			expect(res.headers.get('content-disposition')).toMatch(/attachment/);
			const data = await res.json();
			expect(data.account).toMatchObject({ email: person.email });
			for (const { collection, field } of personal) {
				const key = data.sources[collection];
				expect(key, `${collection} is missing from the export`).toBeTruthy();
				const filter = field === 'recordRef' ? `recordRef = "${person.id}" && collectionRef = "${users.id}"` : `${field} = "${person.id}"`;
				const stored = await server.admin.collection(collection).getFullList({ filter });
				expect(data[key], `${collection} → ${key}`).toHaveLength(stored.length);
			}
			expect(JSON.stringify(data)).not.toContain(other.email);
		}
		const data = await (await call(l.pb, 'GET', '/api/palliwijs/me/export')).json();
		expect(data.cohortMemberships).toEqual([expect.objectContaining({ cohort: 'Groep Export' })]);
		expect(data.cohortBlocks).toEqual([expect.objectContaining({ cohort: 'Groep Twee' })]);
		expect(data.selfChecks).toHaveLength(1);
		// The time-on-task and attempt records come with what the server stored about them.
		expect(data.assessmentAttempts[0]).toMatchObject({ assessment: 'demo-module', passed: true });
		expect(data.assessmentAttempts[0].startedAt).not.toBe('');
		expect(data.assessmentAttempts[0].submittedAt).not.toBe('');
		expect(data.assessmentAttempts[0].results).toHaveLength(3);
		expect(data.scenarioRuns[0]).toMatchObject({ scenario: 'demo-casus', choices: [{ node: 'keuze', option: 'b' }] });
		expect(data.scenarioRuns[0].finishedAt).not.toBe('');
		expect(data.lessonProgress.length).toBeGreaterThanOrEqual(1);
		expect(data.loginDevices.length).toBeGreaterThanOrEqual(1);
		const trainerData = await (await call(t.pb, 'GET', '/api/palliwijs/me/export')).json();
		expect(trainerData.ownedCohorts.map((c: { name: string }) => c.name).sort()).toEqual(['Groep Export', 'Groep Twee']);
		expect(trainerData.ownedCohorts.find((c: { name: string }) => c.name === 'Groep Export').assignments).toEqual([{ course: 'demo-cursus', due: '2027-01-31 23:59:59.000Z' }]);
		expect((await call(null, 'GET', '/api/palliwijs/me/export')).status).toBe(401);
	});
});

describe('assignments', () => {
	it('accept only courses of the catalogue, naming the field', async () => {
		const t = await trainer('Trainer Toewijzing');
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Toewijzing', owner: t.id });
		for (const course of ['bestaat-niet', 'constructor', '__proto__', '<script>', '']) {
			const err = await t.pb.collection('assignments').create({ cohort: cohort.id, course }).catch((e) => e);
			expect(err.status, course).toBe(400);
			expect(Object.keys(err.response.data), course).toEqual(['course']);
		}
		const ok = await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' });
		const changed = await t.pb.collection('assignments').update(ok.id, { course: 'verzonnen' }).catch((e) => e);
		expect(changed.status).toBe(400);
	});
});
