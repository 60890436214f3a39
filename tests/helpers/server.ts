// A real PocketBase for one test file: free port on 127.0.0.1, throw-away data directory, stopped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, migrate, startServer } from '../../scripts/lib/pocketbase.mjs';

export const fixtureCatalog = path.resolve(import.meta.dirname, '../fixtures/catalog.json');
export const fixtureKeys = path.resolve(import.meta.dirname, '../fixtures/answer-keys.json');

export interface TestServer {
	url: string;
	dataDir: string;
	admin: PocketBase;
	/** The credential service beside this server (Open Badges): its DID and every URL its document loaders refused. */
	credentials: { did: string; refused: string[] };
	/** A new client without a session. */
	client: () => PocketBase;
	/** Creates a learner and returns a client logged in as them. */
	learner: (name?: string) => Promise<{ pb: PocketBase; id: string; email: string; password: string }>;
	stop: () => Promise<void>;
}

let counter = 0;

/**
 * `rateLimits: true` keeps PocketBase's rate limiter on, as a real start has it (tests/api/hardening-rate-limits.test.ts);
 * otherwise it is switched off for this server, because a test file signs up and logs in far more often than people do.
 * `dataDir`: start on this data directory (made by an earlier start, a restore or an older release) and keep it
 * when stopping; the caller removes it. `env`: extra environment for the server (PW_BACKUP_CRON…).
 */
export async function startTestServer(
	options: { publicDir?: string; catalog?: string; rateLimits?: boolean; dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
	const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'palliwijs-pb-'));
	const port = (await freePort()) as number;
	await migrate(dataDir, { firstAccounts: { superuser: { email: 'admin@test.local', password: 'admin-password-123' } } });
	const server = await startServer({ dataDir, port, publicDir: options.publicDir, catalog: options.catalog ?? fixtureCatalog, answerKeys: fixtureKeys, env: options.env });
	const admin = new PocketBase(server.url);
	admin.autoCancellation(false);
	await admin.collection('_superusers').authWithPassword('admin@test.local', 'admin-password-123');
	if (!options.rateLimits) await admin.settings.update({ rateLimits: { enabled: false } });
	const client = () => {
		const pb = new PocketBase(server.url);
		pb.autoCancellation(false);
		return pb;
	};
	return {
		url: server.url,
		dataDir,
		admin,
		credentials: server.credentials,
		client,
		async learner(name = 'Test Leerling') {
			const email = `leerling${++counter}-${Date.now()}@test.local`;
			const password = 'een-goed-wachtwoord';
			const pb = client();
			const record = await pb.collection('users').create({ name, email, password, passwordConfirm: password });
			await pb.collection('users').authWithPassword(email, password);
			return { pb, id: record.id, email, password };
		},
		async stop() {
			await server.stop();
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
