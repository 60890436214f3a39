// `npm run badges -- <command>`: the Open Badges issuer (README "Open Badges"). PW_DATA_DIR chooses the data
// directory (default pocketbase/pb_data).
//   rotate-key              a new signing key; the old public keys stay in did.json, so credentials signed
//                           with them keep verifying. A running server uses the new key at once.
//   revoke <code> <reason>  withdraws a certificate (the server must run on the data directory; it gets a
//                           five-minute superuser token from the console, as `npm run backup` does).
//   keys                    the issuer's DIDs and public keys.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, runCommand, serversOnDataDir } from './lib/pocketbase.mjs';
import { keyFileOf, readKeys, rotateIssuerKey } from './lib/credentials/keys.mjs';

const dataDir = path.resolve(process.env.PW_DATA_DIR || path.join(projectRoot, 'pocketbase/pb_data'));
const [command, ...rest] = process.argv.slice(2);

function fail(message) {
	console.error(`npm run badges: ${message}`);
	process.exit(1);
}

if (!existsSync(keyFileOf(dataDir))) fail(`${dataDir} has no Open Badges key yet (${keyFileOf(dataDir)}): it is made on the server's first start. Set PW_DATA_DIR to the data directory.`);

if (command === 'rotate-key') {
	const before = readKeys(dataDir).current;
	const after = await rotateIssuerKey(dataDir);
	console.log(`New signing key ${after}.\nThe previous key ${before} no longer signs; it stays in /.well-known/did.json so the credentials it signed keep verifying.\nA running server signs with the new key from now on. Make a backup now (npm run backup): the key lives in the data directory.`);
} else if (command === 'keys') {
	const store = readKeys(dataDir);
	console.log(`Issuer DIDs (newest last): ${store.dids.join(', ')}`);
	for (const key of store.keys) console.log(`${key.publicKeyMultibase === store.current ? 'current' : 'retired'}  ${key.publicKeyMultibase}  made ${key.created}${key.retired ? `, retired ${key.retired}` : ''}`);
} else if (command === 'revoke') {
	const [code, ...words] = rest;
	const reason = words.join(' ').trim();
	if (!code || !/^[a-z2-7]{26}$/.test(code) || reason.length < 3) fail('usage: npm run badges -- revoke <certificate code> <reason, 3 to 500 characters>');
	const [server] = serversOnDataDir(dataDir);
	if (!server) fail(`no server runs on ${dataDir}: start it (npm run serve) and try again; withdrawing re-signs the status list, which needs it.`);
	const host = server.address.startsWith('0.0.0.0:') || server.address.startsWith(':') ? `127.0.0.1:${server.address.split(':').pop()}` : server.address;
	const token = (await runCommand(dataDir, ['palliwijs-backup-token'])).match(/token=(\S+)/)?.[1];
	if (!token) fail('the console command palliwijs-backup-token printed no token.');
	const response = await fetch(`http://${host}/api/palliwijs/certificates/${code}/revoke`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: token },
		body: JSON.stringify({ reason }),
	});
	const body = await response.json().catch(() => ({}));
	if (response.status !== 200) fail(`the server answered ${response.status}: ${body.message ?? ''}`);
	console.log(`Certificate ${code} withdrawn on ${body.revokedAt} (${body.reason}). Verifiers now see it as withdrawn.`);
} else {
	fail('give a command: rotate-key, revoke <code> <reason>, or keys.');
}
