import { z } from 'zod';
import { localizedText, slug } from './common';

/**
 * A summative assessment of a module, as published (content/assessments/<module>.yaml).
 * `.strict()` refuses a `correct` field here: the answer key lives in content/assessment-keys/,
 * which the site never reads (only the server and the tests do).
 */
export const assessmentItemSchema = z
	.object({
		id: slug,
		/** The objective the item tests: "<lesson slug of the same module>/<1-based objective number>". */
		objective: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[1-9]$/, 'objective is "<lesson slug>/<objective number>", for example "pijn-herkennen/2"'),
		question: z.string().trim().min(10).max(600),
		multiple: z.boolean().default(false),
		options: z
			.array(z.object({ id: z.string().regex(/^[a-f]$/, 'option ids are a … f'), text: z.string().trim().min(1).max(300) }).strict())
			.min(2)
			.max(6),
	})
	.strict();

/** How many attempts in a row, and how long to wait after a series that did not pass. */
export const attemptsSchema = z
	.object({
		max: z.number().int().min(1).max(10).default(3),
		waitHours: z.number().min(0).max(24 * 30).default(24),
	})
	.strict();

/**
 * A summative assessment of a module: the bank of items the server draws `draw` items from for each
 * attempt. The bank is server-only (like the key): the site shows its title, draw, pass mark, attempts
 * and size, never a question.
 */
export const assessmentSchema = z
	.object({
		title: localizedText(160),
		/** Share of the items (0–100) a learner needs right to pass. */
		passPercentage: z.number().int().min(50).max(100),
		/** Questions per attempt, drawn by the server from the bank. */
		draw: z.number().int().min(1).max(40),
		attempts: attemptsSchema.default({ max: 3, waitHours: 24 }),
		items: z.array(assessmentItemSchema).min(6, 'an assessment bank has 6–40 items').max(40, 'an assessment bank has 6–40 items'),
	})
	.strict()
	.refine((a) => a.draw <= a.items.length, { message: 'draw cannot be more than the number of items', path: ['draw'] });
export type AssessmentData = z.infer<typeof assessmentSchema>;

/** The answer key of one assessment: item id → the right option ids and why. Never published. */
export const answerKeySchema = z.record(
	slug,
	z
		.object({
			correct: z.array(z.string().regex(/^[a-f]$/)).min(1),
			explanation: z.string().trim().min(10),
		})
		.strict(),
);
export type AnswerKey = z.infer<typeof answerKeySchema>;

/** Problems between an assessment and its key: every item keyed, every keyed option exists, single choice has one answer. */
export function answerKeyProblems(assessment: AssessmentData, key: AnswerKey): { field: string; message: string }[] {
	const problems: { field: string; message: string }[] = [];
	const ids = new Set<string>();
	assessment.items.forEach((item, i) => {
		if (ids.has(item.id)) problems.push({ field: `items[${i}].id`, message: `duplicate item id "${item.id}"` });
		ids.add(item.id);
		const optionIds = new Set(item.options.map((o) => o.id));
		if (optionIds.size !== item.options.length) problems.push({ field: `items[${i}].options`, message: 'duplicate option id' });
		const entry = key[item.id];
		if (!entry) return problems.push({ field: `items[${i}]`, message: `item "${item.id}" has no answer in the key` });
		entry.correct.forEach((c) => {
			if (!optionIds.has(c)) problems.push({ field: `${item.id}.correct`, message: `option "${c}" does not exist in item "${item.id}"` });
		});
		if (!item.multiple && entry.correct.length !== 1) problems.push({ field: `${item.id}.correct`, message: 'a single-choice item has exactly one right option (or set multiple: true)' });
	});
	for (const id of Object.keys(key)) if (!ids.has(id)) problems.push({ field: id, message: `the key has an item "${id}" that the assessment does not` });
	return problems;
}
