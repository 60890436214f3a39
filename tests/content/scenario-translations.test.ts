// Every translation of a case covers exactly its original; the citizen case exists in English (issue 20, item 6).
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../src/lib/scenario/translation';
import { scenarioFiles, scenarioInLocale, scenarioTranslationFiles } from '../helpers/scenarios';

const scenarios = scenarioFiles();
const translations = scenarioTranslationFiles();

/** The texts of a node as one string: for comparing what a translation keeps. */
const textsOf = (node: object): string => JSON.stringify(node);
const numbers = (text: string) => (text.match(/\d+/g) ?? []).sort();

describe('scenario translations', () => {
	it('include the citizen case in English', () => {
		for (const s of scenarios.filter((x) => x.data.audiences.includes('citizen') && x.data.language !== 'en')) {
			expect(translations.map((t) => t.id), `${s.file} has no content/scenario-translations/en/${s.id}.yaml`).toContain(`en/${s.id}`);
		}
	});

	for (const t of translations) {
		describe(t.file, () => {
			const original = scenarios.find((s) => s.id === t.scenario);
			it('has an original in another language', () => {
				expect(original, `no content/scenarios/${t.scenario}.yaml`).toBeDefined();
				expect(original!.data.language).not.toBe(t.locale);
			});
			it('covers exactly the nodes and options of the original', () => expect(translationProblems(original!.data, t.data)).toEqual([]));
			it('keeps every number of the original (a phone number, an age: nothing added, nothing lost)', () => {
				for (const [id, node] of Object.entries(t.data.nodes)) {
					const source = original!.data.nodes[id]!;
					const words = source.type === 'decision' ? { ...source, options: source.options.map((o) => ({ text: o.text, feedback: o.feedback })) } : source;
					expect(numbers(textsOf(node)), `${t.file} → nodes.${id}`).toEqual(numbers(textsOf(words)));
				}
			});
		});
	}

	it('the English neighbour case shows English texts with the same graph', () => {
		const { data, translated } = scenarioInLocale('zieke-buurvrouw', 'en');
		const dutch = scenarios.find((s) => s.id === 'zieke-buurvrouw')!.data;
		expect(translated).toBe(true);
		expect(data.language).toBe('en');
		expect(data.nodes[data.start]).toMatchObject({ type: 'scene', title: 'News over the hedge', next: (dutch.nodes[dutch.start] as { next: string }).next });
		expect(Object.keys(data.nodes)).toEqual(Object.keys(dutch.nodes));
	});
});
