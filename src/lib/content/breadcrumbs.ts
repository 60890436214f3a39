import { useTranslations } from '../../i18n';
import type { Locale } from '../../i18n/locales';
import { href } from '../routes';
import type { Catalog, ModuleNode } from './catalog';
import { text } from './localize';

/** Catalogue › course (the module's first) [› module]: the trail above a module, lesson or assessment. */
export function moduleTrail(locale: Locale, catalog: Catalog, mod: ModuleNode, includeModule: boolean): { label: string; href: string }[] {
	const t = useTranslations(locale);
	const trail = [{ label: t('catalogue.title'), href: href(locale, { kind: 'catalogue' }) }];
	const course = catalog.courses.find((c) => c.id === mod.courses[0]);
	if (course) trail.push({ label: text(course.data.title, locale), href: href(locale, { kind: 'course', course: course.id }) });
	if (includeModule) trail.push({ label: text(mod.data.title, locale), href: href(locale, { kind: 'module', module: mod.id }) });
	return trail;
}
