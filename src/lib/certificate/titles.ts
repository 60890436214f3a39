import type { Locale } from '../../i18n/locales';

/**
 * What a certificate record says of its course: the Dutch title and competences it was issued with and, for
 * certificates issued since 2026-12-07, the same in English (pocketbase/pb_hooks/learning.pb.js, claim).
 */
export interface CertificateTitles {
	courseTitle: string;
	competences: string[];
	courseTitleEn?: string;
	competencesEn?: string[] | null;
}

/** The course title in the reader's language; without an English one (an older certificate) the Dutch one. */
export function courseTitleIn(cert: Pick<CertificateTitles, 'courseTitle' | 'courseTitleEn'>, locale: Locale): string {
	return locale === 'en' && cert.courseTitleEn ? cert.courseTitleEn : cert.courseTitle;
}

/** The course title and competences in the reader's language, both from the same language. */
export function titlesIn(cert: CertificateTitles, locale: Locale): { courseTitle: string; competences: string[] } {
	const english = locale === 'en' && !!cert.courseTitleEn && Array.isArray(cert.competencesEn);
	return english ? { courseTitle: cert.courseTitleEn!, competences: cert.competencesEn! } : { courseTitle: cert.courseTitle, competences: cert.competences };
}
