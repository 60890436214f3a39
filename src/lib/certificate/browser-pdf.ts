// The certificate PDF as the browser makes it. Loaded only when a learner asks for the PDF (CertificateView
// imports this module dynamically): pdf-lib, fontkit and the two font files stay off every page load.
import regularUrl from 'source-sans/TTF/SourceSans3-Regular.ttf?url';
import semiboldUrl from 'source-sans/TTF/SourceSans3-Semibold.ttf?url';
import type { Locale } from '../../i18n/locales';
import { certificatePdf, type CertificateData, type CertificateLabels } from './pdf';

/** A font file the build copied from the `source-sans` package into the site (hashed name, cached for a year). */
async function fontFile(url: string): Promise<ArrayBuffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
	return response.arrayBuffer();
}

export async function certificatePdfInBrowser(cert: CertificateData, verifyUrl: string, labels: CertificateLabels, locale: Locale): Promise<Uint8Array> {
	const [regular, semibold] = await Promise.all([fontFile(regularUrl), fontFile(semiboldUrl)]);
	return certificatePdf(cert, verifyUrl, labels, locale, { regular, semibold });
}
