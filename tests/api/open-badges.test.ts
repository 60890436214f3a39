// Open Badges 3.0 over HTTP against a real PocketBase and its credential service (issue 23): a claimed
// certificate downloads as a signed OpenBadgeCredential, verifies, fails when one character changes, and is
// reported withdrawn after an administrator revokes it or its holder deletes the account. The status list is
// a signed credential too. Nothing is fetched from the network while signing or verifying.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/learning';
import { verifyWithPublishedKey } from '../helpers/open-badges-verifier';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';

let server: TestServer;
let A: ReturnType<typeof api>;
beforeAll(async () => {
	server = await startTestServer();
	A = api(server);
});
afterAll(() => server?.stop());

type Credential = Record<string, any>;

async function learnerWithCertificate(name = 'Şükrü Yılmaz-Łukasiewicz') {
	const learner = await server.learner(name);
	await A.completeCourse(learner.pb, learner.id);
	const claim = await A.claim(learner.pb);
	expect(claim.status).toBe(201);
	return { ...learner, certificate: claim.body as { id: string; code: string } };
}
const download = (pb: Parameters<typeof A.json>[0], id: string) => A.json(pb, 'GET', `/api/palliwijs/certificates/${id}/open-badge`);
const verify = (credential: unknown) => A.json(null, 'POST', '/api/palliwijs/open-badges/verify', credential);
const revoke = (pb: Parameters<typeof A.json>[0], code: string, reason: string) => A.json(pb, 'POST', `/api/palliwijs/certificates/${code}/revoke`, { reason });

describe('a certificate as an Open Badge', () => {
	let holder: Awaited<ReturnType<typeof learnerWithCertificate>>;
	let credential: Credential;
	beforeAll(async () => {
		holder = await learnerWithCertificate();
		const response = await download(holder.pb, holder.certificate.id);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="palliwijs-open-badge-${holder.certificate.code}.json"`);
		credential = response.body;
	});

	it('is an OpenBadgeCredential signed with eddsa-rdfc-2022 by the did:web of the site', async () => {
		const did = `did:web:${new URL(server.url).host.replace(':', '%3A')}`;
		expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.issuer).toMatchObject({ id: did, type: ['Profile'], name: 'Palliwijs' });
		expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
		expect(credential.proof.verificationMethod).toMatch(new RegExp(`^${did.replace(/[.%]/g, '\\$&')}#z6Mk`));
		const subject = credential.credentialSubject;
		expect(subject.name).toBe('Şükrü Yılmaz-Łukasiewicz');
		expect(subject.achievement).toMatchObject({ name: 'Democursus', description: 'Een korte democursus om het platform te testen: twee lessen, één casus en een toets.', creditsAvailable: 1.5, achievementType: 'Certificate' });
		expect(subject.achievement.alignment).toEqual([expect.objectContaining({ targetCode: 'eapc-1', targetName: '1. De kern van palliatieve zorg toepassen', targetType: 'ceasn:Competency' })]);
		// The learner is identified by a salted hash of the e-mail address, never the address itself.
		expect(JSON.stringify(credential)).not.toContain(holder.email);
		const [identity] = subject.identifier;
		const { createHash } = await import('node:crypto');
		expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
		expect(identity.identityHash).toBe(`sha256$${createHash('sha256').update(holder.email + identity.salt).digest('hex')}`);
		expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: `${server.url}/api/palliwijs/credentials/status/1` });
	});

	it('is signed once: a second download is the same credential, also when the first ones come at once', async () => {
		const again = await download(holder.pb, holder.certificate.id);
		expect(again.body).toEqual(credential);
		const other = await learnerWithCertificate('Lena Maes');
		const together = await Promise.all([1, 2, 3].map(() => download(other.pb, other.certificate.id)));
		for (const answer of together) expect(answer).toMatchObject({ status: 200, body: together[0]!.body });
		expect((await download(other.pb, other.certificate.id)).body).toEqual(together[0]!.body);
	});

	it('is in its holder’s data export', async () => {
		const exported = await A.json(holder.pb, 'GET', '/api/palliwijs/me/export');
		expect(exported.body.openBadges).toEqual([expect.objectContaining({ code: holder.certificate.code, credential, revokedAt: '' })]);
	});

	it('is only for its holder', async () => {
		const other = await server.learner();
		expect((await download(other.pb, holder.certificate.id)).status).toBe(404);
		expect((await download(null, holder.certificate.id)).status).toBe(401);
	});

	it('verifies as valid, with what it certifies', async () => {
		const answer = await verify(credential);
		expect(answer).toMatchObject({ status: 200, body: { result: 'valid', certifies: { holderName: 'Şükrü Yılmaz-Łukasiewicz', courseTitle: 'Democursus', studyHours: 1.5, competences: ['1. De kern van palliatieve zorg toepassen'] } } });
	});

	it('verifies in a separate process that knows only the published key; one character changed fails there too', async () => {
		expect(await verifyWithPublishedKey(server.url, credential, { status: true })).toMatchObject({ verified: true, statusResult: { verified: true, results: [{ status: false }] }, refused: [] });
		const changed = structuredClone(credential);
		changed.credentialSubject.name = 'Şükrü Yılmaz-Łukasiewicy';
		expect(await verifyWithPublishedKey(server.url, changed)).toMatchObject({ verified: false });
	});

	it('is tampered when one character changes', async () => {
		const changed = structuredClone(credential);
		changed.credentialSubject.name = 'Şükrü Yılmaz-Łukasiewicy';
		expect((await verify(changed)).body).toMatchObject({ result: 'tampered' });
		const hours = structuredClone(credential);
		hours.credentialSubject.achievement.creditsAvailable = 15;
		expect((await verify(hours)).body).toMatchObject({ result: 'tampered' });
		const proof = structuredClone(credential);
		proof.proof.proofValue = proof.proof.proofValue.slice(0, -1) + (proof.proof.proofValue.endsWith('a') ? 'b' : 'a');
		expect((await verify(proof)).body).toMatchObject({ result: 'tampered' });
	});

	it('anything else is not a Palliwijs credential, and non-JSON is refused', async () => {
		const foreign = structuredClone(credential);
		foreign.issuer.id = 'did:web:example.org';
		expect((await verify(foreign)).body).toMatchObject({ result: 'foreign' });
		expect((await verify({ hello: 'world' })).body).toMatchObject({ result: 'foreign' });
		const garbage = await A.send(null, 'POST', '/api/palliwijs/open-badges/verify', undefined, 'not json');
		expect(garbage.status).toBe(400);
		expect(await garbage.json()).toMatchObject({ result: 'malformed' });
	});

	it('the issuer publishes its DID document with the public key as a Multikey', async () => {
		const response = await fetch(`${server.url}/.well-known/did.json`);
		expect(response.status).toBe(200);
		const doc = await response.json();
		expect(doc.id).toBe(credential.issuer.id);
		expect(doc.verificationMethod).toContainEqual(expect.objectContaining({ id: credential.proof.verificationMethod, type: 'Multikey', controller: doc.id }));
		expect(doc.assertionMethod).toContain(credential.proof.verificationMethod);
	});
});

describe('revocation', () => {
	it('only an administrator withdraws, with a reason; the credential then verifies as revoked and the code as withdrawn', async () => {
		const holder = await learnerWithCertificate('Ana Ferreira');
		const credential = (await download(holder.pb, holder.certificate.id)).body;
		expect((await verify(credential)).body.result).toBe('valid');
		expect((await revoke(holder.pb, holder.certificate.code, 'Ik wil het intrekken')).status).toBe(403);
		const trainer = await server.learner('Trainer');
		await server.admin.collection('users').update(trainer.id, { role: 'trainer' });
		await trainer.pb.collection('users').authRefresh();
		expect((await revoke(trainer.pb, holder.certificate.code, 'Fraude vastgesteld')).status).toBe(403);
		expect((await revoke(null, holder.certificate.code, 'Fraude vastgesteld')).status).toBe(401);
		expect((await revoke(server.admin, holder.certificate.code, '')).status).toBe(400);
		expect((await revoke(server.admin, 'a'.repeat(26), 'Fraude vastgesteld')).status).toBe(404);

		const adminUser = await server.learner('Beheerder');
		await server.admin.collection('users').update(adminUser.id, { role: 'admin' });
		await adminUser.pb.collection('users').authRefresh();
		const done = await revoke(adminUser.pb, holder.certificate.code, 'Toets met hulp van derden afgelegd');
		expect(done).toMatchObject({ status: 200, body: { code: holder.certificate.code, reason: 'Toets met hulp van derden afgelegd' } });

		const answer = await verify(credential);
		expect(answer.body).toMatchObject({ result: 'revoked', reason: 'Toets met hulp van derden afgelegd', certifies: { holderName: 'Ana Ferreira' } });
		expect(answer.body.revokedAt).toBeTruthy();
		const byCode = await A.json(null, 'GET', `/api/palliwijs/verify/${holder.certificate.code}`);
		expect(byCode.body).toMatchObject({ valid: false, reason: 'revoked', revocationReason: 'Toets met hulp van derden afgelegd', holderName: 'Ana Ferreira' });
		// A withdrawn certificate no longer downloads as an Open Badge.
		expect(await download(holder.pb, holder.certificate.id)).toMatchObject({ status: 410, body: { data: { problem: 'revoked' } } });
		// Other credentials are untouched.
		const other = await learnerWithCertificate('Jan Peeters');
		expect((await verify((await download(other.pb, other.certificate.id)).body)).body.result).toBe('valid');
	});

	it('deleting one’s account withdraws the credential the same way', async () => {
		const holder = await learnerWithCertificate('Marie Dubois');
		const credential = (await download(holder.pb, holder.certificate.id)).body;
		expect((await verify(credential)).body.result).toBe('valid');
		await holder.pb.collection('users').delete(holder.id);
		const answer = await verify(credential);
		expect(answer.body).toMatchObject({ result: 'revoked', reason: 'account-deleted' });
		const byCode = await A.json(null, 'GET', `/api/palliwijs/verify/${holder.certificate.code}`);
		expect(byCode.body).toMatchObject({ valid: false, reason: 'revoked', revocationReason: 'account-deleted' });
		expect(byCode.body.holderName).toBeUndefined();
		// The server keeps no copy that names the former holder.
		const rows = await server.admin.collection('open_badges').getFullList({ filter: server.admin.filter('code = {:code}', { code: holder.certificate.code }) });
		expect(rows).toHaveLength(1);
		expect(rows[0]!.credential).toBeNull();
	});

	it('the status list is a signed BitstringStatusListCredential at a stable address, re-signed when it changes', async () => {
		const before = await (await fetch(`${server.url}/api/palliwijs/credentials/status/1`)).json();
		expect(before.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
		expect(before.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
		expect(before.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
		expect(await verifyWithPublishedKey(server.url, before)).toMatchObject({ verified: true });
		const same = await (await fetch(`${server.url}/api/palliwijs/credentials/status/1`)).json();
		expect(same).toEqual(before);
		const holder = await learnerWithCertificate('Kees Janssens');
		await download(holder.pb, holder.certificate.id);
		await revoke(server.admin, holder.certificate.code, 'Dubbel uitgereikt');
		const after = await (await fetch(`${server.url}/api/palliwijs/credentials/status/1`)).json();
		expect(after.credentialSubject.encodedList).not.toBe(before.credentialSubject.encodedList);
		expect(await verifyWithPublishedKey(server.url, after)).toMatchObject({ verified: true });
		const forged = structuredClone(after);
		forged.credentialSubject.encodedList = before.credentialSubject.encodedList;
		expect(await verifyWithPublishedKey(server.url, forged)).toMatchObject({ verified: false });
	});
});

describe('the issuer key and the network', () => {
	const badges = (...args: string[]) =>
		new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
			execFile(process.execPath, [path.join(projectRoot, 'scripts/badges.mjs'), ...args], { env: { ...process.env, PW_DATA_DIR: server.dataDir } }, (error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
			);
		});

	it('lives owner-only in the data directory; `npm run badges -- rotate-key` signs new credentials with a new key and the old ones keep verifying', async () => {
		const keyFile = path.join(server.dataDir, 'open-badges', 'issuer-keys.json');
		expect(statSync(keyFile).mode & 0o777).toBe(0o600);
		const before = await learnerWithCertificate('Lotte Claes');
		const old = (await download(before.pb, before.certificate.id)).body;
		const rotated = await badges('rotate-key');
		expect(rotated.code, rotated.stderr).toBe(0);
		expect(rotated.stdout).toMatch(/New signing key z6Mk/);
		const after = await learnerWithCertificate('Pieter De Smet');
		const fresh = (await download(after.pb, after.certificate.id)).body;
		expect(fresh.proof.verificationMethod).not.toBe(old.proof.verificationMethod);
		const did = await (await fetch(`${server.url}/.well-known/did.json`)).json();
		expect(did.assertionMethod).toEqual(expect.arrayContaining([old.proof.verificationMethod, fresh.proof.verificationMethod]));
		expect((await verify(old)).body.result).toBe('valid');
		expect((await verify(fresh)).body.result).toBe('valid');
		// A verifier that knows only the published DID document agrees, status included.
		expect(await verifyWithPublishedKey(server.url, old, { status: true })).toMatchObject({ verified: true, refused: [] });
		expect(await verifyWithPublishedKey(server.url, fresh, { status: true })).toMatchObject({ verified: true, refused: [] });
		expect(statSync(keyFile).mode & 0o777).toBe(0o600);
	});

	it('`npm run badges -- revoke <code> <reason>` withdraws through the running server', async () => {
		const holder = await learnerWithCertificate('Noor El Amrani');
		const credential = (await download(holder.pb, holder.certificate.id)).body;
		const done = await badges('revoke', holder.certificate.code, 'Uitgereikt', 'door', 'een', 'fout');
		expect(done.code, done.stderr).toBe(0);
		expect((await verify(credential)).body).toMatchObject({ result: 'revoked', reason: 'Uitgereikt door een fout' });
		const status = await verifyWithPublishedKey(server.url, credential, { status: true });
		expect(status.statusResult?.results?.[0]?.status).toBe(true);
		expect((await badges('revoke', 'niet-goed', 'x')).code).toBe(1);
	});

	it('signing and verifying fetch nothing: URLs in a credential that the service does not hold are refused, never requested', async () => {
		let requests = 0;
		const trap: Server = createServer((_req, res) => {
			requests++;
			res.writeHead(200, { 'Content-Type': 'application/ld+json' });
			res.end('{"@context":{}}');
		});
		await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
		const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
		try {
			const holder = await learnerWithCertificate('Els Wouters');
			const credential = (await download(holder.pb, holder.certificate.id)).body;
			const withContext = structuredClone(credential);
			withContext['@context'].push(`${trapUrl}/context.json`);
			expect((await verify(withContext)).body.result).toBe('tampered');
			const withStatus = structuredClone(credential);
			withStatus.credentialStatus.statusListCredential = `${trapUrl}/status`;
			expect((await verify(withStatus)).body.result).toBe('tampered');
			const withKey = structuredClone(credential);
			withKey.proof.verificationMethod = `${trapUrl}/key`;
			expect((await verify(withKey)).body.result).toBe('tampered');
			expect((await verify(credential)).body.result).toBe('valid');
			expect(requests).toBe(0);
			// The credential service's own document loader refused only those three addresses.
			const refused = server.credentials.refused;
			expect(refused.filter((url) => url.startsWith(trapUrl)).length).toBeGreaterThan(0);
			expect(refused.every((url) => url.startsWith(trapUrl))).toBe(true);
		} finally {
			trap.close();
		}
	});
});
