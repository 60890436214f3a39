// Suggestions on the search page: a spelling close to what was typed ("paliatif" → "palliatief",
// "morphine" → "morfine") and glossary terms that look like the query when nothing was found.
import type lunr from 'lunr';
import { queryWords, type ResultDoc, type Synonyms } from './query';

/**
 * A word as it sounds rather than as it is spelled, so common slips weigh nothing: accents dropped,
 * ph/f, th/t, ch/g, c/k, y/i, ij/ei, z/s, v/f, and doubled letters written once.
 */
export function soundOf(word: string): string {
	return word
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/ph/g, 'f')
		.replace(/th/g, 't')
		.replace(/ck/g, 'k')
		.replace(/ch/g, 'g')
		.replace(/qu/g, 'kw')
		.replace(/c/g, 'k')
		.replace(/x/g, 'ks')
		.replace(/y/g, 'i')
		.replace(/ij/g, 'ei')
		.replace(/z/g, 's')
		.replace(/v/g, 'f')
		.replace(/(.)\1+/g, '$1');
}

// Three rows of the distance table, reused between calls (thousands of words are compared per query).
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edits (insert, delete, replace, swap two neighbours) between two words; stops counting above `max`
 * and then returns max + 1.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
	let [prevPrev, prev, row] = rows;
	for (let j = 0; j <= b.length; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		row[0] = i;
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
			if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prevPrev[j - 2]! + 1);
			row[j] = d;
			if (d < best) best = d;
		}
		if (best > max) return max + 1;
		[prevPrev, prev, row] = [prev, row, prevPrev];
	}
	return Math.min(prev[b.length]!, max + 1);
}

/** How many slips a word of this length may hold and still count as meant: 1 up to 4 letters, 2 up to 8, then 3. */
export function allowedEdits(length: number): number {
	return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

export interface Vocabulary {
	/** Words as written, the most frequent first. */
	words: string[];
	/** soundOf of each word, same order. */
	sounds: string[];
	/** Position of each word in `words` (lower is more frequent). */
	rank: Map<string, number>;
}

export function prepareVocabulary(words: string[]): Vocabulary {
	return { words, sounds: words.map(soundOf), rank: new Map(words.map((w, i) => [w, i])) };
}

/**
 * The site's own spelling of a word that the glossary lists as another name of a term and that sounds the same
 * ("morphine" → "morfine" in Dutch, "morfine" → "morphine" in English): the sound-alike that the texts use more.
 */
function preferredSpelling(word: string, vocabulary: Vocabulary, synonyms: Synonyms): string | null {
	const own = vocabulary.rank.get(word) ?? Infinity;
	const sound = soundOf(word);
	let best: string | null = null;
	for (const other of synonyms[word] ?? []) {
		const rank = vocabulary.rank.get(other) ?? Infinity;
		if (rank < own && editDistance(sound, soundOf(other), allowedEdits(word.length)) <= allowedEdits(word.length) && (best === null || rank < vocabulary.rank.get(best)!)) best = other;
	}
	return best;
}

/** The word of the vocabulary closest to `word` (by sound, then by spelling, then the more frequent), or null. */
export function closestWord(word: string, vocabulary: Vocabulary): string | null {
	const sound = soundOf(word);
	const max = allowedEdits(word.length);
	let best: { word: string; bySound: number; bySpelling: number } | null = null;
	for (let i = 0; i < vocabulary.words.length; i++) {
		const candidate = vocabulary.words[i]!;
		if (candidate === word) return null;
		const bySound = editDistance(sound, vocabulary.sounds[i]!, max);
		if (bySound > max || (best && bySound > best.bySound)) continue;
		const bySpelling = editDistance(word, candidate, max + 2);
		if (!best || bySound < best.bySound || bySpelling < best.bySpelling) best = { word: candidate, bySound, bySpelling };
	}
	return best?.word ?? null;
}

/** True when lunr finds the word itself (after stemming), without prefixes or forgiven typos. */
function indexed(index: lunr.Index, word: string): boolean {
	try {
		return index.query((q) => q.term(word, {})).length > 0;
	} catch {
		return false;
	}
}

/** A known word that `word` starts (typing is not finished) or ends in up to three more letters (mantelzorg-ers). */
function knownForm(word: string, vocabulary: Vocabulary): boolean {
	return vocabulary.words.some((w) => w.startsWith(word) || (word.startsWith(w) && word.length - w.length <= 3));
}

/**
 * A spelling of the query that the site knows, or null: a glossary alias that sounds like its term and that the
 * texts do not use becomes the spelling they use more (morphine → morfine); each other word of four letters or more that the index does
 * not hold (and that is neither a glossary abbreviation nor a known word begun or with an ending) is replaced by
 * the closest word of the vocabulary. Offered only when it differs from the query and `finds` says it finds something.
 */
export function spellingSuggestion(query: string, index: lunr.Index, vocabulary: Vocabulary, synonyms: Synonyms, finds: (query: string) => boolean): string | null {
	const words = queryWords(query);
	const known = new Set(Object.keys(synonyms).flatMap((k) => k.split(' ')));
	let changed = false;
	const corrected = words.map((word) => {
		// Only for a word the texts do not use themselves: 'mantelzorg' is a word of the site, not a slip for 'mantelzorger'.
		const preferred = word.length >= 4 && !indexed(index, word) ? preferredSpelling(word, vocabulary, synonyms) : null;
		if (preferred) {
			changed = true;
			return preferred;
		}
		if (word.length < 4 || known.has(word) || indexed(index, word) || knownForm(word, vocabulary)) return word;
		const closest = closestWord(word, vocabulary);
		if (!closest) return word;
		changed = true;
		return closest;
	});
	if (!changed) return null;
	const suggestion = corrected.join(' ');
	return finds(suggestion) ? suggestion : null;
}

/**
 * Glossary terms whose name or other name looks like a word of the query (close by sound, or one word holding
 * the other), the closest first (then the shorter name), at most `limit`.
 */
const termNames = new WeakMap<ResultDoc, { word: string; sound: string }[]>();
function namesOf(doc: ResultDoc) {
	let names = termNames.get(doc);
	if (!names) {
		names = [doc.title, ...(doc.aliases ?? [])]
			.flatMap((n) => queryWords(n))
			.filter((w) => w.length >= 3)
			.map((word) => ({ word, sound: soundOf(word) }));
		termNames.set(doc, names);
	}
	return names;
}

export function glossarySuggestions(query: string, terms: ResultDoc[], limit = 4): ResultDoc[] {
	const words = queryWords(query).filter((w) => w.length >= 3);
	if (words.length === 0) return [];
	const scored: { doc: ResultDoc; cost: number }[] = [];
	for (const doc of terms) {
		if (doc.type !== 'term') continue;
		let cost = Infinity;
		for (const word of words) {
			const sound = soundOf(word);
			const max = allowedEdits(word.length);
			for (const name of namesOf(doc)) {
				if (name.word === word) cost = Math.min(cost, 0);
				else if (word.length >= 4 && name.word.length >= 4 && (name.word.includes(word) || word.includes(name.word))) cost = Math.min(cost, 1);
				else {
					const d = editDistance(sound, name.sound, max);
					if (d <= max) cost = Math.min(cost, 1 + d);
				}
			}
		}
		if (cost < Infinity) scored.push({ doc, cost });
	}
	return scored
		.sort((a, b) => a.cost - b.cost || a.doc.title.length - b.doc.title.length || a.doc.title.localeCompare(b.doc.title))
		.slice(0, limit)
		.map((s) => s.doc);
}
