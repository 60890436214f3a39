import { z } from 'zod';
import { audience, localizedText, slug } from './common';

/** A course (content/courses/<id>.yaml): an ordered list of modules for one or more audiences. */
export const courseSchema = z
	.object({
		title: localizedText(120),
		/** One or two sentences for the catalogue. */
		description: localizedText(600),
		/** Who the course is for; the catalogue filters on this. */
		audiences: z.array(audience).min(1, 'name at least one audience'),
		/** Study hours shown on the course page and, later, on the certificate. */
		studyHours: z.number().positive().max(200),
		/** Module ids in the order a learner takes them (content/modules/<id>.yaml). */
		modules: z.array(slug).min(1, 'a course needs at least one module'),
	})
	.strict();
export type CourseData = z.infer<typeof courseSchema>;
