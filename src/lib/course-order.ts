// The one course order: every lesson, case and test of a course, in the order a learner meets them.
// Course and module pages list it as a task list, lessons and cases walk it with previous/next,
// "Verder waar je was" picks its first step still to do.
import type { Catalog, CourseNode, ModuleNode } from './content/catalog';
import type { Route } from './routes';

export type StepKind = 'lesson' | 'case' | 'test';

/** One step of a course. */
export interface CourseStep {
	kind: StepKind;
	/** The progress key: "<module>/<slug>" for a lesson, "scenario/<id>" for a case, "assessment/<module>" for a test. */
	key: string;
	/** The module the step belongs to (for a case, the module of this course that lists it first). */
	module: string;
}

/** The key of a module's test, as the course order and My account name it. */
export const testKey = (module: string) => `assessment/${module}`;

/** A module's steps: its lessons, then its cases, then its test (when it has one). */
export function moduleOrder(catalog: Pick<Catalog, 'assessments'>, mod: ModuleNode): CourseStep[] {
	return [
		...mod.lessons.map((l): CourseStep => ({ kind: 'lesson', key: l.key, module: mod.id })),
		...mod.scenarios.map((s): CourseStep => ({ kind: 'case', key: s.key, module: mod.id })),
		...(catalog.assessments.has(mod.id) ? [{ kind: 'test' as const, key: testKey(mod.id), module: mod.id }] : []),
	];
}

/** A course's steps, module after module; a case listed in two modules of the course counts once, where it comes first. */
export function courseOrder(catalog: Pick<Catalog, 'assessments'>, course: CourseNode): CourseStep[] {
	const seen = new Set<string>();
	return course.modules.flatMap((m) => moduleOrder(catalog, m)).filter((s) => !seen.has(s.key) && seen.add(s.key));
}

/** The course a module is read in: its first course (the breadcrumb's course). */
export function courseOfModule(catalog: Pick<Catalog, 'courses'>, mod: ModuleNode): CourseNode | undefined {
	return catalog.courses.find((c) => c.id === mod.courses[0]);
}

/**
 * The steps before and after one step, walking the course of `moduleId` (the step's own module for a
 * lesson or test; for a case, the module it is shown in). Without a course, within the module.
 */
export function stepNeighbours(catalog: Pick<Catalog, 'assessments' | 'courses' | 'modules'>, key: string, moduleId: string): { previous?: CourseStep; next?: CourseStep } {
	const mod = catalog.modules.get(moduleId);
	if (!mod) return {};
	const course = courseOfModule(catalog, mod);
	const order = course ? courseOrder(catalog, course) : moduleOrder(catalog, mod);
	const at = order.findIndex((s) => s.key === key);
	if (at < 0) return {};
	return { previous: order[at - 1], next: order[at + 1] };
}

/** The page of a step. */
export function stepRoute(step: CourseStep): Route {
	if (step.kind === 'case') return { kind: 'scenario', scenario: step.key.slice('scenario/'.length) };
	if (step.kind === 'test') return { kind: 'assessment', module: step.module };
	return { kind: 'lesson', module: step.module, slug: step.key.slice(step.module.length + 1) };
}
