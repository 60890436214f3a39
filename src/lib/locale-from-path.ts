import { defaultLocale, isLocale, type Locale } from '../i18n/locales';

/** The site language of a path: its first segment when that is a locale, else the default (Dutch). */
export function localeFromPath(pathname: string): Locale {
	const first = pathname.split('/')[1];
	return first !== defaultLocale && isLocale(first) ? first : defaultLocale;
}
