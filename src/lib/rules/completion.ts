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
