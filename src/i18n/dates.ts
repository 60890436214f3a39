import type { Locale } from './locales';

/** The calendar and number conventions of each site language: Flemish Dutch, and British English (day before month). */
const dateTags: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB' };

/**
 * How a date is shown: `long` "7 december 2026" / "7 December 2026" (certificates, the account page),
 * `numeric` "07/12/2026" (tables and CSV), `dateTime` with weekday and time ("when can I try again"),
 * `time` "13:05" (when what was done offline reached the account).
 */
export type DateStyle = 'long' | 'numeric' | 'dateTime' | 'time';

const options: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	long: { day: 'numeric', month: 'long', year: 'numeric' },
	numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
	dateTime: { dateStyle: 'full', timeStyle: 'short' },
	time: { hour: '2-digit', minute: '2-digit' },
};

/**
 * Formats a date in the reader's language; the one place that decides how dates read on the site.
 * Accepts an ISO string, PocketBase's "YYYY-MM-DD HH:MM:SS.sssZ", milliseconds or a Date; an empty or
 * unreadable value gives "" (never "Invalid Date").
 */
export function formatDate(value: string | number | Date, locale: Locale, style: DateStyle = 'long'): string {
	const date = value instanceof Date ? value : new Date(typeof value === 'string' ? value.replace(' ', 'T') : value);
	if (value === '' || Number.isNaN(date.getTime())) return '';
	return new Intl.DateTimeFormat(dateTags[locale], options[style]).format(date);
}

/** A number as the reader writes it: "14,5" in Dutch, "14.5" in English (study hours on certificates). */
export function formatNumber(value: number, locale: Locale): string {
	return new Intl.NumberFormat(dateTags[locale], { maximumFractionDigits: 1 }).format(value);
}
