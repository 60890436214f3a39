import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, interpolate, islandTranslator, pick, useTranslations, type UiKey } from '../../src/i18n';
import { locales } from '../../src/i18n/locales';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
	const reference = Object.keys(dictionaries.nl).sort();
	for (const locale of locales) {
		it(`${locale} has exactly the keys of the Dutch dictionary`, () => {
			expect(Object.keys(dictionaries[locale]).sort()).toEqual(reference);
		});
		it(`${locale} has no empty strings and the same placeholders as Dutch`, () => {
			for (const key of reference) {
				const value = (dictionaries[locale] as Record<string, string>)[key]!;
				expect(value.trim(), key).not.toBe('');
				expect(placeholders(value), key).toEqual(placeholders((dictionaries.nl as Record<string, string>)[key]!));
			}
		});
	}

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(interpolate('{done} van {total}', { done: 2, total: 5 })).toBe('2 van 5');
		expect(interpolate('{missing} x', {})).toBe('{missing} x');
		expect(useTranslations('en')('progress.summary', { done: 1, total: 3 })).toBe('1 of 3 steps done');
	});

	it('chooses the plural form through Intl.PluralRules (no "1 lessen", no "(1 antwoorden)", no "0 van 0 toetsen")', () => {
		const nl = useTranslations('nl');
		const en = useTranslations('en');
		expect(nl('course.lessonCount', { count: 1 })).toBe('1 les');
		expect(nl('course.lessonCount', { count: 0 })).toBe('0 lessen');
		expect(nl('course.lessonCount', { count: 12 })).toBe('12 lessen');
		expect(en('course.lessonCount', { count: 1 })).toBe('1 lesson');
		expect(nl('trainer.correctShare', { share: '100%', n: 1 })).toBe('100% juist (1 antwoord)');
		expect(en('trainer.correctShare', { share: '50%', n: 2 })).toBe('50% correct (2 answers)');
		expect(nl('account.courseProgress', { done: 0, total: 4, passed: 0, tests: 0 })).toBe('0 van 4 onderdelen gedaan.');
		expect(nl('account.courseProgress', { done: 1, total: 4, passed: 1, tests: 1 })).toBe('1 van 4 onderdelen gedaan, toets geslaagd.');
		expect(nl('account.courseProgress', { done: 1, total: 4, passed: 0, tests: 1 })).toBe('1 van 4 onderdelen gedaan, toets nog niet geslaagd.');
		expect(en('account.courseProgress', { done: 2, total: 9, passed: 1, tests: 3 })).toBe('2 of 9 steps done, 1 of 3 tests passed.');
		expect(nl('search.count', { count: 1 })).toBe('1 resultaat.');
		// an island passes no locale: Dutch and English share the rule for whole numbers
		expect(interpolate('{n, plural, one {# answer} other {# answers}}', { n: 1 })).toBe('1 answer');
		// a missing count leaves the block visible, so it is noticed
		expect(interpolate('{n, plural, one {#} other {#}}', {})).toBe('{n, plural, one {#} other {#}}');
	});

	it('says 1 poging, 1 les, 1 minuut and leaves out a count of zero in the claim refusal', () => {
		const nl = useTranslations('nl');
		const en = useTranslations('en');
		expect(nl('assessment.attemptsLeftAfter', { left: 1 })).toBe('Je hebt nog 1 poging in deze reeks.');
		expect(nl('assessment.attemptsLeftAfter', { left: 2 })).toBe('Je hebt nog 2 pogingen in deze reeks.');
		expect(en('assessment.attemptsLeftAfter', { left: 1 })).toBe('You have 1 attempt left in this series.');
		expect(nl('progress.summaryAccount', { done: 1 })).toBe('In je account: 1 les gedaan.');
		expect(en('progress.summaryAccount', { done: 3 })).toBe('In your account: 3 lessons done.');
		expect(nl('module.minutes', { minutes: 1 })).toBe('1 minuut');
		expect(nl('lesson.duration', { minutes: 12 })).toBe('Ongeveer 12 minuten');
		expect(en('lesson.duration', { minutes: 1 })).toBe('About 1 minute');
		expect(nl('account.claimMissing', { steps: 3, tests: 0 })).toBe('Nog niet alles is klaar: 3 onderdelen te gaan.');
		expect(nl('account.claimMissing', { steps: 1, tests: 1 })).toBe('Nog niet alles is klaar: 1 onderdeel en 1 toets te gaan.');
		expect(nl('account.claimMissing', { steps: 0, tests: 2 })).toBe('Nog niet alles is klaar: 2 toetsen te gaan.');
		expect(en('account.claimMissing', { steps: 2, tests: 1 })).toBe('Not everything is done yet: 2 steps and 1 test to go.');
		expect(en('account.claimMissing', { steps: 1, tests: 0 })).toBe('Not everything is done yet: 1 step to go.');
	});

	it('picks only the keys an island needs', () => {
		expect(pick('nl', ['nav.home'])).toEqual({ 'nav.home': 'Start' });
	});

	it("an island's translate function fills placeholders from the strings its page picked", () => {
		const t = islandTranslator(pick('en', ['trainer.removeLabel', 'trainer.retry']));
		expect(t('trainer.removeLabel', { name: 'An' })).toBe('Remove An from the group');
		expect(t('trainer.retry')).toBe(dictionaries.en['trainer.retry']);
	});
});

// Every key of the Dutch dictionary (the source of the key type) must be used somewhere, and every key the code names
// must exist in every language. "Used" means the key is written out, in quotes, in a source file other than the
// dictionaries and the islands' keys.ts lists (a key an island picks but never shows is still unused).

const root = path.resolve(__dirname, '../..');
function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(p);
		return /\.(ts|tsx|astro|mjs|js)$/.test(e.name) ? [p] : [];
	});
}
const files = sourceFiles(path.join(root, 'src')).filter((f) => !/[\\/]i18n[\\/](nl|en)\.ts$/.test(f));
const code = files.filter((f) => !/[\\/]keys\.ts$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));
const allCode = code.join('\n');

/**
 * Keys the code builds from a value, so they are never written out whole. Each entry names the template the code uses
 * (it must be in the source, so this list cannot outlive the code) and why the key is built.
 */
const builtKeys: { template: string; keys: UiKey[]; reason: string }[] = [
	{ template: '`audience.${', keys: ['audience.citizen', 'audience.nursing-student', 'audience.professional'], reason: 'one label per audience of the content schema' },
	{ template: '`scenario.quality.${', keys: ['scenario.quality.good', 'scenario.quality.acceptable', 'scenario.quality.poor'], reason: 'the quality of a case option, from the scenario file' },
	{ template: '`scenario.outcome.${', keys: ['scenario.outcome.good', 'scenario.outcome.mixed', 'scenario.outcome.poor'], reason: 'the outcome of a case ending, from the scenario file' },
	{ template: '`search.type.${', keys: ['search.type.lesson', 'search.type.case', 'search.type.course', 'search.type.term'], reason: 'the kind of a search result, from the index' },
	{ template: '`progress.${', keys: ['progress.offline', 'progress.expired', 'progress.rejected'], reason: 'the save status of a finished case' },
];

const quoted = (key: string) => allCode.includes(`'${key}'`) || allCode.includes(`"${key}"`);

describe('UI keys are used and exist in every language', () => {
	it('the source was read (guard)', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(allCode).toContain("'trainer.retry'");
	});

	it('every key of the Dutch dictionary is named in the source, or listed as built from a value', () => {
		const built = new Set(builtKeys.flatMap((b) => b.keys));
		const unused = (Object.keys(dictionaries.nl) as UiKey[]).filter((k) => !quoted(k) && !built.has(k));
		expect(unused).toEqual([]);
	});

	it('every listed built key exists and its template is really in the source', () => {
		for (const b of builtKeys) {
			expect(allCode, b.template).toContain(b.template);
			for (const k of b.keys) expect(Object.keys(dictionaries.nl), k).toContain(k);
		}
	});

	it('every key an island picks or the code translates exists in both languages', () => {
		const named = new Set<string>();
		const lists = files.filter((f) => /[\\/]keys\.ts$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));
		expect(lists.length).toBeGreaterThanOrEqual(6);
		for (const text of lists) for (const m of text.matchAll(/^\t'([^']+)',$/gm)) named.add(m[1]!);
		for (const text of code) for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) named.add(m[1]!);
		expect(named.size).toBeGreaterThan(200);
		for (const locale of locales) {
			const missing = [...named].filter((k) => !(k in dictionaries[locale]));
			expect(missing, locale).toEqual([]);
		}
	});

	it('no island falls back to the key name for a missing string', () => {
		const islands = files.filter((f) => f.endsWith('.tsx'));
		for (const f of islands) {
			const text = fs.readFileSync(f, 'utf8');
			expect(text, path.relative(root, f)).not.toMatch(/strings\[key\]\s*\?\?/);
			expect(text, path.relative(root, f)).not.toMatch(/strings:\s*Record<string,\s*string>/);
		}
	});
});
