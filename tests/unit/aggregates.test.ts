import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Issue 18, points 3 and 4: the dashboard's group figures (pocketbase/pb_hooks/lib/aggregates.js) ignore
// any stored value that is not what it should be, and show nothing below five learners.
const require = createRequire(import.meta.url);
const { selfCheckAverages, itemStatistics, choiceCounts, assignedScope } = require('../../pocketbase/pb_hooks/lib/aggregates.js');
const { checkSelfCheck } = require('../../pocketbase/pb_hooks/lib/self-check.js');

const domains = ['praktisch', 'feiten'];
const scope = { assessments: { m: true }, scenarios: { s: true }, selfCheck: true };
const good = (v: number) => ({ kind: 'before', scores: JSON.stringify({ praktisch: v, feiten: v }) });

describe('selfCheckAverages', () => {
	it('ignores values that are not finite numbers from 0 to 5, made-up domains and broken rows', () => {
		const rows = [
			good(2),
			good(4),
			good(3),
			good(3),
			good(3),
			{ kind: 'before', scores: '{"feiten":"1e999","praktisch":-1e9}' },
			{ kind: 'before', scores: '{"constructor":2,"verzonnen":5,"feiten":1e999}' },
			{ kind: 'before', scores: '"abc"' },
			{ kind: 'before', scores: 'null' },
			{ kind: 'before', scores: 'not json' },
			{ kind: 'sideways', scores: '{"feiten":5}' },
		];
		const out = selfCheckAverages(rows, domains, scope);
		expect(out).toEqual({ before: { count: 10, averages: { praktisch: 3, feiten: 3 } } });
		expect(JSON.stringify(out)).not.toMatch(/constructor|verzonnen|null|Infinity/);
	});
	it('shows no averages below five learners, and none when the self-check was not assigned', () => {
		expect(selfCheckAverages([good(1), good(2), good(3), good(4)], domains, scope)).toEqual({ before: { count: 4, averages: null } });
		expect(selfCheckAverages([good(1), good(2), good(3), good(4), good(5)], domains, { ...scope, selfCheck: false })).toEqual({});
	});
});

describe('itemStatistics and choiceCounts', () => {
	const keys = { m: { q1: { correct: ['a'] } }, other: { q1: { correct: ['a'] } } };
	const attempts = (n: number, assessment = 'm', answers: unknown = '{"q1":["a"]}') => Array.from({ length: n }, (_, i) => ({ user: `u${i}`, assessment, answers }));
	it('count each learner’s latest attempt of an assigned test, from five learners up', () => {
		expect(itemStatistics(attempts(4), keys, scope)).toEqual({ m: { learners: 4, items: null } });
		expect(itemStatistics(attempts(5), keys, scope)).toEqual({ m: { learners: 5, items: { q1: { answered: 5, correct: 5 } } } });
		expect(itemStatistics(attempts(6, 'other'), keys, scope)).toEqual({});
	});
	it('survive answers of any shape', () => {
		const weird = ['"abc"', 'null', '{"q1":"a"}', '{"q1":[1,{}]}', '{"constructor":["a"]}'].map((answers, i) => ({ user: `w${i}`, assessment: 'm', answers }));
		expect(itemStatistics(weird, keys, scope)).toEqual({ m: { learners: 5, items: { q1: { answered: 5, correct: 0 } } } });
	});
	it('count only real decisions and options of assigned cases, from five learners up', () => {
		const scenarios = { s: { nodes: { keuze: { options: [{ id: 'a' }, { id: 'b' }] } } } };
		const runs = Array.from({ length: 5 }, (_, i) => ({ user: `u${i}`, scenario: 's', choices: JSON.stringify([{ node: 'keuze', option: 'a' }, { node: 'keuze', option: 'zz' }, { node: 'constructor', option: 'a' }, 'x', null]) }));
		expect(choiceCounts(runs.slice(0, 4), scenarios, scope)).toEqual({ s: { learners: 4, decisions: null } });
		expect(choiceCounts([...runs, { user: 'u0', scenario: 's', choices: '"abc"' }], scenarios, scope)).toEqual({ s: { learners: 5, decisions: { keuze: { a: 5 } } } });
		expect(choiceCounts(runs, scenarios, { ...scope, scenarios: {} })).toEqual({});
	});
	it('take the scope from the assigned courses in the catalogue', () => {
		const catalog = { courses: { c: { assessments: ['m'], steps: ['m/les', 'scenario/s'] } }, selfCheck: { courses: ['c'] } };
		expect(assignedScope(catalog, ['c', 'constructor', 'onbekend'])).toEqual({ assessments: { m: true }, scenarios: { s: true }, selfCheck: true });
		expect(assignedScope(catalog, [])).toEqual({ assessments: {}, scenarios: {}, selfCheck: false });
	});
});

describe('checkSelfCheck', () => {
	const spec = { domains: { praktisch: ['p1', 'p2'], feiten: ['f1'] } };
	it('computes the scores from the answers', () => expect(checkSelfCheck({ answers: { p1: 2, p2: 5, f1: 1 } }, spec)).toEqual({ scores: { praktisch: 3.5, feiten: 1 } }));
	it('names the field and the problem', () => {
		expect(checkSelfCheck({ answers: { p1: 0 } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: { hasOwnProperty: 1 } }, spec).problem).toBe('scores.hasOwnProperty: unknown domain.');
		expect(checkSelfCheck({ answers: {}, scores: { feiten: Number.NaN } }, spec).problem).toBe('scores.feiten: must be a number from 0 to 5.');
		expect(checkSelfCheck({ answers: {} }, null).problem).toMatch(/not available/);
	});
});
