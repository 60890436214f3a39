import { describe, expect, it } from 'vitest';
import { dictionaries, interpolate, pick, useTranslations } from '../../src/i18n';
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

	it('picks only the keys an island needs', () => {
		expect(pick('nl', ['nav.home'])).toEqual({ 'nav.home': 'Start' });
	});
});
