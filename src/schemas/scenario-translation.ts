import { z } from 'zod';
import { slug } from './common';

/**
 * A case's texts in another language (content/scenario-translations/<locale>/<scenario id>.yaml).
 * Only words: per node id the texts of that node, per option id the option's text and feedback.
 * The graph (node ids, option ids and their order, variables, effects, `next`, qualities, outcomes)
 * lives in the original file only; the build checks that a translation covers exactly its nodes and
 * options (src/lib/scenario/translation.ts).
 */

const paragraphs = z.string().trim().min(1).max(3000);

export const sceneTranslationSchema = z
	.object({
		title: z.string().trim().min(1).max(120).optional(),
		text: paragraphs,
	})
	.strict();

export const optionTranslationSchema = z
	.object({
		text: z.string().trim().min(1).max(400),
		feedback: z.string().trim().min(10, 'every option needs feedback').max(1200),
	})
	.strict();

export const decisionTranslationSchema = z
	.object({
		title: z.string().trim().min(1).max(120).optional(),
		text: paragraphs.optional(),
		question: z.string().trim().min(5).max(400),
		/** Option id → its texts. The order of the options is the original's. */
		options: z.record(z.string().regex(/^[a-f]$/, 'option ids are a … f'), optionTranslationSchema),
	})
	.strict();

export const endingTranslationSchema = z
	.object({
		title: z.string().trim().min(1).max(120),
		text: paragraphs,
		learningPoints: z.array(z.string().trim().min(5).max(400)).min(2).max(8),
	})
	.strict();

export type NodeTranslation =
	| z.infer<typeof sceneTranslationSchema>
	| z.infer<typeof decisionTranslationSchema>
	| z.infer<typeof endingTranslationSchema>;

/**
 * Which kind of node a translation is for follows from its fields: a question or options (decision),
 * learning points (ending), else a scene. Checked against that kind's schema, so a message names the field.
 */
export const nodeTranslationSchema = z.unknown().transform((value, ctx): NodeTranslation => {
	const has = (key: string) => typeof value === 'object' && value !== null && key in value;
	const schema = has('question') || has('options') ? decisionTranslationSchema : has('learningPoints') ? endingTranslationSchema : sceneTranslationSchema;
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: z.ZodIssueCode.custom, message: issue.message, path: issue.path });
	return z.NEVER;
});

export const scenarioTranslationSchema = z
	.object({
		/** Node id → the texts of that node, for every node of the original. */
		nodes: z.record(slug, nodeTranslationSchema),
	})
	.strict();

export type ScenarioTranslationData = z.infer<typeof scenarioTranslationSchema>;
