// Replays the choices of a scenario run on the server, so a case only counts when the choices really
// lead from the start to an ending. Mirrors src/lib/scenario (tests check both agree on every path).

function applyEffects(variables, effects) {
	const result = Object.assign({}, variables);
	if (!effects) return result;
	Object.keys(effects).forEach(function (name) {
		const value = effects[name];
		if (typeof value === "number" && typeof result[name] === "number") result[name] = result[name] + value;
		else if (typeof value === "boolean") result[name] = value;
	});
	return result;
}

function matches(variables, when) {
	if (!when) return true;
	return Object.keys(when).every(function (name) {
		const test = when[name];
		const value = variables[name];
		if (typeof test === "boolean") return value === test;
		if (typeof value !== "number") return false;
		return (test.min === undefined || value >= test.min) && (test.max === undefined || value <= test.max) && (test.equals === undefined || value === test.equals);
	});
}

function resolveNext(next, variables) {
	if (typeof next === "string") return next;
	for (let i = 0; i < next.length; i++) if (matches(variables, next[i].when)) return next[i].to;
	return null;
}

/**
 * @param {{start: string, variables: object, nodes: object}} scenario the scenario as in catalog.json
 * @param {unknown} choices [{ node, option }, …] in the order they were made
 * @returns {{problem: string} | {ending: string, outcome: string, choices: {node: string, option: string}[]}}
 */
function replayRun(scenario, choices) {
	if (!Array.isArray(choices) || choices.length > 100) return { problem: "choices: send the list of choices made." };
	let node = scenario.start;
	let variables = Object.assign({}, scenario.variables);
	let c = 0;
	for (let steps = 0; steps < 500; steps++) {
		const current = scenario.nodes[node];
		if (!current) return { problem: "The scenario is broken on the server." };
		if (current.type === "ending") {
			if (c !== choices.length) return { problem: "choices: more choices than the run allows." };
			return { ending: node, outcome: current.outcome, choices: choices };
		}
		if (current.type === "scene") {
			node = resolveNext(current.next, variables);
			continue;
		}
		const choice = choices[c++];
		if (!choice || typeof choice !== "object" || choice.node !== node) return { problem: "choices[" + (c - 1) + "]: expected a choice at \"" + node + "\"." };
		const option = current.options.find(function (o) {
			return o.id === choice.option;
		});
		if (!option) return { problem: "choices[" + (c - 1) + "]: unknown option." };
		variables = applyEffects(variables, option.effects);
		node = resolveNext(option.next, variables);
		if (!node) return { problem: "The scenario is broken on the server." };
	}
	return { problem: "The run is too long." };
}

module.exports = { replayRun };
