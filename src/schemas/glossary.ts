import { z } from 'zod';
import { localizedText, slug } from './common';

/** content/glossary.yaml: the terms of the courses, each with both languages and a source. */
export const glossarySchema = z
	.array(
		z
			.object({
				id: slug,
				term: localizedText(120),
				definition: localizedText(400),
				/** Abbreviations and synonyms people type (search finds the term through them). */
				aliases: z.array(z.string().trim().min(1)).default([]),
				source: z.string().trim().min(10),
			})
			.strict(),
	)
	.min(1)
	.superRefine((terms, ctx) => {
		const seen = new Set<string>();
		terms.forEach((t, i) => {
			if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate term id "${t.id}"` });
			seen.add(t.id);
		});
	});
export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = Glossary[number];
