// The search index files, built once per build in a worker thread: the catch-all page starts it
// before it renders the pages and the /zoekindex/ endpoint collects the result, so lunr runs on the
// second core meanwhile (issue 10). In `astro dev` each request builds afresh, so edits show.
import { locales, type Locale } from '../i18n/locales';
import { indexFileJson } from '../lib/search/lunr-setup';
import { indexFilesInWorker } from '../lib/search/index-in-worker';
import { searchDocs, searchSynonyms } from './search-docs';

/** Absolute path of src/lib/search/index-worker.mjs, defined in astro.config.mjs (a bundled page cannot find it). */
declare const __SEARCH_INDEX_WORKER__: string;

let building: Promise<Map<Locale, string>> | undefined;

async function buildAll(): Promise<Map<Locale, string>> {
	const jobs = await Promise.all(locales.map(async (locale) => ({ locale, docs: await searchDocs(locale), synonyms: searchSynonyms(locale) })));
	return indexFilesInWorker(__SEARCH_INDEX_WORKER__, jobs);
}

/** Starts building every language's index in the background (a no-op in development or when already started). */
export function startSearchIndexes(): void {
	if (import.meta.env.DEV || building) return;
	building = buildAll();
	// A failure surfaces where the index is awaited; until then it must not count as unhandled.
	building.catch(() => {});
}

/** The index file of one language as JSON text. */
export async function searchIndexJson(locale: Locale): Promise<string> {
	if (import.meta.env.DEV) return indexFileJson(locale, await searchDocs(locale), searchSynonyms(locale));
	startSearchIndexes();
	return (await building!).get(locale)!;
}
