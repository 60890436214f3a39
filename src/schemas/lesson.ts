import { z } from 'zod';
import { competenceId } from './common';

/** A source as it is cited under a lesson. */
export const sourceSchema = z
	.object({
		/** Full citation: authors, title, publication or publisher, year. */
		citation: z.string().trim().min(10, 'cite the source in full (authors, title, publication, year)'),
		url: z.string().url().optional(),
	})
	.strict();

/**
 * Frontmatter of a lesson (content/lessons/<locale>/<module>/<slug>.mdx).
 * Language and module come from the path, order from the module file; they are never repeated here.
 */
export const lessonSchema = z
	.object({
		title: z.string().trim().min(3).max(120),
		/** One sentence for lists, search and the page description. */
		description: z.string().trim().min(10).max(160),
		/** Realistic time for reading and the checks; study hours are built from it. */
		durationMinutes: z.number().int().min(3).max(120),
		/** What the learner can do afterwards: 1–5 measurable objectives. */
		objectives: z.array(z.string().trim().min(5).max(140)).min(1, 'write at least one learning objective').max(5),
		competences: z.array(competenceId).min(1, 'name at least one competence'),
		sources: z.array(sourceSchema).min(1, 'a lesson needs at least one source'),
		/** Extra search terms. */
		keywords: z.array(z.string().trim().min(2)).default([]),
	})
	.strict();
export type LessonData = z.infer<typeof lessonSchema>;
