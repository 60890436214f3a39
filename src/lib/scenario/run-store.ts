import type { ScenarioData } from '../../schemas/scenario';
import { shuffleWithSeed } from '../rules/random';

/** A saved run of one case: where the learner is, with which variables and choices. */
export interface ScenarioRun {
	/** Which version of the case the run belongs to (see fingerprint). */
	fingerprint: string;
	/** XState's persisted snapshot. */
	snapshot: unknown;
	savedAt: string;
	/** This play: the seed that orders its options, and its run on the server when logged in. */
	play?: ScenarioPlay;
}

/**
 * One play of a case, from its start (or a restart) to an ending. The seed fixes the order of the
 * options for the whole play, so a resumed play shows the same order. `run` is the server's run
 * (logged-in learners); `recorded` says where the ending was stored, once it was, so it is never sent again.
 */
export interface ScenarioPlay {
	seed: string;
	run?: string;
	/** The learner whose run it is (logged in), so another learner on this device starts afresh. */
	user?: string;
	recorded?: 'account' | 'local';
}

/** A seed for a play without a server run (guests, or when the server could not be reached). */
export function localSeed(): string {
	const bytes = new Uint32Array(2);
	globalThis.crypto.getRandomValues(bytes);
	return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

/**
 * The options of a decision in the order this play shows them: shuffled with the play's seed and
 * the decision's id, so each decision has its own order and the same play always shows the same.
 * Without a play (class mode) the content order is kept.
 */
export function orderedOptions<T>(options: readonly T[], play: ScenarioPlay | null | undefined, node: string): T[] {
	if (!play) return [...options];
	return shuffleWithSeed(play.seed, node, options);
}


/**
 * Where runs are kept. The browser store below serves anonymous readers; an account-backed store
 * (PocketBase scenario_runs) can replace it without touching the player.
 */
export interface ScenarioRunStore {
	load(scenario: string): Promise<ScenarioRun | null>;
	save(scenario: string, run: ScenarioRun): Promise<void>;
	clear(scenario: string): Promise<void>;
}

/** Changes when nodes or options change, so an old run is not resumed into a different case. */
export function fingerprint(data: ScenarioData): string {
	return Object.entries(data.nodes)
		.map(([id, node]) => (node.type === 'decision' ? `${id}(${node.options.map((o) => o.id).join('')})` : id))
		.join(' ');
}

const keyOf = (scenario: string) => `palliwijs.scenario.${scenario}.v1`;

export function browserRunStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): ScenarioRunStore {
	return {
		async load(scenario) {
			try {
				const run = JSON.parse(storage?.getItem(keyOf(scenario)) ?? 'null') as ScenarioRun | null;
				if (!run || typeof run.fingerprint !== 'string' || !run.snapshot) return null;
				if (run.play && typeof run.play.seed !== 'string') delete run.play;
				return run;
			} catch {
				return null;
			}
		},
		async save(scenario, run) {
			try {
				storage?.setItem(keyOf(scenario), JSON.stringify(run));
			} catch {
				/* a full or blocked store: the run goes on, it just will not resume */
			}
		},
		async clear(scenario) {
			try {
				storage?.removeItem(keyOf(scenario));
			} catch {
				/* nothing to clear */
			}
		},
	};
}

/** Whether a saved snapshot still fits the case: its node exists and every recorded choice does. */
export function usableSnapshot(data: ScenarioData, run: ScenarioRun | null): unknown | null {
	if (!run || run.fingerprint !== fingerprint(data)) return null;
	const snapshot = run.snapshot as { value?: unknown; context?: { choices?: { node: string; option: string }[]; variables?: object } };
	if (typeof snapshot.value !== 'string' || !data.nodes[snapshot.value]) return null;
	if (!Array.isArray(snapshot.context?.choices) || typeof snapshot.context?.variables !== 'object') return null;
	return snapshot;
}
