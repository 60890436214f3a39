// Building, signing and verifying a Palliwijs Open Badges 3.0 credential (scripts/lib/credentials), without
// the server: the credential's content, the did:web, the key store and its rotation, and that signing and
// verifying never reach the network (fetch is switched off and the loader refuses unknown URLs).
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateCredential, didWebFor, originOfDidWeb, certifiedFacts, identityHash, STATUS_LIST_LENGTH } from '../../scripts/lib/credentials/credential.mjs';
import { keyFileOf, loadOrCreateKeys, readKeys, rotateIssuerKey } from '../../scripts/lib/credentials/keys.mjs';
import { sign, signStatusList, verify } from '../../scripts/lib/credentials/issuer.mjs';
import { documentLoaderWith, RefusedUrlError } from '../../scripts/lib/credentials/contexts.mjs';

const site = 'https://leren.example.be';
const did = 'did:web:leren.example.be';
const certificate = {
	code: 'abcdefghijklmnopqrstuvwxyz',
	course: 'basis-palliatieve-zorg',
	courseTitle: 'Basis palliatieve zorg',
	courseDescription: 'De basiscursus voor studenten verpleegkunde.',
	holderName: 'Zoë Van den Broeck',
	studyHours: 15,
	issued: '2026-12-01T10:20:30.456Z',
	competences: [
		{ id: 'eapc-1', title: '1. De kernprincipes toepassen' },
		{ id: 'eapc-2', title: '2. Lichamelijk comfort verhogen' },
	],
};
const build = (overrides: Record<string, unknown> = {}) => certificateCredential({ siteUrl: `${site}/`, issuerDid: did, certificate, email: 'zoe@example.be', salt: 'f00d', statusIndex: 4242, ...overrides });

describe('the credential of a certificate', () => {
	it('is an OpenBadgeCredential in the VC 2.0 model with the achievement, the hashed recipient and the revocation status', () => {
		const c = build();
		expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(c.id).toBe(`${site}/verifieer/${certificate.code}/`);
		expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(c.issuer).toEqual({ id: did, type: ['Profile'], name: 'Palliwijs', url: `${site}/` });
		expect(c.validFrom).toBe('2026-12-01T10:20:30Z');
		expect(c.credentialSubject.name).toBe('Zoë Van den Broeck');
		expect(c.credentialSubject.identifier).toEqual([
			{ type: 'IdentityObject', identityHash: `sha256$${createHash('sha256').update('zoe@example.bef00d').digest('hex')}`, identityType: 'emailAddress', hashed: true, salt: 'f00d' },
		]);
		const a = c.credentialSubject.achievement;
		expect(a).toMatchObject({ id: `${site}/cursussen/basis-palliatieve-zorg/`, type: ['Achievement'], name: 'Basis palliatieve zorg', description: 'De basiscursus voor studenten verpleegkunde.', creditsAvailable: 15, inLanguage: 'nl' });
		expect(a.criteria.narrative).toMatch(/moduletoets/);
		expect(a.alignment).toEqual([
			expect.objectContaining({ type: ['Alignment'], targetCode: 'eapc-1', targetName: '1. De kernprincipes toepassen', targetUrl: `${site}/competenties/eapc-1/`, targetType: 'ceasn:Competency' }),
			expect.objectContaining({ targetCode: 'eapc-2', targetUrl: `${site}/competenties/eapc-2/` }),
		]);
		expect(a.alignment[0]!.targetFramework).toMatch(/EAPC/);
		expect(c.credentialStatus).toEqual({
			id: `${site}/api/palliwijs/credentials/status/1#4242`,
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: '4242',
			statusListCredential: `${site}/api/palliwijs/credentials/status/1`,
		});
		expect(JSON.stringify(c)).not.toContain('zoe@example.be');
		expect(certifiedFacts(c)).toEqual({ holderName: 'Zoë Van den Broeck', courseTitle: 'Basis palliatieve zorg', studyHours: 15, issued: '2026-12-01T10:20:30Z', competences: ['1. De kernprincipes toepassen', '2. Lichamelijk comfort verhogen'] });
	});

	it('hashes the address case-insensitively and refuses what it cannot state', () => {
		expect(build({ email: ' Zoe@Example.BE ' }).credentialSubject.identifier[0]!.identityHash).toBe(identityHash('zoe@example.be', 'f00d'));
		expect(() => build({ statusIndex: STATUS_LIST_LENGTH })).toThrow(RangeError);
		expect(() => build({ statusIndex: 1.5 })).toThrow(RangeError);
		expect(() => build({ email: '' })).toThrow(TypeError);
		expect(() => build({ certificate: { ...certificate, issued: 'gisteren' } })).toThrow(/not a date/);
		expect(build({ certificate: { ...certificate, courseDescription: '' } }).credentialSubject.achievement.description).toContain('Basis palliatieve zorg');
	});

	it('names the issuer did:web by the site’s host (a port as %3A) and back', () => {
		expect(didWebFor('https://leren.example.be/')).toBe('did:web:leren.example.be');
		expect(didWebFor('http://127.0.0.1:8090')).toBe('did:web:127.0.0.1%3A8090');
		expect(didWebFor('https://example.be/palliwijs/')).toBe('did:web:example.be:palliwijs');
		expect(originOfDidWeb('did:web:leren.example.be')).toBe('https://leren.example.be');
		expect(originOfDidWeb('did:web:127.0.0.1%3A8090')).toBe('http://127.0.0.1:8090');
		expect(originOfDidWeb('did:key:z6Mk')).toBeNull();
	});
});

describe('signing and verifying', () => {
	let dir: string;
	const realFetch = globalThis.fetch;
	const refused: string[] = [];
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'palliwijs-badges-'));
		refused.length = 0;
		globalThis.fetch = (() => {
			throw new Error('no network while signing or verifying');
		}) as typeof fetch;
	});
	afterEach(() => {
		globalThis.fetch = realFetch;
		rmSync(dir, { recursive: true, force: true });
	});
	afterAll(() => {
		globalThis.fetch = realFetch;
	});
	const onRefused = (url: string) => {
		refused.push(url);
	};

	it('keeps the key owner-only in the data directory and reuses it', async () => {
		const store = await loadOrCreateKeys(dir, did);
		expect(statSync(keyFileOf(dir)).mode & 0o777).toBe(0o600);
		expect(statSync(path.dirname(keyFileOf(dir))).mode & 0o777).toBe(0o700);
		expect(store.keys).toHaveLength(1);
		expect(store.keys[0].publicKeyMultibase).toMatch(/^z6Mk/);
		const again = await loadOrCreateKeys(dir, 'did:web:other.example.be');
		expect(again.current).toBe(store.current);
		expect(again.dids).toEqual([did, 'did:web:other.example.be']);
	});

	it('signs with eddsa-rdfc-2022; valid, then tampered when one character changes, revoked through the status list', async () => {
		const store = await loadOrCreateKeys(dir, did);
		const signed = await sign(store, did, build(), onRefused);
		expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${did}#${store.current}` });
		const empty = await signStatusList(store, did, site, [], onRefused);
		expect(await verify(store, signed, empty, onRefused)).toMatchObject({ outcome: 'valid', statusIndex: 4242, facts: { holderName: 'Zoë Van den Broeck' } });

		const tampered = structuredClone(signed);
		tampered.credentialSubject.achievement.name = 'Basis palliatieve zorh';
		expect(await verify(store, tampered, empty, onRefused)).toMatchObject({ outcome: 'tampered' });
		const date = structuredClone(signed);
		date.validFrom = '2026-12-01T10:20:31Z';
		expect(await verify(store, date, empty, onRefused)).toMatchObject({ outcome: 'tampered' });

		const revokedList = await signStatusList(store, did, site, [4242], onRefused);
		expect(await verify(store, signed, revokedList, onRefused)).toMatchObject({ outcome: 'revoked', statusIndex: 4242 });
		const otherRevoked = await signStatusList(store, did, site, [4243], onRefused);
		expect((await verify(store, signed, otherRevoked, onRefused)).outcome).toBe('valid');
		// A status list that was changed after signing is not believed.
		const forgedList = structuredClone(revokedList);
		forgedList.credentialSubject.encodedList = empty.credentialSubject.encodedList;
		await expect(verify(store, signed, forgedList, onRefused)).rejects.toThrow(/status list/i);
		expect(refused).toEqual([]);
	});

	it('says "foreign" for credentials of another issuer or of another kind', async () => {
		const store = await loadOrCreateKeys(dir, did);
		const signed = await sign(store, did, build(), onRefused);
		const list = await signStatusList(store, did, site, [], onRefused);
		expect((await verify(store, { ...signed, issuer: { ...signed.issuer, id: 'did:web:evil.example' } }, list)).outcome).toBe('foreign');
		expect((await verify(store, { ...signed, type: ['VerifiableCredential'] }, list)).outcome).toBe('foreign');
		expect((await verify(store, [signed], list)).outcome).toBe('foreign');
		expect((await verify(store, null, list)).outcome).toBe('foreign');
	});

	it('refuses every URL it does not hold instead of fetching it', async () => {
		const store = await loadOrCreateKeys(dir, did);
		const loader = documentLoaderWith(new Map(), onRefused);
		await expect(loader('https://example.org/context.json')).rejects.toBeInstanceOf(RefusedUrlError);
		expect(refused).toEqual(['https://example.org/context.json']);
		const unsigned = build();
		unsigned['@context'].push('https://example.org/context.json');
		await expect(sign(store, did, unsigned, onRefused)).rejects.toThrow();
		const signed = await sign(store, did, build(), onRefused);
		const list = await signStatusList(store, did, site, [], onRefused);
		const extra = structuredClone(signed);
		extra['@context'].push('https://example.org/other.json');
		expect((await verify(store, extra, list, onRefused)).outcome).toBe('tampered');
		expect(refused).toContain('https://example.org/other.json');
	});

	it('after a key rotation signs with the new key, and credentials signed with the old one keep verifying', async () => {
		const store = await loadOrCreateKeys(dir, did);
		const old = await sign(store, did, build(), onRefused);
		const newKey = await rotateIssuerKey(dir);
		const rotated = readKeys(dir);
		expect(rotated.current).toBe(newKey);
		expect(rotated.keys.map((k: { publicKeyMultibase: string }) => k.publicKeyMultibase)).toEqual([store.current, newKey]);
		expect(rotated.keys[0].secretKeyMultibase).toBeUndefined();
		expect(rotated.keys[0].retired).toBeTruthy();
		expect(readFileSync(keyFileOf(dir), 'utf8')).not.toContain(store.keys[0].secretKeyMultibase);
		expect(statSync(keyFileOf(dir)).mode & 0o777).toBe(0o600);
		const fresh = await sign(rotated, did, build(), onRefused);
		expect(fresh.proof.verificationMethod).toBe(`${did}#${newKey}`);
		const list = await signStatusList(rotated, did, site, [], onRefused);
		expect((await verify(rotated, old, list, onRefused)).outcome).toBe('valid');
		expect((await verify(rotated, fresh, list, onRefused)).outcome).toBe('valid');
	});
});
