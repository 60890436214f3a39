// lunr with Dutch stemming (lunr-languages) for Dutch pages and lunr's own English for English pages.
// Plain JavaScript, typed with JSDoc: the build also loads it in a worker thread
// (src/lib/search/index-worker.mjs), and Node 20 cannot run TypeScript there.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import dutch from 'lunr-languages/lunr.nl.js';
import { vocabularyOf } from './vocabulary.js';

let ready = false;
/**
 * The lunr function, with the Dutch plugin registered once.
 * @returns {typeof lunr}
 */
export function lunrFor() {
	if (!ready) {
		stemmerSupport(lunr);
		dutch(lunr);
		ready = true;
	}
	return lunr;
}

/**
 * Builds the index of one language: the title weighs most, then keywords, then the body.
 * @param {import('../../i18n/locales').Locale} locale
 * @param {import('./search-doc').SearchDoc[]} docs
 * @returns {lunr.Index}
 */
function buildIndex(locale, docs) {
	const l = lunrFor();
	return l(function () {
		if (locale === 'nl') this.use(/** @type {{ nl: lunr.Builder.Plugin }} */ (/** @type {unknown} */ (l)).nl);
		this.ref('id');
		this.field('title', { boost: 10 });
		this.field('keywords', { boost: 4 });
		this.field('body');
		for (const d of docs) this.add(d);
	});
}

/**
 * The search index file of one language (/zoekindex/<locale>.json) as JSON text: the lunr index, the
 * documents without their indexed words (for the result list), the glossary synonyms and the vocabulary
 * for spelling suggestions.
 * @param {import('../../i18n/locales').Locale} locale
 * @param {import('./search-doc').SearchDoc[]} docs
 * @param {import('./query').Synonyms} synonyms
 * @returns {string}
 */
export function indexFileJson(locale, docs, synonyms) {
	const index = buildIndex(locale, docs);
	return JSON.stringify({
		locale,
		index: index.toJSON(),
		docs: docs.map(({ body: _body, keywords: _keywords, ...doc }) => doc),
		synonyms,
		vocabulary: vocabularyOf(docs),
	});
}
