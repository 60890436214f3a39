import { describe, expect, it } from 'vitest';
import { assignedScope, choiceCounts, itemStatistics, selfCheckAverages, type AssignedScope } from '../../src/lib/rules';

// Issue 18, points 3 and 4: the dashboard's group figures (src/lib/rules/group-figures.ts, bundled for the
// server's hooks) ignore any stored value that is not what it should be, and show nothing below five learners.

const domains = ['praktisch', 'feiten'];
const scope: AssignedScope = { assessments: { m: true }, scenarios: { s: true }, selfCheck: true };
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
	it('averages a domain per kind, each domain only from five answers, also a domain named like a property of every object', () => {
		const row = (kind: string, scores: Record<string, number>) => ({ kind, scores: JSON.stringify(scores) });
		const rows = [
			...[1, 2, 2, 3, 5].map((v) => row('after', { constructor: v, feiten: v })),
			row('after', { constructor: 4 }),
			...[4, 4, 4, 4, 5].map((v) => row('before', { constructor: v })),
		];
		// after: constructor (1+2+2+3+5+4)/6 = 2.83 → 2.8; feiten from five rows (13/5 = 2.6); before: feiten never answered.
		expect(selfCheckAverages(rows, ['constructor', 'feiten'], scope)).toEqual({
			after: { count: 6, averages: { constructor: 2.8, feiten: 2.6 } },
			before: { count: 5, averages: { constructor: 4.2 } },
		});
		// Scores already parsed (a JSON column read as an object) count the same.
		expect(selfCheckAverages([1, 2, 3, 4, 5].map((v) => ({ kind: 'after', scores: { feiten: v } })), ['feiten'], scope)).toEqual({ after: { count: 5, averages: { feiten: 3 } } });
	});
});

describe('itemStatistics and choiceCounts', () => {
	const right = JSON.stringify([{ item: 'q1', right: true }]);
	const attempts = (n: number, assessment = 'm', results: unknown = right) => Array.from({ length: n }, (_, i) => ({ user: `u${i}`, assessment, results }));
	const questionOf = (assessment: string, item: string) => `${assessment}:${item}?`;
	it('count each learner’s latest attempt of an assigned test, from five learners up, with the stored results', () => {
		expect(itemStatistics(attempts(4), scope, questionOf)).toEqual({ m: { learners: 4, items: null } });
		expect(itemStatistics(attempts(5), scope, questionOf)).toEqual({ m: { learners: 5, items: { q1: { answered: 5, correct: 5, question: 'm:q1?' } } } });
		expect(itemStatistics(attempts(6, 'other'), scope, questionOf)).toEqual({});
		// A later attempt of the same learner replaces the earlier one.
		const wrong = JSON.stringify([{ item: 'q1', right: false }]);
		const later = [...attempts(5), { user: 'u0', assessment: 'm', results: wrong }];
		expect(itemStatistics(later, scope, questionOf).m!.items).toEqual({ q1: { answered: 5, correct: 4, question: 'm:q1?' } });
	});
	it('survive results of any shape', () => {
		const weird = ['"abc"', 'null', '5', 'not json', '[{"item":"q1","right":"yes"}]', '[{"item":1},{}]', '[{"item":"__proto__","right":true},{"item":"q1","right":false}]'].map((results, i) => ({ user: `w${i}`, assessment: 'm', results }));
		const out = itemStatistics(weird, scope, questionOf);
		expect(out).toEqual({ m: { learners: 7, items: { q1: { answered: 2, correct: 0, question: 'm:q1?' } } } });
		// A stored '__proto__' item cannot change what the figures object is.
		expect(Object.getPrototypeOf(out.m!.items)).toBe(Object.prototype);
		// Results already parsed (read as an array) count the same; no question text without a lookup.
		const parsed = attempts(5, 'm', [{ item: 'q1', right: true }]);
		expect(itemStatistics(parsed, scope)).toEqual({ m: { learners: 5, items: { q1: { answered: 5, correct: 5, question: null } } } });
	});
	it('count only real decisions and options of assigned cases, from five learners up', () => {
		const scenarios = { s: { nodes: { keuze: { options: [{ id: 'a' }, { id: 'b' }] } } } };
		const runs = Array.from({ length: 5 }, (_, i) => ({ user: `u${i}`, scenario: 's', choices: JSON.stringify([{ node: 'keuze', option: 'a' }, { node: 'keuze', option: 'zz' }, { node: 'constructor', option: 'a' }, 'x', null]) }));
		expect(choiceCounts(runs.slice(0, 4), scenarios, scope)).toEqual({ s: { learners: 4, decisions: null } });
		expect(choiceCounts([...runs, { user: 'u0', scenario: 's', choices: '"abc"' }], scenarios, scope)).toEqual({ s: { learners: 5, decisions: { keuze: { a: 5 } } } });
		expect(choiceCounts(runs, scenarios, { ...scope, scenarios: {} })).toEqual({});
	});
	it('count a choice only for a decision of the case, named by text, and one of its options', () => {
		// '1' is a node; a number 1 is not its name. 'einde' is an ending: no options to choose.
		const scenarios = { s: { nodes: { '1': { options: [{ id: 'a' }] }, einde: {} } } };
		const choices = [{ node: 1, option: 'a' }, { node: '1', option: 1 }, { node: 'einde', option: 'a' }, { node: '1', option: 'a' }];
		const runs = Array.from({ length: 5 }, (_, i) => ({ user: `u${i}`, scenario: 's', choices: i === 0 ? '5' : JSON.stringify(choices) }));
		expect(choiceCounts(runs, scenarios, scope)).toEqual({ s: { learners: 5, decisions: { '1': { a: 4 } } } });
	});
	it('count learners, not runs: five runs of one learner stay one learner', () => {
		const scenarios = { s: { nodes: { keuze: { options: [{ id: 'a' }, { id: 'b' }] } } } };
		const choices = [{ node: 'keuze', option: 'b' }];
		const runs = [...Array.from({ length: 5 }, () => ({ user: 'u0', scenario: 's', choices })), ...['u1', 'u2', 'u3'].map((user) => ({ user, scenario: 's', choices }))];
		expect(choiceCounts(runs, scenarios, scope)).toEqual({ s: { learners: 4, decisions: null } });
		expect(choiceCounts([...runs, { user: 'u4', scenario: 's', choices: [] }], scenarios, scope)).toEqual({ s: { learners: 5, decisions: { keuze: { b: 8 } } } });
		// A case that is assigned but no longer in the catalogue shows nothing.
		expect(choiceCounts(runs, {}, scope)).toEqual({});
	});
	it('take the scope from the assigned courses in the catalogue', () => {
		const catalog = { courses: { c: { assessments: ['m'], steps: ['m/les', 'scenario/s'] } }, selfCheck: { courses: ['c'] } };
		expect(assignedScope(catalog, ['c', 'constructor', 'onbekend'])).toEqual({ assessments: { m: true }, scenarios: { s: true }, selfCheck: true });
		expect(assignedScope(catalog, [])).toEqual({ assessments: {}, scenarios: {}, selfCheck: false });
		// The self-check belongs only with a course that holds it; a catalogue without one, or a course without tests or steps, adds nothing.
		const two = { courses: { c: { assessments: ['m'] }, d: { steps: ['scenario/t'] } }, selfCheck: { courses: ['c'] } };
		expect(assignedScope(two, ['d'])).toEqual({ assessments: {}, scenarios: { t: true }, selfCheck: false });
		expect(assignedScope({ courses: two.courses }, ['c', 'd'])).toEqual({ assessments: { m: true }, scenarios: { t: true }, selfCheck: false });
	});
});
