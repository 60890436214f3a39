// Backups and a restore drill (issue 21): learners with progress (time on task), attempts, case runs and
// certificates; `npm run backup` while the server runs; the data directory wiped; `npm run restore -- <file>`;
// every record back and every certificate still verifies. Scheduled backups take their settings from the
// environment on every start.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { readZip } from '../../scripts/lib/zip.mjs';
import { api } from '../helpers/learning';
import { startTestServer, type TestServer } from '../helpers/server';
import { letMinutesPass } from '../helpers/time';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-backup-'));
const offMachine = mkdtempSync(path.join(tmpdir(), 'palliwijs-offsite-'));
let server: TestServer | undefined;

afterAll(async () => {
	await server?.stop();
	for (const dir of [dataDir, offMachine]) rmSync(dir, { recursive: true, force: true });
	for (const name of readdirSync(path.dirname(dataDir))) {
		if (name.startsWith(`${path.basename(dataDir)}-`)) rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true });
	}
});

/** Runs one of the project's npm scripts the way `npm run` would, on the test's data directory. */
async function script(file: string, args: string[] = []) {
	try {
		const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'scripts', file), ...args], {
			cwd: projectRoot,
			env: { ...process.env, PW_DATA_DIR: dataDir },
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

/** Every record of every collection the project made (not PocketBase's own), by collection, sorted by id. */
async function everything(s: TestServer) {
	const collections = (await s.admin.collections.getFullList()).filter((c) => !c.system && !c.name.startsWith('_'));
	const records: Record<string, unknown[]> = {};
	for (const c of collections) records[c.name] = await s.admin.collection(c.name).getFullList({ sort: 'id' });
	return records;
}

describe('backup and restore', () => {
	const learners: { email: string; password: string; id: string }[] = [];
	const codes: { code: string; holder: string }[] = [];
	const badges: Record<string, unknown>[] = [];
	let before: Record<string, unknown[]> = {};
	let backupFile = '';

	it('refuses to start with a backup setting it cannot mean, and names it', async () => {
		await expect(startTestServer({ dataDir, env: { PW_BACKUP_KEEP: 'zeven' } })).rejects.toThrow(/PW_BACKUP_KEEP must be a whole number/);
	});

	it('applies the backup schedule and how many to keep from the environment on start', async () => {
		server = await startTestServer({ dataDir, env: { PW_BACKUP_CRON: '30 2 * * 1-5', PW_BACKUP_KEEP: '4' } });
		const settings = await server.admin.settings.getAll();
		expect(settings.backups).toMatchObject({ cron: '30 2 * * 1-5', cronMaxKeep: 4 });
	});

	it('backs up learners, progress with time on task, attempts, runs and certificates while the server runs', async () => {
		const s = server!;
		const l = api(s);
		for (const name of ['Anna Peeters', 'Bram Janssens']) {
			const learner = await s.learner(name);
			await l.completeCourse(learner.pb, learner.id);
			const claim = await l.claim(learner.pb);
			expect(claim.status).toBe(201);
			codes.push({ code: claim.body.code, holder: name });
			learners.push(learner);
			// Its Open Badge, signed with the key in the data directory (issue 23).
			const badge = await l.json(learner.pb, 'GET', `/api/palliwijs/certificates/${claim.body.id}/open-badge`);
			expect(badge.status).toBe(200);
			badges.push(badge.body);
		}
		// A learner half-way: one lesson read for long enough, a failed attempt, a case run not finished.
		const half = await s.learner('Chloé Maes');
		await l.open(half.pb, 'demo-module/eerste-les');
		await letMinutesPass(s.admin, half.id, 7);
		const [progress] = await half.pb.collection('lesson_progress').getFullList();
		await half.pb.collection('lesson_progress').update(progress!.id, { completed: true });
		const attempt = await l.startAttempt(half.pb);
		expect((await l.submit(half.pb, attempt.body.id, l.wrongAnswers(attempt.body))).body.passed).toBe(false);
		await l.startRun(half.pb);
		learners.push(half);

		before = await everything(s);
		expect(before.users).toHaveLength(3);
		expect(before.certificates).toHaveLength(2);
		expect(before.lesson_progress!.length).toBeGreaterThanOrEqual(5);
		expect(before.assessment_attempts).toHaveLength(3);
		expect(before.scenario_runs).toHaveLength(3);
		const lessons = (before.lesson_progress as { lesson: string; openedAt: string }[]).filter((p) => !p.lesson.startsWith('scenario/'));
		expect(lessons).toHaveLength(5);
		expect(lessons.every((p) => p.openedAt !== '')).toBe(true);

		const made = await script('backup.mjs');
		expect(made.stderr).toBe('');
		expect(made.code).toBe(0);
		expect(made.stdout).toContain('is running');
		const file = made.stdout.match(/Backup made: (\S+\.zip)/)?.[1] ?? '';
		expect(path.dirname(file)).toBe(path.join(dataDir, 'backups'));
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readZip(readFileSync(file)).map((e) => e.name)).toEqual(expect.arrayContaining(['data.db', 'open-badges/issuer-keys.json']));
		// Copied off the machine, as the README says: the data directory with its backups folder goes next.
		backupFile = path.join(offMachine, path.basename(file));
		copyFileSync(file, backupFile);
	});

	it('refuses to restore while the server runs, and says so', async () => {
		const refused = await script('restore.mjs', [backupFile]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/server is running on .*Stop it first/);
		expect(existsSync(path.join(dataDir, 'data.db'))).toBe(true);
	});

	it('restores every record into a wiped data directory; certificates still verify, learners log in', async () => {
		await server!.stop();
		server = undefined;
		rmSync(dataDir, { recursive: true, force: true });
		expect(existsSync(dataDir)).toBe(false);

		const restored = await script('restore.mjs', [backupFile]);
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(statSync(dataDir).mode & 0o777).toBe(0o700);

		server = await startTestServer({ dataDir });
		expect(await everything(server)).toEqual(before);
		const l = api(server);
		for (const { code, holder } of codes) {
			const verified = await l.json(null, 'GET', `/api/palliwijs/verify/${code}`);
			expect(verified.status).toBe(200);
			expect(verified.body).toMatchObject({ valid: true, holderName: holder, courseTitle: 'Democursus' });
		}
		// The Open Badges signed before the backup still verify with the restored key (the server now has another address).
		for (const badge of badges) {
			const checked = await l.json(null, 'POST', '/api/palliwijs/open-badges/verify', badge);
			expect(checked.body).toMatchObject({ result: 'valid' });
		}
		for (const learner of learners) {
			const pb = server.client();
			await pb.collection('users').authWithPassword(learner.email, learner.password);
			expect(pb.authStore.record?.id).toBe(learner.id);
		}
		// The restored course progress still counts the time on task: a second claim returns the same certificate.
		const anna = server.client();
		await anna.collection('users').authWithPassword(learners[0]!.email, learners[0]!.password);
		expect((await l.claim(anna)).body.code).toBe(codes[0]!.code);
		// Started without PW_BACKUP_*: the defaults are applied again (every start applies the environment).
		expect((await server.admin.settings.getAll()).backups).toMatchObject({ cron: '0 3 * * *', cronMaxKeep: 7 });
	});

	it('backs up without a running server too, and refuses a file that is not a backup', async () => {
		await server!.stop();
		server = undefined;
		const made = await script('backup.mjs');
		expect(made.code).toBe(0);
		expect(made.stdout).not.toContain('is running');
		const file = made.stdout.match(/Backup made: (\S+\.zip)/)?.[1] ?? '';
		expect(readZip(readFileSync(file)).map((e) => e.name)).toContain('data.db');

		const notABackup = path.join(offMachine, 'notes.zip');
		copyFileSync(path.join(projectRoot, 'package.json'), notABackup);
		const refused = await script('restore.mjs', [notABackup]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('is not a PocketBase backup');
		expect(existsSync(path.join(dataDir, 'data.db'))).toBe(true);
	});
});
