import type { ScenarioData } from '../../schemas/scenario';
import { hasNode } from '../rules/scenario';
import { branches } from './variables';

export interface ScenarioProblem {
	/** The node the problem is in ("" for the scenario as a whole). */
	node: string;
	message: string;
}

/** Every `next` of a node with where it sits, for messages. */
function exits(data: ScenarioData, nodeId: string): { field: string; to: string; when?: Record<string, unknown> }[] {
	const node = data.nodes[nodeId]!;
	if (node.type === 'scene') return branches(node.next).map((b, i) => ({ field: typeof node.next === 'string' ? 'next' : `next[${i}]`, ...b }));
	if (node.type === 'decision') {
		return node.options.flatMap((o) => branches(o.next).map((b, i) => ({ field: `option ${o.id} → ${typeof o.next === 'string' ? 'next' : `next[${i}]`}`, ...b })));
	}
	return [];
}

/**
 * What a schema cannot see: links to unknown nodes, undeclared variables, unreachable nodes, cycles,
 * a case without endings. An empty list means every path from the start ends in an ending.
 */
export function scenarioProblems(data: ScenarioData): ScenarioProblem[] {
	const problems: ScenarioProblem[] = [];
	const ids = Object.keys(data.nodes);
	if (!hasNode(data.nodes, data.start)) problems.push({ node: '', message: `start: unknown node "${data.start}"` });
	if (!ids.some((id) => data.nodes[id]!.type === 'ending')) problems.push({ node: '', message: 'the scenario has no ending' });

	const declared = data.variables;
	const checkVariable = (node: string, where: string, name: string, kind: 'number' | 'boolean') => {
		if (!(name in declared)) problems.push({ node, message: `${where}: unknown variable "${name}" (declare it under variables)` });
		else if (typeof declared[name] !== kind) problems.push({ node, message: `${where}: variable "${name}" is a ${typeof declared[name]}, not a ${kind}` });
	};

	for (const id of ids) {
		const node = data.nodes[id]!;
		for (const exit of exits(data, id)) {
			if (!hasNode(data.nodes, exit.to)) problems.push({ node: id, message: `${exit.field}: unknown node "${exit.to}"` });
			for (const [name, test] of Object.entries(exit.when ?? {})) checkVariable(id, `${exit.field}.when`, name, typeof test === 'boolean' ? 'boolean' : 'number');
		}
		if (node.type === 'decision') {
			const optionIds = new Set<string>();
			for (const option of node.options) {
				if (optionIds.has(option.id)) problems.push({ node: id, message: `option ${option.id} is listed twice` });
				optionIds.add(option.id);
				for (const [name, value] of Object.entries(option.effects ?? {})) checkVariable(id, `option ${option.id} → effects`, name, typeof value as 'number' | 'boolean');
			}
			if (!node.options.some((o) => o.quality === 'good')) problems.push({ node: id, message: 'no option is marked good: the debrief needs a recommended choice' });
		}
	}

	// Reachability and cycles over the node graph (ignoring conditions: a stricter check than needed).
	const reachable = new Set<string>();
	const state = new Map<string, 'open' | 'done'>();
	const visit = (id: string, trail: string[]) => {
		if (!hasNode(data.nodes, id)) return;
		if (state.get(id) === 'open') {
			problems.push({ node: id, message: `endless loop: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}` });
			return;
		}
		if (state.get(id) === 'done') return;
		state.set(id, 'open');
		reachable.add(id);
		for (const exit of exits(data, id)) visit(exit.to, [...trail, id]);
		state.set(id, 'done');
	};
	visit(data.start, []);
	for (const id of ids) if (!reachable.has(id)) problems.push({ node: id, message: `unreachable: no path from "${data.start}" leads here` });
	return problems;
}
