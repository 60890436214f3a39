import { z } from 'zod';
import { localizedText, slug } from './common';

/** content/self-check.yaml: the citizen course's self-check in the four domains of death literacy. */
export const selfCheckSchema = z
	.object({
		scale: z.object({ nl: z.array(z.string().min(1)).length(5), en: z.array(z.string().min(1)).length(5) }).strict(),
		domains: z
			.array(
				z
					.object({
						id: slug,
						title: localizedText(80),
						description: localizedText(300),
						items: z.array(z.object({ id: slug, text: localizedText(200) }).strict()).min(2).max(6),
					})
					.strict(),
			)
			.length(4, 'the self-check has the four domains of death literacy'),
	})
	.strict();
export type SelfCheckData = z.infer<typeof selfCheckSchema>;

/** A static page in content/pages/<locale>/<id>.mdx (for example the help page). */
export const pageSchema = z
	.object({
		title: z.string().trim().min(3).max(120),
		description: z.string().trim().min(10).max(160),
		sources: z.array(z.object({ citation: z.string().trim().min(5), url: z.string().url().optional() }).strict()).min(1),
	})
	.strict();
