import type lunr from 'lunr';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { islandTranslator } from '../../i18n';
import type { SearchKey } from './keys';
import { lunrFor } from '../../lib/search/lunr-setup';
import { highlight, search, type ResultDoc, type SearchResult, type Synonyms } from '../../lib/search/query';

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
}

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
				return r.json() as Promise<{ index: object; docs: ResultDoc[]; synonyms: Synonyms }>;
			})
			.then((data) => {
				const l = lunrFor();
				setLoaded({ index: l.Index.load(data.index), docs: new Map(data.docs.map((d) => [d.id, d])), synonyms: data.synonyms });
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

	const results: SearchResult[] = useMemo(() => (loaded ? search(loaded.index, loaded.docs, query, loaded.synonyms, audience || undefined).slice(0, 30) : []), [loaded, query, audience]);

	const submit = (e: FormEvent) => {
		e.preventDefault();
		void load();
		history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
	};
	const typeLabel = (type: ResultDoc['type']) => t(`search.type.${type}`);
	const status = state === 'loading' ? t('search.loading') : state === 'failed' ? t('search.failed') : !query.trim() ? '' : results.length === 0 ? t('search.none', { query: query.slice(0, 60) }) : t('search.count', { count: results.length });

	return (
		<div className="search">
			<form role="search" onSubmit={submit} className="search__form">
				<label htmlFor="search-query">{t('search.label')}</label>
				<div className="search__row">
					<input id="search-query" type="search" value={query} maxLength={200} onFocus={() => void load()} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
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
			<p role="status" aria-live="polite" className="search__status">
				{status}
			</p>
			<ol className="search__results">
				{results.map(({ doc }) => {
					const h = highlight(doc.snippet, query);
					return (
						<li key={doc.id}>
							<a href={doc.href}>{doc.title}</a> <span className="tag">{typeLabel(doc.type)}</span>
							{doc.course && <span className="muted"> · {doc.course}</span>}
							<p>
								{h ? (
									<>
										{h.before}
										<mark>{h.match}</mark>
										{h.after}
									</>
								) : (
									doc.snippet.slice(0, 220)
								)}
							</p>
						</li>
					);
				})}
			</ol>
		</div>
	);
}
