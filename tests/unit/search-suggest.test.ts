// Search page helpers: snippets cut between words with the matches marked, spelling and glossary suggestions.
import { describe, expect, it } from 'vitest';
import { indexFileJson, lunrFor } from '../../src/lib/search/lunr-setup';
import { search, type ResultDoc } from '../../src/lib/search/query';
import { snippetParts, type SnippetPart } from '../../src/lib/search/snippet';
import { allowedEdits, closestWord, editDistance, glossarySuggestions, prepareVocabulary, soundOf, spellingSuggestion } from '../../src/lib/search/suggest';
import { vocabularyOf } from '../../src/lib/search/vocabulary';
import type { SearchDoc } from '../../src/lib/search/search-doc';

const joined = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: SnippetPart[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('snippetParts', () => {
	const text =
		'Een goed gesprek over het levenseinde begint met luisteren. Vraag wat iemand al weet en wat hij wil weten. ' +
		'Familiegesprekken vragen voorbereiding: wie is er, wat is de vraag, wie leidt het gesprek? Daarna volgt een verslag voor het hele team en de huisarts.';

	it('cuts before and after the match between words and marks every matching word whole', () => {
		const parts = snippetParts(text, 'gesprekken', { before: 20, after: 40 });
		expect(joined(parts)).toBe('…wat hij wil weten. Familiegesprekken vragen voorbereiding: wie is er, wat is…');
		expect(marked(parts)).toEqual(['Familiegesprekken']);
	});

	it('never cuts a word in two, whatever the window', () => {
		const words = new Set(text.match(/[\p{L}\p{N}]+/gu));
		for (let before = 0; before < 60; before += 7)
			for (let after = 0; after < 90; after += 11) {
				const out = joined(snippetParts(text, 'verslag', { before, after })).replace(/…/g, ' ');
				for (const w of out.match(/[\p{L}\p{N}]+/gu)!) expect(words.has(w), `${w} (before ${before}, after ${after})`).toBe(true);
			}
	});

	it('marks all matching words in the window, case-insensitively', () => {
		const parts = snippetParts(text, 'GESPREK', { before: 200, after: 300 });
		expect(marked(parts)).toEqual(['gesprek', 'Familiegesprekken', 'gesprek']);
		expect(joined(parts)).toBe(text);
	});

	it('shows the start of the text cut between words when nothing matches', () => {
		const parts = snippetParts(text, 'morfine', { plain: 50 });
		expect(parts).toEqual([{ text: 'Een goed gesprek over het levenseinde begint met…', mark: false }]);
	});

	it('keeps a short text whole and adds no ellipsis', () => {
		expect(snippetParts('Rouw is bij iedereen anders.', 'rouw')).toEqual([
			{ text: 'Rouw', mark: true },
			{ text: ' is bij iedereen anders.', mark: false },
		]);
	});

	it('extends to the end of a long word rather than cut it', () => {
		expect(joined(snippetParts('pijn ' + 'a'.repeat(30) + ' einde', 'pijn', { after: 10 }))).toBe(`pijn ${'a'.repeat(30)}…`);
	});
});

describe('spelling helpers', () => {
	it('hears common slips as the same word', () => {
		expect(soundOf('morphine')).toBe(soundOf('morfine'));
		expect(soundOf('rouwferwerking')).toBe(soundOf('rouwverwerking'));
		expect(soundOf('Patiënt')).toBe('patient');
		expect(soundOf('paliatief')).toBe(soundOf('palliatief'));
	});
	it('counts edits, swaps as one, and stops above the limit', () => {
		expect(editDistance('delier', 'delier', 2)).toBe(0);
		expect(editDistance('deleir', 'delier', 2)).toBe(1);
		expect(editDistance('palliatif', 'palliatief', 2)).toBe(1);
		expect(editDistance('kat', 'hond', 2)).toBe(3);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});
	it('allows more slips in longer words', () => expect([3, 4, 5, 8, 9, 14].map(allowedEdits)).toEqual([1, 1, 2, 2, 3, 3]));
	it('picks the closest word, then the more frequent one', () => {
		const vocabulary = prepareVocabulary(['palliatieve', 'palliatief', 'morfine', 'mantelzorg', 'pijn']);
		expect(closestWord('paliatif', vocabulary)).toBe('palliatief');
		expect(closestWord('morphine', vocabulary)).toBe('morfine');
		expect(closestWord('mantelzorch', vocabulary)).toBe('mantelzorg');
		expect(closestWord('morfine', vocabulary)).toBeNull();
		expect(closestWord('xylofoon', vocabulary)).toBeNull();
		// equally close by sound and spelling: the more frequent (earlier) word wins
		expect(closestWord('pein', prepareVocabulary(['pijn', 'pels']))).toBe('pijn');
	});
});

const doc = (id: string, title: string, body: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({ id, type: 'lesson', title, course: 'Cursus', href: `/${id}/`, audiences: ['citizen'], snippet: body, keywords: '', body, ...extra });
const docs: SearchDoc[] = [
	doc('a', 'Wat is palliatieve zorg?', 'Palliatieve zorg is zorg voor wie ernstig ziek is. Een palliatief team helpt thuis. Palliatief denken begint vroeg.'),
	doc('b', 'Morfine: wat het doet', 'Morfine verlicht pijn en kortademigheid. Morfine versnelt het sterven niet.'),
	doc('c', 'Mantelzorg', 'Mantelzorg vraagt veel. Wie mantelzorg geeft, mag hulp vragen.'),
	doc('term:sedatie', 'palliatieve sedatie', 'Het bewustzijn verlagen om lijden te verlichten.', { type: 'term', aliases: ['sedatie', 'palliative sedation'] }),
	doc('term:acp', 'vroegtijdige zorgplanning', 'Praten over je wensen voor later.', { type: 'term', aliases: ['ACP', 'advance care planning'] }),
];

describe('suggestions against a small index', () => {
	const data = JSON.parse(indexFileJson('nl', docs, { acp: ['vroegtijdige', 'zorgplanning'] })) as { index: object; docs: ResultDoc[]; vocabulary: string[]; synonyms: Record<string, string[]> };
	const index = lunrFor().Index.load(data.index);
	const byId = new Map(data.docs.map((d) => [d.id, d]));
	const finds = (q: string) => search(index, byId, q, data.synonyms).length > 0;
	const vocabulary = prepareVocabulary(data.vocabulary);

	it('ships the written words, most frequent first, without one-off body words', () => {
		// palliatieve: two titles (2 each) and a body; mantelzorg and morfine tie (title and two body words): alphabetical
		expect(data.vocabulary.slice(0, 3)).toEqual(['palliatieve', 'mantelzorg', 'morfine']);
		expect(data.vocabulary).toContain('palliatief');
		expect(data.vocabulary).not.toContain('versnelt');
		expect(vocabularyOf(docs)).toEqual(data.vocabulary);
	});

	it('offers a known spelling for a misspelled word, and only when it finds something', () => {
		expect(finds('paliatif')).toBe(false);
		expect(spellingSuggestion('paliatif', index, vocabulary, data.synonyms, finds)).toBe('palliatief');
		expect(spellingSuggestion('morphine', index, vocabulary, data.synonyms, finds)).toBe('morfine');
		expect(spellingSuggestion('wat doet morphine', index, vocabulary, data.synonyms, finds)).toBe('wat doet morfine');
		expect(spellingSuggestion('paliatif', index, vocabulary, data.synonyms, () => false)).toBeNull();
	});

	it('offers the spelling the texts use for a sound-alike glossary alias, in either direction', () => {
		// "morphine" is an alias of the term morfine: found, but the Dutch texts write "morfine"
		const withAlias = { ...data.synonyms, morphine: ['morfine'], morfine: ['morphine', 'opioïden'] };
		const vocab = prepareVocabulary([...data.vocabulary, 'morphine', 'opioïden']);
		expect(spellingSuggestion('morphine', index, vocab, withAlias, finds)).toBe('morfine');
		expect(spellingSuggestion('morfine', index, vocab, withAlias, finds)).toBeNull();
		// where "morphine" is the more used spelling (an English index) it goes the other way
		const englishData = JSON.parse(indexFileJson('en', [doc('b', 'Morphine', 'Morphine eases pain and breathlessness. Morphine does not hasten death.')], {})) as { index: object };
		const englishIndex = lunrFor().Index.load(englishData.index);
		const english = prepareVocabulary(['morphine', 'pain', 'morfine']);
		expect(spellingSuggestion('morfine', englishIndex, english, withAlias, () => true)).toBe('morphine');
		// a word the texts use themselves is no slip, even when a sound-alike alias is used more
		expect(spellingSuggestion('morfine', index, english, withAlias, () => true)).toBeNull();
		// an abbreviation does not sound like its term: no suggestion
		expect(spellingSuggestion('acp', index, vocab, withAlias, finds)).toBeNull();
	});

	it('offers nothing for words the index holds, abbreviations, the start of a word, or words too far off', () => {
		for (const q of ['morfine', 'mantelzorgers', 'ACP', 'pallia', 'xylofoon', '', '"*'])
			expect(spellingSuggestion(q, index, vocabulary, data.synonyms, finds), q).toBeNull();
	});

	it('suggests glossary terms close to the query, closest first', () => {
		const terms = [...byId.values()];
		expect(glossarySuggestions('sedasie', terms).map((d) => d.id)).toEqual(['term:sedatie']);
		expect(glossarySuggestions('paliatieve', terms).map((d) => d.id)).toEqual(['term:sedatie']);
		expect(glossarySuggestions('zorgplaning', terms).map((d) => d.id)).toEqual(['term:acp']);
		expect(glossarySuggestions('acp sedasie', terms).map((d) => d.id)).toEqual(['term:acp', 'term:sedatie']);
		expect(glossarySuggestions('sedasie acp', terms).map((d) => d.id)).toEqual(['term:acp', 'term:sedatie']);
		expect(glossarySuggestions('xylofoon', terms)).toEqual([]);
	});
});
