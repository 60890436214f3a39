// Collections: loaders over ../content plus the schemas in src/schemas. Nothing else lives here.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { competenceSchema } from './schemas/competence';
import { courseSchema } from './schemas/course';
import { moduleSchema } from './schemas/module';
import { lessonSchema } from './schemas/lesson';
import { assessmentSchema } from './schemas/assessment';
import { scenarioSchema } from './schemas/scenario';
import { scenarioTranslationSchema } from './schemas/scenario-translation';
import { pageSchema } from './schemas/self-check';

const yamlFiles = (base: string) => glob({ pattern: '*.yaml', base });

export const collections = {
	competences: defineCollection({ loader: yamlFiles('./content/competences'), schema: competenceSchema }),
	courses: defineCollection({ loader: yamlFiles('./content/courses'), schema: courseSchema }),
	modules: defineCollection({ loader: yamlFiles('./content/modules'), schema: moduleSchema }),
	// Static pages such as the help page: content/pages/<locale>/<id>.mdx.
	pages: defineCollection({
		loader: glob({ pattern: '**/*.mdx', base: './content/pages', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
		schema: pageSchema,
	}),
	scenarios: defineCollection({ loader: yamlFiles('./content/scenarios'), schema: scenarioSchema }),
	// A case's texts in another language: content/scenario-translations/<locale>/<scenario id>.yaml, id "<locale>/<scenario id>".
	scenarioTranslations: defineCollection({
		loader: glob({ pattern: '*/*.yaml', base: './content/scenario-translations', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
		schema: scenarioTranslationSchema,
	}),
	// Only the published questions; content/assessment-keys/ is deliberately not a collection.
	assessments: defineCollection({ loader: yamlFiles('./content/assessments'), schema: assessmentSchema }),
	lessons: defineCollection({
		// id = "<locale>/<module>/<slug>", exactly the path under content/lessons without extension.
		loader: glob({
			pattern: '**/*.mdx',
			base: './content/lessons',
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: lessonSchema,
	}),
};
