// Course completion: the one rule behind the certificate claim and every progress view.
import { creditSteps, type FinishedRun, type LessonProgress, type NotCountedReason } from './credit';

export interface CourseShape {
	steps: readonly string[];
	assessments?: readonly string[];
}

export interface CourseProgress {
	complete: boolean;
	/** Steps (lessons "<module>/<slug>", cases "scenario/<id>") not done at all. */
	missingSteps: string[];
	/** Assessments (module ids) not passed. */
	missingAssessments: string[];
	/** Steps marked done or finished that do not count (yet), and why. */
	notCounted: { step: string; reason: NotCountedReason; neededMinutes: number; creditedMinutes: number }[];
	/** Steps and assessments that count, out of all of them. */
	done: number;
	total: number;
}

export interface LearnerRecords {
	progress: readonly LessonProgress[];
	runs: readonly FinishedRun[];
	/** Assessment ids the learner passed. */
	passed: readonly string[];
}

/**
 * Whether a learner completed a course: every lesson and every case credited (time on task, counted
 * once across everything the learner does; see creditSteps), every assessment passed.
 * @param durations step key ("<module>/<slug>" or "scenario/<id>") → durationMinutes
 */
export function courseProgress(course: CourseShape, records: LearnerRecords, durations: Record<string, number>): CourseProgress {
	const credits = creditSteps(records.progress, records.runs, durations);
	const missingSteps: string[] = [];
	const notCounted: CourseProgress['notCounted'] = [];
	let done = 0;
	for (const step of course.steps) {
		const credit = credits.get(step);
		if (!credit) missingSteps.push(step);
		else if (!credit.counted) notCounted.push({ step, reason: credit.reason!, neededMinutes: credit.neededMinutes, creditedMinutes: credit.creditedMinutes });
		else done++;
	}
	const assessments = course.assessments ?? [];
	const missingAssessments = assessments.filter((a) => !records.passed.includes(a));
	done += assessments.length - missingAssessments.length;
	return {
		complete: missingSteps.length === 0 && notCounted.length === 0 && missingAssessments.length === 0,
		missingSteps,
		missingAssessments,
		notCounted,
		done,
		total: course.steps.length + assessments.length,
	};
}

/** Where a learner stands in one module: done (every step and the test count), started (something done or marked), or not started. */
export type ModuleStatus = 'done' | 'started' | 'notStarted';

export interface ModuleProgress {
	/** Steps and the module's test (when it has one) that count. */
	done: number;
	total: number;
	status: ModuleStatus;
}

/**
 * Per module of a course, from that course's progress (courseProgress): how many of its steps and its test count,
 * and its status. A step marked done that does not count yet (time on task) makes the module started, not done.
 * @param modules the course's modules in order, each with its steps
 * @param assessments module ids of the course that have a test
 */
export function moduleProgress(modules: readonly { id: string; steps: readonly string[] }[], assessments: readonly string[], progress: CourseProgress): Record<string, ModuleProgress> {
	const missing = new Set(progress.missingSteps);
	const marked = new Set(progress.notCounted.map((n) => n.step));
	const failed = new Set(progress.missingAssessments);
	const out: Record<string, ModuleProgress> = {};
	for (const m of modules) {
		const hasTest = assessments.includes(m.id);
		const passed = hasTest && !failed.has(m.id);
		const counted = m.steps.filter((s) => !missing.has(s) && !marked.has(s)).length + (passed ? 1 : 0);
		const total = m.steps.length + (hasTest ? 1 : 0);
		const started = counted > 0 || m.steps.some((s) => marked.has(s));
		out[m.id] = { done: counted, total, status: total > 0 && counted === total ? 'done' : started ? 'started' : 'notStarted' };
	}
	return out;
}
