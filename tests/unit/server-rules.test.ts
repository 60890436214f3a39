import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../helpers/scenarios';
import { walk } from '../helpers/scenario-graph';

const require = createRequire(import.meta.url);
const { replayRun } = require('../../pocketbase/pb_hooks/lib/scenario-replay.js') as { replayRun: (s: unknown, c: unknown) => { problem?: string; ending?: string } };
const { scoreAttempt } = require('../../pocketbase/pb_hooks/lib/scoring.js') as { scoreAttempt: (a: unknown, k: unknown, x: unknown) => Record<string, unknown> };
const { courseCompletion } = require('../../pocketbase/pb_hooks/lib/completion.js') as {
	courseCompletion: (c: unknown, d: string[], p: string[]) => { complete: boolean; missingSteps: string[]; missingAssessments: string[] };
};

describe('server replay of cases', () => {
	for (const s of scenarioFiles()) {
		it(`${s.id}: the server reaches the same ending as the XState machine on every walked path`, () => {
			const { complete } = walk(s.id, s.data);
			for (const path of complete) {
				const choices = path.steps
					.map((step, i) => ({ step, before: path.steps[i - 1] }))
					.filter(({ step }) => step.event.type === 'CHOOSE')
					.map(({ step, before }) => ({ node: String(before!.state.value), option: step.event.option! }));
				expect(replayRun(s.data, choices)).toMatchObject({ ending: String(path.state.value) });
				if (choices.length > 0) expect(replayRun(s.data, choices.slice(0, -1)).problem).toBeDefined();
			}
		});
	}
});

describe('scoring', () => {
	const assessment = { passPercentage: 70, items: [{ id: 'x', multiple: false, options: ['a', 'b'] }, { id: 'y', multiple: true, options: ['a', 'b', 'c'] }] };
	const key = { x: { correct: ['a'], explanation: 'X.' }, y: { correct: ['a', 'c'], explanation: 'Y.' } };
	it('needs every right option and no wrong one for a multiple-choice item', () => {
		expect(scoreAttempt(assessment, key, { x: ['a'], y: ['c', 'a'] })).toMatchObject({ correct: 2, score: 100, passed: true });
		expect(scoreAttempt(assessment, key, { x: ['a'], y: ['a'] })).toMatchObject({ correct: 1, score: 50, passed: false });
		expect(scoreAttempt(assessment, key, { x: ['a'], y: ['a', 'b', 'c'] })).toMatchObject({ correct: 1 });
	});
	it('counts unanswered items as wrong', () => expect(scoreAttempt(assessment, key, {})).toMatchObject({ correct: 0, total: 2, passed: false }));
});

describe('course completion', () => {
	const course = { steps: ['m/a', 'scenario/c'], assessments: ['m'] };
	it('needs every step and every assessment', () => {
		expect(courseCompletion(course, ['m/a'], [])).toEqual({ complete: false, missingSteps: ['scenario/c'], missingAssessments: ['m'] });
		expect(courseCompletion(course, ['m/a', 'scenario/c'], ['m'])).toEqual({ complete: true, missingSteps: [], missingAssessments: [] });
	});
});
