// Issue 18, point 2: demo accounts are made once, when the demo's data directory is new, and never
// reset or re-created by a later start; a data directory prepared without them has no account at all.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDemoData } from '../../scripts/lib/demo.mjs';
import { freePort, migrate, startServer } from '../../scripts/lib/pocketbase.mjs';
import { fixtureCatalog } from '../helpers/server';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function serve<T>(dataDir: string, use: (url: string) => Promise<T>): Promise<T> {
	const server = await startServer({ dataDir, port: (await freePort()) as number, catalog: fixtureCatalog });
	try {
		return await use(server.url);
	} finally {
		await server.stop();
	}
}

const client = (url: string) => {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	return pb;
};

describe('the demo accounts', () => {
	it('are made on the first start only, and an administrator’s changes survive the next start', async () => {
		const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'palliwijs-demo-')), 'pb_data');
		dirs.push(path.dirname(dataDir));
		const first = await prepareDemoData(dataDir);
		expect(first.created).not.toBeNull();
		const accounts = first.created!;
		const trainer = accounts.users.find((u) => u.role === 'trainer')!;
		expect(statSync(first.accountsFile).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(first.accountsFile, 'utf8')).superuser.email).toBe(accounts.superuser.email);

		await serve(dataDir, async (url) => {
			const admin = client(url);
			await admin.collection('_superusers').authWithPassword(accounts.superuser.email, accounts.superuser.password);
			const t = client(url);
			await t.collection('users').authWithPassword(trainer.email, trainer.password);
			expect(t.authStore.record?.role).toBe('trainer');
			// The administrator demotes the trainer and changes the superuser's password.
			await admin.collection('users').update(t.authStore.record!.id, { role: 'learner', password: 'nieuw-wachtwoord-1', passwordConfirm: 'nieuw-wachtwoord-1' });
			await admin.collection('_superusers').update(admin.authStore.record!.id, { password: 'beheer-nieuw-123', passwordConfirm: 'beheer-nieuw-123' });
		});

		const second = await prepareDemoData(dataDir);
		expect(second.created).toBeNull();
		await serve(dataDir, async (url) => {
			await expect(client(url).collection('_superusers').authWithPassword(accounts.superuser.email, accounts.superuser.password)).rejects.toMatchObject({ status: 400 });
			const admin = client(url);
			await admin.collection('_superusers').authWithPassword(accounts.superuser.email, 'beheer-nieuw-123');
			expect((await admin.collection('_superusers').getFullList()).length).toBe(1);
			await expect(client(url).collection('users').authWithPassword(trainer.email, trainer.password)).rejects.toMatchObject({ status: 400 });
			const t = client(url);
			await t.collection('users').authWithPassword(trainer.email, 'nieuw-wachtwoord-1');
			expect(t.authStore.record?.role).toBe('learner');
		});
	}, 60000);

	it('do not exist in a data directory prepared without them', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-nodemo-'));
		dirs.push(dataDir);
		await migrate(dataDir);
		await serve(dataDir, async (url) => {
			for (const email of ['beheer@palliwijs.local', 'student@palliwijs.local', 'trainer@palliwijs.local']) {
				const res = await fetch(`${url}/api/collections/users/auth-with-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity: email, password: 'x'.repeat(12) }) });
				expect(res.status).toBe(400);
			}
			// No superuser either: PocketBase still offers its one-time installer link.
			const res = await fetch(`${url}/api/collections/_superusers/auth-with-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity: 'beheer@palliwijs.local', password: 'x'.repeat(12) }) });
			expect(res.status).toBe(400);
		});
	}, 60000);
});
