import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificatePdf } from '../../src/lib/certificate/pdf';

const labels = { heading: 'Certificaat', intro: 'Hierbij verklaren we dat', hours: 'Studie-uren', competences: 'Competenties', issued: 'Uitgereikt op', verify: 'Controleer dit certificaat', footer: 'Palliwijs' };

describe('certificate PDF', () => {
	it('is a valid one-page PDF with the holder and course in it, even with letters Helvetica lacks', async () => {
		const bytes = await certificatePdf(
			{ holderName: 'Zoë Łukasiewicz', courseTitle: 'Basis palliatieve zorg', studyHours: 11, competences: ['1. Kern'], issued: '2026-11-23T10:00:00Z', code: 'a'.repeat(26) },
			'https://palliwijs.example/verifieer/aaaaaaaaaaaaaaaaaaaaaaaaaa/',
			labels,
		);
		expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		expect(doc.getTitle()).toBe('Certificaat: Zoë Łukasiewicz – Basis palliatieve zorg');
	});
});
