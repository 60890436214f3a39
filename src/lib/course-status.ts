// The status of each step of a course, read from the one course-progress rule (src/lib/rules/completion.ts):
// for a logged-in learner the server's answer (GET /api/palliwijs/courses/{id}/progress), for a visitor
// without an account the same rule over what this device recorded.
import { courseProgress, type CourseProgress } from './rules/completion';

/**
 * not-started: nothing recorded; done: a lesson or case that counts; not-counted: marked done, but it
 * does not count for a certificate yet (time on task); passed: a test passed.
 */
export type StepStatus = 'not-started' | 'done' | 'not-counted' | 'passed';

/** What a status view needs of a course's progress (the server sends more). */
export type ProgressFacts = Pick<CourseProgress, 'missingSteps' | 'missingAssessments' | 'notCounted'>;

const TEST = 'assessment/';

/**
 * The course progress of a visitor without an account, from the steps this device recorded as done.
 * The device has no server clock, so time on task is not measured: every step marked done counts
 * (the rule is asked with durations of zero). No test is passed without an account.
 * @param steps the course order's keys (lessons, cases and "assessment/<module>")
 */
export function deviceProgress(steps: readonly string[], completed: ReadonlySet<string>): CourseProgress {
	const lessons = steps.filter((k) => !k.startsWith(TEST));
	const done = lessons.filter((k) => completed.has(k));
	return courseProgress(
		{ steps: lessons, assessments: steps.filter((k) => k.startsWith(TEST)).map((k) => k.slice(TEST.length)) },
		{
			progress: done.filter((k) => !k.startsWith('scenario/')).map((lesson) => ({ lesson, completed: true, openedAt: 0, completedAt: 0 })),
			runs: done.filter((k) => k.startsWith('scenario/')).map((k) => ({ scenario: k.slice('scenario/'.length), startedAt: 0, finishedAt: 0 })),
			passed: [],
		},
		Object.fromEntries(lessons.map((k) => [k, 0])),
	);
}

/** The status of every step, in the order given. */
export function stepStatuses(steps: readonly string[], progress: ProgressFacts): StepStatus[] {
	const missing = new Set(progress.missingSteps);
	const notCounted = new Set(progress.notCounted.map((n) => n.step));
	const failed = new Set(progress.missingAssessments);
	return steps.map((key) => {
		if (key.startsWith(TEST)) return failed.has(key.slice(TEST.length)) ? 'not-started' : 'passed';
		if (notCounted.has(key)) return 'not-counted';
		return missing.has(key) ? 'not-started' : 'done';
	});
}

/** Whether a status counts as finished (a lesson or case that counts, a test passed). */
export const finished = (status: StepStatus) => status === 'done' || status === 'passed';

/**
 * Where to go on: the first step in course order that is not finished (a step that does not count yet
 * is still to do). -1 when everything is finished.
 */
export function nextStepIndex(statuses: readonly StepStatus[]): number {
	return statuses.findIndex((s) => !finished(s));
}

/** Whether the learner has started the course at all (anything recorded, counted or not). */
export const started = (statuses: readonly StepStatus[]) => statuses.some((s) => s !== 'not-started');
