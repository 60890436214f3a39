import { certificatePdfKeys } from '../../lib/certificate/labels';

export const certificateKeys = [
	...Object.values(certificatePdfKeys),
	'certificate.download',
	'certificate.pdfBusy',
	'certificate.pdfFailed',
	'certificate.print',
	'certificate.loading',
	'certificate.notFound',
	'certificate.qr',
	'progress.expired',
	'progress.offline',
	'assessment.loginFirst',
	'assessment.loginLink',
] as const;
export type CertificateKey = (typeof certificateKeys)[number];

export const verifyKeys = [
	'verify.code',
	'verify.check',
	'verify.valid',
	'verify.invalid',
	'verify.malformed',
	'verify.holder',
	'verify.course',
	'verify.hours',
	'verify.issued',
	'verify.busy',
	'progress.offline',
] as const;
export type VerifyKey = (typeof verifyKeys)[number];
