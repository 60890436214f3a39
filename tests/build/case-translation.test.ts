// The English site uses a case's English translation everywhere it shows the case's texts (issue 20, item 6).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lunrFor } from '../../src/lib/search/lunr-setup';
import { search, type ResultDoc, type Synonyms } from '../../src/lib/search/query';
import { root } from '../helpers/content-files';
import { scenarioInLocale } from '../helpers/scenarios';

const dist = path.join(root, 'dist');
const english = scenarioInLocale('zieke-buurvrouw', 'en').data;
const dutch = scenarioInLocale('zieke-buurvrouw', 'nl').data;
type Labels = { scenarios: Record<string, { decisions: Record<string, { question: string; options: Record<string, string> }> }> };
const labels = (locale: string) => JSON.parse(readFileSync(path.join(dist, `trainerlabels/${locale}.json`), 'utf8')) as Labels;
const decisionOf = (data: typeof english, id: string) => data.nodes[id] as Extract<(typeof english)['nodes'][string], { type: 'decision' }>;

describe('the English neighbour case in the built site', () => {
	it('the case page carries the English texts and no note that it is in Dutch', () => {
		const page = readFileSync(path.join(dist, 'en/cases/zieke-buurvrouw/index.html'), 'utf8');
		expect(page).toContain('News over the hedge');
		expect(page).not.toContain('Nieuws over de haag');
		expect(page).not.toContain('This case is not yet available in English');
	});

	it('the trainer labels show the decisions in English on /en/ and in Dutch on /', () => {
		const en = labels('en').scenarios['zieke-buurvrouw']!.decisions;
		const nl = labels('nl').scenarios['zieke-buurvrouw']!.decisions;
		expect(en['wie-bellen']!.question).toBe(decisionOf(english, 'wie-bellen').question);
		expect(en['wie-bellen']!.options.a).toBe(decisionOf(english, 'wie-bellen').options.find((o) => o.id === 'a')!.text);
		expect(nl['wie-bellen']!.options.a).toBe(decisionOf(dutch, 'wie-bellen').options.find((o) => o.id === 'a')!.text);
		expect(Object.keys(en)).toEqual(Object.keys(nl));
	});

	it('English search finds the case by words of its English text', () => {
		const data = JSON.parse(readFileSync(path.join(dist, 'zoekindex/en.json'), 'utf8')) as { index: object; docs: ResultDoc[]; synonyms: Synonyms };
		const index = lunrFor().Index.load(data.index);
		const docs = new Map(data.docs.map((d) => [d.id, d]));
		const ids = (q: string) => search(index, docs, q, data.synonyms).map((r) => r.doc.id);
		expect(ids('hedge')).toContain('case:zieke-buurvrouw');
		expect(ids('soup')).toContain('case:zieke-buurvrouw');
	});
});
