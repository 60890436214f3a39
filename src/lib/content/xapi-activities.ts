import { href } from '../routes';
import type { Catalog } from './catalog';

/** A name in Dutch and English (English falls back to Dutch where no translation exists). */
export interface ActivityName {
	nl: string;
	en: string;
}

/**
 * What the server needs to describe the activities of xAPI statements (issue 23, pocketbase/pb_hooks/lib/xapi.js):
 * the page path of each course, module, lesson, case and test (an activity's id is the site's public URL + this
 * path, so it is the page a person can open), their names in Dutch and English, and each case decision's question
 * and options. Part of dist/catalog.json (key `activities`).
 */
export interface XapiActivities {
	courses: Record<string, { path: string; name: ActivityName }>;
	modules: Record<string, { path: string; name: ActivityName }>;
	lessons: Record<string, { path: string; name: ActivityName; module: string }>;
	scenarios: Record<
		string,
		{ path: string; name: ActivityName; modules: string[]; decisions: Record<string, { question: ActivityName; options: Record<string, ActivityName> }> }
	>;
	assessments: Record<string, { path: string; name: ActivityName }>;
}

export function xapiActivities(catalog: Catalog): XapiActivities {
	const scenarios: XapiActivities['scenarios'] = {};
	for (const s of catalog.scenarios.values()) {
		const original = s.data.language;
		const other = original === 'nl' ? 'en' : 'nl';
		const translated = s.translations[other]?.nodes ?? {};
		const decisions: XapiActivities['scenarios'][string]['decisions'] = {};
		for (const [id, node] of Object.entries(s.data.nodes)) {
			if (node.type !== 'decision') continue;
			const t = translated[id] as { question?: string; options?: Record<string, { text: string }> } | undefined;
			const pair = (own: string, foreign: string | undefined): ActivityName =>
				original === 'nl' ? { nl: own, en: foreign ?? own } : { nl: foreign ?? own, en: own };
			decisions[id] = {
				question: pair(node.question, t?.question),
				options: Object.fromEntries(node.options.map((o) => [o.id, pair(o.text, t?.options?.[o.id]?.text)])),
			};
		}
		scenarios[s.id] = { path: href('nl', { kind: 'scenario', scenario: s.id }), name: { nl: s.data.title.nl, en: s.data.title.en }, modules: s.modules, decisions };
	}
	return {
		courses: Object.fromEntries(catalog.courses.map((c) => [c.id, { path: href('nl', { kind: 'course', course: c.id }), name: { nl: c.data.title.nl, en: c.data.title.en } }])),
		modules: Object.fromEntries([...catalog.modules.values()].map((m) => [m.id, { path: href('nl', { kind: 'module', module: m.id }), name: { nl: m.data.title.nl, en: m.data.title.en } }])),
		lessons: Object.fromEntries(
			[...catalog.lessons.values()].map((l) => [
				l.key,
				{ path: href('nl', { kind: 'lesson', module: l.module, slug: l.slug }), name: { nl: l.data.nl.title, en: l.data.en?.title ?? l.data.nl.title }, module: l.module },
			]),
		),
		scenarios,
		assessments: Object.fromEntries(
			[...catalog.assessments].map(([id, a]) => [id, { path: href('nl', { kind: 'assessment', module: id }), name: { nl: a.title.nl, en: a.title.en ?? a.title.nl } }]),
		),
	};
}
