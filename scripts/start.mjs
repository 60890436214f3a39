// `npm start`: builds the site when needed, prepares PocketBase (demo accounts on the first start) and serves
// site + API on one port (default 8090; PORT=… or --port … to change). Ctrl+C stops it cleanly.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot, startServer } from './lib/pocketbase.mjs';
import { prepareDemoData } from './lib/demo.mjs';
import { writeAnswerKeys } from './lib/answer-keys.mjs';
import { astroBuildArgs } from './lib/build.mjs';

const dist = path.join(projectRoot, 'dist');
const dataDir = path.join(projectRoot, 'pocketbase/pb_data');
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

buildIfStale();
const { created: accounts, accountsFile } = await prepareDemoData(dataDir);
const url = `http://127.0.0.1:${port}`;
const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
const server = await startServer({ dataDir, port, publicDir: dist, answerKeys, quiet: false });
if (accounts) {
	// Passwords are shown once, when the accounts are made.
	const [learner, trainer] = accounts.users;
	console.log(`
Palliwijs runs at ${url}/
  dashboard (beheer):  ${url}/_/   ${accounts.superuser.email} / ${accounts.superuser.password}
  demo student:        ${learner.email} / ${learner.password}
  demo trainer:        ${trainer.email} / ${trainer.password}
These passwords are shown only now; they are kept in pocketbase/pb_data/demo-accounts.json (readable by you only, never committed).
Press Ctrl+C to stop.`);
} else {
	console.log(`
Palliwijs runs at ${url}/   (dashboard: ${url}/_/)
${existsSync(accountsFile) ? 'The demo accounts and their first passwords are in pocketbase/pb_data/demo-accounts.json; changes made since then are kept.' : 'No demo accounts in this data directory.'}
Delete pocketbase/pb_data to start over with new demo accounts.
Press Ctrl+C to stop.`);
}

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
