// Search against the real built index (dist/zoekindex/<locale>.json): what people type finds what they mean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lunrFor } from '../../src/lib/search/lunr-setup';
import { search, type ResultDoc, type Synonyms } from '../../src/lib/search/query';
import { root } from '../helpers/content-files';

function load(locale: 'nl' | 'en') {
	const data = JSON.parse(readFileSync(path.join(root, `dist/zoekindex/${locale}.json`), 'utf8')) as { index: object; docs: ResultDoc[]; synonyms: Synonyms };
	const index = lunrFor().Index.load(data.index);
	const docs = new Map(data.docs.map((d) => [d.id, d]));
	return (q: string, audience?: string) => search(index, docs, q, data.synonyms, audience);
}
const nl = load('nl');
const en = load('en');
const titles = (results: { doc: ResultDoc }[], n = 10) => results.slice(0, n).map((r) => r.doc.title.toLowerCase());

describe('Dutch search', () => {
	it('finds "gesprek" when people type "gesprekken" (Dutch stemming)', () => {
		expect(titles(nl('gesprekken')).some((t) => t.includes('gesprek'))).toBe(true);
		expect(titles(nl('gesprek')).some((t) => t.includes('gesprek'))).toBe(true);
	});
	it('finds advance care planning through ACP and the other way round', () => {
		expect(titles(nl('ACP')).some((t) => t.includes('zorgplanning'))).toBe(true);
		expect(nl('vroegtijdige zorgplanning').length).toBeGreaterThan(0);
	});
	it('finds palliative care through PZ', () => {
		expect(titles(nl('PZ')).some((t) => t.includes('palliatieve zorg'))).toBe(true);
	});
	it('forgives one typo', () => {
		expect(titles(nl('mantelzorgr')).some((t) => t.includes('mantelzorg'))).toBe(true);
		expect(titles(nl('euthenasie')).some((t) => t.includes('euthanasie'))).toBe(true);
	});
	it('ranks a title match above a body match', () => {
		expect(nl('mantelzorgers')[0]!.doc.title.toLowerCase()).toContain('mantelzorg');
	});
	it('never breaks on empty, long or odd queries', () => {
		for (const q of ['', '   ', '"', 'zorg:', '*', '~2', '^', '+-', 'a:b:c', '"palliatieve zorg"', '😀', 'x'.repeat(5000), 'zorg~1^3*', '\\', '<script>']) {
			expect(() => nl(q)).not.toThrow();
		}
		expect(nl('"palliatieve zorg"').length).toBeGreaterThan(0);
	});
	it('filters by audience', () => {
		const results = nl('rouw', 'citizen');
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((r) => r.doc.audiences.includes('citizen'))).toBe(true);
	});
});

describe('English search', () => {
	it('stems English and finds the English pages', () => {
		const results = en('conversations');
		expect(results.length).toBeGreaterThan(0);
		expect(results[0]!.doc.href.startsWith('/en/')).toBe(true);
	});
	it('indexes a Dutch-only lesson by title and description, not by its Dutch body', () => {
		const data = JSON.parse(readFileSync(path.join(root, 'dist/zoekindex/en.json'), 'utf8')) as { docs: { id: string; snippet: string }[] };
		const lesson = data.docs.find((d) => d.id === 'lesson:comfort-en-symptomen/comfortzorg')!;
		expect(lesson.snippet.length).toBeLessThan(400);
		expect(en('comfortzorg').some((r) => r.doc.id === lesson.id)).toBe(true);
	});
	it('finds advance care planning through ACP', () => expect(titles(en('ACP')).some((t) => t.includes('care planning') || t.includes('zorgplanning'))).toBe(true));
});

describe('symptom lessons are found (issue 20)', () => {
	// The symptom modules, and the citizen lessons that teach relatives about symptoms and the last days.
	const symptomLesson = (r: { doc: ResultDoc }) => /^lesson:(comfort-en-symptomen|symptoomcontrole-en-stervensfase)\/|^lesson:(afscheid-en-rouw\/de-laatste-dagen|zorgen-voor-iemand\/zelf-kleine-zorg-geven)$/.test(r.doc.id);
	for (const q of ['morfine', 'pijn', 'delier', 'reutelen', 'kortademig', 'dyspneu', 'doorbraakpijn'])
		it(`nl: "${q}" finds a symptom lesson among the first five`, () => expect(nl(q).slice(0, 5).some(symptomLesson), q).toBe(true));
	for (const q of ['morphine', 'pain', 'delirium', 'death rattle', 'breathlessness'])
		it(`en: "${q}" finds a symptom lesson among the first five`, () => expect(en(q).slice(0, 5).some(symptomLesson), q).toBe(true));
});
