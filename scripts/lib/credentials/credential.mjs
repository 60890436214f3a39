// What a Palliwijs certificate says as an Open Badges 3.0 credential (an OpenBadgeCredential in the
// W3C Verifiable Credentials 2.0 data model), the issuer's did:web document, and the revocation status
// list. Pure functions: signing and verifying are in service.mjs.
import { createHash } from 'node:crypto';
import { DID_V1, MULTIKEY_V1, OB_V3, VC_V2 } from './contexts.mjs';

/** The path of the one revocation status list, on the site's origin. */
export const STATUS_LIST_PATH = '/api/palliwijs/credentials/status/1';
/** Bits in the status list: the minimum the Bitstring Status List spec asks for (16 KB), for herd privacy. */
export const STATUS_LIST_LENGTH = 131072;
export const ISSUER_NAME = 'Palliwijs';
export const EAPC_FRAMEWORK = 'EAPC core competencies in palliative care (Gamondi, Larkin & Payne, European Journal of Palliative Care, 2013)';

/** did:web for a site address: the host, with a port written as %3A (did:web spec). */
export function didWebFor(siteUrl) {
	const url = new URL(siteUrl);
	const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
	const pathPart = url.pathname.replace(/\/+$/, '').split('/').filter(Boolean).map(encodeURIComponent);
	return ['did:web', host, ...pathPart].join(':');
}

/** The site's origin a did:web names (inverse of didWebFor, for a DID without a path). */
export function originOfDidWeb(did) {
	const match = /^did:web:([^:]+)$/.exec(did);
	if (!match) return null;
	const host = decodeURIComponent(match[1]);
	const local = /^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(host);
	return `${local ? 'http' : 'https'}://${host}`;
}

/** OB 3.0 IdentityObject hash: "sha256$" + hex(sha256(identity + salt)). */
export function identityHash(identity, salt) {
	return `sha256$${createHash('sha256').update(identity + salt).digest('hex')}`;
}

/** The issuer's DID document: every key (current and retired) as a Multikey verification method. */
export function didDocument(did, store) {
	const methods = store.keys.map((k) => ({ id: `${did}#${k.publicKeyMultibase}`, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase }));
	return {
		'@context': [DID_V1, MULTIKEY_V1],
		id: did,
		verificationMethod: methods,
		assertionMethod: methods.map((m) => m.id),
	};
}

/**
 * The unsigned credential for one certificate.
 * @param {{
 *   siteUrl: string, issuerDid: string,
 *   certificate: { code: string, course: string, courseTitle: string, courseDescription?: string, holderName: string,
 *     studyHours: number, issued: string, competences: { id: string, title: string }[] },
 *   email: string, salt: string, statusIndex: number,
 * }} input
 */
export function certificateCredential({ siteUrl, issuerDid, certificate: c, email, salt, statusIndex }) {
	const site = siteUrl.replace(/\/+$/, '');
	const statusList = `${site}${STATUS_LIST_PATH}`;
	const issued = new Date(c.issued);
	if (Number.isNaN(issued.getTime())) throw new TypeError(`The certificate's issue date "${c.issued}" is not a date.`);
	if (!Number.isInteger(statusIndex) || statusIndex < 0 || statusIndex >= STATUS_LIST_LENGTH) throw new RangeError(`Status index ${statusIndex} is outside the list.`);
	if (!email || !salt) throw new TypeError('A credential needs the holder\'s e-mail address and a salt to hash it with.');
	return {
		'@context': [VC_V2, OB_V3],
		id: `${site}/verifieer/${c.code}/`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: `Palliwijs-certificaat: ${c.courseTitle}`,
		issuer: { id: issuerDid, type: ['Profile'], name: ISSUER_NAME, url: `${site}/` },
		validFrom: issued.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		credentialSubject: {
			type: ['AchievementSubject'],
			name: c.holderName,
			identifier: [{ type: 'IdentityObject', identityHash: identityHash(email.trim().toLowerCase(), salt), identityType: 'emailAddress', hashed: true, salt }],
			achievement: {
				id: `${site}/cursussen/${c.course}/`,
				type: ['Achievement'],
				achievementType: 'Certificate',
				name: c.courseTitle,
				description: c.courseDescription?.trim() || `De Palliwijs-cursus "${c.courseTitle}" over palliatieve zorg.`,
				criteria: {
					narrative:
						'Alle lessen en casussen van de cursus afgewerkt, met de geschatte studietijd, en elke moduletoets van de cursus behaald. De Palliwijs-server stelt dat vast en reikt dan het certificaat uit.',
				},
				creditsAvailable: c.studyHours,
				alignment: c.competences.map((competence) => ({
					type: ['Alignment'],
					targetName: competence.title,
					targetUrl: `${site}/competenties/${competence.id}/`,
					targetCode: competence.id,
					targetFramework: EAPC_FRAMEWORK,
					targetType: 'ceasn:Competency',
				})),
				inLanguage: 'nl',
			},
		},
		credentialStatus: {
			id: `${statusList}#${statusIndex}`,
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: String(statusIndex),
			statusListCredential: statusList,
		},
	};
}

/** What a valid credential certifies, for the verification page (read from the signed credential itself). */
export function certifiedFacts(credential) {
	const subject = credential?.credentialSubject ?? {};
	const achievement = subject.achievement ?? {};
	return {
		holderName: String(subject.name ?? ''),
		courseTitle: String(achievement.name ?? ''),
		studyHours: Number(achievement.creditsAvailable ?? 0),
		issued: String(credential?.validFrom ?? ''),
		competences: (achievement.alignment ?? []).map((a) => String(a.targetName ?? '')),
	};
}
