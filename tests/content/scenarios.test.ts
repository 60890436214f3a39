// Every case, walked through its whole state graph with XState's graph utilities.
import { describe, expect, it } from 'vitest';
import { scenarioProblems } from '../../src/lib/scenario/check-scenario';
import { scenarioFiles } from '../helpers/scenarios';
import { walk } from '../helpers/scenario-graph';
import { yamlFiles } from '../helpers/content-files';
import type { DecisionNode } from '../../src/schemas/scenario';

const scenarios = scenarioFiles();
const moduleScenarios = new Set(yamlFiles('modules').flatMap((m) => ((m.data as { scenarios?: string[] }).scenarios ?? []) as string[]));

describe('scenarios', () => {
	it('include Maria and a case for citizens and one for professionals', () => {
		const ids = scenarios.map((s) => s.id);
		expect(ids).toContain('maria');
		expect(scenarios.some((s) => s.data.audiences.includes('citizen'))).toBe(true);
		expect(scenarios.some((s) => s.data.audiences.includes('professional') && s.id !== 'maria')).toBe(true);
	});

	for (const s of scenarios) {
		describe(s.file, () => {
			const result = walk(s.id, s.data);
			const ids = Object.keys(s.data.nodes);
			const endings = ids.filter((id) => s.data.nodes[id]!.type === 'ending');

			it('has no broken links, undeclared variables or unreachable nodes', () => expect(scenarioProblems(s.data)).toEqual([]));
			it('reaches every node when its variables are taken into account', () => expect(ids.filter((id) => !result.visitedNodes.has(id))).toEqual([]));
			it('has no dead ends, no option that leads nowhere and no endless loop', () => {
				expect(result.problems).toEqual([]);
				expect(result.loops).toBe(false);
			});
			it('reaches every ending, and every run ends in one', () => {
				expect(new Set(result.complete.map((p) => String(p.state.value)))).toEqual(new Set(endings));
				expect(result.runs).toBeGreaterThanOrEqual(endings.length);
			});
			it('has at least three endings with different outcomes', () => {
				const outcomes = new Set(endings.map((id) => (s.data.nodes[id] as { outcome: string }).outcome));
				expect(outcomes).toEqual(new Set(['good', 'mixed', 'poor']));
			});
			it('gives feedback for every option and recommends one in every decision', () => {
				for (const node of Object.values(s.data.nodes)) {
					if (node.type !== 'decision') continue;
					for (const o of node.options) expect(o.feedback.length, `${node.question} ${o.id}`).toBeGreaterThan(10);
					expect(node.options.some((o) => o.quality === 'good')).toBe(true);
				}
			});
			it('does not put the recommended option first in more than 40 % of its decisions', () => {
				// Class mode shows the file order, so the file must not give the answer away either.
				const decisions = Object.entries(s.data.nodes).filter(([, n]) => n.type === 'decision') as [string, DecisionNode][];
				const goodFirst = decisions.filter(([, n]) => n.options[0]!.quality === 'good').map(([id]) => id);
				expect(goodFirst.length / decisions.length, `${s.file}: the recommended option is first in ${goodFirst.join(', ')}`).toBeLessThanOrEqual(0.4);
			});
			if (!s.data.audiences.includes('citizen')) {
				it('belongs to a module, so finishing it counts in a course', () => expect(moduleScenarios.has(s.id)).toBe(true));
			}
		});
	}

	it('Maria has at least 8 decisions and 3 endings, and uses variables', () => {
		const maria = scenarios.find((s) => s.id === 'maria')!;
		const nodes = Object.values(maria.data.nodes);
		expect(nodes.filter((n) => n.type === 'decision').length).toBeGreaterThanOrEqual(8);
		expect(nodes.filter((n) => n.type === 'ending').length).toBeGreaterThanOrEqual(3);
		expect(Object.keys(maria.data.variables).length).toBeGreaterThan(0);
	});
});
