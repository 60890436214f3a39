// The issuer's Ed25519 keys, kept in <data directory>/open-badges/issuer-keys.json (owner-only, 0600), so
// PocketBase's backups (a zip of the data directory) carry them. Made on the first start.
//
// File: { version: 1, current: "<publicKeyMultibase>", keys: [{ publicKeyMultibase, secretKeyMultibase?, created,
// retired? }], dids: ["did:web:…"] }. Rotation (rotateIssuerKey, `npm run badges -- rotate-key`) adds a new key
// and makes it current; the old keys lose their secret part but stay listed (and published in did.json), so
// credentials signed with them keep verifying. `dids` lists every did:web this data directory has signed as
// (the site's host can change): our own verifier accepts credentials from any of them.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

export const keyFileOf = (dataDir) => path.join(dataDir, 'open-badges', 'issuer-keys.json');

function write(file, store) {
	mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	chmodSync(path.dirname(file), 0o700);
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify(store, null, 2), { mode: 0o600 });
	chmodSync(tmp, 0o600);
	renameSync(tmp, file);
}

async function newKey() {
	const pair = await Ed25519Multikey.generate();
	const { publicKeyMultibase, secretKeyMultibase } = await pair.export({ publicKey: true, secretKey: true });
	return { publicKeyMultibase, secretKeyMultibase, created: new Date().toISOString() };
}

/** Reads the key file; throws with a clear message when it is broken. Null when there is none. */
export function readKeys(dataDir) {
	const file = keyFileOf(dataDir);
	if (!existsSync(file)) return null;
	let store;
	try {
		store = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`The Open Badges key file ${file} cannot be read: ${error.message}`);
	}
	const current = store?.keys?.find((k) => k.publicKeyMultibase === store.current);
	if (!current?.secretKeyMultibase) throw new Error(`The Open Badges key file ${file} has no current private key.`);
	return store;
}

/** The key store of a data directory, made (with a new key) on the first call; `did` is added to its list. */
export async function loadOrCreateKeys(dataDir, did) {
	const file = keyFileOf(dataDir);
	let store = readKeys(dataDir);
	let changed = false;
	if (!store) {
		const key = await newKey();
		store = { version: 1, current: key.publicKeyMultibase, keys: [key], dids: [] };
		changed = true;
	}
	if (did && !store.dids.includes(did)) {
		store.dids.push(did);
		changed = true;
	}
	if (changed) write(file, store);
	chmodSync(file, 0o600);
	return store;
}

/** Makes a new current key; the previous ones keep only their public part. Returns the new public key. */
export async function rotateIssuerKey(dataDir) {
	const store = readKeys(dataDir);
	if (!store) throw new Error(`No Open Badges key in ${dataDir} yet: it is made on the first start.`);
	const key = await newKey();
	const now = new Date().toISOString();
	store.keys = store.keys.map((k) => {
		const { secretKeyMultibase: _dropped, ...rest } = k;
		return { ...rest, retired: k.retired ?? now };
	});
	store.keys.push(key);
	store.current = key.publicKeyMultibase;
	write(keyFileOf(dataDir), store);
	return key.publicKeyMultibase;
}

/** A signing key pair for the current key, controlled by `did`. */
export async function currentKeyPair(store, did) {
	const key = store.keys.find((k) => k.publicKeyMultibase === store.current);
	return Ed25519Multikey.from({
		'@context': 'https://w3id.org/security/multikey/v1',
		type: 'Multikey',
		id: `${did}#${key.publicKeyMultibase}`,
		controller: did,
		publicKeyMultibase: key.publicKeyMultibase,
		secretKeyMultibase: key.secretKeyMultibase,
	});
}
