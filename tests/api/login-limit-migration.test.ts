// Migration 1795400607 raises the per-address log-in limit of servers made before it from 20 to 600 a minute
// (a class behind one school address) and leaves a limit an administrator chose alone. The "server made
// before it" is a data directory migrated with the previous release: the migrations before 1795400607 and the
// hooks with its rule of 20 log-ins (or 45, standing for a value an administrator set).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { binary, hooksDir, migrationsDir } from '../../scripts/lib/pocketbase.mjs';
import { startTestServer } from '../helpers/server';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'palliwijs-login-limit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A data directory as the previous release left it, with `limit` log-ins a minute per address. */
async function previousRelease(limit: number) {
	const base = path.join(work, String(limit));
	const migrations = path.join(base, 'pb_migrations');
	const hooks = path.join(base, 'pb_hooks');
	cpSync(hooksDir, hooks, { recursive: true });
	const rulesFile = path.join(hooks, 'lib/rate-limits.js');
	const rules = readFileSync(rulesFile, 'utf8');
	expect(rules).toContain('const LOGINS_PER_ADDRESS = 600;');
	writeFileSync(rulesFile, rules.replace('const LOGINS_PER_ADDRESS = 600;', `const LOGINS_PER_ADDRESS = ${limit};`));
	cpSync(migrationsDir, migrations, { recursive: true, filter: (file) => !path.basename(file).startsWith('1795400607') });
	expect(readdirSync(migrations)).not.toContain('1795400607_login_limit_per_address.js');
	const dataDir = path.join(base, 'pb_data');
	const accounts = path.join(base, 'first-accounts.json');
	writeFileSync(accounts, JSON.stringify({ superuser: { email: 'admin@test.local', password: 'admin-password-123' } }), { mode: 0o600 });
	await run(binary, ['migrate', 'up', '--dir', dataDir, '--migrationsDir', migrations, '--hooksDir', hooks, '--dev=false'], { env: { ...process.env, PW_FIRST_ACCOUNTS: accounts } });
	return dataDir;
}

/** Starts the current release on the data directory (which runs the new migrations) and reads the log-in rule. */
async function loginLimitAfterUpgrade(dataDir: string) {
	const server = await startTestServer({ dataDir, rateLimits: true });
	try {
		const rules = (await server.admin.settings.getAll()).rateLimits.rules as { label: string; maxRequests: number }[];
		return rules.find((r) => r.label === '*:authWithPassword')?.maxRequests;
	} finally {
		await server.stop();
	}
}

describe('the per-address log-in limit on a server made by the previous release', () => {
	it('grows from 20 to 600 a minute', async () => {
		expect(await loginLimitAfterUpgrade(await previousRelease(20))).toBe(600);
	}, 60_000);

	it('stays as an administrator set it', async () => {
		expect(await loginLimitAfterUpgrade(await previousRelease(45))).toBe(45);
	}, 60_000);
});
