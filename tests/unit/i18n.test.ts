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

	it('picks only the keys an island needs', () => {
		expect(pick('nl', ['nav.home'])).toEqual({ 'nav.home': 'Start' });
	});
});
