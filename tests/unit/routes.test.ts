import { describe, expect, it } from 'vitest';
import { href } from '../../src/lib/routes';
import { localeFromPath } from '../../src/lib/locale-from-path';

describe('routes', () => {
	it('puts Dutch at the root and English under /en/, always with a trailing slash', () => {
		expect(href('nl', { kind: 'home' })).toBe('/');
		expect(href('en', { kind: 'home' })).toBe('/en/');
		expect(href('nl', { kind: 'catalogue' })).toBe('/cursussen/');
		expect(href('nl', { kind: 'catalogue', audience: 'citizen' })).toBe('/cursussen/voor/burgers/');
		expect(href('en', { kind: 'catalogue', audience: 'nursing-student' })).toBe('/en/courses/for/students/');
		expect(href('nl', { kind: 'lesson', module: 'wat-is-palliatieve-zorg', slug: 'fasen' })).toBe('/modules/wat-is-palliatieve-zorg/fasen/');
		expect(href('en', { kind: 'competence', competence: 'eapc-3' })).toBe('/en/competences/eapc-3/');
		expect(href('nl', { kind: 'scenario', scenario: 'maria' })).toBe('/casussen/maria/');
		expect(href('en', { kind: 'scenarios' })).toBe('/en/cases/');
	});

	it('reads the locale back from a path', () => {
		expect(localeFromPath('/en/modules/x/y/')).toBe('en');
		expect(localeFromPath('/modules/x/y/')).toBe('nl');
		expect(localeFromPath('/')).toBe('nl');
		expect(localeFromPath('/nl/')).toBe('nl');
	});
});
