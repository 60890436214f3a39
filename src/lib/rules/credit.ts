// Time on task: which completed lessons and finished cases count towards a certificate.

/**
 * The share of a lesson's (or case's) estimated duration that must pass between opening it (starting
 * the run) and marking it done (finishing the run) before it counts. Reasons in pocketbase/API.md
 * ("Why half the duration").
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
const needed = (durationMinutes: number | undefined) => (durationMinutes === undefined ? Infinity : Math.round(CREDIT_SHARE * durationMinutes * 10) / 10);

interface Work {
	step: string;
	begin: number | null;
	end: number;
}

/**
 * Credits every completed lesson and finished case run of a learner on one timeline, so time is counted
 * once. A step's time starts at the later of its own start (a lesson's first opening, a run's start) and
 * the end of the learner's previous step (the completion of a lesson or the finish of a run, in any
 * course): thirty lessons opened in thirty tabs and marked done one after the other earn the time of
 * one, and two cases played side by side the time of one.
 *
 * A lesson never opened while logged in, or opened only after it was marked done, is "not-opened". Of
 * several runs of a case the one with the most credited time is reported.
 * Lesson keys starting with "scenario/" in the progress are skipped: cases are credited from their runs.
 * @param durations step key ("<module>/<slug>" or "scenario/<id>") → durationMinutes; a step without one is never credited
 */
export function creditSteps(progress: readonly LessonProgress[], runs: readonly FinishedRun[], durations: Record<string, number>): Map<string, StepCredit> {
	const work: Work[] = [
		...progress.filter((p) => p.completed && p.completedAt !== null && p.lesson.indexOf('scenario/') !== 0).map((p) => ({ step: p.lesson, begin: p.openedAt, end: p.completedAt! })),
		...runs.map((r) => ({ step: 'scenario/' + r.scenario, begin: r.startedAt, end: r.finishedAt })),
	].sort((a, b) => a.end - b.end);
	const result = new Map<string, StepCredit>();
	// The end of the step before this one on the timeline. Of two steps that end in the same millisecond
	// (two requests at once) the one given first is the earlier: their shared time counts once, too.
	let previous = -Infinity;
	for (const w of work) {
		const neededMinutes = needed(durations[w.step]);
		let credit: StepCredit;
		if (w.begin === null || w.begin > w.end) credit = { step: w.step, counted: false, reason: 'not-opened', neededMinutes, creditedMinutes: 0 };
		else {
			const creditedMinutes = minutes(w.end - Math.max(w.begin, previous));
			credit = creditedMinutes >= neededMinutes ? { step: w.step, counted: true, neededMinutes, creditedMinutes } : { step: w.step, counted: false, reason: 'too-fast', neededMinutes, creditedMinutes };
		}
		const best = result.get(w.step);
		if (!best || (credit.counted && !best.counted) || (credit.counted === best.counted && credit.creditedMinutes > best.creditedMinutes)) result.set(w.step, credit);
		previous = w.end;
	}
	return result;
}
