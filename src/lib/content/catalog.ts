import { defaultLocale, type Locale } from '../../i18n/locales';
import type { CompetenceData } from '../../schemas/competence';
import type { CourseData } from '../../schemas/course';
import type { ModuleData } from '../../schemas/module';
import type { LessonData } from '../../schemas/lesson';
import type { ScenarioData } from '../../schemas/scenario';
import type { ScenarioTranslationData } from '../../schemas/scenario-translation';
import type { AssessmentData } from '../../schemas/assessment';
import { parseLessonId, type ContentSet } from './content-set';

/** A lesson as the site knows it: one key ("<module>/<slug>"), a Dutch original, maybe translations. */
export interface LessonNode {
	/** "<module>/<slug>": the id stored in lesson_progress and used in URLs. */
	key: string;
	module: string;
	slug: string;
	/** Frontmatter per language; the Dutch original is always there. */
	data: { nl: LessonData } & Partial<Record<Locale, LessonData>>;
}

export interface ScenarioNode {
	id: string;
	/** "scenario/<id>": the step key stored in lesson_progress when a case is finished. */
	key: string;
	data: ScenarioData;
	/** Its texts in other languages than `data.language` (checked: same nodes and options). */
	translations: Partial<Record<Locale, ScenarioTranslationData>>;
	/** Modules that hold this case. */
	modules: string[];
}

/** The progress key of a case. */
export const scenarioKey = (id: string) => `scenario/${id}`;

export interface ModuleNode {
	id: string;
	data: ModuleData;
	lessons: LessonNode[];
	scenarios: ScenarioNode[];
	/** Courses that contain this module, in catalogue order. */
	courses: string[];
}

export interface CourseNode {
	id: string;
	data: CourseData;
	modules: ModuleNode[];
}

export interface CompetenceNode {
	id: string;
	data: CompetenceData;
}

export interface Catalog {
	competences: CompetenceNode[];
	courses: CourseNode[];
	modules: Map<string, ModuleNode>;
	lessons: Map<string, LessonNode>;
	scenarios: Map<string, ScenarioNode>;
	/** Published assessment questions by module id (keys are never here). */
	assessments: Map<string, AssessmentData>;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** Builds the navigable structure from a content set that passed checkContent(). */
export function buildCatalog(set: ContentSet): Catalog {
	// Everything in a fixed order: the content layer hands entries over in the order it happened to load
	// them (a cold build differs from a cached one), and the pages and catalog.json must not.
	const lessons = new Map<string, LessonNode>();
	for (const entry of [...set.lessons].sort(byId)) {
		const parts = parseLessonId(entry.id);
		if (!parts || parts.locale !== defaultLocale) continue;
		const key = `${parts.module}/${parts.slug}`;
		lessons.set(key, { key, module: parts.module, slug: parts.slug, data: { nl: entry.data } });
	}
	for (const entry of set.lessons) {
		const parts = parseLessonId(entry.id);
		if (!parts || parts.locale === defaultLocale) continue;
		const node = lessons.get(`${parts.module}/${parts.slug}`);
		if (node) node.data[parts.locale as Locale] = entry.data;
	}

	const scenarios = new Map<string, ScenarioNode>();
	for (const s of [...(set.scenarios ?? [])].sort(byId)) {
		scenarios.set(s.id, { id: s.id, key: scenarioKey(s.id), data: s.data, translations: {}, modules: [] });
	}
	for (const t of set.scenarioTranslations ?? []) {
		const [locale, id] = t.id.split('/');
		const scenario = scenarios.get(id ?? '');
		if (scenario && locale) scenario.translations[locale as Locale] = t.data;
	}

	const modules = new Map<string, ModuleNode>();
	for (const m of [...set.modules].sort(byId)) {
		const moduleLessons = m.data.lessons.map((slug) => lessons.get(`${m.id}/${slug}`)).filter((l) => l !== undefined);
		const moduleScenarios = m.data.scenarios.map((id) => scenarios.get(id)).filter((s) => s !== undefined);
		moduleScenarios.forEach((s) => s.modules.push(m.id));
		modules.set(m.id, { id: m.id, data: m.data, lessons: moduleLessons, scenarios: moduleScenarios, courses: [] });
	}

	const courses = [...set.courses]
		.sort((a, b) => a.data.title.nl.localeCompare(b.data.title.nl, 'nl'))
		.map((c) => {
			const courseModules = c.data.modules.map((id) => modules.get(id)).filter((m) => m !== undefined);
			courseModules.forEach((m) => m.courses.push(c.id));
			return { id: c.id, data: c.data, modules: courseModules };
		});

	const competences = set.competences
		.map((c) => ({ id: c.id, data: c.data }))
		.sort((a, b) => a.data.order - b.data.order);

	const assessments = new Map([...(set.assessments ?? [])].sort(byId).map((a) => [a.id, a.data]));
	return { competences, courses, modules, lessons, scenarios, assessments };
}

/**
 * Whether a page speaks to citizens (read-aloud, plain-language competence labels): a course, module or lesson
 * when one of its courses is for citizens; a case also when its own audiences name citizens.
 */
export function forCitizens(catalog: Catalog, courseIds: readonly string[], audiences: readonly string[] = []): boolean {
	return audiences.includes('citizen') || courseIds.some((id) => catalog.courses.find((c) => c.id === id)?.data.audiences.includes('citizen'));
}

/** A competence's label: the plain words on citizen pages, the EAPC wording everywhere else. */
export function competenceLabel(competence: CompetenceNode, locale: Locale, plain: boolean): string {
	return (plain ? competence.data.plain : competence.data.title)[locale];
}

/** Progress keys of everything a learner completes in a module: its lessons, then its cases. */
export function moduleSteps(mod: ModuleNode): string[] {
	return [...mod.lessons.map((l) => l.key), ...mod.scenarios.map((s) => s.key)];
}

/** Module ids of a course that have a summative assessment: passing each is part of completing the course. */
export function courseAssessments(catalog: Catalog, course: CourseNode): string[] {
	return course.modules.map((m) => m.id).filter((id) => catalog.assessments.has(id));
}

/** Progress keys of a whole course, in order. */
export function courseSteps(course: CourseNode): string[] {
	return course.modules.flatMap(moduleSteps);
}

const lessonsOfCourse = new WeakMap<CourseNode, readonly LessonNode[]>();
/** All lessons of a course, in the order a learner meets them (the whole course order, cases and tests too, is src/lib/course-order.ts). */
export function courseLessons(course: CourseNode): readonly LessonNode[] {
	let lessons = lessonsOfCourse.get(course);
	if (!lessons) lessonsOfCourse.set(course, (lessons = course.modules.flatMap((m) => m.lessons)));
	return lessons;
}

/** Minutes of all lessons of a course or module. */
export function totalMinutes(lessons: readonly LessonNode[]): number {
	return lessons.reduce((sum, l) => sum + l.data.nl.durationMinutes, 0);
}

/** Competence ids a course works on (its modules' and lessons'), in EAPC order. */
export function courseCompetences(catalog: Catalog, course: CourseNode): string[] {
	const ids = new Set<string>();
	for (const m of course.modules) {
		m.data.competences.forEach((c) => ids.add(c));
		m.lessons.forEach((l) => l.data.nl.competences.forEach((c) => ids.add(c)));
	}
	return catalog.competences.map((c) => c.id).filter((id) => ids.has(id));
}

/** The lessons and modules that work on one competence. */
export function competenceCoverage(catalog: Catalog, competenceId: string) {
	const modules = [...catalog.modules.values()].filter((m) => m.data.competences.includes(competenceId));
	const lessons = [...catalog.lessons.values()].filter((l) => l.data.nl.competences.includes(competenceId));
	return { modules, lessons };
}
