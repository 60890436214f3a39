// The rules shared by browser and server (src/lib/rules), tested as TypeScript. The server runs the
// same code, bundled (pb_hooks/generated/rules.js); tests/api attacks it over HTTP.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/lib/rules';
import { bundleRules } from '../../scripts/lib/build.mjs';
import { attemptsStatus, courseProgress, moduleProgress, creditSteps, CREDIT_SHARE, defaultAttempts, drawAttempt, replayRun, scoreAttempt, seededRandom, shuffle, shuffleWithSeed, type BankItem, type CourseProgress } from '../../src/lib/rules';
import { currentNode, type ScenarioSnapshot } from '../../src/lib/scenario/machine';
import type { ScenarioData } from '../../src/schemas/scenario';
import { scenarioFiles } from '../helpers/scenarios';
import { walk } from '../helpers/scenario-graph';

describe('shuffleWithSeed', () => {
	const list = ['a', 'b', 'c', 'd', 'e'];
	it('gives the same order for the same seed and key, a permutation, and leaves the input alone', () => {
		const once = shuffleWithSeed('s33d', 'keuze', list);
		expect(shuffleWithSeed('s33d', 'keuze', list)).toEqual(once);
		expect([...once].sort()).toEqual(list);
		expect(list).toEqual(['a', 'b', 'c', 'd', 'e']);
	});
	it('orders independently per key and per seed, and puts every option first about equally often', () => {
		const first: Record<string, number> = {};
		const orders = new Set<string>();
		for (let i = 0; i < 4000; i++) {
			const order = shuffleWithSeed(`seed-${i}`, 'node', list);
			first[order[0]!] = (first[order[0]!] ?? 0) + 1;
			orders.add(order.join(''));
		}
		for (const id of list) expect(first[id]).toBeGreaterThan(650); // 800 expected each
		expect(orders.size).toBe(120);
		const keys = new Set(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((k) => shuffleWithSeed('one-seed', k, list).join('')));
		expect(keys.size).toBeGreaterThan(1);
	});
	it('keeps the same numbers from release to release: saved runs and attempts are reshuffled from their seed', () => {
		const random = seededRandom('palliwijs');
		expect([random(), random(), random()]).toEqual([0.41995034576393664, 0.10391979641281068, 0.8321176662575454]);
		expect(shuffleWithSeed('s33d', 'keuze', list)).toEqual(['b', 'd', 'c', 'e', 'a']);
		// Seed and key are kept apart: "ab" + "c" is not "a" + "bc".
		expect(shuffleWithSeed('ab', 'c', list)).toEqual(['e', 'a', 'c', 'b', 'd']);
		expect(shuffleWithSeed('a', 'bc', list)).toEqual(['d', 'b', 'c', 'e', 'a']);
	});
	it('shuffling n items takes n − 1 numbers from the source (Fisher–Yates)', () => {
		const used = seededRandom('x');
		shuffle(list, used);
		const fresh = seededRandom('x');
		for (let i = 0; i < list.length - 1; i++) fresh();
		expect(used()).toBe(fresh());
	});
});

const bank: BankItem[] = ['x', 'y', 'z', 'w'].flatMap((lesson) =>
	[1, 2, 3, 4].map((n) => ({ id: `${lesson}${n}`, objective: `${lesson}/${n % 2 ? 1 : 2}`, question: `Vraag ${lesson}${n}?`, multiple: n === 4, options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `${lesson}${n}${id}` })) })),
);
const key = Object.fromEntries(bank.map((i) => [i.id, { correct: i.multiple ? ['a', 'c'] : ['b'], explanation: `Waarom ${i.id}.` }]));

describe('drawAttempt', () => {
	it('spreads the draw over the objectives and hands out distinct items with their own options shuffled', () => {
		const attempt = drawAttempt(bank, 8, seededRandom('t'));
		expect(attempt).toHaveLength(8);
		expect(new Set(attempt.map((a) => a.id)).size).toBe(8);
		const perObjective: Record<string, number> = {};
		for (const h of attempt) {
			const item = bank.find((i) => i.id === h.id)!;
			perObjective[item.objective] = (perObjective[item.objective] ?? 0) + 1;
			expect([...h.options].sort()).toEqual(['a', 'b', 'c', 'd']);
		}
		expect(Object.values(perObjective)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]); // 8 objectives, one each
	});
	it('takes a second round only when every objective has given one', () => {
		const attempt = drawAttempt(bank.filter((i) => i.objective.startsWith('x') || i.objective.startsWith('y')), 6, seededRandom('u'));
		const counts = Object.values(attempt.reduce<Record<string, number>>((c, h) => ({ ...c, [bank.find((i) => i.id === h.id)!.objective]: (c[bank.find((i) => i.id === h.id)!.objective] ?? 0) + 1 }), {}));
		expect(counts.sort()).toEqual([1, 1, 2, 2]);
	});
	it('uses the injected randomness: other seeds give other items and orders', () => {
		const draws = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(drawAttempt(bank, 8, seededRandom(String(i))))));
		expect(draws.size).toBe(20);
		const options = new Set(Array.from({ length: 20 }, (_, i) => drawAttempt(bank, 8, seededRandom(String(i)))[0]!.options[0]));
		expect(options.size).toBeGreaterThan(1);
	});
});

describe('scoreAttempt', () => {
	const handed = drawAttempt(bank, 4, seededRandom('score'));
	const right = Object.fromEntries(handed.map((h) => [h.id, key[h.id]!.correct]));
	it('scores only the items handed out; a missing answer is wrong', () => {
		expect(scoreAttempt(handed, bank, key, right, 70)).toMatchObject({ correct: 4, total: 4, score: 100, passed: true });
		const [first, ...rest] = handed;
		const result = scoreAttempt(handed, bank, key, Object.fromEntries(rest.map((h) => [h.id, key[h.id]!.correct])), 70);
		expect(result).toMatchObject({ correct: 3, total: 4, score: 75, passed: true });
		expect('results' in result && result.results.find((r) => r.item === first!.id)).toEqual({ item: first!.id, right: false });
	});
	it('refuses an answer to an item that was not handed out, naming it', () => {
		const other = bank.find((i) => !handed.some((h) => h.id === i.id))!;
		expect(scoreAttempt(handed, bank, key, { ...right, [other.id]: ['b'] }, 70)).toEqual({ problem: `answers: the question "${other.id}" was not part of this attempt.` });
	});
	it('needs every right option and no wrong one for a multiple-choice item', () => {
		const multi = [{ id: 'x4', options: ['a', 'b', 'c', 'd'] }];
		expect(scoreAttempt(multi, bank, key, { x4: ['c', 'a'] }, 70)).toMatchObject({ correct: 1 });
		expect(scoreAttempt(multi, bank, key, { x4: ['a'] }, 70)).toMatchObject({ correct: 0 });
		expect(scoreAttempt(multi, bank, key, { x4: ['a', 'b', 'c'] }, 70)).toMatchObject({ correct: 0 });
		expect(scoreAttempt([{ id: 'x1', options: ['a', 'b'] }], bank, key, { x1: ['a', 'b'] }, 70)).toEqual({ problem: 'answers.x1: choose one option.' });
		expect(scoreAttempt(multi, bank, key, { x4: ['e'] }, 70)).toEqual({ problem: 'answers.x4: unknown option.' });
		expect(scoreAttempt(multi, bank, key, 'alles', 70)).toHaveProperty('problem');
	});
	it('a multiple-choice answer with as many options as the key but one of them wrong is wrong', () => {
		expect(scoreAttempt([{ id: 'x4', options: ['a', 'b', 'c', 'd'] }], bank, key, { x4: ['a', 'b'] }, 70)).toEqual({ correct: 0, total: 1, score: 0, passed: false, results: [{ item: 'x4', right: false }] });
	});
	it('passes at exactly the pass percentage, not below; the score has one decimal', () => {
		const ten = drawAttempt(bank, 10, seededRandom('ten'));
		const answers = (n: number) => Object.fromEntries(ten.slice(0, n).map((h) => [h.id, key[h.id]!.correct]));
		expect(scoreAttempt(ten, bank, key, answers(7), 70)).toMatchObject({ correct: 7, total: 10, score: 70, passed: true });
		expect(scoreAttempt(ten, bank, key, answers(6), 70)).toMatchObject({ correct: 6, total: 10, score: 60, passed: false });
		const three = ten.slice(0, 3);
		expect(scoreAttempt(three, bank, key, answers(2), 70)).toEqual({ correct: 2, total: 3, score: 66.7, passed: false, results: three.map((h, i) => ({ item: h.id, right: i < 2 })) });
	});
	it('refuses answers that are not an object of lists of distinct option ids, with the reason', () => {
		const multi = [{ id: 'x4', options: ['a', 'b', 'c', 'd'] }];
		const problem = 'answers: send an object { itemId: [optionId, …] }.';
		for (const answers of [null, undefined, 'alles', 7, [['a']]]) expect(scoreAttempt(multi, bank, key, answers, 70)).toEqual({ problem });
		expect(scoreAttempt(multi, bank, key, { x4: 'a' }, 70)).toEqual({ problem: 'answers.x4: send a list of option ids.' });
		expect(scoreAttempt(multi, bank, key, { x4: ['a', 'b', 'c', 'd', 'a'] }, 70)).toEqual({ problem: 'answers.x4: send a list of option ids.' });
		expect(scoreAttempt(multi, bank, key, { x4: ['a', 'a'] }, 70)).toEqual({ problem: 'answers.x4: an option is given twice.' });
		expect(scoreAttempt(multi, bank, key, { x4: [1] }, 70)).toEqual({ problem: 'answers.x4: unknown option.' });
		const long = 'q'.repeat(100);
		expect(scoreAttempt(multi, bank, key, { [long]: ['a'] }, 70)).toEqual({ problem: `answers: the question "${'q'.repeat(60)}" was not part of this attempt.` });
	});
	it('an item handed out whose key entry or bank item is gone is a problem on the server, not a crash', () => {
		const problem = 'The answer key of this assessment is incomplete on the server.';
		const { x1: _dropped, ...keyWithoutX1 } = key;
		expect(scoreAttempt([{ id: 'x1', options: ['a', 'b', 'c', 'd'] }], bank, keyWithoutX1, { x1: ['b'] }, 70)).toEqual({ problem });
		const gone = [{ id: 'weg', options: ['a', 'b'] }];
		expect(scoreAttempt(gone, bank, { ...key, weg: { correct: ['a'], explanation: 'Weg.' } }, { weg: ['a'] }, 70)).toEqual({ problem });
		expect(scoreAttempt(gone, bank, { ...key, weg: { correct: ['a'], explanation: 'Weg.' } }, { weg: ['a', 'b'] }, 70)).toEqual({ problem: 'answers.weg: choose one option.' });
	});
});

describe('attemptsStatus', () => {
	const h = 3600000;
	const config = { max: 3, waitHours: 24 };
	const failed = (at: number) => ({ startedAt: at - 60000, submittedAt: at, passed: false });
	it('allows max attempts, then none until waitHours after the last submission, then a new series', () => {
		expect(attemptsStatus(config, [], 0)).toMatchObject({ attemptsUsed: 0, attemptsLeft: 3, nextAttemptAt: null, passed: false });
		const three = [failed(1 * h), failed(2 * h), failed(3 * h)];
		expect(attemptsStatus(config, three.slice(0, 2), 3 * h)).toMatchObject({ attemptsLeft: 1, nextAttemptAt: null });
		expect(attemptsStatus(config, three, 4 * h)).toMatchObject({ attemptsUsed: 3, attemptsLeft: 0, nextAttemptAt: 27 * h, lastOfSeries: [false, false, true] });
		expect(attemptsStatus(config, three, 27 * h - 1)).toMatchObject({ attemptsLeft: 0 });
		expect(attemptsStatus(config, three, 27 * h)).toMatchObject({ attemptsUsed: 0, attemptsLeft: 3, nextAttemptAt: null });
		const fourth = { startedAt: 28 * h, submittedAt: 28 * h + 1000, passed: false };
		expect(attemptsStatus(config, [...three, fourth], 29 * h)).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, lastOfSeries: [false, false, true, false] });
	});
	it('an attempt started before the wait was over stays in the full series', () => {
		const early = { startedAt: 10 * h, submittedAt: 11 * h, passed: false };
		expect(attemptsStatus(config, [failed(1 * h), failed(2 * h), failed(3 * h), early], 12 * h)).toMatchObject({ attemptsLeft: 0, nextAttemptAt: 35 * h });
	});
	it('a pass ends it: nothing left, no next time', () => {
		expect(attemptsStatus(config, [failed(h), { startedAt: 2 * h, submittedAt: 2 * h, passed: true }], 3 * h)).toMatchObject({ passed: true, attemptsLeft: 0, nextAttemptAt: null });
	});
	it('counts the attempts in the order they were submitted, whatever order they come in, and leaves the list alone', () => {
		const three = Object.freeze([failed(3 * h), failed(1 * h), failed(2 * h)]);
		expect(attemptsStatus(config, three, 4 * h)).toMatchObject({ attemptsUsed: 3, attemptsLeft: 0, nextAttemptAt: 27 * h });
		const lateFirst = [{ startedAt: 30 * h, submittedAt: 30 * h, passed: false }, failed(1 * h), failed(2 * h), failed(3 * h)];
		expect(attemptsStatus(config, lateFirst, 31 * h)).toMatchObject({ attemptsUsed: 1, lastOfSeries: [false, false, true, false] });
	});
	it('a series ends only after max attempts: a long pause after one attempt does not give three new ones', () => {
		expect(attemptsStatus(config, [failed(1 * h), { startedAt: 100 * h, submittedAt: 100 * h + 1000, passed: false }], 101 * h)).toMatchObject({ attemptsUsed: 2, attemptsLeft: 1 });
	});
	it('an attempt started exactly when the wait is over begins a new series', () => {
		expect(attemptsStatus(config, [failed(1 * h), failed(2 * h), failed(3 * h), { startedAt: 27 * h, submittedAt: 27 * h + 1000, passed: false }], 28 * h)).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2 });
	});
	it('by default three attempts, then a day', () => {
		expect(defaultAttempts).toEqual({ max: 3, waitHours: 24 });
	});
});

/** Every run from start to an ending, as the choices made, with the ending the XState machine reaches. */
function allRuns(id: string, data: Parameters<typeof walk>[1]) {
	const { adjacency } = walk(id, data);
	const serialize = (s: ScenarioSnapshot) => JSON.stringify([s.value, s.context.variables]);
	const runs: { choices: { node: string; option: string }[]; ending: string }[] = [];
	const visit = (key: string, choices: { node: string; option: string }[]) => {
		const entry = adjacency[key]!;
		if (entry.state.hasTag('ending')) return void runs.push({ choices, ending: currentNode(entry.state) });
		const node = currentNode(entry.state);
		for (const { event, state } of Object.values(entry.transitions)) {
			visit(serialize(state), event.type === 'CHOOSE' ? [...choices, { node, option: event.option! }] : choices);
		}
	};
	visit(Object.keys(adjacency)[0]!, []);
	return runs;
}

/**
 * A small case that takes every kind of step the replay knows: a scene with a conditional next, two
 * decisions whose options add to a number and set a yes/no fact, and branches on min, max, equals and a
 * boolean. Five runs, three endings. Under mutation testing it stands in for the real cases' branches.
 */
const branchingCase = {
	title: { nl: 'Oefencasus', en: 'Practice case' },
	description: { nl: 'Een casus om de regels te testen.', en: 'A case to test the rules.' },
	audiences: ['professional'],
	competences: ['eapc-1'],
	durationMinutes: 10,
	language: 'nl',
	variables: { vertrouwen: 0, verteld: false },
	start: 'begin',
	sources: [{ citation: 'Geen bron: een testcasus.' }],
	nodes: {
		begin: { type: 'scene', text: 'Begin.', next: [{ when: { verteld: true }, to: 'goed' }, { to: 'keuze1' }] },
		keuze1: {
			type: 'decision',
			question: 'Wat doe je eerst?',
			options: [
				{ id: 'a', text: 'Luisteren', feedback: 'Goed: je luistert eerst.', quality: 'good', effects: { vertrouwen: 2 }, next: 'keuze2' },
				{ id: 'b', text: 'Uitleggen', feedback: 'Kan: je legt uit.', quality: 'acceptable', effects: { vertrouwen: -1, verteld: true }, next: 'keuze2' },
				{ id: 'c', text: 'Weglopen', feedback: 'Niet goed: je loopt weg.', quality: 'poor', next: 'slecht' },
			],
		},
		keuze2: {
			type: 'decision',
			question: 'En dan?',
			options: [
				{ id: 'a', text: 'Afronden', feedback: 'Je rondt het gesprek af.', quality: 'good', next: [{ when: { vertrouwen: { min: 2 } }, to: 'goed' }, { when: { verteld: true }, to: 'gesprek' }, { to: 'slecht' }] },
				{ id: 'b', text: 'Doorvragen', feedback: 'Je vraagt verder door.', quality: 'good', effects: { vertrouwen: 1 }, next: 'gesprek' },
			],
		},
		gesprek: { type: 'scene', text: 'Het gesprek.', next: [{ when: { vertrouwen: { equals: 0 } }, to: 'gemengd' }, { when: { vertrouwen: { max: -1 } }, to: 'slecht' }, { to: 'goed' }] },
		goed: { type: 'ending', outcome: 'good', title: 'Goed', text: 'Goed afgelopen.', learningPoints: ['Eerst luisteren.', 'Dan uitleggen.'] },
		gemengd: { type: 'ending', outcome: 'mixed', title: 'Gemengd', text: 'Half goed.', learningPoints: ['Eerst luisteren.', 'Dan uitleggen.'] },
		slecht: { type: 'ending', outcome: 'poor', title: 'Slecht', text: 'Slecht afgelopen.', learningPoints: ['Eerst luisteren.', 'Dan uitleggen.'] },
	},
} as unknown as ScenarioData;

/**
 * Under mutation testing (vitest.mutation.config.ts) every mutant of the replay and the variables would
 * walk every path of every case, a minute each on this machine: there the smallest case stands for all.
 * `npm test` replays every path of every case.
 */
const replayed = process.env.PALLIWIJS_MUTATION ? [scenarioFiles().sort((a, b) => Object.keys(a.data.nodes).length - Object.keys(b.data.nodes).length)[0]!] : scenarioFiles();

describe('replayRun', () => {
	for (const s of replayed) {
		it(`${s.id}: every run from start to ending replays to the machine's ending; shortened or lengthened runs are refused`, () => {
			const { runs: expected } = walk(s.id, s.data);
			const runs = allRuns(s.id, s.data);
			expect(runs.length).toBe(expected);
			for (const run of runs) {
				const result = replayRun(s.data, run.choices);
				if (!('ending' in result) || result.ending !== run.ending) expect(result, JSON.stringify(run.choices)).toMatchObject({ ending: run.ending });
			}
			for (const run of runs.slice(0, 200)) {
				if (run.choices.length > 0) expect(replayRun(s.data, run.choices.slice(0, -1))).toHaveProperty('problem');
				expect(replayRun(s.data, [...run.choices, run.choices[0] ?? { node: s.data.start, option: 'a' }])).toHaveProperty('problem');
			}
		});
	}
	it('keeps only node and option of each choice', () => {
		const run = allRuns('oefencasus', branchingCase).find((r) => r.choices.length === 2)!;
		const result = replayRun(branchingCase, run.choices.map((c) => ({ ...c, score: 100, ending: 'goed' })));
		expect('choices' in result && result.choices).toEqual(run.choices);
	});
});

/**
 * A case with a loop: `start` passes `prefix` scenes, then decision "d" whose option a passes four
 * scenes back to "d" and whose option b ends. n times a, then b: prefix + 5n + 2 nodes, n + 1 choices.
 */
function loopingCase(prefix: number) {
	const nodes: Record<string, unknown> = {};
	for (let i = 0; i < prefix; i++) nodes[`p${i}`] = { type: 'scene', text: '…', next: i + 1 < prefix ? `p${i + 1}` : 'd' };
	nodes.d = { type: 'decision', question: 'Nog eens?', options: [{ id: 'a', next: 'r0' }, { id: 'b', next: 'einde' }] };
	for (let i = 0; i < 4; i++) nodes[`r${i}`] = { type: 'scene', text: '…', next: i < 3 ? `r${i + 1}` : 'd' };
	nodes.einde = { type: 'ending', outcome: 'good' };
	return { start: prefix ? 'p0' : 'd', variables: {}, nodes } as unknown as ScenarioData;
}
const loopChoices = (again: number) => [...Array.from({ length: again }, () => ({ node: 'd', option: 'a' })), { node: 'd', option: 'b' }];

describe('replayRun on a small case with every kind of step', () => {
	it('replays every run to the ending the machine reaches, with its outcome and the clean choices', () => {
		const runs = allRuns('oefencasus', branchingCase);
		expect(runs.map((r) => [r.choices.map((c) => `${c.node}:${c.option}`).join(' '), r.ending]).sort()).toEqual([
			['keuze1:a keuze2:a', 'goed'],
			['keuze1:a keuze2:b', 'goed'],
			['keuze1:b keuze2:a', 'slecht'],
			['keuze1:b keuze2:b', 'gemengd'],
			['keuze1:c', 'slecht'],
		]);
		const outcomes = { goed: 'good', gemengd: 'mixed', slecht: 'poor' } as Record<string, string>;
		for (const run of runs) expect(replayRun(branchingCase, run.choices)).toEqual({ ending: run.ending, outcome: outcomes[run.ending], choices: run.choices });
	});
	it('names the first bad choice', () => {
		const at = (choices: unknown[]) => replayRun(branchingCase, choices);
		expect(at([])).toEqual({ problem: 'choices[0]: expected a choice at "keuze1".' });
		expect(at([null])).toEqual({ problem: 'choices[0]: expected a choice at "keuze1".' });
		expect(at(['keuze1'])).toEqual({ problem: 'choices[0]: expected a choice at "keuze1".' });
		expect(at([{ node: 'keuze2', option: 'a' }])).toEqual({ problem: 'choices[0]: expected a choice at "keuze1".' });
		expect(at([{ node: 'keuze1', option: 'f' }])).toEqual({ problem: 'choices[0]: unknown option.' });
		expect(at([{ node: 'keuze1', option: 'a' }])).toEqual({ problem: 'choices[1]: expected a choice at "keuze2".' });
		expect(at([{ node: 'keuze1', option: 'c' }, { node: 'keuze1', option: 'c' }])).toEqual({ problem: 'choices: more choices than the run allows.' });
	});
	it('refuses anything but a list of at most 100 choices', () => {
		for (const choices of [undefined, null, 'keuze1:a', { 0: { node: 'keuze1', option: 'c' }, length: 1 }]) expect(replayRun(branchingCase, choices)).toEqual({ problem: 'choices: send the list of choices made.' });
		expect(replayRun(loopingCase(0), loopChoices(99))).toMatchObject({ ending: 'einde' });
		expect(replayRun(loopingCase(0), loopChoices(100))).toEqual({ problem: 'choices: send the list of choices made.' });
	});
	it('stops after 500 nodes: a run through exactly 500 ends, one through 501 is too long, an endless loop of scenes too', () => {
		expect(replayRun(loopingCase(3), loopChoices(99))).toMatchObject({ ending: 'einde' }); // 3 + 5 × 99 + 2 = 500 nodes
		expect(replayRun(loopingCase(4), loopChoices(99))).toEqual({ problem: 'The run is too long.' });
		const endless = { start: 'a', variables: {}, nodes: { a: { type: 'scene', next: 'b' }, b: { type: 'scene', next: 'a' } } } as unknown as ScenarioData;
		expect(replayRun(endless, [])).toEqual({ problem: 'The run is too long.' });
	});
	it('a broken case on the server is a problem, not a crash: a missing node, or branches without a fallback', () => {
		const broken = (next: unknown) => ({ start: 's', variables: { x: 0 }, nodes: { s: { type: 'scene', next }, null: { type: 'ending', outcome: 'good' } } }) as unknown as ScenarioData;
		expect(replayRun(broken('nergens'), [])).toEqual({ problem: 'The scenario is broken on the server.' });
		expect(replayRun(broken('constructor'), [])).toEqual({ problem: 'The scenario is broken on the server.' });
		// No branch matches: there is nowhere to go, even though a node happens to be called "null".
		expect(replayRun(broken([{ when: { x: { min: 1 } }, to: 'null' }]), [])).toEqual({ problem: 'The scenario is broken on the server.' });
	});
});

describe('crediting time on task', () => {
	const min = 60000;
	const durations = { 'm/a': 10, 'm/b': 10, 'm/c': 20 };
	it(`counts a lesson when at least ${CREDIT_SHARE * 100} % of its duration passed since it was opened`, () => {
		const credit = creditSteps([{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 5 * min }], [], durations);
		expect(credit.get('m/a')).toEqual({ step: 'm/a', counted: true, neededMinutes: 5, creditedMinutes: 5 });
		const fast = creditSteps([{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 4.9 * min }], [], durations);
		expect(fast.get('m/a')).toMatchObject({ counted: false, reason: 'too-fast', neededMinutes: 5, creditedMinutes: 4.9 });
	});
	it('counts reading time once: thirty tabs opened at once credit only the first lesson', () => {
		const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`m/l${i}`, 10]));
		const progress = Array.from({ length: 30 }, (_, i) => ({ lesson: `m/l${i}`, completed: true, openedAt: 0, completedAt: 20 * min + i * 1000 }));
		const credit = creditSteps(progress, [], many);
		expect([...credit.values()].filter((c) => c.counted).map((c) => c.step)).toEqual(['m/l0']);
		expect(credit.get('m/l5')).toMatchObject({ reason: 'too-fast', creditedMinutes: 0 });
	});
	it('reading one after the other counts each lesson', () => {
		const progress = [
			{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min },
			{ lesson: 'm/b', completed: true, openedAt: 1 * min, completedAt: 12 * min },
			{ lesson: 'm/c', completed: true, openedAt: 2 * min, completedAt: 22 * min },
		];
		const credit = creditSteps(progress, [], durations);
		expect([...credit.values()].map((c) => [c.step, c.counted, c.creditedMinutes])).toEqual([
			['m/a', true, 6],
			['m/b', true, 6],
			['m/c', true, 10],
		]);
	});
	it('a lesson never opened, or opened only after it was marked done, is not-opened', () => {
		const credit = creditSteps(
			[
				{ lesson: 'm/a', completed: true, openedAt: null, completedAt: 60 * min },
				{ lesson: 'm/b', completed: true, openedAt: 90 * min, completedAt: 80 * min },
			],
			[],
			durations,
		);
		expect(credit.get('m/a')).toMatchObject({ counted: false, reason: 'not-opened' });
		expect(credit.get('m/b')).toMatchObject({ counted: false, reason: 'not-opened' });
	});
	it('a case counts when one finished run took the share of its duration', () => {
		const credit = creditSteps(
			[],
			[
				{ scenario: 'c', startedAt: 0, finishedAt: 1 * min },
				{ scenario: 'c', startedAt: 2 * min, finishedAt: 10 * min },
				{ scenario: 'd', startedAt: 11 * min, finishedAt: 13 * min },
			],
			{ 'scenario/c': 15, 'scenario/d': 10 },
		);
		expect(credit.get('scenario/c')).toMatchObject({ counted: true, creditedMinutes: 8, neededMinutes: 7.5 });
		expect(credit.get('scenario/d')).toMatchObject({ counted: false, reason: 'too-fast', creditedMinutes: 2, neededMinutes: 5 });
	});
	it('counts time once across lessons and cases: two cases side by side, or a case played while a lesson is open, credit one', () => {
		const sideBySide = creditSteps(
			[],
			[
				{ scenario: 'c', startedAt: 0, finishedAt: 10 * min },
				{ scenario: 'd', startedAt: 0, finishedAt: 10 * min + 1000 },
			],
			{ 'scenario/c': 10, 'scenario/d': 10 },
		);
		expect([...sideBySide.values()].map((c) => [c.step, c.counted])).toEqual([
			['scenario/c', true],
			['scenario/d', false],
		]);
		const mixed = creditSteps([{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min + 1000 }], [{ scenario: 'c', startedAt: 0, finishedAt: 6 * min }], { 'm/a': 10, 'scenario/c': 10 });
		expect(mixed.get('scenario/c')).toMatchObject({ counted: true });
		expect(mixed.get('m/a')).toMatchObject({ counted: false, reason: 'too-fast' });
	});
	it('two steps done in the same millisecond share their time: only the first given counts', () => {
		const progress = [
			{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min },
			{ lesson: 'm/b', completed: true, openedAt: 0, completedAt: 6 * min },
		];
		const credit = creditSteps(progress, [], durations);
		expect(credit.get('m/a')).toMatchObject({ counted: true, creditedMinutes: 6 });
		expect(credit.get('m/b')).toMatchObject({ counted: false, reason: 'too-fast', creditedMinutes: 0 });
		const run = creditSteps([], [{ scenario: 'c', startedAt: 0, finishedAt: 6 * min }, { scenario: 'd', startedAt: 0, finishedAt: 6 * min }], { 'scenario/c': 10, 'scenario/d': 10 });
		expect([...run.values()].map((c) => [c.step, c.counted])).toEqual([
			['scenario/c', true],
			['scenario/d', false],
		]);
	});
	it('only lessons marked done count; case keys in the lesson progress are left to the runs', () => {
		const credit = creditSteps(
			[
				{ lesson: 'm/a', completed: false, openedAt: 0, completedAt: null },
				{ lesson: 'm/b', completed: false, openedAt: 0, completedAt: 30 * min }, // undone: the old time does not count
				{ lesson: 'm/c', completed: true, openedAt: 0, completedAt: null },
				{ lesson: 'scenario/c', completed: true, openedAt: 0, completedAt: 30 * min },
			],
			[],
			{ ...durations, 'scenario/c': 10 },
		);
		expect([...credit.keys()]).toEqual([]);
	});
	it('a lesson opened in the same millisecond it was marked done was opened, but too fast', () => {
		expect(creditSteps([{ lesson: 'm/a', completed: true, openedAt: 5 * min, completedAt: 5 * min }], [], durations).get('m/a')).toEqual({ step: 'm/a', counted: false, reason: 'too-fast', neededMinutes: 5, creditedMinutes: 0 });
	});
	it('a step without a known duration is never credited', () => {
		expect(creditSteps([{ lesson: 'm/x', completed: true, openedAt: 0, completedAt: 600 * min }], [], durations).get('m/x')).toEqual({ step: 'm/x', counted: false, reason: 'too-fast', neededMinutes: Infinity, creditedMinutes: 600 });
	});
	it('rounds the credited and needed minutes to a tenth', () => {
		const at = (completedAt: number) => creditSteps([{ lesson: 'm/a', completed: true, openedAt: 0, completedAt }], [], { 'm/a': 11 }).get('m/a');
		expect(at(5 * min + 4000)).toEqual({ step: 'm/a', counted: false, reason: 'too-fast', neededMinutes: 5.5, creditedMinutes: 5.1 });
		expect(at(5.5 * min - 2999)).toEqual({ step: 'm/a', counted: true, neededMinutes: 5.5, creditedMinutes: 5.5 });
	});
	it('of several runs of a case it reports the best: counted before not counted, then the most minutes', () => {
		const best = (...runs: [number, number][]) => creditSteps([], runs.map(([startedAt, finishedAt]) => ({ scenario: 'c', startedAt, finishedAt })), { 'scenario/c': 10 }).get('scenario/c');
		// Both counted: the longer one, whether it came first or last.
		expect(best([0, 8 * min], [8 * min, 14 * min])).toMatchObject({ counted: true, creditedMinutes: 8 });
		expect(best([0, 6 * min], [6 * min, 14 * min])).toMatchObject({ counted: true, creditedMinutes: 8 });
		// A counted run is not replaced by a later one that is too fast.
		expect(best([0, 6 * min], [6 * min, 7 * min])).toMatchObject({ counted: true, creditedMinutes: 6 });
		// Neither counted: the one closest to counting.
		expect(best([0, 3 * min], [3 * min, 4 * min])).toMatchObject({ counted: false, reason: 'too-fast', creditedMinutes: 3 });
		expect(best([0, 1 * min], [1 * min, 4 * min])).toMatchObject({ counted: false, reason: 'too-fast', creditedMinutes: 3 });
	});
});

describe('courseProgress', () => {
	const min = 60000;
	const course = { steps: ['m/a', 'm/b', 'scenario/c'], assessments: ['m'] };
	const durations = { 'm/a': 10, 'm/b': 10, 'scenario/c': 10 };
	it('needs every step credited and every assessment passed, and says what does not count and why', () => {
		const records = {
			progress: [
				{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min },
				{ lesson: 'm/b', completed: true, openedAt: 0, completedAt: 7 * min },
			],
			runs: [],
			passed: [],
		};
		expect(courseProgress(course, records, durations)).toEqual({
			complete: false,
			missingSteps: ['scenario/c'],
			missingAssessments: ['m'],
			notCounted: [{ step: 'm/b', reason: 'too-fast', neededMinutes: 5, creditedMinutes: 1 }],
			done: 1,
			total: 4,
		});
		const complete = courseProgress(
			course,
			{ progress: [records.progress[0]!, { lesson: 'm/b', completed: true, openedAt: 0, completedAt: 12 * min }], runs: [{ scenario: 'c', startedAt: 12 * min, finishedAt: 17 * min }], passed: ['m'] },
			durations,
		);
		expect(complete).toEqual({ complete: true, missingSteps: [], missingAssessments: [], notCounted: [], done: 4, total: 4 });
	});
	it('any one thing missing keeps the course open: a step not done, a step that does not count, a test not passed', () => {
		const records = (over: Partial<{ progress: { lesson: string; completed: boolean; openedAt: number | null; completedAt: number | null }[]; passed: string[] }>) => ({
			progress: [
				{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min },
				{ lesson: 'm/b', completed: true, openedAt: 0, completedAt: 12 * min },
			],
			runs: [{ scenario: 'c', startedAt: 12 * min, finishedAt: 17 * min }],
			passed: ['m'],
			...over,
		});
		expect(courseProgress(course, records({}), durations)).toMatchObject({ complete: true, done: 4 });
		expect(courseProgress(course, records({ passed: [] }), durations)).toMatchObject({ complete: false, missingAssessments: ['m'], missingSteps: [], notCounted: [], done: 3 });
		expect(courseProgress(course, records({ progress: [{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min }] }), durations)).toMatchObject({ complete: false, missingSteps: ['m/b'], notCounted: [], done: 3 });
		const tooFast = records({ progress: [{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min }, { lesson: 'm/b', completed: true, openedAt: 0, completedAt: 7 * min }] });
		expect(courseProgress(course, tooFast, durations)).toMatchObject({ complete: false, missingSteps: [], missingAssessments: [], notCounted: [{ step: 'm/b', reason: 'too-fast' }], done: 3 });
	});
	it('a course without assessments needs only its steps', () => {
		const progress = [{ lesson: 'm/a', completed: true, openedAt: 0, completedAt: 6 * min }];
		expect(courseProgress({ steps: ['m/a'] }, { progress, runs: [], passed: ['m'] }, durations)).toEqual({ complete: true, missingSteps: [], missingAssessments: [], notCounted: [], done: 1, total: 1 });
	});
});

describe('moduleProgress (the trainer grid of learners by module)', () => {
	const progress = (over: Partial<CourseProgress>): CourseProgress => ({ complete: false, missingSteps: [], missingAssessments: [], notCounted: [], done: 0, total: 0, ...over });
	const modules = [
		{ id: 'm1', steps: ['m1/a', 'm1/b'] },
		{ id: 'm2', steps: ['m2/a', 'scenario/c'] },
		{ id: 'm3', steps: ['m3/a'] },
	];
	it('counts the steps and the test that count per module; done only when all count, started when anything was done or marked', () => {
		const p = progress({ missingSteps: ['m2/a', 'm3/a'], notCounted: [{ step: 'scenario/c', reason: 'too-fast', neededMinutes: 5, creditedMinutes: 1 }], missingAssessments: ['m2'] });
		expect(moduleProgress(modules, ['m1', 'm2'], p)).toEqual({
			m1: { done: 3, total: 3, status: 'done' },
			m2: { done: 0, total: 3, status: 'started' },
			m3: { done: 0, total: 1, status: 'notStarted' },
		});
	});
	it('a module whose steps all count but whose test is not passed is started, not done', () => {
		expect(moduleProgress([modules[0]!], ['m1'], progress({ missingAssessments: ['m1'] }))).toEqual({ m1: { done: 2, total: 3, status: 'started' } });
		expect(moduleProgress([{ id: 'leeg', steps: [] }], [], progress({}))).toEqual({ leeg: { done: 0, total: 0, status: 'notStarted' } });
	});
	it('follows courseProgress: a lesson marked too fast leaves its module started', () => {
		const min = 60000;
		const course = { steps: ['m1/a', 'm1/b'], assessments: [] };
		const p = courseProgress(course, { progress: [{ lesson: 'm1/a', completed: true, openedAt: 0, completedAt: 1000 }], runs: [], passed: [] }, { 'm1/a': 10, 'm1/b': 10 });
		expect(moduleProgress([modules[0]!], [], p).m1).toEqual({ done: 0, total: 2, status: 'started' });
		const q = courseProgress(course, { progress: [{ lesson: 'm1/a', completed: true, openedAt: 0, completedAt: 6 * min }], runs: [], passed: [] }, { 'm1/a': 10, 'm1/b': 10 });
		expect(moduleProgress([modules[0]!], [], q).m1).toEqual({ done: 1, total: 2, status: 'started' });
	});
});

describe('the bundle the hooks load (pocketbase/pb_hooks/generated/rules.js)', () => {
	// A check of the build step, not of the rules: left out under mutation testing (2 s per mutant).
	it.skipIf(process.env.PALLIWIJS_MUTATION)('is CommonJS built from these rules: the same exports, the same results', async () => {
		const file = await bundleRules(path.resolve(import.meta.dirname, '../..'));
		const require = createRequire(import.meta.url);
		delete require.cache[file];
		const bundled = require(file) as typeof rules;
		expect(Object.keys(bundled).sort()).toEqual(Object.keys(rules).sort());
		expect(bundled.shuffleWithSeed('seed', 'node', ['a', 'b', 'c', 'd'])).toEqual(rules.shuffleWithSeed('seed', 'node', ['a', 'b', 'c', 'd']));
		expect(bundled.drawAttempt(bank, 8, seededRandom('x'))).toEqual(rules.drawAttempt(bank, 8, seededRandom('x')));
		expect(bundled.CREDIT_SHARE).toBe(rules.CREDIT_SHARE);
	});
});
