// Walks a scenario machine's whole state graph with XState's graph utilities.
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { ScenarioData } from '../../src/schemas/scenario';
import { availableEvents, createScenarioMachine, currentNode, type ScenarioSnapshot } from '../../src/lib/scenario/machine';

// Runs differ only in node and variables for the graph; the choice log would make every state unique.
const serializeState = (s: ScenarioSnapshot) => JSON.stringify([s.value, s.context.variables]);

export function walk(id: string, data: ScenarioData) {
	const machine = createScenarioMachine(id, data);
	const options = { events: (s: ScenarioSnapshot) => availableEvents(data, s), serializeState: serializeState as never };
	const adjacency = getAdjacencyMap(machine, options as never) as Record<string, { state: ScenarioSnapshot; transitions: Record<string, { event: { type: string; option?: string }; state: ScenarioSnapshot }> }>;
	const visitedNodes = new Set(Object.values(adjacency).map((v) => currentNode(v.state)));
	const problems: string[] = [];
	for (const [key, { state, transitions }] of Object.entries(adjacency)) {
		const node = currentNode(state);
		const isEnding = state.hasTag('ending');
		if (!isEnding && Object.keys(transitions).length === 0) problems.push(`dead end at ${node} (${key})`);
		for (const { event, state: next } of Object.values(transitions)) {
			if (serializeState(next) === key) problems.push(`${node}: ${event.type}${event.option ? ` ${event.option}` : ''} leads nowhere (no branch matches)`);
		}
		if (!isEnding && availableEvents(data, state).length !== Object.keys(transitions).length) problems.push(`${node}: not every option leads on`);
	}
	// Cycles in the state graph would be endless loops.
	const marks = new Map<string, 1 | 2>();
	const dfs = (key: string): boolean => {
		if (marks.get(key) === 1) return true;
		if (marks.get(key) === 2) return false;
		marks.set(key, 1);
		for (const t of Object.values(adjacency[key]!.transitions)) if (dfs(serializeState(t.state))) return true;
		marks.set(key, 2);
		return false;
	};
	const loops = Object.keys(adjacency).some((k) => dfs(k));
	// One shortest path to every reachable state; those that stop at an ending can be replayed in a browser.
	const paths = getShortestPaths(machine, options as never) as { state: ScenarioSnapshot; steps: { state: ScenarioSnapshot; event: { type: string; option?: string } }[] }[];
	const complete = paths.filter((p) => p.state.hasTag('ending'));
	// How many different runs from start to an ending exist (the state graph is a DAG when loops is false).
	const memo = new Map<string, number>();
	const count = (key: string): number => {
		if (memo.has(key)) return memo.get(key)!;
		const entry = adjacency[key]!;
		const next = Object.values(entry.transitions);
		const n = entry.state.hasTag('ending') ? 1 : next.reduce((sum, t) => sum + count(serializeState(t.state)), 0);
		memo.set(key, n);
		return n;
	};
	const runs = loops ? Infinity : count(Object.keys(adjacency)[0]!);
	return { machine, adjacency, visitedNodes, problems, loops, paths, complete, runs };
}
