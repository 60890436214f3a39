// The search index of one language, built at build time and loaded by the search page on first use.
import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../i18n/locales';
import { searchDocs, searchSynonyms } from '../../catalog/search-docs';
import { buildIndex } from '../../lib/search/lunr-setup';

export function getStaticPaths() {
	return locales.map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = async ({ params }) => {
	const locale = params.locale as Locale;
	const docs = await searchDocs(locale);
	const index = buildIndex(locale, docs);
	const payload = {
		locale,
		index: index.toJSON(),
		docs: docs.map(({ body: _body, keywords: _keywords, ...doc }) => doc),
		synonyms: searchSynonyms(locale),
	};
	return new Response(JSON.stringify(payload), { headers: { 'Content-Type': 'application/json' } });
};
