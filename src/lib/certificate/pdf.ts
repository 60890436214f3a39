import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';

export interface CertificateData {
	holderName: string;
	courseTitle: string;
	studyHours: number;
	competences: string[];
	issued: string;
	code: string;
}
export interface CertificateLabels {
	heading: string;
	intro: string;
	hours: string;
	competences: string;
	issued: string;
	verify: string;
	footer: string;
}

/** Helvetica speaks WinAnsi only: letters outside it lose their accent or become "?" instead of failing. */
function printable(font: PDFFont, text: string): string {
	return [...text]
		.map((ch) => {
			try {
				font.encodeText(ch);
				return ch;
			} catch {
				const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
				try {
					font.encodeText(plain);
					return plain;
				} catch {
					return '?';
				}
			}
		})
		.join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (font.widthOfTextAtSize(next, size) > width && line) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** The certificate as an A4 PDF with a QR code to its public verification page. */
export async function certificatePdf(cert: CertificateData, verifyUrl: string, labels: CertificateLabels, locale: Locale): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.setTitle(`${labels.heading}: ${cert.holderName} – ${cert.courseTitle}`);
	pdf.setSubject(cert.courseTitle);
	pdf.setAuthor('Palliwijs');
	pdf.setCreator('Palliwijs');
	const page = pdf.addPage([595.28, 841.89]);
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const ink = rgb(0.12, 0.16, 0.18);
	const accent = rgb(0.18, 0.36, 0.38);
	const left = 60;
	const width = 475;
	let y = 770;
	const text = (value: string, font: PDFFont, size: number, color = ink) => {
		for (const line of wrap(font, printable(font, value), size, width)) {
			page.drawText(line, { x: left, y, size, font, color });
			y -= size * 1.35;
		}
	};
	page.drawRectangle({ x: 30, y: 30, width: 535.28, height: 781.89, borderColor: accent, borderWidth: 2 });
	text('Palliwijs', bold, 16, accent);
	y -= 30;
	text(labels.heading, bold, 28);
	y -= 12;
	text(labels.intro, regular, 13);
	y -= 6;
	text(cert.holderName, bold, 24);
	y -= 6;
	text(cert.courseTitle, bold, 18, accent);
	y -= 10;
	text(`${labels.hours}: ${cert.studyHours}`, regular, 13);
	text(`${labels.issued}: ${formatDate(cert.issued, locale)}`, regular, 13);
	if (cert.competences.length > 0) {
		y -= 10;
		text(labels.competences, bold, 13);
		for (const c of cert.competences) text(`• ${c}`, regular, 11);
	}
	const qr = await pdf.embedPng(await QRCode.toDataURL(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }));
	page.drawImage(qr, { x: left, y: 70, width: 120, height: 120 });
	y = 160;
	const qrText = (value: string, font: PDFFont, size: number) => {
		for (const line of wrap(font, printable(font, value), size, 320)) {
			page.drawText(line, { x: left + 140, y, size, font, color: ink });
			y -= size * 1.4;
		}
	};
	qrText(labels.verify, bold, 11);
	qrText(verifyUrl, regular, 9);
	qrText(labels.footer, regular, 9);
	return pdf.save({ useObjectStreams: false });
}
