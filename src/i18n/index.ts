import { en } from './en';
import { nl, type UiKey } from './nl';
import type { Locale } from './locales';

export type { UiKey } from './nl';
export const dictionaries: Record<Locale, Record<UiKey, string>> = { nl, en };

export type Params = Record<string, string | number>;
export type Translate = (key: UiKey, params?: Params) => string;

/** Fills {name} placeholders; an unknown placeholder stays visible so it is noticed. */
export function interpolate(text: string, params: Params = {}): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The translate function for one locale. */
export function useTranslations(locale: Locale): Translate {
	const dict = dictionaries[locale];
	return (key, params) => interpolate(dict[key], params);
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
