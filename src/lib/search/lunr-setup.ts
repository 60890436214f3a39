// lunr with Dutch stemming (lunr-languages) for Dutch pages and lunr's own English for English pages.
import lunr from 'lunr';
// lunr-languages ships no types; the modules export a function that registers the plugin on lunr.
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import dutch from 'lunr-languages/lunr.nl.js';
import type { Locale } from '../../i18n/locales';

let ready = false;
/** The lunr function, with the Dutch plugin registered once. */
export function lunrFor(): typeof lunr {
	if (!ready) {
		stemmerSupport(lunr);
		dutch(lunr);
		ready = true;
	}
	return lunr;
}

export interface SearchDoc {
	id: string;
	type: 'lesson' | 'case' | 'course' | 'term';
	title: string;
	/** Course(s) it belongs to, for the result line. */
	course: string;
	href: string;
	audiences: string[];
	/** A short text for the result snippet (description and the start of the body). */
	snippet: string;
	keywords: string;
	body: string;
}

/** Builds the index of one language: the title weighs most, then keywords, then the body. */
export function buildIndex(locale: Locale, docs: SearchDoc[]): lunr.Index {
	const l = lunrFor();
	return l(function () {
		if (locale === 'nl') this.use((l as unknown as { nl: lunr.Builder.Plugin }).nl);
		this.ref('id');
		this.field('title', { boost: 10 });
		this.field('keywords', { boost: 4 });
		this.field('body');
		for (const d of docs) this.add(d);
	});
}
