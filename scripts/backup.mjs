// `npm run backup`: one backup of the data directory with PocketBase's own backup system, into
// <data directory>/backups/palliwijs-<date>-<time>.zip (README "Backups and restore").
// - A server running on the data directory makes it itself (POST /api/backups): only the running server can
//   hold off writes while it copies. The script gets a superuser token valid for five minutes from the console
//   command `palliwijs-backup-token` (pb_hooks/backups.pb.js): no password anywhere, only who can read the data
//   directory can make one.
// - Without a running server, the console command `palliwijs-backup` makes it.
// PW_DATA_DIR chooses the data directory (default pocketbase/pb_data).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, protectDataDir, runCommand, serversOnDataDir } from './lib/pocketbase.mjs';

const dataDir = path.resolve(process.env.PW_DATA_DIR || path.join(projectRoot, 'pocketbase/pb_data'));

function fail(message) {
	console.error(`Backup failed: ${message}`);
	process.exit(1);
}

if (!existsSync(path.join(dataDir, 'data.db'))) fail(`${dataDir} holds no PocketBase data (no data.db). Set PW_DATA_DIR to the data directory.`);

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15).toLowerCase();
const name = `palliwijs-${stamp}.zip`;
const servers = serversOnDataDir(dataDir);

try {
	if (servers.length > 0) {
		const [{ address, pid }] = servers;
		const host = address.startsWith('0.0.0.0:') || address.startsWith(':') ? `127.0.0.1:${address.split(':').pop()}` : address;
		const token = (await runCommand(dataDir, ['palliwijs-backup-token'])).match(/token=(\S+)/)?.[1];
		if (!token) fail('the console command palliwijs-backup-token printed no token.');
		console.log(`The server (process ${pid}) is running on ${dataDir}: it makes the backup.`);
		const response = await fetch(`http://${host}/api/backups`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: token },
			body: JSON.stringify({ name }),
		});
		if (response.status !== 204) fail(`the server answered ${response.status}: ${await response.text()}`);
	} else {
		await runCommand(dataDir, ['palliwijs-backup', name]);
	}
} catch (error) {
	const text = String(error.stderr || error.message || error);
	const reason = text.match(/Error: ([^\n]*?)(?: at run \(|$)/m)?.[1] ?? text.trim();
	fail(reason);
}

protectDataDir(path.join(dataDir, 'backups'));
const file = path.join(dataDir, 'backups', name);
if (!existsSync(file)) fail(`PocketBase reported success but ${file} is missing.`);
console.log(`Backup made: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB).
Copy it off this machine, for example: scp ${file} backup-host:palliwijs/
Restore it with: npm run restore -- ${path.relative(process.cwd(), file) || file}`);
