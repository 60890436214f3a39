// The rules shared by browser and server (src/lib/rules), tested as TypeScript. The server runs the
// same code, bundled (pb_hooks/generated/rules.js); tests/api attacks it over HTTP.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/lib/rules';
import { bundleRules } from '../../scripts/lib/build.mjs';
import { attemptsStatus, courseProgress, moduleProgress, creditSteps, CREDIT_SHARE, drawAttempt, replayRun, scoreAttempt, seededRandom, shuffleWithSeed, type BankItem, type CourseProgress } from '../../src/lib/rules';
import { currentNode, type ScenarioSnapshot } from '../../src/lib/scenario/machine';
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
		const s = scenarioFiles()[0]!;
		const run = allRuns(s.id, s.data)[0]!;
		const result = replayRun(s.data, run.choices.map((c) => ({ ...c, score: 100, ending: 'goed' })));
		expect('choices' in result && result.choices).toEqual(run.choices);
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
	it('is CommonJS built from these rules: the same exports, the same results', async () => {
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
