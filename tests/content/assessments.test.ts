// Summative assessments: the published questions and their keys fit together, one per module.
import { describe, expect, it } from 'vitest';
import { answerKeyProblems, answerKeySchema, assessmentSchema } from '../../src/schemas/assessment';
import { yamlFiles } from '../helpers/content-files';

const assessments = yamlFiles('assessments');
const keys = new Map(yamlFiles('assessment-keys').map((k) => [k.id, k]));
const modules = new Set(yamlFiles('modules').map((m) => m.id));
const basicCourse = yamlFiles('courses').find((c) => c.id === 'basis-palliatieve-zorg');

describe('assessments', () => {
	it('every module of the basic course has one', () => {
		const courseModules = (basicCourse?.data as { modules: string[] }).modules;
		expect(courseModules.filter((m) => !assessments.some((a) => a.id === m))).toEqual([]);
	});

	for (const a of assessments) {
		it(`${a.file} is valid, belongs to a module and has a matching key`, () => {
			expect(modules.has(a.id), `no module "${a.id}"`).toBe(true);
			const parsed = assessmentSchema.safeParse(a.data);
			expect(parsed.error?.issues ?? []).toEqual([]);
			const key = keys.get(a.id);
			expect(key, `no content/assessment-keys/${a.id}.yaml`).toBeDefined();
			const parsedKey = answerKeySchema.safeParse(key!.data);
			expect(parsedKey.error?.issues ?? []).toEqual([]);
			expect(answerKeyProblems(parsed.data!, parsedKey.data!)).toEqual([]);
		});
	}

	it('has no key without an assessment', () => {
		expect([...keys.keys()].filter((id) => !assessments.some((a) => a.id === id))).toEqual([]);
	});
});

describe('answerKeyProblems', () => {
	const assessment = assessmentSchema.parse({
		title: { nl: 'Toets', en: 'Test' },
		passPercentage: 70,
		draw: 3,
		items: ['een', 'twee', 'drie', 'vier', 'vijf', 'zes'].map((id) => ({ id, objective: 'les/1', question: `Vraag ${id}, lang genoeg?`, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] })),
	});
	it('names a missing answer, an unknown option and two answers to a single-choice item', () => {
		const key = { een: { correct: ['a'], explanation: 'Omdat het zo is.' }, twee: { correct: ['c'], explanation: 'Omdat het zo is.' }, drie: { correct: ['a', 'b'], explanation: 'Omdat het zo is.' } };
		const messages = answerKeyProblems(assessment, key).map((p) => p.message);
		expect(messages).toContain('option "c" does not exist in item "twee"');
		expect(messages).toContain('a single-choice item has exactly one right option (or set multiple: true)');
		expect(messages).toContain('item "vier" has no answer in the key');
	});
	it('refuses a key inside the published file', () => {
		const leaked = { title: { nl: 'T', en: 'T' }, passPercentage: 70, items: [{ id: 'x', question: 'Een vraag die lang genoeg is?', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }] }] };
		expect(assessmentSchema.safeParse(leaked).success).toBe(false);
	});
});
