import type { CompetenceData } from '../../schemas/competence';
import type { CourseData } from '../../schemas/course';
import type { ModuleData } from '../../schemas/module';
import type { LessonData } from '../../schemas/lesson';
import type { AssessmentData } from '../../schemas/assessment';
import type { ScenarioData } from '../../schemas/scenario';
import type { ScenarioTranslationData } from '../../schemas/scenario-translation';

/**
 * Everything under content/, already parsed and schema-checked, with the file each entry came from.
 * Built by src/catalog/load.ts (from Astro's collections) or by tests (from the files directly).
 */
export interface Entry<T> {
	/** Collection id: the file name without extension (for lessons: "<locale>/<module>/<slug>"). */
	id: string;
	/** Path relative to the project root, for error messages. */
	file: string;
	data: T;
}

export interface ContentSet {
	competences: Entry<CompetenceData>[];
	courses: Entry<CourseData>[];
	modules: Entry<ModuleData>[];
	lessons: Entry<LessonData>[];
	/** Published assessment questions, one file per module (keys are never part of the site). */
	assessments?: Entry<AssessmentData>[];
	scenarios?: Entry<ScenarioData>[];
	/** A case's texts in another language; id "<locale>/<scenario id>". */
	scenarioTranslations?: Entry<ScenarioTranslationData>[];
}

/** One thing wrong with the content, said so an author can fix it. */
export interface ContentProblem {
	file: string;
	field: string;
	message: string;
}

/** Splits a lesson id "<locale>/<module>/<slug>" into its parts (undefined when it has another shape). */
export function parseLessonId(id: string): { locale: string; module: string; slug: string } | undefined {
	const parts = id.split('/');
	if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
	const [locale, module, slug] = parts as [string, string, string];
	return { locale, module, slug };
}

export function formatProblems(problems: ContentProblem[]): string {
	const lines = problems.map((p) => `  ${p.file} → ${p.field}: ${p.message}`);
	return `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}
