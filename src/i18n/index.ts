import { en } from './en';
import { nl, type UiKey } from './nl';
import { languageTags, type Locale } from './locales';
import { fill } from './fill';

export { fill };

export type { UiKey } from './nl';
export const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

export type Params = Record<string, string | number>;
export type Translate = (key: UiKey, params?: Params) => string;

/** The end of the {…} block that opens at `start` (braces nest), or -1. */
function closing(text: string, start: number): number {
	let depth = 0;
	for (let i = start; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

/** Resolves plural blocks in ICU form, `{count, plural, =0 {…} one {# les} other {# lessen}}`: `=n` matches the
 * exact number, then the category of Intl.PluralRules for the locale; `#` is the number. Dutch and English share
 * their rules for whole numbers (one for 1, other for the rest), so an island that passes no locale is right too. */
function plurals(text: string, params: Params, locale: string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const head = /^\{(\w+), plural,\s*/.exec(text.slice(i));
		if (!head) {
			out += text[i++];
			continue;
		}
		const end = closing(text, i);
		if (end < 0) return out + text.slice(i);
		const name = head[1]!;
		const forms = new Map<string, string>();
		let j = i + head[0].length;
		while (j < end) {
			const sel = /^\s*(=\d+|\w+)\s*\{/.exec(text.slice(j, end));
			if (!sel) break;
			const open = j + sel[0].length - 1;
			const close = closing(text, open);
			forms.set(sel[1]!, text.slice(open + 1, close));
			j = close + 1;
		}
		const value = params[name];
		const n = Number(value);
		const form = name in params && Number.isFinite(n) ? (forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(locale).select(n)) ?? forms.get('other')) : undefined;
		out += form === undefined ? text.slice(i, end + 1) : plurals(form, params, locale).replace(/#/g, String(value));
		i = end + 1;
	}
	return out;
}

/** Fills {name} placeholders and plural blocks; an unknown placeholder stays visible so it is noticed. */
export function interpolate(text: string, params: Params = {}, locale: string = 'nl'): string {
	return fill(plurals(text, params, locale), params);
}

/** The translate function for one locale. */
export function useTranslations(locale: Locale): Translate {
	const dict = dictionaries[locale];
	return (key, params) => interpolate(dict[key], params, languageTags[locale]);
}

/** Picks a set of keys for a client-side script or island, so it does not ship the whole dictionary. */
export function pick<K extends UiKey>(locale: Locale, keys: readonly K[]): Record<K, string> {
	const dict = dictionaries[locale];
	return Object.fromEntries(keys.map((k) => [k, dict[k]])) as Record<K, string>;
}

/**
 * The translate function of an island: typed over the keys its page picked (`keys.ts` next to the island), so a key
 * the page did not pick fails type check instead of showing its name. Every island makes its `t` with this.
 */
export function islandTranslator<K extends UiKey>(strings: Record<K, string>): (key: K, params?: Params) => string {
	return (key, params) => interpolate(strings[key], params);
}
