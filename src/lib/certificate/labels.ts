// The words the certificate PDF prints around the certificate's own data. Kept apart from pdf.ts, which the
// certificate page loads only when the PDF is asked for, so the page can pick these strings without pdf-lib.
import type { UiKey } from '../../i18n/nl';

/** What the certificate PDF prints besides the certificate's own data, by its place on the page, and the UI key of each. */
export const certificatePdfKeys = {
	heading: 'certificate.heading',
	intro: 'certificate.intro',
	completed: 'certificate.completed',
	hours: 'certificate.hours',
	issued: 'certificate.issued',
	code: 'certificate.code',
	competences: 'certificate.competences',
	verify: 'certificate.verify',
	footer: 'certificate.footer',
	issuer: 'certificate.issuer',
} as const satisfies Record<string, UiKey>;
export type CertificateLabels = Record<keyof typeof certificatePdfKeys, string>;

/** The PDF's labels in one language, from a translator (the island's `t`, or a locale's dictionary). */
export function certificateLabels(t: (key: (typeof certificatePdfKeys)[keyof typeof certificatePdfKeys]) => string): CertificateLabels {
	return Object.fromEntries(Object.entries(certificatePdfKeys).map(([label, key]) => [label, t(key)])) as CertificateLabels;
}
