import { z } from 'zod';
import { audience, competenceId, localizedText, slug } from './common';

/**
 * An interactive case (content/scenarios/<id>.yaml): nodes of three kinds and, optionally, variables
 * that options change and that later transitions depend on. src/lib/scenario/ turns it into an XState machine.
 */

/** A variable: a whole number (e.g. trust) or a yes/no fact (e.g. advance care planning started). */
const variableValue = z.union([z.number().int().min(-100).max(100), z.boolean()]);

/** A condition on variables: every listed variable must match (numbers: min/max/equals; booleans: equals). */
export const conditionSchema = z.record(
	z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
	z.union([z.boolean(), z.object({ min: z.number().int().optional(), max: z.number().int().optional(), equals: z.number().int().optional() }).strict()]),
);
export type Condition = z.infer<typeof conditionSchema>;

/** Where to go next: a node id, or a list of branches tried in order (the last has no `when`). */
export const nextSchema = z.union([
	slug,
	z
		.array(z.object({ when: conditionSchema.optional(), to: slug }).strict())
		.min(2, 'a conditional next needs at least two branches')
		.refine((branches) => !branches[branches.length - 1]!.when, 'the last branch has no `when`: it is the fallback'),
]);
export type Next = z.infer<typeof nextSchema>;

const paragraphs = z.string().trim().min(1).max(3000);

export const sceneSchema = z
	.object({
		type: z.literal('scene'),
		title: z.string().trim().min(1).max(120).optional(),
		text: paragraphs,
		next: nextSchema,
	})
	.strict();

export const optionSchema = z
	.object({
		id: z.string().regex(/^[a-f]$/, 'option ids are a … f'),
		text: z.string().trim().min(1).max(400),
		/** Shown right after the choice: why this is (not) a good step. Required for every option. */
		feedback: z.string().trim().min(10, 'every option needs feedback').max(1200),
		/** good = what we recommend; acceptable = defensible; poor = not recommended. */
		quality: z.enum(['good', 'acceptable', 'poor']),
		/** Numbers are added to a variable, booleans set it. */
		effects: z.record(z.string(), variableValue).optional(),
		next: nextSchema,
	})
	.strict();

export const decisionSchema = z
	.object({
		type: z.literal('decision'),
		title: z.string().trim().min(1).max(120).optional(),
		text: paragraphs.optional(),
		question: z.string().trim().min(5).max(400),
		options: z.array(optionSchema).min(2, 'a decision needs at least two options').max(6),
	})
	.strict();

export const endingSchema = z
	.object({
		type: z.literal('ending'),
		outcome: z.enum(['good', 'mixed', 'poor']),
		title: z.string().trim().min(1).max(120),
		text: paragraphs,
		/** The debrief: what to take away from this case. */
		learningPoints: z.array(z.string().trim().min(5).max(400)).min(2).max(8),
	})
	.strict();

export const nodeSchema = z.discriminatedUnion('type', [sceneSchema, decisionSchema, endingSchema]);
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type DecisionNode = z.infer<typeof decisionSchema>;

export const scenarioSchema = z
	.object({
		title: localizedText(120),
		description: localizedText(600),
		audiences: z.array(audience).min(1),
		competences: z.array(competenceId).min(1),
		durationMinutes: z.number().int().min(5).max(90),
		/** The language the nodes are written in (cases are Dutch first). */
		language: z.enum(['nl', 'en']).default('nl'),
		variables: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), variableValue).default({}),
		start: slug,
		nodes: z.record(slug, nodeSchema),
		sources: z.array(z.object({ citation: z.string().trim().min(10), url: z.string().url().optional() }).strict()).min(1),
	})
	.strict();
export type ScenarioData = z.infer<typeof scenarioSchema>;
