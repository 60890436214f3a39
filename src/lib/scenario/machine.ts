import { assign, setup, type SnapshotFrom } from 'xstate';
import type { ScenarioData } from '../../schemas/scenario';
import { applyEffects, branches, matches, type Variables } from './variables';

export interface Choice {
	node: string;
	option: string;
}
export interface ScenarioContext {
	variables: Variables;
	/** Every choice made in this run, in order: the debrief sets them beside the recommended ones. */
	choices: Choice[];
}
export type ScenarioEvent = { type: 'CONTINUE' } | { type: 'CHOOSE'; option: string } | { type: 'RESTART' };

/**
 * Builds the XState machine of any scenario: one state per node; CONTINUE leaves a scene, CHOOSE an
 * option leaves a decision (its effects applied before the branch conditions are tested), endings are
 * tagged "ending", RESTART starts over from anywhere.
 */
export function createScenarioMachine(id: string, data: ScenarioData) {
	const initialContext = (): ScenarioContext => ({ variables: { ...data.variables }, choices: [] });
	const states: Record<string, object> = {};
	for (const [nodeId, node] of Object.entries(data.nodes)) {
		if (node.type === 'scene') {
			states[nodeId] = {
				on: {
					CONTINUE: branches(node.next).map((b) => ({ target: b.to, guard: ({ context }: { context: ScenarioContext }) => matches(context.variables, b.when) })),
				},
			};
		} else if (node.type === 'decision') {
			states[nodeId] = {
				on: {
					CHOOSE: node.options.flatMap((option) =>
						branches(option.next).map((b) => ({
							target: b.to,
							guard: ({ context, event }: { context: ScenarioContext; event: ScenarioEvent }) =>
								event.type === 'CHOOSE' && event.option === option.id && matches(applyEffects(context.variables, option.effects), b.when),
							actions: assign(({ context }: { context: ScenarioContext }) => ({
								variables: applyEffects(context.variables, option.effects),
								choices: [...context.choices, { node: nodeId, option: option.id }],
							})),
						})),
					),
				},
			};
		} else {
			states[nodeId] = { tags: ['ending'] };
		}
	}
	return setup({ types: { context: {} as ScenarioContext, events: {} as ScenarioEvent } }).createMachine({
		id: `scenario-${id}`,
		initial: data.start,
		context: initialContext,
		on: { RESTART: { target: `.${data.start}`, actions: assign(initialContext) } },
		// The states are built from data; XState checks targets when the machine is created.
		states: states as never,
	});
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** The node a snapshot is at. */
export function currentNode(snapshot: { value: unknown }): string {
	return String(snapshot.value);
}

/** The events a reader can send at a snapshot (RESTART aside): what the player offers and the graph tests walk. */
export function availableEvents(data: ScenarioData, snapshot: { value: unknown }): ScenarioEvent[] {
	const node = data.nodes[currentNode(snapshot)];
	if (!node || node.type === 'ending') return [];
	if (node.type === 'scene') return [{ type: 'CONTINUE' }];
	return node.options.map((o) => ({ type: 'CHOOSE', option: o.id }));
}
