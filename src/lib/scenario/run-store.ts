import type { ScenarioData } from '../../schemas/scenario';

/** A saved run of one case: where the learner is, with which variables and choices. */
export interface ScenarioRun {
	/** Which version of the case the run belongs to (see fingerprint). */
	fingerprint: string;
	/** XState's persisted snapshot. */
	snapshot: unknown;
	savedAt: string;
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
const doneKeyOf = (scenario: string) => `palliwijs.scenario.${scenario}.finished.v1`;

/**
 * The choices of the last run that reached an ending, kept on this device so a case finished without
 * an account can still be proven to the server (which replays them) after signing up.
 */
export function rememberFinishedRun(scenario: string, choices: { node: string; option: string }[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
	try {
		storage?.setItem(doneKeyOf(scenario), JSON.stringify(choices));
	} catch {
		/* not kept: the case can be played again */
	}
}

export function finishedRun(scenario: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): { node: string; option: string }[] | null {
	try {
		const choices = JSON.parse(storage?.getItem(doneKeyOf(scenario)) ?? 'null') as unknown;
		return Array.isArray(choices) ? (choices as { node: string; option: string }[]) : null;
	} catch {
		return null;
	}
}

export function browserRunStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): ScenarioRunStore {
	return {
		async load(scenario) {
			try {
				const run = JSON.parse(storage?.getItem(keyOf(scenario)) ?? 'null') as ScenarioRun | null;
				return run && typeof run.fingerprint === 'string' && run.snapshot ? run : null;
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
