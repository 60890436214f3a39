import { describe, expect, it } from 'vitest';
import { courseTitleIn, titlesIn } from '../../src/lib/certificate/titles';

// An English certificate page and PDF name the course and its competences in English when the certificate
// kept them (issued since 2026-12-07); an older certificate shows its Dutch ones, never a mix of both.
const dutch = { courseTitle: 'Basis palliatieve zorg', competences: ['1. De kernprincipes toepassen'] };
const both = { ...dutch, courseTitleEn: 'Palliative care basics', competencesEn: ['1. Apply the core constituents'] };

describe('titlesIn', () => {
	it('gives the English titles on an English page and the Dutch ones on a Dutch page', () => {
		expect(titlesIn(both, 'en')).toEqual({ courseTitle: 'Palliative care basics', competences: ['1. Apply the core constituents'] });
		expect(titlesIn(both, 'nl')).toEqual(dutch);
		expect(courseTitleIn(both, 'en')).toBe('Palliative care basics');
		expect(courseTitleIn(both, 'nl')).toBe('Basis palliatieve zorg');
	});
	it('gives the Dutch ones for a certificate issued before English titles were kept, and never mixes languages', () => {
		expect(titlesIn({ ...dutch, courseTitleEn: '', competencesEn: null }, 'en')).toEqual(dutch);
		expect(titlesIn(dutch, 'en')).toEqual(dutch);
		expect(courseTitleIn({ ...dutch, courseTitleEn: '' }, 'en')).toBe('Basis palliatieve zorg');
		expect(titlesIn({ ...dutch, courseTitleEn: 'Palliative care basics', competencesEn: null }, 'en')).toEqual(dutch);
		expect(titlesIn({ ...dutch, competencesEn: ['1. Apply the core constituents'] }, 'en')).toEqual(dutch);
	});
});
