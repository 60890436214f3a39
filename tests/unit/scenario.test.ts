import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioData } from '../../src/schemas/scenario';
import { scenarioProblems } from '../../src/lib/scenario/check-scenario';
import { availableEvents, createScenarioMachine, currentNode } from '../../src/lib/scenario/machine';
import { applyEffects, matches, resolveNext } from '../../src/lib/scenario/variables';
import { walk } from '../helpers/scenario-graph';

const option = (id: string, next: unknown, quality = 'good', effects?: Record<string, number | boolean>) => ({ id, text: `Optie ${id}`, feedback: `Uitleg bij optie ${id}.`, quality, next, ...(effects ? { effects } : {}) });
const ending = (outcome: string) => ({ type: 'ending', outcome, title: `Einde ${outcome}`, text: 'Zo liep het af.', learningPoints: ['Eerste punt.', 'Tweede punt.'] });

function scenario(): ScenarioData {
	return scenarioSchema.parse({
		title: { nl: 'Proef', en: 'Test' },
		description: { nl: 'Een proefcasus.', en: 'A test case.' },
		audiences: ['nursing-student'],
		competences: ['eapc-1'],
		durationMinutes: 5,
		variables: { vertrouwen: 0, gepland: false },
		start: 'begin',
		sources: [{ citation: 'Auteur A. Titel. Uitgever; 2020.' }],
		nodes: {
			begin: { type: 'scene', text: 'Het begint.', next: 'keuze-1' },
			'keuze-1': { type: 'decision', question: 'Wat doe je?', options: [option('a', 'keuze-2', 'good', { vertrouwen: 1 }), option('b', 'keuze-2', 'poor', { vertrouwen: -1 })] },
			'keuze-2': {
				type: 'decision',
				question: 'En nu?',
				options: [
					option('a', [{ when: { vertrouwen: { min: 1 }, gepland: true }, to: 'goed' }, { to: 'gemengd' }], 'good', { gepland: true }),
					option('b', [{ when: { vertrouwen: { max: -1 } }, to: 'slecht' }, { to: 'gemengd' }], 'poor'),
				],
			},
			goed: ending('good'),
			gemengd: ending('mixed'),
			slecht: ending('poor'),
		},
	});
}

describe('variables', () => {
	it('adds numbers, sets booleans and tests conditions', () => {
		const v = applyEffects({ t: 1, p: false }, { t: 2, p: true });
		expect(v).toEqual({ t: 3, p: true });
		expect(matches(v, { t: { min: 3 }, p: true })).toBe(true);
		expect(matches(v, { t: { max: 2 } })).toBe(false);
	});
	it('ignores effects on unknown variables and a number sent to a yes/no variable; no effects change nothing', () => {
		const v = { t: 1, p: false };
		expect(applyEffects(v, undefined)).toBe(v);
		expect(applyEffects(v, { x: 3, t: -2 })).toEqual({ t: -1, p: false });
		expect(applyEffects(v, { p: 1 })).toEqual({ t: 1, p: false });
		expect(v).toEqual({ t: 1, p: false });
	});
	it('tests min and max inclusively, equals exactly, every part of a condition, and a number condition never holds for a yes/no value', () => {
		const v = { t: 2, p: true };
		expect(matches(v, undefined)).toBe(true);
		expect(matches(v, {})).toBe(true);
		expect(matches(v, { t: { min: 2 } })).toBe(true);
		expect(matches(v, { t: { min: 3 } })).toBe(false);
		expect(matches(v, { t: { max: 2 } })).toBe(true);
		expect(matches(v, { t: { max: 1 } })).toBe(false);
		expect(matches(v, { t: { equals: 2 } })).toBe(true);
		expect(matches(v, { t: { equals: 1 } })).toBe(false);
		expect(matches(v, { t: { min: 1, max: 3 } })).toBe(true);
		expect(matches(v, { t: { min: 1, max: 1 } })).toBe(false);
		expect(matches(v, { t: { min: 3, max: 5 } })).toBe(false);
		expect(matches(v, { t: { min: 0 }, p: false })).toBe(false);
		expect(matches(v, { p: { min: 0 } })).toBe(false);
		expect(matches(v, { p: true })).toBe(true);
		expect(matches({ t: 1 }, { t: true })).toBe(false);
	});
	it('follows the first branch whose condition holds', () => {
		const next = [{ when: { t: { min: 5 } }, to: 'hoog' }, { when: { t: { min: 2 } }, to: 'midden' }, { to: 'laag' }];
		expect(resolveNext(next, { t: 6 })).toBe('hoog');
		expect(resolveNext(next, { t: 2 })).toBe('midden');
		expect(resolveNext(next, { t: 0 })).toBe('laag');
		expect(resolveNext('verder', { t: 0 })).toBe('verder');
	});
});

describe('scenarioProblems', () => {
	it('accepts a sound scenario', () => expect(scenarioProblems(scenario())).toEqual([]));

	it('names the node of an unknown link, an undeclared variable, an unreachable node and a loop', () => {
		const s = scenario();
		(s.nodes.begin as { next: string }).next = 'nergens';
		expect(scenarioProblems(s)).toContainEqual({ node: 'begin', message: 'next: unknown node "nergens"' });
		// a name every JavaScript object answers to is no node either
		for (const name of ['constructor', 'toString', '__proto__']) {
			(s.nodes.begin as { next: string }).next = name;
			expect(scenarioProblems(s)).toContainEqual({ node: 'begin', message: `next: unknown node "${name}"` });
		}

		const v = scenario();
		(v.nodes['keuze-1'] as { options: { effects?: object }[] }).options[0]!.effects = { geheim: 1 };
		expect(scenarioProblems(v)).toContainEqual({ node: 'keuze-1', message: 'option a → effects: unknown variable "geheim" (declare it under variables)' });

		const u = scenario();
		u.nodes.wees = { type: 'scene', text: 'Niemand komt hier.', next: 'goed' };
		expect(scenarioProblems(u)).toContainEqual({ node: 'wees', message: 'unreachable: no path from "begin" leads here' });

		const l = scenario();
		(l.nodes['keuze-2'] as { options: { next: unknown }[] }).options[1]!.next = 'begin';
		expect(scenarioProblems(l).map((p) => p.message)).toContain('endless loop: begin → keuze-1 → keuze-2 → begin');
	});

	it('names a missing start, a case without ending, a variable of the wrong kind, an option listed twice and a decision without a good option', () => {
		const s = scenario();
		s.start = 'nergens';
		expect(scenarioProblems(s)).toContainEqual({ node: '', message: 'start: unknown node "nergens"' });

		const e = scenario();
		e.nodes.goed = { type: 'scene', text: 'Verder.', next: 'keuze-1' } as never;
		e.nodes.gemengd = { type: 'scene', text: 'Verder.', next: 'keuze-1' } as never;
		e.nodes.slecht = { type: 'scene', text: 'Verder.', next: 'keuze-1' } as never;
		expect(scenarioProblems(e)).toContainEqual({ node: '', message: 'the scenario has no ending' });

		const k = scenario();
		(k.nodes['keuze-1'] as { options: { effects?: object }[] }).options[0]!.effects = { gepland: 1 };
		(k.nodes['keuze-2'] as { options: { next: unknown }[] }).options[1]!.next = [{ when: { vertrouwen: true }, to: 'slecht' }, { to: 'gemengd' }];
		const problems = scenarioProblems(k);
		expect(problems).toContainEqual({ node: 'keuze-1', message: 'option a → effects: variable "gepland" is a boolean, not a number' });
		expect(problems).toContainEqual({ node: 'keuze-2', message: 'option b → next[0].when: variable "vertrouwen" is a number, not a boolean' });

		const w = scenario();
		(w.nodes['keuze-2'] as { options: { next: unknown }[] }).options[0]!.next = [{ when: { onbekend: { min: 1 } }, to: 'goed' }, { to: 'gemengd' }];
		expect(scenarioProblems(w)).toContainEqual({ node: 'keuze-2', message: 'option a → next[0].when: unknown variable "onbekend" (declare it under variables)' });

		const t = scenario();
		const options = (t.nodes['keuze-1'] as { options: { id: string; quality: string }[] }).options;
		options[1]!.id = 'a';
		expect(scenarioProblems(t)).toContainEqual({ node: 'keuze-1', message: 'option a is listed twice' });
		for (const o of options) o.quality = 'acceptable';
		expect(scenarioProblems(t)).toContainEqual({ node: 'keuze-1', message: 'no option is marked good: the debrief needs a recommended choice' });

		const b = scenario();
		(b.nodes.begin as { next: unknown }).next = [{ when: { gepland: true }, to: 'nergens' }, { to: 'keuze-1' }];
		expect(scenarioProblems(b)).toEqual([{ node: 'begin', message: 'next[0]: unknown node "nergens"' }]);
	});

	it('names a loop once, from where it starts, even when several paths lead into it', () => {
		const l = scenario();
		// Both options of keuze-1 lead to keuze-2, whose option b goes back to keuze-1.
		(l.nodes['keuze-2'] as { options: { next: unknown }[] }).options[1]!.next = 'keuze-1';
		expect(scenarioProblems(l).filter((p) => p.message.startsWith('endless loop'))).toEqual([{ node: 'keuze-1', message: 'endless loop: keuze-1 → keuze-2 → keuze-1' }]);
	});

	it("names an option's unknown link with the option and, for branches, the branch", () => {
		const o = scenario();
		const options = (o.nodes['keuze-1'] as { options: { next: unknown }[] }).options;
		options[0]!.next = 'nergens';
		options[1]!.next = [{ when: { gepland: true }, to: 'keuze-2' }, { to: 'nowhere' }];
		expect(scenarioProblems(o)).toEqual([
			{ node: 'keuze-1', message: 'option a → next: unknown node "nergens"' },
			{ node: 'keuze-1', message: 'option b → next[1]: unknown node "nowhere"' },
		]);
	});

	it('refuses a decision without options and an option without feedback (schema)', () => {
		const raw = JSON.parse(JSON.stringify(scenario()));
		raw.nodes['keuze-1'].options = [];
		expect(scenarioSchema.safeParse(raw).success).toBe(false);
		const noFeedback = JSON.parse(JSON.stringify(scenario()));
		delete noFeedback.nodes['keuze-1'].options[0].feedback;
		expect(scenarioSchema.safeParse(noFeedback).success).toBe(false);
	});
});

describe('createScenarioMachine', () => {
	it('plays a run: effects change variables, variables choose the ending, restart starts over', () => {
		const actor = createActor(createScenarioMachine('proef', scenario())).start();
		actor.send({ type: 'CONTINUE' });
		actor.send({ type: 'CHOOSE', option: 'a' });
		actor.send({ type: 'CHOOSE', option: 'a' });
		expect(currentNode(actor.getSnapshot())).toBe('goed');
		expect(actor.getSnapshot().context.choices).toEqual([{ node: 'keuze-1', option: 'a' }, { node: 'keuze-2', option: 'a' }]);
		actor.send({ type: 'RESTART' });
		expect(currentNode(actor.getSnapshot())).toBe('begin');
		expect(actor.getSnapshot().context).toEqual({ variables: { vertrouwen: 0, gepland: false }, choices: [] });
		actor.send({ type: 'CONTINUE' });
		actor.send({ type: 'CHOOSE', option: 'b' });
		actor.send({ type: 'CHOOSE', option: 'b' });
		expect(currentNode(actor.getSnapshot())).toBe('slecht');
	});

	it('resumes from a persisted snapshot', () => {
		const machine = createScenarioMachine('proef', scenario());
		const actor = createActor(machine).start();
		actor.send({ type: 'CONTINUE' });
		actor.send({ type: 'CHOOSE', option: 'b' });
		const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
		const resumed = createActor(machine, { snapshot: saved }).start();
		expect(currentNode(resumed.getSnapshot())).toBe('keuze-2');
		expect(resumed.getSnapshot().context.variables.vertrouwen).toBe(-1);
	});

	it('the graph walk finds every node, all three endings and no dead end', () => {
		const result = walk('proef', scenario());
		expect(result.problems).toEqual([]);
		expect(result.loops).toBe(false);
		expect([...result.visitedNodes].sort()).toEqual(['begin', 'gemengd', 'goed', 'keuze-1', 'keuze-2', 'slecht']);
		expect(result.runs).toBe(4);
		expect(new Set(result.complete.map((p) => String(p.state.value)))).toEqual(new Set(['goed', 'gemengd', 'slecht']));
	});

	it('the graph walk finds an option whose branches never match', () => {
		const s = scenario();
		// Only possible when the schema is bypassed (it demands a fallback branch): the walk catches it anyway.
		(s.nodes['keuze-1'] as { options: { next: unknown }[] }).options[1]!.next = [{ when: { gepland: true }, to: 'keuze-2' }];
		expect(walk('proef', s).problems).toContain('keuze-1: CHOOSE b leads nowhere (no branch matches)');
	});
});

describe('availableEvents', () => {
	it('offers continue on a scene, each option on a decision, nothing at an ending or an unknown node', () => {
		const s = scenario();
		expect(availableEvents(s, { value: 'begin' })).toEqual([{ type: 'CONTINUE' }]);
		expect(availableEvents(s, { value: 'keuze-1' })).toEqual([
			{ type: 'CHOOSE', option: 'a' },
			{ type: 'CHOOSE', option: 'b' },
		]);
		expect(availableEvents(s, { value: 'goed' })).toEqual([]);
		expect(availableEvents(s, { value: 'weg' })).toEqual([]);
	});
});
