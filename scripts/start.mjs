// `npm start`: builds the site when needed, prepares PocketBase (demo accounts on the first start) and serves
// site + API on one port (default 8090; PORT=… or --port … to change). Ctrl+C stops it cleanly.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { keepServing, projectRoot, startServer } from './lib/pocketbase.mjs';
import { prepareDemoData } from './lib/demo.mjs';
import { writeAnswerKeys } from './lib/answer-keys.mjs';
import { astroBuildArgs, astroEnv } from './lib/build.mjs';

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
	execFileSync(process.execPath, astroBuildArgs(projectRoot), { cwd: projectRoot, stdio: 'inherit', env: astroEnv() });
}

buildIfStale();
const { created: accounts, accountsFile } = await prepareDemoData(dataDir);
const url = `http://127.0.0.1:${port}`;
const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
const server = await startServer({ dataDir, port, publicDir: dist, answerKeys, quiet: false });
// No password is printed: a console log may be kept or shared. They are in a file only you can read.
const where = path.relative(process.cwd(), accountsFile) || accountsFile;
console.log(`
Palliwijs runs at ${url}/   (dashboard: ${url}/_/)
${accounts ? `Demo accounts made: ${accounts.superuser.email} (dashboard), ${accounts.users.map((u) => u.email).join(', ')}.\nTheir passwords are in ${where} (readable by you only, never committed).` : existsSync(accountsFile) ? `The demo accounts and their first passwords are in ${where}; changes made since then are kept.` : 'No demo accounts in this data directory.'}
To start the demo over: stop the server and delete pocketbase/pb_data.
Press Ctrl+C to stop.`);

keepServing(server);
