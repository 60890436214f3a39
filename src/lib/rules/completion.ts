// Course completion: the one rule behind the certificate claim and every progress view.
import { creditLessons, creditRuns, type FinishedRun, type LessonProgress, type NotCountedReason } from './credit';

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
 * Whether a learner completed a course: every lesson credited (time on task), every case finished in
 * a run that took long enough, every assessment passed.
 * @param durations step key ("<module>/<slug>" or "scenario/<id>") → durationMinutes
 */
export function courseProgress(course: CourseShape, records: LearnerRecords, durations: Record<string, number>): CourseProgress {
	const lessonDurations: Record<string, number> = {};
	const caseDurations: Record<string, number> = {};
	for (const [step, minutes] of Object.entries(durations)) {
		if (step.indexOf('scenario/') === 0) caseDurations[step.slice('scenario/'.length)] = minutes;
		else lessonDurations[step] = minutes;
	}
	const lessons = creditLessons(records.progress, lessonDurations);
	const cases = creditRuns(records.runs, caseDurations);
	const missingSteps: string[] = [];
	const notCounted: CourseProgress['notCounted'] = [];
	let done = 0;
	for (const step of course.steps) {
		const credit = step.indexOf('scenario/') === 0 ? cases.get(step) : lessons.get(step);
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
