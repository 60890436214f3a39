import type { Locale } from '../../i18n/locales';
import type { LessonData } from '../../schemas/lesson';
import type { ScenarioData } from '../../schemas/scenario';
import { translateScenario } from '../scenario/translation';
import type { LessonNode, ScenarioNode } from './catalog';

/** A content text in the page's language. */
export function text(value: Record<Locale, string>, locale: Locale): string {
	return value[locale];
}

/** A lesson's frontmatter in the page's language, falling back to the Dutch original. */
export function lessonIn(lesson: LessonNode, locale: Locale): { data: LessonData; translated: boolean } {
	const data = lesson.data[locale];
	return data ? { data, translated: true } : { data: lesson.data.nl, translated: false };
}

/** A case in the page's language when it is written in it or translated into it, else in its original language. */
export function scenarioIn(scenario: Pick<ScenarioNode, 'data' | 'translations'>, locale: Locale): { data: ScenarioData; translated: boolean } {
	if (scenario.data.language === locale) return { data: scenario.data, translated: true };
	const translation = scenario.translations[locale];
	return translation ? { data: translateScenario(scenario.data, translation, locale), translated: true } : { data: scenario.data, translated: false };
}
