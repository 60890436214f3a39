import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificatePdf, type CertificateData, type CertificateFonts } from '../../src/lib/certificate/pdf';
import { certificateLabels } from '../../src/lib/certificate/labels';
import { nl } from '../../src/i18n/nl';
import { en } from '../../src/i18n/en';
import jsQR from 'jsqr';
import { pdfLines, pdfPageImage, pdfTextItems } from '../helpers/pdf-text';

// The same font files the site serves to the browser (src/lib/certificate/fonts.ts), read from the npm package.
const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`source-sans/TTF/${name}.ttf`));
const fonts: CertificateFonts = { regular: fontFile('SourceSans3-Regular'), semibold: fontFile('SourceSans3-Semibold') };
const labels = { nl: certificateLabels((key) => nl[key]), en: certificateLabels((key) => en[key]) };

const code = 'k7qmz2xa4bwe5rtyuio3plhgfd';
const verifyUrl = `https://palliwijs.example/verifieer/${code}/`;
const competences = [
	'1. De kernprincipes van palliatieve zorg toepassen in de omgeving waar patiënt en naasten verblijven',
	'2. Fysiek comfort bevorderen doorheen het hele ziektetraject',
	'3. Psychologische noden van patiënten beantwoorden',
	'4. Sociale noden van patiënten beantwoorden',
	'5. Spirituele noden van patiënten beantwoorden',
	'6. Inspelen op de noden van mantelzorgers, afgestemd op de zorgdoelen op korte, middellange en lange termijn',
	'7. Omgaan met de uitdagingen van klinische en ethische besluitvorming in palliatieve zorg',
	'8. Zorg coördineren en interdisciplinair samenwerken in alle settings waar palliatieve zorg wordt geboden',
	'9. Relationele en communicatieve vaardigheden ontwikkelen die passen bij palliatieve zorg',
	'10. Zelfreflectie beoefenen en je blijvend professioneel ontwikkelen',
];
const cert: CertificateData = { holderName: 'Noor Van den Bossche', courseTitle: 'Basis palliatieve zorg', studyHours: 14.5, competences, issued: '2026-03-23 10:00:00.000Z', code };
const render = (data: Partial<CertificateData> = {}, locale: 'nl' | 'en' = 'nl') => certificatePdf({ ...cert, ...data }, verifyUrl, labels[locale], locale, fonts);

/** Names as people in Europe write them: each needs letters Helvetica's WinAnsi encoding lacks. */
const names = [
	['Turkish and Polish', 'Şükrü Yılmaz-Łukasiewicz'],
	['Turkish', 'Gülşen Çağlar İnceoğlu'],
	['Polish', 'Małgorzata Wójcik-Żółtowska'],
	['Czech', 'Jiří Dvořák Růžičková'],
	['Slovak', 'Ľubomír Ďurčanský'],
	['Romanian (comma below)', 'Ștefan Țurcanu Bălănescu'],
	['Icelandic', 'Þórunn Guðmundsdóttir'],
	['Hungarian (double acute)', 'Erdős Győző Kőszegi-Szűcs'],
	['German', 'Jürgen Großmann'],
	['French', 'Geneviève Bœuf-Lœillet'],
	['Spanish', 'Begoña Muñoz Peña'],
	['Lithuanian', 'Žydrūnė Šimkutė-Vaitkūnienė'],
	['Latvian', 'Ģirts Ķēniņš Ļaviņa'],
	['Croatian', 'Đurđa Lukić Čović'],
	['Maltese', 'Ġorġ Ħabib Żammit'],
	['Welsh', 'Siân Ŵyn ap Dafydd'],
	['Estonian and Danish', 'Õie Kõrgesaar Søndergård'],
	['Greek', 'Ελένη Παπαδοπούλου'],
	['Bulgarian (Cyrillic)', 'Йордан Петров'],
	['Ukrainian (Cyrillic)', 'Ґанна Їжакевич-Шевченко'],
] as const;

describe('certificate PDF', () => {
	it.each(names)('prints a name written in %s exactly: %s', async (_, holderName) => {
		const bytes = await render({ holderName });
		const lines = await pdfLines(bytes);
		expect(lines).toContain(holderName);
		expect((await PDFDocument.load(bytes)).getTitle()).toBe(`${nl['certificate.heading']}: ${holderName} – Basis palliatieve zorg`);
	});

	it('prints the verification code in full, the link to the verification page and every part of a certificate (Dutch)', async () => {
		const bytes = await render();
		const lines = await pdfLines(bytes);
		const text = lines.join('\n');
		expect(lines.some((l) => l.split(' ').includes(code))).toBe(true); // the code on its own, besides inside the URL
		expect(lines).toContain(verifyUrl); // on one line
		for (const label of ['heading', 'intro', 'completed', 'hours', 'issued', 'code', 'competences', 'verify', 'issuer'] as const) expect(text).toContain(labels.nl[label]);
		expect(text).toContain('Palliwijs');
		expect(text).toContain('23 maart 2026');
		expect(text).toContain('14,5'); // study hours written the Dutch way
		expect(text).not.toContain('March');
		const flowing = lines.join(' ');
		for (const competence of competences) expect(flowing).toContain(competence);
		expect(flowing).toContain(labels.nl.footer);
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 }); // A4
	});

	it('has a QR code that leads to the verification page: drawn by PDF.js and read by jsQR', async () => {
		const page = await pdfPageImage(await render());
		expect(jsQR(page.data, page.width, page.height)?.data).toBe(verifyUrl);
	});

	it('is in English on an English certificate: English labels and an English month', async () => {
		const text = (await pdfLines(await render({ courseTitle: 'Palliative care basics' }, 'en'))).join('\n');
		expect(text).toContain('23 March 2026');
		expect(text).toContain('14.5');
		expect(text).not.toContain('maart');
		for (const label of ['heading', 'intro', 'completed', 'hours', 'issued', 'code', 'competences', 'verify', 'issuer'] as const) expect(text).toContain(labels.en[label]);
	});

	it('embeds only the letters it uses: a subset of Source Sans 3, so the file stays small', async () => {
		const bytes = await render({ holderName: 'Şükrü Yılmaz-Łukasiewicz' });
		const raw = Buffer.from(bytes).toString('latin1');
		expect(raw).toMatch(/\/BaseFont \/SourceSans3-Regular-\d+/); // pdf-lib names a subset font by a number
		expect(raw).toMatch(/\/BaseFont \/SourceSans3-Semibold-\d+/);
		expect(raw).not.toContain('/Helvetica');
		expect(bytes.length).toBeLessThan(80 * 1024); // each font file alone is over 420 KB
	});

	it('keeps a long name, a long course title and all ten EAPC competences on one A4 page, clear of the QR code and seal', async () => {
		const holderName = 'Maria-Magdalena Alexandrescu-Vanderhaeghen de Saint-Exupéry-Łukasiewicz';
		const courseTitle = 'Palliatieve zorg in de praktijk voor verpleegkundigen, zorgkundigen en andere zorgverleners in de thuiszorg';
		const bytes = await render({ holderName, courseTitle });
		expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
		const flowing = (await pdfLines(bytes)).join(' ');
		expect(flowing).toContain(holderName);
		expect(flowing).toContain(courseTitle);
		for (const competence of competences) expect(flowing).toContain(competence);
		const items = await pdfTextItems(bytes);
		const lowestCompetence = Math.min(...items.filter((i) => competences.some((c) => c.includes(i.str) && i.str.length > 8)).map((i) => i.y));
		const verifyHeading = items.find((i) => i.str === labels.nl.verify)!;
		const seal = items.find((i) => i.str === labels.nl.issuer)!;
		expect(lowestCompetence).toBeGreaterThan(Math.max(verifyHeading.y, seal.y) + 20);
		for (const item of items) expect(item.x + item.width).toBeLessThan(595.28 - 31); // inside the inner frame
	});

	it('writes a name typed with combining accents in its composed form, a digraph letter as its two letters, and a letter the font lacks as "?" rather than failing', async () => {
		const decomposed = 'Zoe\u0308 S\u030Cimkute\u0307';
		expect(await pdfLines(await render({ holderName: decomposed }))).toContain('Zoë Šimkutė');
		expect(await pdfLines(await render({ holderName: 'Anna 王 Peeters' }))).toContain('Anna ? Peeters');
		expect(await pdfLines(await render({ holderName: 'ǅenana ǈubić' }))).toContain('Dženana Ljubić'); // digraph letters the font lacks
	});
});
