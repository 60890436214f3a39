import { z } from 'zod';
import { localizedText } from './common';

/**
 * One EAPC core competence (content/competences/eapc-N.yaml).
 * Source: Gamondi, Larkin & Payne, EAPC White Paper on palliative care education, 2013.
 */
export const competenceSchema = z
	.object({
		/** Position 1–10 in the white paper; the file name eapc-N must match it. */
		order: z.number().int().min(1).max(10),
		/** Short title, Dutch and the white paper's English wording. */
		title: localizedText(160),
		/** The same competence in plain words (B1) for citizen pages, which do not use the professional EAPC wording. */
		plain: localizedText(70),
		/** What the competence means for a nurse in practice, 2–3 sentences. */
		description: localizedText(800),
	})
	.strict();
export type CompetenceData = z.infer<typeof competenceSchema>;
