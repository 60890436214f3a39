import { z } from 'zod';

/** The props of a <KnowledgeCheck> in a lesson: a question, two to six options with feedback, one or more correct. */
export const knowledgeCheckSchema = z
	.object({
		question: z.string().trim().min(5),
		options: z
			.array(z.object({ text: z.string().trim().min(1), correct: z.boolean(), feedback: z.string().trim().min(3) }).strict())
			.min(2, 'a knowledge check needs at least two options')
			.max(6),
		multiple: z.boolean().default(false),
	})
	.strict()
	.refine((p) => p.options.some((o) => o.correct), 'at least one option must be correct')
	.refine((p) => p.multiple || p.options.filter((o) => o.correct).length === 1, 'a single-choice check has exactly one correct option (or add multiple)');
