/** The one list of site languages. Dutch (Flemish) is the default and lives at the site root. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

/** BCP 47 tags for <html lang> and speech synthesis. */
export const languageTags: Record<Locale, string> = { nl: 'nl-BE', en: 'en' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The site language of a page from its <html lang> (a BCP 47 tag of languageTags); anything else is the default. */
export function pageLocale(lang: string | undefined): Locale {
	return locales.find((l) => languageTags[l] === lang) ?? defaultLocale;
}
