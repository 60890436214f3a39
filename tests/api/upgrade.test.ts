// Upgrades without loss (issue 21): a data directory made by the previous release's migrations (commit
// 9c2afb6, 2026-11-23, kept as a fixture in tests/fixtures/release-2026-11-23/pb_migrations so the test needs
// no git history), filled with accounts, progress, attempts, case runs, a self-check, a cohort with a join code
// and a certificate in that release's shapes. Then the current server starts on it (the current migrations
// run) and everything must be intact and usable.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary } from '../../scripts/lib/pocketbase.mjs';
import { api } from '../helpers/learning';
import { startTestServer, type TestServer } from '../helpers/server';

const run = promisify(execFile);
const oldMigrations = path.resolve(import.meta.dirname, '../fixtures/release-2026-11-23/pb_migrations');
const work = mkdtempSync(path.join(tmpdir(), 'palliwijs-upgrade-'));
const dataDir = path.join(work, 'pb_data');
const password = 'een-goed-wachtwoord';

// The previous release's data, in its shapes (no openedAt, startedAt, items, seed…; join codes on cohorts;
// mixed-case e-mail addresses were still possible). Ids are fixed so the test can find each record.
const old = {
	users: [
		{ id: 'annapeeters0001', email: 'Anna.Peeters@School.be', name: 'Anna Peeters', role: 'learner', locale: 'nl' },
		{ id: 'bramjanssens001', email: 'bram.janssens@school.be', name: 'Bram Janssens', role: 'learner', locale: 'en' },
		{ id: 'trainertom00001', email: 'tom.trainer@school.be', name: 'Tom Lesgever', role: 'trainer', locale: 'nl' },
	],
	lesson_progress: [
		{ id: 'progressanna001', user: 'annapeeters0001', lesson: 'demo-module/eerste-les', completed: true, completedAt: '2026-11-20 09:10:00.000Z' },
		{ id: 'progressanna002', user: 'annapeeters0001', lesson: 'demo-module/tweede-les', completed: true, completedAt: '2026-11-20 09:20:00.000Z' },
		{ id: 'progressanna003', user: 'annapeeters0001', lesson: 'scenario/demo-casus', completed: true, completedAt: '2026-11-20 09:35:00.000Z' },
		{ id: 'progressbram001', user: 'bramjanssens001', lesson: 'demo-module/eerste-les', completed: false, completedAt: '' },
	],
	assessment_attempts: [
		{ id: 'attemptanna0001', user: 'annapeeters0001', assessment: 'demo-module', answers: { 'item-1': ['a'], 'item-2': ['b'], 'item-3': ['c'] }, correct: 3, total: 3, score: 100, passed: true },
		{ id: 'attemptbram0001', user: 'bramjanssens001', assessment: 'demo-module', answers: { 'item-1': ['b'], 'item-2': ['a'], 'item-3': ['a'] }, correct: 1, total: 3, score: 33.3, passed: false },
	],
	scenario_runs: [{ id: 'runanna00000001', user: 'annapeeters0001', scenario: 'demo-casus', choices: [{ node: 'keuze', option: 'a' }], ending: 'goed', outcome: 'good' }],
	certificates: [
		{
			id: 'certanna0000001',
			user: 'annapeeters0001',
			course: 'demo-cursus',
			courseTitle: 'Democursus',
			holderName: 'Anna Peeters',
			studyHours: 1.5,
			competences: ['eapc-1'],
			issued: '2026-11-20 09:40:00.000Z',
			code: 'abcdefghijklmnopqrstuvwxy2',
		},
	],
	self_checks: [{ id: 'selfcheckanna01', user: 'annapeeters0001', kind: 'before', answers: { q1: 3, q2: 4 }, scores: { practical: 3.5 } }],
	cohorts: [{ id: 'cohortklas3b001', name: 'Klas 3B', owner: 'trainertom00001', joinCode: 'KLAS3BZZ', codeOpen: true }],
	cohort_members: [{ id: 'memberanna00001', cohort: 'cohortklas3b001', user: 'annapeeters0001' }],
	assignments: [{ id: 'assignment00001', cohort: 'cohortklas3b001', course: 'demo-cursus', due: '2026-12-20 00:00:00.000Z' }],
};

/** A migration (run after the old ones, by the old release's binary) that writes the data above. */
const fillMigration = `migrate((app) => {
	const data = ${JSON.stringify({ ...old, password })};
	for (const name of ["users", "lesson_progress", "assessment_attempts", "scenario_runs", "certificates", "self_checks", "cohorts", "cohort_members", "assignments"]) {
		const collection = app.findCollectionByNameOrId(name);
		for (const fields of data[name]) {
			const record = new Record(collection);
			for (const key of Object.keys(fields)) record.set(key, fields[key]);
			if (name === "users") { record.setPassword(data.password); record.setVerified(true); }
			app.save(record);
		}
	}
}, () => {});
`;

let server: TestServer;

beforeAll(async () => {
	const migrations = path.join(work, 'pb_migrations');
	const hooks = path.join(work, 'pb_hooks');
	cpSync(oldMigrations, migrations, { recursive: true });
	writeFileSync(path.join(migrations, '1795400400_old_release_data.js'), fillMigration);
	mkdirSync(hooks);
	await run(binary, ['migrate', 'up', '--dir', dataDir, '--migrationsDir', migrations, '--hooksDir', hooks, '--dev=false']);
	server = await startTestServer({ dataDir });
}, 60000);

afterAll(async () => {
	await server?.stop();
	rmSync(work, { recursive: true, force: true });
});

describe('upgrading a data directory of the previous release', () => {
	it('keeps every record with the values it had', async () => {
		for (const [collection, records] of Object.entries(old)) {
			const now = await server.admin.collection(collection).getFullList({ sort: 'id' });
			expect(now.map((r) => r.id), collection).toEqual(records.map((r) => r.id).sort());
			for (const before of records as Record<string, unknown>[]) {
				const after = now.find((r) => r.id === before.id)!;
				const { joinCode, codeOpen, email, ...kept } = before;
				expect(after, `${collection} ${before.id}`).toMatchObject(kept);
				if (email) expect(after.email).toBe(String(email).toLowerCase());
			}
		}
	});

	it('learners log in with their old password, also in the old spelling of the address', async () => {
		for (const email of ['Anna.Peeters@School.be', 'anna.peeters@school.be', 'bram.janssens@school.be']) {
			const pb = server.client();
			await pb.collection('users').authWithPassword(email, password);
			expect(pb.authStore.record?.email).toBe(email.toLowerCase());
		}
	});

	it('the old certificate verifies and its holder still has it', async () => {
		const l = api(server);
		const verified = await l.json(null, 'GET', '/api/palliwijs/verify/abcdefghijklmnopqrstuvwxy2');
		expect(verified.status).toBe(200);
		// Issued before certificates kept an English title: none, so the English page shows the Dutch one.
		expect(verified.body).toEqual({ valid: true, holderName: 'Anna Peeters', courseTitle: 'Democursus', courseTitleEn: '', studyHours: 1.5, issued: '2026-11-20 09:40:00.000Z' });
		const anna = server.client();
		await anna.collection('users').authWithPassword('anna.peeters@school.be', password);
		const claim = await l.claim(anna);
		expect(claim.body.code).toBe('abcdefghijklmnopqrstuvwxy2');
	});

	it('an old passed attempt still counts as passed, an old failed one as failed', async () => {
		const l = api(server);
		const anna = server.client();
		await anna.collection('users').authWithPassword('anna.peeters@school.be', password);
		const annaStatus = await l.json(anna, 'GET', '/api/palliwijs/assessments/demo-module');
		expect(annaStatus.status).toBe(200);
		expect(annaStatus.body).toMatchObject({ passed: true, attemptsUsed: 1, bestScore: 100, open: null });
		const annaProgress = (await l.json(anna, 'GET', '/api/palliwijs/courses/demo-cursus/progress')).body;
		expect(annaProgress.missingAssessments).toEqual([]);
		// Lessons read before opening times were recorded count towards a new certificate once opened again.
		expect(annaProgress.notCounted).toEqual(
			expect.arrayContaining([expect.objectContaining({ step: 'demo-module/eerste-les', reason: 'not-opened' }), expect.objectContaining({ step: 'demo-module/tweede-les', reason: 'not-opened' })]),
		);

		const bram = server.client();
		await bram.collection('users').authWithPassword('bram.janssens@school.be', password);
		expect((await l.json(bram, 'GET', '/api/palliwijs/assessments/demo-module')).body).toMatchObject({ passed: false, attemptsUsed: 1, attemptsLeft: 2 });
		expect((await l.json(bram, 'GET', '/api/palliwijs/courses/demo-cursus/progress')).body.missingAssessments).toEqual(['demo-module']);
		// The learner goes on where they were: a new attempt is drawn and can be passed.
		const attempt = await l.startAttempt(bram);
		expect(attempt.status).toBe(201);
		expect((await l.submit(bram, attempt.body.id, l.rightAnswers(attempt.body))).body.passed).toBe(true);
	});

	it('progress goes on: a lesson started in the old release is opened and marked done', async () => {
		const l = api(server);
		const bram = server.client();
		await bram.collection('users').authWithPassword('bram.janssens@school.be', password);
		expect((await l.open(bram, 'demo-module/eerste-les')).status).toBe(204);
		const updated = await bram.collection('lesson_progress').update('progressbram001', { completed: true });
		expect(updated).toMatchObject({ completed: true, lesson: 'demo-module/eerste-les' });
		expect(updated.openedAt).not.toBe('');
		expect(updated.completedAt).not.toBe('');
	});

	it("the cohort's old join code moved to the server-only codes and still lets a learner join; the trainer's dashboard works", async () => {
		const l = api(server);
		const newcomer = await server.learner('Nieuwe Leerling');
		const joined = await l.json(newcomer.pb, 'POST', '/api/palliwijs/cohorts/join', { code: 'klas3bzz' });
		expect(joined.status).toBe(200);
		expect(joined.body.cohort).toEqual({ id: 'cohortklas3b001', name: 'Klas 3B' });
		const tom = server.client();
		await tom.collection('users').authWithPassword('tom.trainer@school.be', password);
		const dashboard = await l.json(tom, 'GET', '/api/palliwijs/cohorts/cohortklas3b001/dashboard');
		expect(dashboard.status).toBe(200);
		expect(JSON.stringify(dashboard.body)).toContain('Anna Peeters');
	});
});
