// `npm run serve`: Palliwijs for real (README "Running it for real"). Serves the built site (dist/, made by
// `npm run build`) and the API on 127.0.0.1:PORT (default 8090) for a reverse proxy in front. No demo accounts:
// the first administrator is made through PocketBase's one-time installer link, printed below on the first
// start. Application name, public URL, sender and SMTP come from PW_* environment variables, applied on every
// start (pb_hooks/instance.pb.js); backups from PW_BACKUP_CRON and PW_BACKUP_KEEP (pb_hooks/backups.pb.js).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { keepServing, migrate, projectRoot, startServer } from './lib/pocketbase.mjs';
import { writeAnswerKeys } from './lib/answer-keys.mjs';

const dist = path.resolve(process.env.PW_PUBLIC_DIR || path.join(projectRoot, 'dist'));
const dataDir = path.resolve(process.env.PW_DATA_DIR || path.join(projectRoot, 'pocketbase/pb_data'));
const port = Number(process.env.PORT || 8090);

function refuse(message) {
	console.error(`Palliwijs did not start: ${message}`);
	process.exit(1);
}

if (!existsSync(path.join(dist, 'catalog.json'))) refuse(`no built site in ${dist}: run npm run build first.`);
if (existsSync(path.join(dataDir, 'demo-accounts.json'))) {
	refuse(`${dataDir} is the local demo's data directory (it has demo accounts). Use another one for real data: PW_DATA_DIR=/srv/palliwijs/data npm run serve`);
}
for (const name of ['PW_APP_URL', 'PW_MAIL_FROM']) {
	if (!process.env[name]?.trim()) refuse(`${name} is not set (see README, "Running it for real").`);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) refuse(`PORT must be a port number, not "${process.env.PORT}".`);

await migrate(dataDir);
const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
let server;
try {
	server = await startServer({ dataDir, port, publicDir: dist, answerKeys, quiet: false });
} catch (error) {
	refuse(String(error.message).replace(/^PocketBase exited with code \d+:\n/, ''));
}
console.log(`Palliwijs serves ${dist} and the API on http://127.0.0.1:${port}/ (public address: ${process.env.PW_APP_URL}).`);

keepServing(server);
