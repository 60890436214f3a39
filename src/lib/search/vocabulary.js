// The words of one language's index as people write them (not stemmed), for spelling suggestions on the
// search page ("paliatif" → "palliatief"). Plain JavaScript: the build runs it in the index worker.

/**
 * Every word of four letters or more in titles and keywords (glossary aliases included), and every body word
 * used at least twice, lower-case, the most frequent first (the order breaks ties between suggestions).
 * @param {import('./search-doc').SearchDoc[]} docs
 * @returns {string[]}
 */
export function vocabularyOf(docs) {
	/** @type {Map<string, number>} */
	const counts = new Map();
	/** @param {string} text @param {number} weight */
	const count = (text, weight) => {
		for (const word of text.toLowerCase().normalize('NFC').match(/\p{L}+/gu) ?? []) if (word.length >= 4) counts.set(word, (counts.get(word) ?? 0) + weight);
	};
	for (const doc of docs) {
		count(`${doc.title} ${doc.keywords}`, 2);
		count(doc.body, 1);
	}
	return [...counts]
		.filter(([, n]) => n >= 2)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.map(([word]) => word);
}
