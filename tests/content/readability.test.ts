// Every text written for citizens stays at language level B1 (thresholds: src/lib/content/readability.ts).
import { describe, expect, it } from 'vitest';
import { b1Problems, proseOf, readability } from '../../src/lib/content/readability';
import { contentFiles, lessonFiles, yamlFiles } from '../helpers/content-files';
import { scenarioFiles, scenarioTranslationFiles } from '../helpers/scenarios';
import type { NodeTranslation } from '../../src/schemas/scenario-translation';

const courses = yamlFiles('courses').map((c) => c.data as { audiences: string[]; modules: string[] });
const citizenModules = new Set(courses.filter((c) => c.audiences.includes('citizen')).flatMap((c) => c.modules));
const citizenCases = new Set(scenarioFiles().filter((s) => s.data.audiences.includes('citizen')).map((s) => s.id));
/** The words of a case translation, node by node (same fields as the original's). */
const translationText = (n: NodeTranslation) =>
	'question' in n ? [n.text ?? '', n.question, ...Object.values(n.options).flatMap((o) => [o.text, o.feedback])] : 'learningPoints' in n ? [n.text, ...n.learningPoints] : [n.text];
const texts: { file: string; text: string }[] = [
	...lessonFiles()
		.filter((l) => citizenModules.has(l.module))
		.map((l) => ({ file: l.file, text: proseOf(l.body) })),
	...contentFiles('pages', '.mdx').map((f) => ({ file: f.file, text: proseOf(f.text.replace(/^---[\s\S]*?---/, '')) })),
	...scenarioFiles()
		.filter((s) => s.data.audiences.includes('citizen'))
		.map((s) => ({
			file: s.file,
			text: Object.values(s.data.nodes)
				.flatMap((n) => (n.type === 'scene' ? [n.text] : n.type === 'decision' ? [n.text ?? '', n.question, ...n.options.flatMap((o) => [o.text, o.feedback])] : [n.text, ...n.learningPoints]))
				.join('\n\n'),
		})),
	// Translations of citizen cases (content/scenario-translations/<locale>/<id>.yaml) are held to the same limits.
	...scenarioTranslationFiles()
		.filter((t) => citizenCases.has(t.scenario))
		.map((t) => ({ file: t.file, text: Object.values(t.data.nodes).flatMap(translationText).join('\n\n') })),
];

describe('B1 readability of citizen texts', () => {
	it('covers the citizen course', () => expect(texts.length).toBeGreaterThanOrEqual(12));
	it('covers the English citizen case', () => expect(texts.map((t) => t.file)).toContain('content/scenario-translations/en/zieke-buurvrouw.yaml'));
	for (const { file, text } of texts) it(file, () => expect(b1Problems(readability(text))).toEqual([]));
});

describe('readability', () => {
	it('measures sentences and long words', () => {
		const r = readability('Dit is kort. Een tweede zin met een palliatievezorgteamvergadering erin!');
		expect(r).toMatchObject({ sentences: 2, words: 10, longestSentence: 7 });
		expect(r.longWords).toBeCloseTo(1 / 10);
		expect(b1Problems(readability(Array(30).fill('woord').join(' ') + '.'))).toEqual(['average sentence 30.0 words (max 12)', 'a sentence of 30 words (max 22)']);
	});
});
