// `npm start`: builds the site when needed, prepares PocketBase with demo accounts and serves
// site + API on one port (default 8090; PORT=… or --port … to change). Ctrl+C stops it cleanly.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { migrate, projectRoot, startServer, upsertSuperuser } from './lib/pocketbase.mjs';
import { writeAnswerKeys } from './lib/answer-keys.mjs';
import { astroBuildArgs } from './lib/build.mjs';

const dist = path.join(projectRoot, 'dist');
const dataDir = path.join(projectRoot, 'pocketbase/pb_data');
const accountsFile = path.join(dataDir, 'demo-accounts.json');
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8090));

/** Newest modification time under a directory (for "is the build older than the sources?"). */
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
	}
	return latest;
}

function buildIfStale() {
	const built = existsSync(path.join(dist, 'catalog.json')) ? statSync(path.join(dist, 'catalog.json')).mtimeMs : 0;
	const sources = Math.max(newest(path.join(projectRoot, 'src')), newest(path.join(projectRoot, 'content')), newest(path.join(projectRoot, 'public')));
	if (built > sources) return;
	console.log('Building the site (astro build)…');
	execFileSync(process.execPath, astroBuildArgs(projectRoot), { cwd: projectRoot, stdio: 'inherit' });
}

const password = () => randomBytes(12).toString('base64url');

/** Demo accounts: created once, with random passwords kept in pb_data (never in the repository). */
async function ensureDemoAccounts(url) {
	const accounts = existsSync(accountsFile)
		? JSON.parse(readFileSync(accountsFile, 'utf8'))
		: {
				superuser: { email: 'beheer@palliwijs.local', password: password() },
				learner: { email: 'student@palliwijs.local', password: password(), name: 'An Peeters (demo)' },
				trainer: { email: 'trainer@palliwijs.local', password: password(), name: 'Els Janssens (demo)' },
			};
	await upsertSuperuser(dataDir, accounts.superuser.email, accounts.superuser.password);
	return async () => {
		const pb = new PocketBase(url);
		await pb.collection('_superusers').authWithPassword(accounts.superuser.email, accounts.superuser.password);
		for (const role of ['learner', 'trainer']) {
			const account = accounts[role];
			const existing = await pb.collection('users').getFirstListItem(pb.filter('email = {:email}', { email: account.email })).catch(() => null);
			const data = { name: account.name, role, locale: 'nl', verified: true, password: account.password, passwordConfirm: account.password };
			if (existing) await pb.collection('users').update(existing.id, data);
			else await pb.collection('users').create({ ...data, email: account.email });
		}
		writeFileSync(accountsFile, JSON.stringify(accounts, null, '\t'), { mode: 0o600 });
		return accounts;
	};
}

buildIfStale();
mkdirSync(dataDir, { recursive: true });
await migrate(dataDir);
const url = `http://127.0.0.1:${port}`;
const seed = await ensureDemoAccounts(url);
const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
const server = await startServer({ dataDir, port, publicDir: dist, answerKeys, quiet: false });
const firstStart = !existsSync(accountsFile);
const accounts = await seed();
// Passwords are shown once, when the accounts are made; later starts only say where they are kept.
const credentials = (a) => (firstStart ? `${a.email} / ${a.password}` : a.email);
console.log(`
Palliwijs runs at ${url}/
  dashboard (beheer):  ${url}/_/   ${credentials(accounts.superuser)}
  demo student:        ${credentials(accounts.learner)}
  demo trainer:        ${credentials(accounts.trainer)}
${firstStart ? 'These passwords are shown only now; they are' : 'The passwords are'} kept in pocketbase/pb_data/demo-accounts.json (never committed).
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		if (stopping) return;
		stopping = true;
		await server.stop();
		process.exit(0);
	});
}
server.process.once('exit', (code) => {
	if (!stopping) {
		console.error(`PocketBase stopped unexpectedly (exit code ${code}).`);
		process.exit(1);
	}
});
