// The local demo's data directory (`npm start`): on the first start, when the data directory is new, a
// superuser, a demo learner and a demo trainer are made once, with random passwords kept in
// <dataDir>/demo-accounts.json (0600). Later starts only apply new migrations: they never reset or
// re-create an account, so an administrator's changes (a new password, a removed trainer role) stay.
// To start the demo over, delete the data directory (pocketbase/pb_data).
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { migrate } from './pocketbase.mjs';

const password = () => randomBytes(12).toString('base64url');

export function newDemoAccounts() {
	return {
		superuser: { email: 'beheer@palliwijs.local', password: password() },
		users: [
			{ email: 'student@palliwijs.local', password: password(), name: 'An Peeters (demo)', role: 'learner' },
			{ email: 'trainer@palliwijs.local', password: password(), name: 'Els Janssens (demo)', role: 'trainer' },
		],
	};
}

/**
 * Migrates the demo's data directory; makes the demo accounts only when it is new.
 * @returns {Promise<{ created: ReturnType<typeof newDemoAccounts> | null, accountsFile: string }>}
 */
export async function prepareDemoData(dataDir) {
	const accountsFile = path.join(dataDir, 'demo-accounts.json');
	const created = existsSync(path.join(dataDir, 'data.db')) ? null : newDemoAccounts();
	await migrate(dataDir, created ? { firstAccounts: created, accountsFile } : {});
	return { created, accountsFile };
}
