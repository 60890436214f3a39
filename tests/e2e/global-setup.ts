// Starts one real PocketBase serving the built site (dist/) for the whole Playwright run and stops it after.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, migrate, projectRoot, startServer } from '../../scripts/lib/pocketbase.mjs';
import { writeAnswerKeys } from '../../scripts/lib/answer-keys.mjs';
import { startSmtp } from '../helpers/smtp';

export default async function globalSetup() {
	const dist = process.env.PW_DIST ?? path.join(projectRoot, 'dist');
	if (!existsSync(path.join(dist, 'catalog.json'))) throw new Error(`No built site in ${dist}: run "npm run build" first.`);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-e2e-'));
	// A superuser for tests that need an administrator (granting the trainer role).
	process.env.PW_ADMIN_EMAIL = 'admin@e2e.local';
	process.env.PW_ADMIN_PASSWORD = 'e2e-admin-password';
	await migrate(dataDir, { firstAccounts: { superuser: { email: process.env.PW_ADMIN_EMAIL, password: process.env.PW_ADMIN_PASSWORD } } });
	const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
	// A real SMTP server for the password-recovery spec: every message also lands in PW_MAIL_DIR as a .eml file.
	process.env.PW_MAIL_DIR = path.join(dataDir, 'mail');
	const smtp = await startSmtp({ dir: process.env.PW_MAIL_DIR });
	const port = (await freePort()) as number;
	const env = { PW_APP_URL: `http://127.0.0.1:${port}`, PW_MAIL_FROM: 'palliwijs@e2e.local', PW_SMTP_HOST: smtp.host, PW_SMTP_PORT: String(smtp.port), PW_SMTP_TLS: 'false' };
	const server = await startServer({ dataDir, port, publicDir: dist, answerKeys, env });
	process.env.PW_BASE_URL = server.url;
	// The whole browser run comes from one address and signs up, logs in and submits tests far faster than
	// people do: PocketBase's rate limiter (on in every real start) is switched off for this server.
	// tests/api/hardening-rate-limits.test.ts tests the limits; tests/e2e/account.spec.ts the 429 message.
	const admin = new PocketBase(server.url);
	await admin.collection('_superusers').authWithPassword(process.env.PW_ADMIN_EMAIL!, process.env.PW_ADMIN_PASSWORD!);
	await admin.settings.update({ rateLimits: { enabled: false } });
	return async () => {
		await server.stop();
		await smtp.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}
