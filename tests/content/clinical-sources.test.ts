// Every lesson that teaches symptom management or the law cites the guideline or law text it rests on.
// A lesson is clinical when it belongs to a symptom module or its text treats medicines for symptoms;
// it is legal when it explains euthanasia, the patients' rights act or advance directives (three or more mentions).
import { describe, expect, it } from 'vitest';
import { lessonFiles, prose } from '../helpers/content-files';

const symptomModules = new Set(['comfort-en-symptomen', 'symptoomcontrole-en-stervensfase']);
const clinicalText = /\b(morfine|opioïd\w*|delier|dyspneu|reutel\w*|palliatieve sedatie|doorbraakpijn)\b/i;
const legalText = /\b(euthanasie|patiëntenrechten|wilsverklaring\w*|vertegenwoordiger)\b/gi;
/** What a guideline citation looks like: the bodies that issue them, or the word itself. */
const guideline = /(richtlijn|guideline|pallialine|NICE|World Health Organization|WHO guidelines|EAPC|Federatie Palliatieve Zorg|KCE|recommendations)/i;
/** What a law citation looks like: a Belgian law with its date, or the official journal. */
const lawText = /(\bwet van \d{1,2} \w+ \d{4}|\bwet betreffende\b|Belgisch Staatsblad|\bB\.S\.|ejustice|Staatsblad)/i;

type Source = { citation: string };
const lessons = lessonFiles().filter((l) => l.locale === 'nl');
const clinical = lessons.filter((l) => symptomModules.has(l.module) || clinicalText.test(prose(l.body)));
/** A passing mention is not a legal lesson: three or more mentions are. */
const legal = lessons.filter((l) => (prose(l.body).match(legalText) ?? []).length >= 3);

describe('clinical lessons cite a guideline', () => {
	it('finds the symptom lessons', () => expect(clinical.length).toBeGreaterThanOrEqual(12));
	for (const l of clinical)
		it(l.file, () => {
			const sources = (l.frontmatter.sources as Source[]).map((s) => s.citation);
			expect(sources.some((c) => guideline.test(c)), `no guideline among: ${sources.join(' | ')}`).toBe(true);
		});
});

describe('legal lessons cite the law', () => {
	it('finds the legal lessons', () => expect(legal.length).toBeGreaterThanOrEqual(4));
	for (const l of legal)
		it(l.file, () => {
			const sources = (l.frontmatter.sources as Source[]).map((s) => s.citation);
			expect(sources.some((c) => lawText.test(c)), `no law text among: ${sources.join(' | ')}`).toBe(true);
		});
});
