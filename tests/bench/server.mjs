// The PocketBase every server benchmark runs against: free port on 127.0.0.1, throw-away data
// directory, a superuser client, stopped and removed afterwards. (tests/helpers/server.ts does the same
// for the vitest API tests; this one is plain JavaScript so `node` runs it, and it reads the server's
// memory.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, migrate, startServer } from '../../scripts/lib/pocketbase.mjs';

export const benchPassword = 'bench-password-123';

/** Runs `use({ url, admin, peakMemory })` against a fresh server and always cleans up. */
export async function withBenchServer(options, use) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-bench-'));
	await migrate(dataDir, { firstAccounts: { superuser: { email: 'bench@test.local', password: benchPassword } } });
	const server = await startServer({ dataDir, port: await freePort(), ...options });
	try {
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin.collection('_superusers').authWithPassword('bench@test.local', benchPassword);
		// Hundreds of learners from one address: the rate limiter (on in a real start) would stop the benchmark.
		await admin.settings.update({ rateLimits: { enabled: false } });
		/** The server's peak resident memory so far (VmHWM), in bytes. */
		const peakMemory = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
		return await use({ url: server.url, admin, peakMemory });
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
