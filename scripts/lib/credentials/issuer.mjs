// Signing and verifying with Digital Bazaar's libraries: Data Integrity proofs with the eddsa-rdfc-2022
// cryptosuite (Ed25519), VC 2.0 (@digitalbazaar/vc), Bitstring Status List for revocation. Every document
// comes from the bundled contexts or the issuer's own key store (contexts.mjs): nothing from the network.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus, createCredential as createStatusListCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { documentLoaderWith } from './contexts.mjs';
import { certifiedFacts, didDocument, originOfDidWeb, STATUS_LIST_LENGTH, STATUS_LIST_PATH } from './credential.mjs';
import { currentKeyPair } from './keys.mjs';

/** The issuer's own documents: for every DID it has used, its DID document and each verification method. */
function issuerDocuments(store) {
	const documents = new Map();
	for (const did of store.dids) {
		const doc = didDocument(did, store);
		documents.set(did, doc);
		for (const method of doc.verificationMethod) documents.set(method.id, { '@context': doc['@context'], ...method });
	}
	return documents;
}

/** Signs `credential` (unsigned, VC 2.0) as `did` with the current key. */
export async function sign(store, did, credential, onRefused) {
	const keyPair = await currentKeyPair(store, did);
	const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
	return vc.issue({ credential: structuredClone(credential), suite, documentLoader: documentLoaderWith(issuerDocuments(store), onRefused) });
}

/** The signed revocation status list: `revoked` are the status indices of withdrawn credentials. */
export async function signStatusList(store, did, siteUrl, revoked, onRefused) {
	const list = await createList({ length: STATUS_LIST_LENGTH });
	for (const index of revoked) {
		if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_LENGTH) throw new RangeError(`Status index ${index} is outside the list.`);
		list.setStatus(index, true);
	}
	const id = `${siteUrl.replace(/\/+$/, '')}${STATUS_LIST_PATH}`;
	const unsigned = await createStatusListCredential({ id, list, statusPurpose: 'revocation' });
	unsigned.issuer = did;
	unsigned.validFrom = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	return sign(store, did, unsigned, onRefused);
}

const issuerOf = (credential) => (typeof credential?.issuer === 'object' && credential.issuer !== null ? credential.issuer.id : credential?.issuer);
const typesOf = (value) => (Array.isArray(value) ? value : [value]);

/**
 * Verifies a credential someone hands in. `statusList` is the current signed status list (the server keeps it).
 * Outcome: "valid" (signature and status fine), "revoked" (signature fine, withdrawn in the status list),
 * "tampered" (claims to be ours, but the signature does not hold), "foreign" (not a Palliwijs credential).
 * @returns {Promise<{ outcome: 'valid'|'revoked'|'tampered'|'foreign', facts?: ReturnType<typeof certifiedFacts>, statusIndex?: number, problem?: string }>}
 */
export async function verify(store, credential, statusList, onRefused) {
	if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return { outcome: 'foreign', problem: 'not a JSON object' };
	const types = typesOf(credential.type);
	if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) return { outcome: 'foreign', problem: 'not an OpenBadgeCredential' };
	const issuer = issuerOf(credential);
	if (!store.dids.includes(issuer)) return { outcome: 'foreign', problem: `issuer ${issuer} is not Palliwijs` };

	const documents = issuerDocuments(store);
	// The status list is looked up at the address the credential names, on any host this issuer has had.
	for (const did of store.dids) {
		const origin = originOfDidWeb(did);
		if (origin && statusList) documents.set(`${origin}${STATUS_LIST_PATH}`, statusList);
	}
	const documentLoader = documentLoaderWith(documents, onRefused);
	const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
	let signature;
	try {
		// The status is checked below, apart, so a withdrawn credential is told from a tampered one.
		signature = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus: async () => ({ verified: true }) });
	} catch (error) {
		signature = { verified: false, error };
	}
	if (!signature.verified) return { outcome: 'tampered', problem: problemOf(signature) };

	const status = credential.credentialStatus;
	const index = Number.parseInt(status?.statusListIndex, 10);
	if (!status || status.statusPurpose !== 'revocation' || !Number.isInteger(index)) return { outcome: 'tampered', problem: 'no revocation status' };
	const facts = certifiedFacts(credential);
	// The list may come from an earlier host of this issuer, so "same issuer" means any of our DIDs.
	if (!store.dids.includes(issuerOf(statusList))) throw new Error('The status list is not issued by Palliwijs.');
	const checked = await checkStatus({ credential, documentLoader, suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: false });
	if (!checked.verified) throw new Error(`The status list could not be checked: ${checked.error?.message ?? 'unknown reason'}`);
	const revoked = checked.results.some((r) => r.status === true);
	return { outcome: revoked ? 'revoked' : 'valid', facts, statusIndex: index };
}

function problemOf(result) {
	const errors = [result.error, ...(result.results ?? []).map((r) => r.error)].flat().filter(Boolean);
	return errors.map((e) => e.message ?? String(e)).join('; ').slice(0, 500) || 'signature does not verify';
}
