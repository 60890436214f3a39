// Replaying a case run from its choices: the server's check that the choices really lead from the
// start to an ending. Built on the same variable rules the XState machine uses.
import type { ScenarioData } from '../../schemas/scenario';
import { applyEffects, branches, matches, type Variables } from '../scenario/variables';
import { isOwn } from './own';

export interface Choice {
	node: string;
	option: string;
}

export type ReplayResult = { problem: string } | { ending: string; outcome: string; choices: Choice[] };

type ScenarioGraph = Pick<ScenarioData, 'start' | 'variables' | 'nodes'>;

function next(to: Parameters<typeof branches>[0], variables: Variables): string | null {
	return branches(to).find((b) => matches(variables, b.when))?.to ?? null;
}

/** Whether the case has a node of this name (its own, not a name every object answers to, such as "constructor"). */
export function hasNode(nodes: Readonly<Record<string, unknown>>, id: string): boolean {
	return isOwn(nodes, id);
}

/**
 * Replays the choices of a run. Returns the ending and the choices in a fixed shape
 * (`{node, option}` only, nothing else the browser sent), or a problem naming the first bad choice.
 */
export function replayRun(scenario: ScenarioGraph, choices: unknown): ReplayResult {
	if (!Array.isArray(choices) || choices.length > 100) return { problem: 'choices: send the list of choices made.' };
	let node: string | null = scenario.start;
	let variables: Variables = { ...(scenario.variables as Variables) };
	const clean: Choice[] = [];
	for (let steps = 0; steps < 500; steps++) {
		// No branch matched (node null), or a link to a node the case does not have.
		if (node === null || !hasNode(scenario.nodes, node)) return { problem: 'The scenario is broken on the server.' };
		const current = scenario.nodes[node]!;
		if (current.type === 'ending') {
			if (clean.length !== choices.length) return { problem: 'choices: more choices than the run allows.' };
			return { ending: node, outcome: current.outcome, choices: clean };
		}
		if (current.type === 'scene') {
			node = next(current.next, variables);
			continue;
		}
		const i = clean.length;
		const choice = choices[i] as { node?: unknown; option?: unknown } | undefined;
		if (!choice || typeof choice !== 'object' || choice.node !== node) return { problem: `choices[${i}]: expected a choice at "${node}".` };
		const option = current.options.find((o) => o.id === choice.option);
		if (!option) return { problem: `choices[${i}]: unknown option.` };
		clean.push({ node, option: option.id });
		variables = applyEffects(variables, option.effects as Variables | undefined);
		node = next(option.next, variables);
	}
	return { problem: 'The run is too long.' };
}
