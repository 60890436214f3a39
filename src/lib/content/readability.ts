/**
 * Simple, explainable readability measures for B1 texts (citizen content). Not a formula that claims
 * a grade level; three numbers a writer can act on: sentence length on average and at most, and the
 * share of very long words (Dutch compounds make texts hard quickly).
 */
export interface Readability {
	sentences: number;
	words: number;
	averageSentence: number;
	longestSentence: number;
	/** Share (0–1) of words with LONG_WORD letters or more. */
	longWords: number;
}

export const LONG_WORD = 14;

/** Markdown/MDX body → plain prose: no knowledge checks, headings, links, list marks or emphasis. */
export function proseOf(body: string): string {
	return body
		.replace(/<KnowledgeCheck[\s\S]*?\/>/g, ' ')
		.replace(/^#{1,6} .*$/gm, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
		.replace(/[*_`[\]>|]/g, ' ');
}

export function readability(text: string): Readability {
	const sentences = text
		.split(/(?<=[.!?])\s+|\n\s*\n/)
		.map((s) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)))
		.filter((s) => s.length > 0);
	const words = sentences.flat();
	const letters = (w: string) => w.replace(/[^\p{L}]/gu, '').length;
	return {
		sentences: sentences.length,
		words: words.length,
		averageSentence: words.length / Math.max(1, sentences.length),
		longestSentence: Math.max(0, ...sentences.map((s) => s.length)),
		longWords: words.filter((w) => letters(w) >= LONG_WORD).length / Math.max(1, words.length),
	};
}

/** The B1 thresholds the tests apply (reasons in the README). */
export const B1 = { averageSentence: 12, longestSentence: 22, longWords: 0.06 } as const;

export function b1Problems(r: Readability): string[] {
	const problems: string[] = [];
	if (r.averageSentence > B1.averageSentence) problems.push(`average sentence ${r.averageSentence.toFixed(1)} words (max ${B1.averageSentence})`);
	if (r.longestSentence > B1.longestSentence) problems.push(`a sentence of ${r.longestSentence} words (max ${B1.longestSentence})`);
	if (r.longWords > B1.longWords) problems.push(`${(r.longWords * 100).toFixed(1)}% words of ${LONG_WORD}+ letters (max ${B1.longWords * 100}%)`);
	return problems;
}
