import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/schemas/lesson';
import { courseSchema } from '../../src/schemas/course';
import { competenceSchema } from '../../src/schemas/competence';
import { knowledgeCheckSchema } from '../../src/schemas/knowledge-check';

const valid = {
	title: 'De fasen',
	description: 'Welke fasen zijn er?',
	durationMinutes: 12,
	objectives: ['Je benoemt de fasen.'],
	competences: ['eapc-1'],
	sources: [{ citation: 'Auteur A. Titel. Uitgever; 2020.' }],
};

describe('schemas', () => {
	it('accepts a complete lesson', () => {
		expect(lessonSchema.parse(valid).keywords).toEqual([]);
	});
	it('refuses a lesson without sources, with a message that says so', () => {
		const result = lessonSchema.safeParse({ ...valid, sources: [] });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ path: ['sources'], message: 'a lesson needs at least one source' });
	});
	it('refuses unknown competence ids and unknown fields', () => {
		expect(lessonSchema.safeParse({ ...valid, competences: ['eapc-11'] }).success).toBe(false);
		expect(lessonSchema.safeParse({ ...valid, module: 'x' }).success).toBe(false);
	});
	it('needs both languages in a course title and a real audience', () => {
		const course = { title: { nl: 'A', en: 'A' }, description: { nl: 'B', en: 'B' }, audiences: ['citizen'], studyHours: 2, modules: ['m'] };
		expect(courseSchema.safeParse(course).success).toBe(true);
		expect(courseSchema.safeParse({ ...course, title: { nl: 'A' } }).success).toBe(false);
		expect(courseSchema.safeParse({ ...course, audiences: ['patient'] }).success).toBe(false);
	});
	it('keeps competence order within 1–10', () => {
		expect(competenceSchema.safeParse({ order: 11, title: { nl: 'a', en: 'a' }, description: { nl: 'b', en: 'b' } }).success).toBe(false);
	});
	it('checks a knowledge check: enough options, one right answer unless multiple', () => {
		const option = (text: string, correct: boolean) => ({ text, correct, feedback: correct ? 'Juist.' : 'Niet juist.' });
		const check = { question: 'Wat is palliatieve zorg?', options: [option('Zorg bij ernstige ziekte', true), option('Alleen zorg in de laatste uren', false)] };
		expect(knowledgeCheckSchema.parse(check).multiple).toBe(false);
		expect(knowledgeCheckSchema.safeParse({ ...check, options: [check.options[0]] }).success).toBe(false);
		expect(knowledgeCheckSchema.safeParse({ ...check, options: [option('a', true), option('b', true)] }).success).toBe(false);
		expect(knowledgeCheckSchema.safeParse({ ...check, multiple: true, options: [option('a', true), option('b', true)] }).success).toBe(true);
		expect(knowledgeCheckSchema.safeParse({ ...check, options: [option('a', false), option('b', false)] }).success).toBe(false);
	});
});
