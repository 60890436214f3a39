// The way on after a step: the next step of the course, or back to the course page after the last one.
import { useTranslations } from '../../i18n';
import type { Locale } from '../../i18n/locales';
import type { Catalog } from '../../lib/content/catalog';
import { courseOfModule, stepNeighbours } from '../../lib/course-order';
import { href } from '../../lib/routes';
import { stepInfo } from './stepInfo';

export function nextStep(catalog: Catalog, locale: Locale, stepKey: string, moduleId: string): { label: string; href: string } {
	const t = useTranslations(locale);
	const { next } = stepNeighbours(catalog, stepKey, moduleId);
	if (next) {
		const info = stepInfo(catalog, locale, next);
		return { label: t('progress.nextStep', { title: info.title }), href: info.href };
	}
	const course = courseOfModule(catalog, catalog.modules.get(moduleId)!);
	return { label: t('pager.courseDone'), href: course ? href(locale, { kind: 'course', course: course.id }) : href(locale, { kind: 'module', module: moduleId }) };
}
