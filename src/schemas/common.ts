import { z } from 'zod';

/** A text in both site languages; Dutch is the source, English the translation. */
export const localizedText = (max = 400) =>
	z
		.object({
			nl: z.string().trim().min(1, 'Dutch text (nl) is empty').max(max),
			en: z.string().trim().min(1, 'English text (en) is empty').max(max),
		})
		.strict();

/** Ids of content entries: lower-case words joined by hyphens (also file names). */
export const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens only (for example "drie-lagen")');

/** Competence ids are eapc-1 … eapc-10, defined by content/competences/. */
export const competenceId = z.string().regex(/^eapc-(?:[1-9]|10)$/, 'must be one of eapc-1 … eapc-10');

/** Who a course is written for. Trainers have no course of their own. */
export const audiences = ['citizen', 'nursing-student', 'professional'] as const;
export const audience = z.enum(audiences);
export type Audience = z.infer<typeof audience>;
