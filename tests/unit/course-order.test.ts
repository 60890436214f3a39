// The one course order (lessons, cases, test of each module) and the status of each step read from the
// course-progress rule, for a learner with an account (the server's answer) and without (this device).
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/content/catalog';
import type { ContentSet } from '../../src/lib/content/content-set';
import { courseOfModule, courseOrder, moduleOrder, stepNeighbours, stepRoute, testKey } from '../../src/lib/course-order';
import { deviceProgress, nextStepIndex, started, stepStatuses } from '../../src/lib/course-status';
import { courseProgress } from '../../src/lib/rules';
import type { LessonData } from '../../src/schemas/lesson';
import type { ScenarioData } from '../../src/schemas/scenario';

const text = (nl: string) => ({ nl, en: nl });
const lesson = (): LessonData => ({ title: 'Les', description: 'Een les.', durationMinutes: 10, objectives: ['Je kunt iets.'], competences: ['eapc-1'], sources: [{ citation: 'A. Titel. 2020.' }], keywords: [] });
const scenario = { title: text('Casus'), durationMinutes: 20 } as unknown as ScenarioData;
const assessment = { title: text('Toets'), passPercentage: 70, draw: 1, attempts: { max: 3, waitHours: 24 }, items: [] };

/** Two courses: "cursus" (module-a: two lessons, a case, a test; module-b: one lesson, the same case, a test) and "ander" (module-c). */
function set(): ContentSet {
	const mod = (id: string, lessons: string[], scenarios: string[]) => ({ id, file: `content/modules/${id}.yaml`, data: { title: text(id), description: text('.'), competences: ['eapc-1'], lessons, scenarios } });
	return {
		competences: [{ id: 'eapc-1', file: 'content/competences/eapc-1.yaml', data: { order: 1, title: text('C1'), description: text('.') } }],
		courses: [
			{ id: 'cursus', file: 'content/courses/cursus.yaml', data: { title: text('A cursus'), description: text('.'), audiences: ['citizen'], studyHours: 1, modules: ['module-a', 'module-b'] } },
			{ id: 'ander', file: 'content/courses/ander.yaml', data: { title: text('B ander'), description: text('.'), audiences: ['professional'], studyHours: 1, modules: ['module-c'] } },
		],
		modules: [mod('module-a', ['les-1', 'les-2'], ['gesprek']), mod('module-b', ['les-3'], ['gesprek']), mod('module-c', ['les-4'], [])],
		lessons: ['module-a/les-1', 'module-a/les-2', 'module-b/les-3', 'module-c/les-4'].map((k) => ({ id: `nl/${k}`, file: `content/lessons/nl/${k}.mdx`, data: lesson() })),
		scenarios: [{ id: 'gesprek', file: 'content/scenarios/gesprek.yaml', data: scenario }],
		assessments: [
			{ id: 'module-a', file: 'content/assessments/module-a.yaml', data: assessment },
			{ id: 'module-b', file: 'content/assessments/module-b.yaml', data: assessment },
		],
	} as unknown as ContentSet;
}
const catalog = buildCatalog(set());
const course = catalog.courses.find((c) => c.id === 'cursus')!;

describe('course order', () => {
	it('walks every module: its lessons, then its cases, then its test', () => {
		expect(courseOrder(catalog, course).map((s) => `${s.kind}:${s.key}`)).toEqual([
			'lesson:module-a/les-1',
			'lesson:module-a/les-2',
			'case:scenario/gesprek',
			'test:assessment/module-a',
			'lesson:module-b/les-3',
			// the case is in module-b too, but a course lists it once, where it comes first
			'test:assessment/module-b',
		]);
	});

	it('a module without a test ends with its last lesson or case', () => {
		expect(moduleOrder(catalog, catalog.modules.get('module-c')!).map((s) => s.key)).toEqual(['module-c/les-4']);
		expect(moduleOrder(catalog, catalog.modules.get('module-b')!).map((s) => s.key)).toEqual(['module-b/les-3', 'scenario/gesprek', 'assessment/module-b']);
	});

	it('previous and next go through cases and tests, not from the last lesson to the next module', () => {
		expect(stepNeighbours(catalog, 'module-a/les-2', 'module-a')).toMatchObject({ previous: { key: 'module-a/les-1' }, next: { key: 'scenario/gesprek', kind: 'case' } });
		expect(stepNeighbours(catalog, 'scenario/gesprek', 'module-a')).toMatchObject({ previous: { key: 'module-a/les-2' }, next: { key: testKey('module-a'), kind: 'test' } });
		expect(stepNeighbours(catalog, testKey('module-a'), 'module-a')).toMatchObject({ previous: { key: 'scenario/gesprek' }, next: { key: 'module-b/les-3' } });
		expect(stepNeighbours(catalog, 'module-a/les-1', 'module-a')).toMatchObject({ previous: undefined, next: { key: 'module-a/les-2' } });
		expect(stepNeighbours(catalog, testKey('module-b'), 'module-b').next).toBeUndefined();
		// a course of its own: no step of another course
		expect(stepNeighbours(catalog, 'module-c/les-4', 'module-c')).toEqual({ previous: undefined, next: undefined });
		expect(stepNeighbours(catalog, 'module-x/les-1', 'module-x')).toEqual({});
		// a step the module's course does not hold has no neighbours (not the course's first step as "next")
		expect(stepNeighbours(catalog, 'module-a/onbekend', 'module-a')).toStrictEqual({});
	});

	it("a module is read in its own first course, not in the catalogue's first", () => {
		expect(courseOfModule(catalog, catalog.modules.get('module-c')!)?.id).toBe('ander');
		expect(courseOfModule(catalog, catalog.modules.get('module-a')!)?.id).toBe('cursus');
	});

	it('each step has its page', () => {
		const [first, , ofCase, ofTest] = courseOrder(catalog, course);
		expect(stepRoute(first!)).toEqual({ kind: 'lesson', module: 'module-a', slug: 'les-1' });
		expect(stepRoute(ofCase!)).toEqual({ kind: 'scenario', scenario: 'gesprek' });
		expect(stepRoute(ofTest!)).toEqual({ kind: 'assessment', module: 'module-a' });
	});
});

describe('step status', () => {
	const keys = courseOrder(catalog, course).map((s) => s.key);

	it('on this device: a step marked done is done, the rest not started, no test passed; the way on is the first step not done', () => {
		const progress = deviceProgress(keys, new Set(['module-a/les-1', 'scenario/gesprek', 'module-c/les-4']));
		expect(progress).toMatchObject({ done: 2, total: 6, complete: false, missingAssessments: ['module-a', 'module-b'] });
		const statuses = stepStatuses(keys, progress);
		expect(statuses).toEqual(['done', 'not-started', 'done', 'not-started', 'not-started', 'not-started']);
		expect(nextStepIndex(statuses)).toBe(1);
		expect(started(statuses)).toBe(true);
		const nothing = stepStatuses(keys, deviceProgress(keys, new Set()));
		expect(started(nothing)).toBe(false);
		expect(nextStepIndex(nothing)).toBe(0);
	});

	it('on this device: a lesson and a case of the same name are two steps; marking one does not finish the other', () => {
		const steps = ['module-a/gesprek', 'scenario/gesprek'];
		expect(stepStatuses(steps, deviceProgress(steps, new Set(['module-a/gesprek'])))).toEqual(['done', 'not-started']);
		expect(stepStatuses(steps, deviceProgress(steps, new Set(['scenario/gesprek'])))).toEqual(['not-started', 'done']);
	});

	it("with an account: the server's course progress, a step that does not count yet is still to do, a passed test is passed", () => {
		const durations = { 'module-a/les-1': 10, 'module-a/les-2': 10, 'module-b/les-3': 10, 'scenario/gesprek': 20 };
		const minute = 60_000;
		const server = courseProgress(
			{ steps: keys.filter((k) => !k.startsWith('assessment/')), assessments: ['module-a', 'module-b'] },
			{
				progress: [
					{ lesson: 'module-a/les-1', completed: true, openedAt: 0, completedAt: 6 * minute }, // counts (5 needed)
					{ lesson: 'module-a/les-2', completed: true, openedAt: 6 * minute, completedAt: 7 * minute }, // too fast
				],
				runs: [],
				passed: ['module-a'],
			},
			durations,
		);
		const statuses = stepStatuses(keys, server);
		expect(statuses).toEqual(['done', 'not-counted', 'not-started', 'passed', 'not-started', 'not-started']);
		expect(nextStepIndex(statuses)).toBe(1);
	});

	it('everything finished: no way on left', () => {
		const statuses = stepStatuses(keys, { missingSteps: [], missingAssessments: [], notCounted: [] });
		expect(statuses).toEqual(['done', 'done', 'done', 'passed', 'done', 'passed']);
		expect(nextStepIndex(statuses)).toBe(-1);
	});
});
