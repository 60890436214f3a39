import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificateLabels } from './labels';
import { formatDate, formatNumber } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';

export type { CertificateLabels };
export interface CertificateData {
	holderName: string;
	courseTitle: string;
	studyHours: number;
	competences: string[];
	issued: string;
	code: string;
}
/**
 * The font files the certificate is set in: Source Sans 3 (Adobe, SIL Open Font License), Regular and Semibold,
 * as TTF bytes (fontkit reads WOFF too, but inflates its tables in JavaScript at every glyph: seconds per PDF;
 * WOFF2 it cannot subset). It covers every Latin letter of Europe's languages, Greek and Cyrillic; only the
 * letters a certificate uses are embedded.
 */
export interface CertificateFonts {
	regular: ArrayBuffer | Uint8Array;
	semibold: ArrayBuffer | Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const centre = A4.width / 2;
// The site's own colours (src/styles/base.css): --ink, --ink-soft and --accent.
const ink = rgb(0x1f / 255, 0x2a / 255, 0x2e / 255);
const soft = rgb(0x4a / 255, 0x5a / 255, 0x60 / 255);
const accent = rgb(0x2f / 255, 0x5d / 255, 0x62 / 255);

interface Metrics {
	known: Set<number>;
	widths: Map<string, number>;
}
const metrics = new WeakMap<PDFFont, Metrics>();
function metricsOf(font: PDFFont): Metrics {
	let m = metrics.get(font);
	if (!m) metrics.set(font, (m = { known: new Set(font.getCharacterSet()), widths: new Map() }));
	return m;
}

/**
 * The width of a text in points, as pdf-lib draws it (glyph by glyph, without kerning). Letters are measured
 * once per font: shaping a whole line with fontkit at every step of the wrapping took seconds per certificate.
 */
function widthOf(font: PDFFont, text: string, size: number): number {
	const { widths } = metricsOf(font);
	let width = 0;
	for (const ch of text) {
		let w = widths.get(ch);
		if (w === undefined) widths.set(ch, (w = font.widthOfTextAtSize(ch, 1000) / 1000));
		width += w;
	}
	return width * size;
}

/**
 * The text as the font can print it: composed (NFC), so "e" + combining diaeresis prints as "ë"; a letter the
 * font lacks is written with the letters it stands for if the font has those (the digraph "ǆ" as "dž"), loses its
 * accent if the plain letter is there (a rare form such as Livonian "ȱ"), and otherwise becomes "?", so a name in
 * a script the font does not cover still gives a certificate instead of an error.
 */
function printable(font: PDFFont, text: string): string {
	const { known } = metricsOf(font);
	const has = (s: string) => [...s].every((ch) => known.has(ch.codePointAt(0)!));
	return [...text.normalize('NFC')]
		.map((ch) => {
			if (/\s/.test(ch)) return ' ';
			if (has(ch)) return ch;
			const compatible = ch.normalize('NFKC'); // the digraph letter "ǆ" as "dž"
			if (compatible !== ch && has(compatible)) return compatible;
			const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
			return plain !== '' && has(plain) ? plain : '?';
		})
		.join('');
}

/** Lines of at most `width` points; a word longer than a line (a URL) is cut between letters. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const fits = (s: string) => widthOf(font, s, size) <= width;
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (fits(next)) {
			line = next;
			continue;
		}
		if (line) lines.push(line);
		while (!fits(word)) {
			let cut = word.length - 1;
			while (cut > 1 && !fits(word.slice(0, cut))) cut--;
			lines.push(word.slice(0, cut));
			word = word.slice(cut);
		}
		line = word;
	}
	if (line) lines.push(line);
	return lines;
}

interface Style {
	font: PDFFont;
	size: number;
	color?: Color;
}

/** Draws one line, centred on `x` (default the page's centre) or starting at `x` with `align: 'left'`. */
function draw(page: PDFPage, text: string, y: number, style: Style, x = centre, align: 'centre' | 'left' = 'centre'): void {
	const { font, size, color = ink } = style;
	page.drawText(text, { x: align === 'centre' ? x - widthOf(font, text, size) / 2 : x, y, size, font, color });
}

/** The largest size from `max` down to `min` (half points) at which the text fits on one line, or `min`. */
function fitSize(font: PDFFont, text: string, max: number, min: number, width: number): number {
	let size = max;
	while (size > min && widthOf(font, text, size) > width) size -= 0.5;
	return size;
}

/** A QR code drawn as vector squares (sharp in print at any size), `side` points wide with its bottom-left at x, y. */
function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const quiet = 2;
	const unit = side / (modules.size + 2 * quiet);
	let path = '';
	for (let row = 0; row < modules.size; row++) {
		for (let col = 0; col < modules.size; ) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			let run = 1;
			while (col + run < modules.size && modules.get(row, col + run)) run++;
			path += `M${col + quiet} ${row + quiet}h${run}v1h${-run}z`;
			col += run;
		}
	}
	page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
	page.drawSvgPath(path, { x, y: y + side, scale: unit, color: ink, borderWidth: 0 });
}

/**
 * The certificate as one A4 page, set in an embedded open font: issuer, holder, course, study hours, date and
 * competences, the verification code in full, a seal, and a QR code with the link to the public verification
 * page. Labels and the date are in the certificate's language.
 */
export async function certificatePdf(cert: CertificateData, verifyUrl: string, labels: CertificateLabels, locale: Locale, fonts: CertificateFonts): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	const holderName = cert.holderName.normalize('NFC').trim();
	pdf.setTitle(`${labels.heading}: ${holderName} – ${cert.courseTitle}`);
	pdf.setSubject(cert.courseTitle);
	pdf.setKeywords([cert.code, verifyUrl]);
	pdf.setAuthor('Palliwijs');
	pdf.setCreator('Palliwijs');
	pdf.setLanguage(locale === 'en' ? 'en-GB' : 'nl-BE');
	// Ligatures off: an "fl" drawn as one glyph would be copied out of the PDF as nothing.
	const features = { liga: false, clig: false, dlig: false };
	const regular = await pdf.embedFont(fonts.regular, { subset: true, features });
	const semibold = await pdf.embedFont(fonts.semibold, { subset: true, features });
	const page = pdf.addPage([A4.width, A4.height]);
	const say = (font: PDFFont, text: string) => printable(font, text);

	// A double frame in the site's accent colour.
	page.drawRectangle({ x: 24, y: 24, width: A4.width - 48, height: A4.height - 48, borderColor: accent, borderWidth: 1.6 });
	page.drawRectangle({ x: 31, y: 31, width: A4.width - 62, height: A4.height - 62, borderColor: accent, borderWidth: 0.5 });

	let y = A4.height - 88;
	draw(page, 'Palliwijs', y, { font: semibold, size: 15, color: accent });
	y -= 16;
	page.drawLine({ start: { x: centre - 24, y }, end: { x: centre + 24, y }, thickness: 1, color: accent });
	y -= 52;
	draw(page, say(regular, labels.heading), y, { font: regular, size: 36 });
	y -= 38;
	draw(page, say(regular, labels.intro), y, { font: regular, size: 12.5, color: soft });

	// The holder: as large as fits on one line, down to 18 points; wrapped below that.
	const name = say(semibold, holderName);
	const nameSize = fitSize(semibold, name, 30, 18, 470);
	y -= 22;
	for (const line of wrap(semibold, name, nameSize, 470)) {
		y -= nameSize * 1.2;
		draw(page, line, y, { font: semibold, size: nameSize });
	}
	y -= 12;
	page.drawLine({ start: { x: centre - 170, y }, end: { x: centre + 170, y }, thickness: 0.5, color: soft });
	y -= 24;
	draw(page, say(regular, labels.completed), y, { font: regular, size: 12.5, color: soft });
	y -= 8;
	const course = say(semibold, cert.courseTitle);
	const courseSize = fitSize(semibold, course, 19, 15, 450);
	for (const line of wrap(semibold, course, courseSize, 450)) {
		y -= courseSize * 1.3;
		draw(page, line, y, { font: semibold, size: courseSize, color: accent });
	}

	// Study hours, date and code side by side: a small label over each value.
	y -= 40;
	const facts: [string, string][] = [
		[labels.hours, formatNumber(cert.studyHours, locale)],
		[labels.issued, formatDate(cert.issued, locale)],
		[labels.code, cert.code],
	];
	facts.forEach(([label, value], i) => {
		const x = centre + (i - 1) * 165;
		draw(page, say(regular, label), y, { font: regular, size: 9, color: soft }, x);
		draw(page, say(semibold, value), y - 16, { font: semibold, size: i === 2 ? 10.5 : 12 }, x);
	});
	y -= 40;

	// The competences, as large as the room above the seal allows (10 down to 6.5 points). A course names at most
	// the ten EAPC core competences (content/competences); with a long name and title they fit at about 9 points.
	const bottomZone = 238;
	if (cert.competences.length > 0) {
		page.drawLine({ start: { x: 90, y }, end: { x: A4.width - 90, y }, thickness: 0.5, color: accent });
		y -= 24;
		draw(page, say(semibold, labels.competences), y, { font: semibold, size: 10.5, color: accent });
		y -= 8;
		// Numbered competences ("3. Psychologische noden …") hang their number in the margin; others get a bullet.
		const listX = 96;
		const gutter = 18;
		const listWidth = A4.width - 2 * listX - gutter;
		const items = cert.competences.map((c) => {
			const numbered = /^(\d+[.)])\s+(.*)$/s.exec(c.trim());
			return { marker: numbered ? numbered[1]! : '•', text: say(regular, numbered ? numbered[2]! : c) };
		});
		let size = 10;
		const layout = (s: number) => items.map((item) => ({ marker: item.marker, lines: wrap(regular, item.text, s, listWidth) }));
		const height = (s: number) => layout(s).reduce((h, item) => h + item.lines.length * s * 1.3 + s * 0.4, 0);
		while (size > 6.5 && y - height(size) < bottomZone) size -= 0.5;
		for (const { marker, lines } of layout(size)) {
			y -= size * 1.3;
			draw(page, marker, y, { font: regular, size, color: accent }, listX + gutter - 5 - widthOf(regular, marker, size), 'left');
			for (const [i, line] of lines.entries()) {
				if (i > 0) y -= size * 1.3;
				draw(page, line, y, { font: regular, size, color: ink }, listX + gutter, 'left');
			}
			y -= size * 0.4;
		}
	}

	// Bottom left: the QR code, the link and how to verify. Bottom right: the issuer's seal.
	const qrSide = 104;
	const qrX = 62;
	const qrY = 64;
	drawQr(page, verifyUrl, qrX, qrY, qrSide);
	const textX = qrX + qrSide + 14;
	const textWidth = 235;
	let ty = qrY + qrSide - 14;
	draw(page, say(semibold, labels.verify), ty, { font: semibold, size: 10.5, color: accent }, textX, 'left');
	// The link on one line if it fits at 6.5 points or more (a broken code is hard to type over).
	const link = say(regular, verifyUrl);
	const linkSize = fitSize(regular, link, 8.5, 6.5, textWidth);
	for (const line of wrap(regular, link, linkSize, textWidth)) {
		ty -= 13;
		draw(page, line, ty, { font: regular, size: linkSize }, textX, 'left');
	}
	ty -= 6;
	for (const line of wrap(regular, say(regular, labels.footer), 8.5, textWidth)) {
		ty -= 11.5;
		draw(page, line, ty, { font: regular, size: 8.5, color: soft }, textX, 'left');
	}

	const seal = { x: A4.width - 112, y: qrY + qrSide / 2 + 2, r: 52 };
	page.drawCircle({ x: seal.x, y: seal.y, size: seal.r, borderColor: accent, borderWidth: 1.6 });
	page.drawCircle({ x: seal.x, y: seal.y, size: seal.r - 6, borderColor: accent, borderWidth: 0.5 });
	draw(page, say(regular, labels.issuer), seal.y + 15, { font: regular, size: 7.5, color: soft }, seal.x);
	draw(page, 'Palliwijs', seal.y - 5, { font: semibold, size: 15, color: accent }, seal.x);
	const year = formatDate(cert.issued, locale).split(' ').pop() ?? '';
	page.drawLine({ start: { x: seal.x - 26, y: seal.y - 14 }, end: { x: seal.x + 26, y: seal.y - 14 }, thickness: 0.5, color: accent });
	draw(page, year, seal.y - 27, { font: regular, size: 8.5, color: soft }, seal.x);

	return pdf.save({ useObjectStreams: false });
}
