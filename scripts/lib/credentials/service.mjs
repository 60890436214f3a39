// The credential service: a small HTTP server on 127.0.0.1 that signs and verifies Open Badges 3.0
// credentials for PocketBase's hooks (their JS engine, goja, cannot run the JSON-LD and Ed25519 libraries).
// Started beside PocketBase by scripts/lib/pocketbase.mjs (startServer), on a free port, with a random
// secret that only PocketBase is given (PW_CREDENTIALS_URL, PW_CREDENTIALS_SECRET). It keeps no state but
// the issuer keys (keys.mjs); which certificates exist and which are withdrawn is the server's to say.
//
// Routes (JSON; every one needs "Authorization: Bearer <secret>"):
//   GET  /did-document                       the issuer's DID document (did.json)
//   POST /certificates/sign  { certificate, email, statusIndex }  → { credential }
//   POST /status-list/sign   { revoked: [index…] }                → { credential }
//   POST /verify             { credential, statusList }           → { outcome, facts?, statusIndex?, problem? }
import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { certificateCredential, didDocument, didWebFor } from './credential.mjs';
import { loadOrCreateKeys, readKeys } from './keys.mjs';

// The JSON-LD and signature libraries load on the first request, not at start: the server is up sooner.
const issuer = () => import('./issuer.mjs');

const MAX_BODY = 200_000;

function readBody(request) {
	return new Promise((resolve, reject) => {
		let size = 0;
		const chunks = [];
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(Object.assign(new Error('The request is too large.'), { status: 413 }));
				request.destroy();
			} else chunks.push(chunk);
		});
		request.on('end', () => {
			try {
				resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
			} catch {
				reject(Object.assign(new Error('Send JSON.'), { status: 400 }));
			}
		});
		request.on('error', reject);
	});
}

/**
 * Starts the service. `siteUrl` is the site's public address (PW_APP_URL, else the address PocketBase
 * listens on): the issuer is did:web for its host. `refused` collects every URL a document loader refused
 * (the tests check it stays empty for our own credentials).
 * @param {{ dataDir: string, siteUrl: string, port?: number }} options
 * @returns {Promise<{ url: string, secret: string, did: string, refused: string[], stop: () => Promise<void> }>}
 */
export async function startCredentialService({ dataDir, siteUrl, port = 0 }) {
	const did = didWebFor(siteUrl);
	await loadOrCreateKeys(dataDir, did);
	const secret = randomBytes(32).toString('hex');
	const expected = Buffer.from(`Bearer ${secret}`);
	const refused = [];
	const onRefused = (url) => refused.push(url);
	// Read anew on every call: a key rotated by `npm run badges -- rotate-key` is used at once.
	const keys = () => readKeys(dataDir);

	const routes = {
		'GET /did-document': async () => didDocument(did, keys()),
		'POST /certificates/sign': async (body) => {
			const salt = randomBytes(16).toString('hex');
			const unsigned = certificateCredential({ siteUrl, issuerDid: did, certificate: body?.certificate, email: body?.email, salt, statusIndex: body?.statusIndex });
			const { sign } = await issuer();
			return { credential: await sign(keys(), did, unsigned, onRefused) };
		},
		'POST /status-list/sign': async (body) => {
			const { signStatusList } = await issuer();
			return { credential: await signStatusList(keys(), did, siteUrl, body?.revoked ?? [], onRefused) };
		},
		'POST /verify': async (body) => {
			const { verify } = await issuer();
			return verify(keys(), body?.credential, body?.statusList, onRefused);
		},
	};

	const server = createServer(async (request, response) => {
		const answer = (status, value) => {
			response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
			response.end(JSON.stringify(value));
		};
		const given = Buffer.from(request.headers.authorization ?? '');
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) return answer(401, { message: 'Unauthorized.' });
		const route = routes[`${request.method} ${new URL(request.url ?? '/', 'http://x').pathname}`];
		if (!route) return answer(404, { message: 'Unknown route.' });
		try {
			const body = request.method === 'POST' ? await readBody(request) : null;
			answer(200, await route(body));
		} catch (error) {
			const status = error.status ?? (error instanceof TypeError || error instanceof RangeError ? 400 : 500);
			if (status === 500) console.error(`credential service: ${request.method} ${request.url}: ${error.stack ?? error}`);
			answer(status, { message: error.message });
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		secret,
		did,
		refused,
		stop: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
