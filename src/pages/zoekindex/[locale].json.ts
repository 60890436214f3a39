// The search index of one language, built at build time and loaded by the search page on first use.
import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../i18n/locales';
import { searchIndexJson } from '../../catalog/search-index';

export function getStaticPaths() {
	return locales.map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = async ({ params }) =>
	new Response(await searchIndexJson(params.locale as Locale), { headers: { 'Content-Type': 'application/json' } });
