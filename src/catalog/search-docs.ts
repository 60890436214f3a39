// Everything search can find, per language: lessons, cases, courses and glossary terms.
import { getCollection } from 'astro:content';
import { defaultLocale, type Locale } from '../i18n/locales';
import { loadCatalog } from './load';
import { loadGlossary } from './glossary';
import { lessonIn, scenarioIn, text } from '../lib/content/localize';
import { proseOf } from '../lib/content/readability';
import { href } from '../lib/routes';
import type { SearchDoc } from '../lib/search/search-doc';
import { queryWords, type Synonyms } from '../lib/search/query';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n).replace(/\s+\S*$/, '')}…` : s);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function searchDocs(locale: Locale): Promise<SearchDoc[]> {
	const catalog = await loadCatalog();
	// Raw MDX by entry id; turned into prose only for the bodies this language's index holds.
	const sources = new Map((await getCollection('lessons')).map((e) => [e.id, e.body ?? '']));
	const courseOf = (moduleIds: string[]) => {
		const courses = catalog.courses.filter((c) => c.modules.some((m) => moduleIds.includes(m.id)));
		return { course: courses.map((c) => text(c.data.title, locale)).join(', '), audiences: [...new Set(courses.flatMap((c) => c.data.audiences))] };
	};
	const docs: SearchDoc[] = [];
	for (const lesson of catalog.lessons.values()) {
		const { data, translated } = lessonIn(lesson, locale);
		// A lesson that exists only in Dutch is found in the English index by its title, description and
		// keywords, not by its Dutch body: an English stemmer makes nothing of Dutch prose, and indexing it
		// twice made the English index larger and the build slower (issue 10).
		const body = translated || locale === defaultLocale ? flat(proseOf(sources.get(`${translated ? locale : defaultLocale}/${lesson.key}`) ?? '')) : '';
		docs.push({
			id: `lesson:${lesson.key}`,
			type: 'lesson',
			title: data.title,
			...courseOf([lesson.module]),
			href: href(locale, { kind: 'lesson', module: lesson.module, slug: lesson.slug }),
			snippet: clip(`${data.description} ${body}`, 600),
			keywords: [...data.keywords, ...data.objectives].join(' '),
			body,
		});
	}
	for (const s of catalog.scenarios.values()) {
		const nodes = Object.values(scenarioIn(s, locale).data.nodes).map((n) => (n.type === 'decision' ? `${n.question} ${n.options.map((o) => o.text).join(' ')}` : n.text));
		const { course, audiences } = courseOf(s.modules);
		docs.push({
			id: `case:${s.id}`,
			type: 'case',
			title: text(s.data.title, locale),
			course,
			audiences: audiences.length ? audiences : s.data.audiences,
			href: href(locale, { kind: 'scenario', scenario: s.id }),
			snippet: clip(text(s.data.description, locale), 600),
			keywords: '',
			body: flat(nodes.join(' ')),
		});
	}
	for (const c of catalog.courses) {
		docs.push({
			id: `course:${c.id}`,
			type: 'course',
			title: text(c.data.title, locale),
			course: text(c.data.title, locale),
			audiences: c.data.audiences,
			href: href(locale, { kind: 'course', course: c.id }),
			snippet: text(c.data.description, locale),
			keywords: c.modules.map((m) => text(m.data.title, locale)).join(' '),
			body: c.modules.map((m) => text(m.data.description, locale)).join(' '),
		});
	}
	for (const t of loadGlossary()) {
		docs.push({
			id: `term:${t.id}`,
			type: 'term',
			title: t.term[locale],
			course: '',
			audiences: ['citizen', 'nursing-student', 'professional'],
			href: `${href(locale, { kind: 'glossary' })}#${t.id}`,
			snippet: t.definition[locale],
			keywords: t.aliases.join(' '),
			body: t.definition[locale],
			aliases: t.aliases,
		});
	}
	return docs;
}

/** Synonyms from the glossary: an alias finds the term's words and the term finds its one-word aliases. */
export function searchSynonyms(locale: Locale): Synonyms {
	const synonyms: Synonyms = {};
	const add = (key: string, words: string[]) => {
		const k = queryWords(key).join(' ');
		if (!k) return;
		synonyms[k] = [...new Set([...(synonyms[k] ?? []), ...words.filter((w) => !k.split(' ').includes(w))])];
	};
	for (const t of loadGlossary()) {
		const termWords = queryWords(t.term[locale]);
		for (const alias of t.aliases) {
			add(alias, termWords);
			const aliasWords = queryWords(alias);
			add(t.term[locale], aliasWords);
		}
	}
	return synonyms;
}
