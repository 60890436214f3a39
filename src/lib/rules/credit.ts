// Time on task: which completed lessons and finished cases count towards a certificate.

/**
 * The share of a lesson's (or case's) estimated duration that must pass between opening it and
 * marking it done before it counts. Reasons in pocketbase/API.md ("Why half the duration").
 */
export const CREDIT_SHARE = 0.5;

/** A lesson_progress record, times in ms since the epoch (null when empty). */
export interface LessonProgress {
	lesson: string;
	completed: boolean;
	openedAt: number | null;
	completedAt: number | null;
}

/** A finished case run, times in ms since the epoch. */
export interface FinishedRun {
	scenario: string;
	startedAt: number;
	finishedAt: number;
}

export type NotCountedReason = 'too-fast' | 'not-opened';

export interface StepCredit {
	step: string;
	counted: boolean;
	reason?: NotCountedReason;
	neededMinutes: number;
	creditedMinutes: number;
}

const minutes = (ms: number) => Math.max(0, Math.round(ms / 6000) / 10);
const needed = (durationMinutes: number) => Math.round(CREDIT_SHARE * durationMinutes * 10) / 10;

/**
 * Credits every completed lesson of a learner. Reading time is counted once: a lesson's time starts at
 * the later of its opening and the completion of the learner's previous completed lesson (in any
 * course), so thirty lessons opened in thirty tabs and marked done one after the other earn the time
 * of one. A lesson never opened while logged in (or opened only after it was marked done) is
 * "not-opened" until it is opened and marked done again. Keys starting with "scenario/" are skipped:
 * cases are credited from their runs.
 * @param durations lesson key → durationMinutes; a lesson without a duration is not credited
 */
export function creditLessons(progress: readonly LessonProgress[], durations: Record<string, number>): Map<string, StepCredit> {
	const done = progress
		.filter((p) => p.completed && p.completedAt !== null && p.lesson.indexOf('scenario/') !== 0)
		.sort((a, b) => a.completedAt! - b.completedAt!);
	const result = new Map<string, StepCredit>();
	let previous = -Infinity;
	let previousValue = -Infinity;
	for (const p of done) {
		const completedAt = p.completedAt!;
		// The previous completion strictly before this one (equal times share the same previous).
		if (completedAt > previousValue) {
			previous = previousValue;
			previousValue = completedAt;
		}
		const duration = durations[p.lesson];
		const neededMinutes = duration === undefined ? Infinity : needed(duration);
		if (p.openedAt === null || p.openedAt > completedAt) {
			result.set(p.lesson, { step: p.lesson, counted: false, reason: 'not-opened', neededMinutes, creditedMinutes: 0 });
			continue;
		}
		const creditedMinutes = minutes(completedAt - Math.max(p.openedAt, previous));
		const counted = creditedMinutes >= neededMinutes;
		result.set(p.lesson, counted ? { step: p.lesson, counted, neededMinutes, creditedMinutes } : { step: p.lesson, counted, reason: 'too-fast', neededMinutes, creditedMinutes });
	}
	return result;
}

/** Credits the cases: a case counts when one of its finished runs took at least the share of its duration. */
export function creditRuns(runs: readonly FinishedRun[], durations: Record<string, number>): Map<string, StepCredit> {
	const result = new Map<string, StepCredit>();
	for (const run of runs) {
		const step = 'scenario/' + run.scenario;
		const duration = durations[run.scenario];
		const neededMinutes = duration === undefined ? Infinity : needed(duration);
		const creditedMinutes = minutes(run.finishedAt - run.startedAt);
		const best = result.get(step);
		if (best && best.creditedMinutes >= creditedMinutes) continue;
		const counted = creditedMinutes >= neededMinutes;
		result.set(step, counted ? { step, counted, neededMinutes, creditedMinutes } : { step, counted, reason: 'too-fast', neededMinutes, creditedMinutes });
	}
	return result;
}
