import { describe, expect, it } from 'vitest';
import { loadSelfCheck } from '../../src/catalog/self-check';
import { checkSelfCheck, domainScores, selfCheckDomains } from '../../src/lib/rules';
import { isOwn } from '../../src/lib/rules/own';
import { validScore } from '../../src/lib/rules/self-check';
import { domainScores as pageScores } from '../../src/lib/self-check';

// The self-check's rules (src/lib/rules/self-check.ts): the page shows and the server stores the same means,
// and the server accepts only the questions and answers of content/self-check.yaml.
const spec = { domains: { praktisch: ['p1', 'p2'], feiten: ['f1'] } };

describe('domainScores', () => {
	it('gives the mean per domain to one decimal, counting only answers from 1 to 5 to questions of that domain', () => {
		expect(domainScores({ a: ['x', 'y', 'z'] }, { x: 1, y: 2, z: 2 })).toEqual({ a: 1.7 });
		expect(domainScores({ a: ['x', 'y', 'z'] }, { x: 1, y: 1, z: 2 })).toEqual({ a: 1.3 });
		expect(domainScores({ a: ['x', 'y'], b: ['z'] }, { x: 5, y: 0, z: 6 })).toEqual({ a: 5, b: 0 });
		expect(domainScores({ a: ['x', 'y'] }, { x: '4', y: Number.NaN, other: 1 })).toEqual({ a: 0 });
		expect(domainScores({ a: ['x', 'y'] }, { x: 1, y: 5 })).toEqual({ a: 3 });
	});
	it('does not take a property every object has for an answer, nor a question named like one for unanswered', () => {
		expect(domainScores({ a: ['constructor', 'toString'] }, {})).toEqual({ a: 0 });
		expect(domainScores({ constructor: ['constructor'] }, { constructor: 4 })).toEqual({ constructor: 4 });
	});
	it('scores on the page as on the server, for the self-check of the citizen course', () => {
		const data = loadSelfCheck();
		const domains = selfCheckDomains(data);
		expect(Object.keys(domains)).toEqual(data.domains.map((d) => d.id));
		expect(domains[data.domains[0]!.id]).toEqual(data.domains[0]!.items.map((i) => i.id));
		const questions = Object.values(domains).flat();
		expect(questions.length).toBeGreaterThan(6);
		// Every question answered with a different pattern, then half of them left open.
		const all = Object.fromEntries(questions.map((q, i) => [q, (i % 5) + 1]));
		const half = Object.fromEntries(questions.filter((_, i) => i % 2 === 0).map((q, i) => [q, ((i * 3) % 5) + 1]));
		for (const answers of [all, half, {}]) {
			const server = checkSelfCheck({ answers }, { domains });
			expect(server.problem).toBeUndefined();
			expect(pageScores(data, answers)).toEqual(server.scores);
		}
	});
});

describe('checkSelfCheck', () => {
	it('computes the scores from the answers, whatever scores the browser sent', () => {
		expect(checkSelfCheck({ answers: { p1: 2, p2: 5, f1: 1 } }, spec)).toEqual({ scores: { praktisch: 3.5, feiten: 1 } });
		expect(checkSelfCheck({ answers: { p1: 2 }, scores: { praktisch: 5, feiten: 5 } }, spec)).toEqual({ scores: { praktisch: 2, feiten: 0 } });
		expect(checkSelfCheck({ answers: { p1: 1, p2: 5 }, scores: null }, spec)).toEqual({ scores: { praktisch: 3, feiten: 0 } });
	});
	it('names the field and the problem', () => {
		expect(checkSelfCheck({ answers: { p1: 0 } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: { p1: 6 } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: { p1: 2.5 } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: { p1: '3' } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: { p1: Number.POSITIVE_INFINITY } }, spec).problem).toBe('answers.p1: must be a whole number from 1 to 5.');
		expect(checkSelfCheck({ answers: { toString: 3 } }, spec).problem).toBe('answers.toString: unknown question.');
		expect(checkSelfCheck({ answers: { ['x'.repeat(100)]: 3 } }, spec).problem).toBe(`answers.${'x'.repeat(60)}: unknown question.`);
		expect(checkSelfCheck({ answers: [3] }, spec).problem).toBe('answers: send the answers as an object of question → 1 to 5.');
		expect(checkSelfCheck({}, spec).problem).toBe('answers: send the answers as an object of question → 1 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: [1] }, spec).problem).toBe('scores: send the scores as an object of domain → 0 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: 3 }, spec).problem).toBe('scores: send the scores as an object of domain → 0 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: { hasOwnProperty: 1 } }, spec).problem).toBe('scores.hasOwnProperty: unknown domain.');
		expect(checkSelfCheck({ answers: {}, scores: { ['d'.repeat(80)]: 1 } }, spec).problem).toBe(`scores.${'d'.repeat(60)}: unknown domain.`);
		expect(checkSelfCheck({ answers: {}, scores: { feiten: Number.NaN } }, spec).problem).toBe('scores.feiten: must be a number from 0 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: { feiten: -0.1 } }, spec).problem).toBe('scores.feiten: must be a number from 0 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: { feiten: 5.1 } }, spec).problem).toBe('scores.feiten: must be a number from 0 to 5.');
		expect(checkSelfCheck({ answers: {}, scores: { feiten: 0, praktisch: 5 } }, spec).problem).toBeUndefined();
		expect(checkSelfCheck({ answers: {} }, null).problem).toBe('The self-check is not available on the server.');
		expect(checkSelfCheck({ answers: {} }, { domains: [] }).problem).toBe('The self-check is not available on the server.');
		expect(checkSelfCheck({ answers: {} }, { domains: null }).problem).toBe('The self-check is not available on the server.');
		expect(checkSelfCheck({ answers: {} }, { domains: { a: ['p1'], b: 'p2' } }).problem).toBe('The self-check is not available on the server.');
		expect(checkSelfCheck({ answers: {} }, { domains: { a: 'p1' } }).problem).toBe('The self-check is not available on the server.');
		expect(checkSelfCheck({ answers: null }, spec).problem).toBe('answers: send the answers as an object of question → 1 to 5.');
		expect(checkSelfCheck({ answers: '{"p1":3}' }, spec).problem).toBe('answers: send the answers as an object of question → 1 to 5.');
	});
});

describe('isOwn and validScore', () => {
	it('take only an object’s own keys, never a text’s letters or length', () => {
		expect(isOwn({ a: 1 }, 'a')).toBe(true);
		expect(isOwn({}, 'constructor')).toBe(false);
		expect(isOwn('abc', 'length')).toBe(false);
		expect(isOwn('abc', '0')).toBe(false);
		expect(isOwn(null, 'a')).toBe(false);
		expect(isOwn(undefined, 'a')).toBe(false);
	});
	it('accept a domain score from 0 to 5 only', () => {
		expect([0, 2.5, 5].map(validScore)).toEqual([true, true, true]);
		expect([-0.1, 5.1, Number.NaN, Number.POSITIVE_INFINITY, '3', null].map(validScore)).toEqual([false, false, false, false, false, false]);
	});
});
