import type lunr from 'lunr';
import type { SearchDoc } from './search-doc';

export type ResultDoc = Omit<SearchDoc, 'body' | 'keywords'>;
export interface SearchResult {
	doc: ResultDoc;
	score: number;
}

/** Words of a query, cleaned of everything lunr would read as syntax (quotes, colons, stars, tildes, emoji…). */
export function queryWords(query: string): string[] {
	return query
		.slice(0, 200)
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}\s-]/gu, ' ')
		.split(/[\s-]+/)
		.filter((w) => w.length > 0)
		.slice(0, 12);
}

/**
 * Synonyms and abbreviations: every alias of a term finds the term and the other way round.
 * Keys are lower-case phrases; values are the words to add to the query.
 */
export type Synonyms = Record<string, string[]>;

export function expand(words: string[], synonyms: Synonyms): string[] {
	const phrase = ` ${words.join(' ')} `;
	const extra = new Set<string>();
	for (const [key, adds] of Object.entries(synonyms)) if (phrase.includes(` ${key} `)) adds.forEach((a) => extra.add(a));
	return [...new Set([...words, ...extra])];
}

/**
 * Runs a query: each word counts exactly (stemmed), as a prefix, and with one typo forgiven; synonyms add
 * their words with a smaller weight. Never throws: a query lunr cannot read gives no results.
 */
export function search(index: lunr.Index, docs: Map<string, ResultDoc>, query: string, synonyms: Synonyms, audience?: string): SearchResult[] {
	const words = queryWords(query);
	if (words.length === 0) return [];
	const all = expand(words, synonyms);
	let hits: lunr.Index.Result[] = [];
	try {
		hits = index.query((q) => {
			for (const w of all) {
				const own = words.includes(w);
				q.term(w, { boost: own ? 10 : 4 });
				if (w.length >= 3) q.term(w, { boost: own ? 3 : 1, wildcard: 2 /* lunr.Query.wildcard.TRAILING */ });
				if (w.length >= 4) q.term(w, { boost: 1, editDistance: 1 });
			}
		});
	} catch {
		return [];
	}
	return hits
		.map((h) => ({ doc: docs.get(h.ref)!, score: h.score }))
		.filter((r) => r.doc && (!audience || r.doc.audiences.includes(audience)));
}
