// `npm run restore -- <file>`: puts a backup made by PocketBase (npm run backup, a scheduled backup, or one
// downloaded from the dashboard) back into the data directory. Refuses while a server runs on it.
// What the data directory held before is not deleted: it is moved aside to <data directory>-before-restore-<time>/
// (the backups folder stays where it is). PW_DATA_DIR chooses the data directory (default pocketbase/pb_data).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, protectDataDir, serversOnDataDir } from './lib/pocketbase.mjs';
import { readZip } from './lib/zip.mjs';

const dataDir = path.resolve(process.env.PW_DATA_DIR || path.join(projectRoot, 'pocketbase/pb_data'));
const KEEP = new Set(['backups']); // PocketBase keeps its backups folder in place on a restore too

function fail(message) {
	console.error(`Restore refused: ${message}`);
	process.exit(1);
}

const given = process.argv[2];
if (!given) fail('name the backup file: npm run restore -- <file.zip>');
const candidates = [path.resolve(given), path.join(dataDir, 'backups', given)];
const file = candidates.find((f) => existsSync(f));
if (!file) fail(`no file ${given} (looked at ${candidates.join(' and ')}).`);

const servers = serversOnDataDir(dataDir);
if (servers.length > 0) {
	fail(`the server is running on ${dataDir} (process ${servers.map((s) => s.pid).join(', ')}). Stop it first (Ctrl+C where npm start or npm run serve runs, or systemctl stop palliwijs), then run the restore again.`);
}

let entries;
try {
	entries = readZip(readFileSync(file));
} catch (error) {
	fail(`${file} is not a PocketBase backup: ${error.message}.`);
}
if (!entries.some((e) => e.name === 'data.db' && !e.directory)) fail(`${file} is not a PocketBase backup: it holds no data.db.`);
const outside = entries.find((e) => KEEP.has(e.name.split('/')[0]));
if (outside) fail(`${file} holds ${outside.name}; a backup never holds the backups folder.`);

// Unpack next to the data directory first: a broken archive leaves the current data untouched.
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const staging = `${dataDir}-restoring-${stamp}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { mode: 0o700 });
for (const entry of entries) {
	const target = path.join(staging, entry.name);
	if (entry.directory) mkdirSync(target, { recursive: true, mode: 0o700 });
	else {
		mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
		writeFileSync(target, entry.data, { mode: 0o600 });
	}
}

const aside = `${dataDir}-before-restore-${stamp}`;
const current = readdirSync(dataDir).filter((name) => !KEEP.has(name));
if (current.length > 0) {
	mkdirSync(aside, { mode: 0o700 });
	for (const name of current) renameSync(path.join(dataDir, name), path.join(aside, name));
}
for (const name of readdirSync(staging)) renameSync(path.join(staging, name), path.join(dataDir, name));
rmSync(staging, { recursive: true, force: true });
protectDataDir(dataDir);

console.log(`Restored ${file} into ${dataDir}.
${current.length > 0 ? `What the data directory held before is in ${aside} (delete it once the restored server works).\n` : ''}Start the server again (npm start, npm run serve or systemctl start palliwijs).`);
