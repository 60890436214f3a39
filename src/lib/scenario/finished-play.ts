/**
 * A finished play of a case kept on this device (apart from the run store, so a lesson page's progress
 * sync loads this and not the case player's store).
 */
import type { ScenarioPlay } from './run-store';

const doneKeyOf = (scenario: string) => `palliwijs.scenario.${scenario}.finished.v1`;

/**
 * The last play of a case that reached an ending, kept on this device so a case finished without an
 * account or without a connection can still be proven to the server (which replays the choices) later:
 * with its server run when it had one, otherwise with the play's key (the same key is the same run on
 * the server, so a play sent twice, by the offline queue and by a sync, is one run).
 */
export interface FinishedPlay {
	choices: { node: string; option: string }[];
	key?: string;
	run?: string;
}

/** The key a play is sent with when it has no server run: one per play (its seed). */
export const playKey = (play: Pick<ScenarioPlay, 'seed'>) => `play-${play.seed}`;

export function rememberFinishedRun(scenario: string, finished: FinishedPlay, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
	try {
		storage?.setItem(doneKeyOf(scenario), JSON.stringify(finished));
	} catch {
		/* not kept: the case can be played again */
	}
}

export function finishedRun(scenario: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): FinishedPlay | null {
	try {
		const stored = JSON.parse(storage?.getItem(doneKeyOf(scenario)) ?? 'null') as unknown;
		// Kept before plays had keys: the choices alone.
		if (Array.isArray(stored)) return { choices: stored as FinishedPlay['choices'] };
		const play = stored as Partial<FinishedPlay> | null;
		return play && Array.isArray(play.choices) ? { choices: play.choices, key: play.key, run: play.run } : null;
	} catch {
		return null;
	}
}
