import { defaultLocale, type Locale } from '../i18n/locales';
import type { Audience } from '../schemas/common';

/**
 * The one URL scheme of the site. Dutch lives at the root, English under /en/.
 * Every page is described by a Route; href() turns it into a path, so links and the
 * catch-all page (src/pages/[...path].astro) can never disagree.
 */
export type Route =
	| { kind: 'home' }
	| { kind: 'catalogue'; audience?: Audience }
	| { kind: 'course'; course: string }
	| { kind: 'module'; module: string }
	| { kind: 'lesson'; module: string; slug: string }
	| { kind: 'competences' }
	| { kind: 'competence'; competence: string }
	| { kind: 'scenarios' }
	| { kind: 'scenario'; scenario: string }
	| { kind: 'assessment'; module: string }
	| { kind: 'certificate' }
	| { kind: 'verify'; code?: string }
	| { kind: 'help' }
	| { kind: 'privacy' }
	| { kind: 'search' }
	| { kind: 'glossary' }
	| { kind: 'selfCheck' }
	| { kind: 'account' }
	| { kind: 'passwordReset' }
	| { kind: 'emailVerification' }
	| { kind: 'trainers' }
	| { kind: 'offline' };

type Segments = { offline: string; search: string; glossary: string; help: string; privacy: string; selfCheck: string; courses: string; for: string; modules: string; competences: string; scenarios: string; test: string; certificate: string; verify: string; account: string; trainers: string; passwordReset: string; emailVerification: string };
const segments: Record<Locale, Segments> = {
	nl: { offline: 'offline', search: 'zoeken', glossary: 'begrippen', help: 'hulp', privacy: 'privacy', selfCheck: 'zelftest', courses: 'cursussen', for: 'voor', modules: 'modules', competences: 'competenties', scenarios: 'casussen', test: 'toets', certificate: 'certificaat', verify: 'verifieer', account: 'account', trainers: 'trainers', passwordReset: 'wachtwoord-herstellen', emailVerification: 'e-mail-bevestigen' },
	en: { offline: 'offline', search: 'search', glossary: 'glossary', help: 'help', privacy: 'privacy', selfCheck: 'self-check', courses: 'courses', for: 'for', modules: 'modules', competences: 'competences', scenarios: 'cases', test: 'test', certificate: 'certificate', verify: 'verify', account: 'account', trainers: 'trainers', passwordReset: 'reset-password', emailVerification: 'confirm-email' },
};

/** Lesson slugs that would collide with a module's assessment page. */
export const reservedLessonSlugs = ['toets', 'test'];

/** How an audience reads in a URL of the catalogue filter. */
export const audienceSegments: Record<Locale, Record<Audience, string>> = {
	nl: { citizen: 'burgers', 'nursing-student': 'studenten', professional: 'professionals' },
	en: { citizen: 'citizens', 'nursing-student': 'students', professional: 'professionals' },
};

/** The path of a route without the locale prefix and without slashes at the ends ('' for home). */
export function routePath(locale: Locale, route: Route): string {
	const s = segments[locale];
	switch (route.kind) {
		case 'home':
			return '';
		case 'catalogue':
			return route.audience ? `${s.courses}/${s.for}/${audienceSegments[locale][route.audience]}` : s.courses;
		case 'course':
			return `${s.courses}/${route.course}`;
		case 'module':
			return `${s.modules}/${route.module}`;
		case 'lesson':
			return `${s.modules}/${route.module}/${route.slug}`;
		case 'competences':
			return s.competences;
		case 'competence':
			return `${s.competences}/${route.competence}`;
		case 'scenarios':
			return s.scenarios;
		case 'scenario':
			return `${s.scenarios}/${route.scenario}`;
		case 'assessment':
			return `${s.modules}/${route.module}/${s.test}`;
		case 'certificate':
			return s.certificate;
		case 'verify':
			return route.code ? `${s.verify}/${route.code}` : s.verify;
		case 'help':
			return s.help;
		case 'privacy':
			return s.privacy;
		case 'search':
			return s.search;
		case 'glossary':
			return s.glossary;
		case 'selfCheck':
			return s.selfCheck;
		case 'account':
			return s.account;
		case 'trainers':
			return s.trainers;
		// What the service worker shows for a page that is not on the device while offline.
		case 'offline':
			return s.offline;
		// The pages the links in PocketBase's mails open (pocketbase/pb_hooks/lib/account-mail.js has the same paths).
		case 'passwordReset':
			return `${s.account}/${s.passwordReset}`;
		case 'emailVerification':
			return `${s.account}/${s.emailVerification}`;
	}
}

/** The site-absolute URL of a route, with a trailing slash. */
export function href(locale: Locale, route: Route): string {
	const path = routePath(locale, route);
	const prefix = locale === defaultLocale ? '' : `/${locale}`;
	return `${prefix}/${path}${path ? '/' : ''}`;
}
