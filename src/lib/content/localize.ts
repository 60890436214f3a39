import type { Locale } from '../../i18n/locales';
import type { LessonData } from '../../schemas/lesson';
import type { LessonNode } from './catalog';

/** A content text in the page's language. */
export function text(value: Record<Locale, string>, locale: Locale): string {
	return value[locale];
}

/** A lesson's frontmatter in the page's language, falling back to the Dutch original. */
export function lessonIn(lesson: LessonNode, locale: Locale): { data: LessonData; translated: boolean } {
	const data = lesson.data[locale];
	return data ? { data, translated: true } : { data: lesson.data.nl, translated: false };
}
