import { locales, type Locale } from '../i18n/locales';
import type { Catalog } from '../lib/content/catalog';
import { routePath, type Route } from '../lib/routes';
import { audiences } from '../schemas/common';

export interface PageRoute {
	locale: Locale;
	route: Route;
}

/** Every page the site has, in every language: the one list the catch-all page renders. */
export function allPages(catalog: Catalog): PageRoute[] {
	const routes: Route[] = [
		{ kind: 'home' },
		{ kind: 'catalogue' },
		...audiences.map((audience): Route => ({ kind: 'catalogue', audience })),
		{ kind: 'competences' },
		{ kind: 'account' },
		{ kind: 'passwordReset' },
		{ kind: 'emailVerification' },
		{ kind: 'trainers' },
		...catalog.courses.map((c): Route => ({ kind: 'course', course: c.id })),
		...[...catalog.modules.keys()].map((m): Route => ({ kind: 'module', module: m })),
		...[...catalog.lessons.values()].map((l): Route => ({ kind: 'lesson', module: l.module, slug: l.slug })),
		...catalog.competences.map((c): Route => ({ kind: 'competence', competence: c.id })),
		{ kind: 'certificate' },
		{ kind: 'help' },
		{ kind: 'privacy' },
		{ kind: 'offline' },
		{ kind: 'search' },
		{ kind: 'glossary' },
		{ kind: 'selfCheck' },
		{ kind: 'verify' },
		...[...catalog.assessments.keys()].map((module): Route => ({ kind: 'assessment', module })),
		{ kind: 'scenarios' },
		...[...catalog.scenarios.keys()].map((id): Route => ({ kind: 'scenario', scenario: id })),
	];
	return locales.flatMap((locale) => routes.map((route) => ({ locale, route })));
}

/** The [...path] parameter of a page: its path without the leading slash, undefined for the root. */
export function pathParam({ locale, route }: PageRoute): string | undefined {
	const path = [locale === 'nl' ? '' : locale, routePath(locale, route)].filter(Boolean).join('/');
	return path || undefined;
}
