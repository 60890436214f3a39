import type lunr from 'lunr';
import { useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { islandTranslator } from '../../i18n';
import type { SearchKey } from './keys';
import { lunrFor } from '../../lib/search/lunr-setup';
import { search, type ResultDoc, type SearchResult, type Synonyms } from '../../lib/search/query';
import { snippetParts } from '../../lib/search/snippet';
import { glossarySuggestions, prepareVocabulary, spellingSuggestion, type Vocabulary } from '../../lib/search/suggest';

interface Props {
	locale: 'nl' | 'en';
	indexUrl: string;
	strings: Record<SearchKey, string>;
	audiences: { id: string; label: string }[];
}
interface Loaded {
	index: lunr.Index;
	docs: Map<string, ResultDoc>;
	synonyms: Synonyms;
	vocabulary: Vocabulary;
}

/** Results shown at first and added by each "Toon meer". */
export const PAGE_SIZE = 20;

/** The search page: loads the index on first use, searches as you type, results announced politely. */
export default function SearchApp({ locale, indexUrl, strings, audiences }: Props) {
	const t = islandTranslator(strings);
	const [query, setQuery] = useState('');
	const [audience, setAudience] = useState('');
	const [loaded, setLoaded] = useState<Loaded | null>(null);
	const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
	const loading = useRef<Promise<void> | null>(null);

	const load = () => {
		loading.current ??= fetch(indexUrl)
			.then((r) => {
				if (!r.ok) throw new Error(String(r.status));
				return r.json() as Promise<{ index: object; docs: ResultDoc[]; synonyms: Synonyms; vocabulary: string[] }>;
			})
			.then((data) => {
				const l = lunrFor();
				setLoaded({ index: l.Index.load(data.index), docs: new Map(data.docs.map((d) => [d.id, d])), synonyms: data.synonyms, vocabulary: prepareVocabulary(data.vocabulary) });
				setState('idle');
			})
			.catch(() => {
				loading.current = null;
				setState('failed');
			});
		if (!loaded) setState('loading');
		return loading.current;
	};

	useEffect(() => {
		const q = new URLSearchParams(location.search).get('q') ?? '';
		if (q) {
			setQuery(q);
			void load();
		}
	}, []);

	const run = (q: string) => (loaded ? search(loaded.index, loaded.docs, q, loaded.synonyms, audience || undefined) : []);
	const results: SearchResult[] = useMemo(() => run(query), [loaded, query, audience]);
	// A spelling the site knows when a word of the query is not in the index; glossary terms when nothing was found.
	const suggestion = useMemo(() => (loaded && query.trim() ? spellingSuggestion(query, loaded.index, loaded.vocabulary, loaded.synonyms, (q) => run(q).length > 0) : null), [loaded, query, audience]);
	const terms = useMemo(
		() => (loaded && results.length === 0 && query.trim() ? glossarySuggestions(suggestion ?? query, [...loaded.docs.values()]) : []),
		[loaded, results, suggestion],
	);

	// All results are reachable: the first PAGE_SIZE, then PAGE_SIZE more per click; focus goes to the first new one.
	const [shown, setShown] = useState(PAGE_SIZE);
	const list = useRef<HTMLOListElement>(null);
	const focusFrom = useRef<number | null>(null);
	useEffect(() => setShown(PAGE_SIZE), [query, audience]);
	useEffect(() => {
		if (focusFrom.current === null) return;
		list.current?.children[focusFrom.current]?.querySelector('a')?.focus();
		focusFrom.current = null;
	}, [shown]);
	const showMore = () => {
		focusFrom.current = shown;
		setShown(shown + PAGE_SIZE);
	};

	const submit = (e: FormEvent) => {
		e.preventDefault();
		void load();
		history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
	};
	const input = useRef<HTMLInputElement>(null);
	const follow = (e: MouseEvent, q: string) => {
		e.preventDefault();
		setQuery(q);
		history.replaceState(null, '', `?q=${encodeURIComponent(q)}`);
		input.current?.focus();
	};
	const typeLabel = (type: ResultDoc['type']) => t(`search.type.${type}`);
	const status = state === 'loading' ? t('search.loading') : state === 'failed' ? t('search.failed') : !query.trim() ? '' : results.length === 0 ? t('search.none', { query: query.slice(0, 60) }) : t('search.count', { count: results.length });
	const [beforeSuggestion, afterSuggestion] = t('search.didYouMean', { suggestion: '\u0001' }).split('\u0001');

	return (
		<div className="search">
			<form role="search" onSubmit={submit} className="search__form">
				<label htmlFor="search-query">{t('search.label')}</label>
				<div className="search__row">
					<input ref={input} id="search-query" type="search" value={query} maxLength={200} onFocus={() => void load()} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
					<button type="submit">{t('search.submit')}</button>
				</div>
				<label htmlFor="search-audience">{t('search.audience')}</label>
				<select id="search-audience" value={audience} onChange={(e) => setAudience(e.target.value)}>
					<option value="">{t('catalogue.all')}</option>
					{audiences.map((a) => (
						<option key={a.id} value={a.id}>
							{a.label}
						</option>
					))}
				</select>
			</form>
			<div role="status" aria-live="polite">
				<p className="search__status">{status}</p>
				{suggestion && state === 'idle' && (
					<p className="search__suggestion">
						{beforeSuggestion}
						<a href={`?q=${encodeURIComponent(suggestion)}`} onClick={(e) => follow(e, suggestion)}>
							{suggestion}
						</a>
						{afterSuggestion}
					</p>
				)}
			</div>
			{terms.length > 0 && (
				<section className="search__terms" aria-labelledby="search-terms">
					<h2 id="search-terms">{t('search.terms')}</h2>
					<ul>
						{terms.map((doc) => (
							<li key={doc.id}>
								<a href={doc.href}>{doc.title}</a>
							</li>
						))}
					</ul>
				</section>
			)}
			<ol className="search__results" ref={list}>
				{results.slice(0, shown).map(({ doc }) => (
					<li key={doc.id}>
						<a href={doc.href}>{doc.title}</a> <span className="tag">{typeLabel(doc.type)}</span>
						{doc.course && <span className="muted"> · {doc.course}</span>}
						<p>{snippetParts(doc.snippet, query).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
					</li>
				))}
			</ol>
			{results.length > shown && (
				<p className="search__more">
					{t('search.shown', { shown, count: results.length })}{' '}
					<button type="button" onClick={showMore}>
						{t('search.more', { count: Math.min(PAGE_SIZE, results.length - shown) })}
					</button>
				</p>
			)}
		</div>
	);
}
