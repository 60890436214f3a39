import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/i18n/dates';
import { pageLocale } from '../../src/i18n/locales';

describe('dates in the reader’s language (one helper for the whole site)', () => {
	it('writes the month in the reader’s language', () => {
		expect(formatDate('2026-03-23T10:00:00Z', 'nl')).toBe('23 maart 2026');
		expect(formatDate('2026-03-23T10:00:00Z', 'en')).toBe('23 March 2026');
	});
	it('reads PocketBase dates, milliseconds and Date objects', () => {
		expect(formatDate('2026-11-23 10:00:00.000Z', 'nl', 'numeric')).toBe('23/11/2026');
		expect(formatDate('2026-11-23 10:00:00.000Z', 'en', 'numeric')).toBe('23/11/2026');
		expect(formatDate(Date.UTC(2026, 0, 5, 12), 'en')).toBe('5 January 2026');
		expect(formatDate(new Date(Date.UTC(2026, 0, 5, 12)), 'nl')).toBe('5 januari 2026');
	});
	it('names the weekday and time in the reader’s language', () => {
		expect(formatDate('2026-12-07T12:00:00Z', 'nl', 'dateTime')).toMatch(/^maandag 7 december 2026/);
		expect(formatDate('2026-12-07T12:00:00Z', 'en', 'dateTime')).toMatch(/^Monday(,)? 7 December 2026/);
	});
	it('gives an empty string, never "Invalid Date", for a missing or broken date', () => {
		expect(formatDate('', 'nl')).toBe('');
		expect(formatDate('not a date', 'en', 'numeric')).toBe('');
	});
	it('writes numbers the reader’s way: a decimal comma in Dutch', () => {
		expect(formatNumber(14.5, 'nl')).toBe('14,5');
		expect(formatNumber(14.5, 'en')).toBe('14.5');
		expect(formatNumber(3, 'nl')).toBe('3');
	});
	it('writes a time of day as two-digit hours and minutes (local time), in both languages', () => {
		expect(formatDate(new Date(2026, 11, 7, 13, 5), 'nl', 'time')).toBe('13:05');
		expect(formatDate(new Date(2026, 11, 7, 0, 5), 'en', 'time')).toBe('00:05');
		expect(formatDate('', 'nl', 'time')).toBe('');
	});
	it('reads the page language from <html lang>, the default for anything unknown', () => {
		expect(pageLocale('en')).toBe('en');
		expect(pageLocale('nl-BE')).toBe('nl');
		expect(pageLocale('fr')).toBe('nl');
		expect(pageLocale('')).toBe('nl');
		expect(pageLocale(undefined)).toBe('nl');
	});
});
