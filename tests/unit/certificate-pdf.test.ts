import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificatePdf, type CertificateData } from '../../src/lib/certificate/pdf';
import { nl } from '../../src/i18n/nl';
import { en } from '../../src/i18n/en';

const labelsOf = (t: Record<keyof typeof nl, string>) => ({
	heading: t['certificate.heading'],
	intro: t['certificate.intro'],
	hours: t['certificate.hours'],
	competences: t['certificate.competences'],
	issued: t['certificate.issued'],
	verify: t['certificate.verify'],
	footer: t['certificate.footer'],
});
const cert: CertificateData = { holderName: 'Zoë Łukasiewicz', courseTitle: 'Basis palliatieve zorg', studyHours: 11, competences: ['1. Kern'], issued: '2026-03-23T10:00:00Z', code: 'a'.repeat(26) };
const verifyUrl = 'https://palliwijs.example/verifieer/aaaaaaaaaaaaaaaaaaaaaaaaaa/';

/**
 * The text drawn on the page: pdf-lib writes each line as a hex string shown with Tj in a Flate-compressed
 * content stream, in WinAnsi (Latin-1 for the letters used here).
 */
function pageText(bytes: Uint8Array): string {
	const raw = Buffer.from(bytes).toString('latin1');
	const lines: string[] = [];
	for (const m of raw.matchAll(/stream\r?\n/g)) {
		const start = m.index! + m[0].length;
		const end = raw.indexOf('endstream', start);
		let content: string;
		try {
			content = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
		} catch {
			continue; // an image or another binary stream
		}
		for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
	}
	return lines.join('\n');
}

describe('certificate PDF', () => {
	it('is a valid one-page PDF with the holder and course in it, even with letters Helvetica lacks', async () => {
		const bytes = await certificatePdf(cert, verifyUrl, labelsOf(nl), 'nl');
		expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		expect(doc.getTitle()).toBe(`${nl['certificate.heading']}: Zoë Łukasiewicz – Basis palliatieve zorg`);
		const text = pageText(bytes);
		expect(text).toContain('Zoë ?ukasiewicz'); // Ł is not in WinAnsi and has no plain form
		expect(text).toContain(`${nl['certificate.issued']}: 23 maart 2026`);
	});

	it('prints the date in the reader’s language: an English certificate has an English month', async () => {
		const text = pageText(await certificatePdf(cert, verifyUrl, labelsOf(en), 'en'));
		expect(text).toContain(`${en['certificate.issued']}: 23 March 2026`);
		expect(text).not.toContain('maart');
	});
});
