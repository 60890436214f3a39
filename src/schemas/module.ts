import { z } from 'zod';
import { competenceId, localizedText, slug } from './common';

/** A module (content/modules/<id>.yaml): the single authority for which lessons it holds and in what order. */
export const moduleSchema = z
	.object({
		title: localizedText(120),
		description: localizedText(600),
		/** EAPC competences this module works on. */
		competences: z.array(competenceId).min(1, 'name at least one competence'),
		/** Lesson slugs in order; each is content/lessons/nl/<module>/<slug>.mdx. */
		lessons: z.array(slug).min(1, 'a module needs at least one lesson'),
		/** Interactive cases (content/scenarios/<id>.yaml) that belong to this module, after its lessons. */
		scenarios: z.array(slug).default([]),
	})
	.strict();
export type ModuleData = z.infer<typeof moduleSchema>;
