import { describe, expect, it } from 'vitest';
import { href, routePath, type Route } from '../../src/lib/routes';
import { localeFromPath } from '../../src/lib/locale-from-path';

/** The public URL scheme, every page kind in both languages: links in lessons, e-mails and printed certificates depend on it. */
const scheme: [Route, string, string][] = [
	[{ kind: 'home' }, '/', '/en/'],
	[{ kind: 'catalogue' }, '/cursussen/', '/en/courses/'],
	[{ kind: 'catalogue', audience: 'citizen' }, '/cursussen/voor/burgers/', '/en/courses/for/citizens/'],
	[{ kind: 'catalogue', audience: 'nursing-student' }, '/cursussen/voor/studenten/', '/en/courses/for/students/'],
	[{ kind: 'catalogue', audience: 'professional' }, '/cursussen/voor/professionals/', '/en/courses/for/professionals/'],
	[{ kind: 'course', course: 'basis' }, '/cursussen/basis/', '/en/courses/basis/'],
	[{ kind: 'module', module: 'wat-is-palliatieve-zorg' }, '/modules/wat-is-palliatieve-zorg/', '/en/modules/wat-is-palliatieve-zorg/'],
	[{ kind: 'lesson', module: 'wat-is-palliatieve-zorg', slug: 'fasen' }, '/modules/wat-is-palliatieve-zorg/fasen/', '/en/modules/wat-is-palliatieve-zorg/fasen/'],
	[{ kind: 'assessment', module: 'wat-is-palliatieve-zorg' }, '/modules/wat-is-palliatieve-zorg/toets/', '/en/modules/wat-is-palliatieve-zorg/test/'],
	[{ kind: 'competences' }, '/competenties/', '/en/competences/'],
	[{ kind: 'competence', competence: 'eapc-3' }, '/competenties/eapc-3/', '/en/competences/eapc-3/'],
	[{ kind: 'scenarios' }, '/casussen/', '/en/cases/'],
	[{ kind: 'scenario', scenario: 'maria' }, '/casussen/maria/', '/en/cases/maria/'],
	[{ kind: 'certificate' }, '/certificaat/', '/en/certificate/'],
	[{ kind: 'verify' }, '/verifieer/', '/en/verify/'],
	[{ kind: 'verify', code: 'ABC123' }, '/verifieer/ABC123/', '/en/verify/ABC123/'],
	[{ kind: 'help' }, '/hulp/', '/en/help/'],
	[{ kind: 'privacy' }, '/privacy/', '/en/privacy/'],
	[{ kind: 'search' }, '/zoeken/', '/en/search/'],
	[{ kind: 'glossary' }, '/begrippen/', '/en/glossary/'],
	[{ kind: 'selfCheck' }, '/zelftest/', '/en/self-check/'],
	[{ kind: 'account' }, '/account/', '/en/account/'],
	[{ kind: 'trainers' }, '/trainers/', '/en/trainers/'],
	// The page the service worker shows offline for a page not on the device (scripts/lib/service-worker.mjs precaches these two paths).
	[{ kind: 'offline' }, '/offline/', '/en/offline/'],
	// The pages the links in PocketBase's mails open (pocketbase/pb_hooks/lib/account-mail.js writes the same paths).
	[{ kind: 'passwordReset' }, '/account/wachtwoord-herstellen/', '/en/account/reset-password/'],
	[{ kind: 'emailVerification' }, '/account/e-mail-bevestigen/', '/en/account/confirm-email/'],
];

describe('routes', () => {
	it('puts Dutch at the root and English under /en/, always with a trailing slash', () => {
		for (const [route, nl, en] of scheme) {
			expect(href('nl', route), JSON.stringify(route)).toBe(nl);
			expect(href('en', route), JSON.stringify(route)).toBe(en);
		}
	});

	it('gives every page its own address in each language', () => {
		for (const locale of ['nl', 'en'] as const) {
			const paths = scheme.map(([route]) => href(locale, route));
			expect(new Set(paths).size).toBe(paths.length);
		}
	});

	it('gives the path without locale prefix and without slashes at the ends', () => {
		expect(routePath('nl', { kind: 'home' })).toBe('');
		expect(routePath('en', { kind: 'lesson', module: 'm', slug: 'l' })).toBe('modules/m/l');
	});

	it('reads the locale back from a path', () => {
		expect(localeFromPath('/en/modules/x/y/')).toBe('en');
		expect(localeFromPath('/modules/x/y/')).toBe('nl');
		expect(localeFromPath('/')).toBe('nl');
		expect(localeFromPath('/nl/')).toBe('nl');
	});
});
