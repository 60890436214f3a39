// Title, page and minutes of a step of the course order, in the page's language (build time only).
import type { Locale } from '../../i18n/locales';
import type { Catalog } from '../../lib/content/catalog';
import { lessonIn, text } from '../../lib/content/localize';
import { stepRoute, type CourseStep } from '../../lib/course-order';
import { href } from '../../lib/routes';

export interface StepInfo {
	title: string;
	href: string;
	minutes?: number;
}

export function stepInfo(catalog: Catalog, locale: Locale, step: CourseStep): StepInfo {
	const page = href(locale, stepRoute(step));
	if (step.kind === 'lesson') {
		const { data } = lessonIn(catalog.lessons.get(step.key)!, locale);
		return { title: data.title, href: page, minutes: data.durationMinutes };
	}
	if (step.kind === 'case') {
		const scenario = catalog.scenarios.get(step.key.slice('scenario/'.length))!;
		return { title: text(scenario.data.title, locale), href: page, minutes: scenario.data.durationMinutes };
	}
	return { title: text(catalog.assessments.get(step.module)!.title, locale), href: page };
}
