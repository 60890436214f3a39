import { courseCompetences, courseSteps, moduleSteps, type Catalog } from './catalog';

/** The shape of dist/catalog.json, read by pocketbase/pb_hooks/lib/catalog.js. */
export interface ServerCatalog {
	version: 1;
	/** Every step a learner can complete: lessons ("<module>/<slug>") and cases ("scenario/<id>"). */
	steps: string[];
	modules: Record<string, { title: string; steps: string[] }>;
	courses: Record<string, { title: string; studyHours: number; audiences: string[]; modules: string[]; steps: string[]; competences: string[] }>;
}

export function serverCatalog(catalog: Catalog): ServerCatalog {
	return {
		version: 1,
		steps: [...catalog.lessons.keys(), ...[...catalog.scenarios.values()].map((s) => s.key)].sort(),
		modules: Object.fromEntries([...catalog.modules.values()].map((m) => [m.id, { title: m.data.title.nl, steps: moduleSteps(m) }])),
		courses: Object.fromEntries(
			catalog.courses.map((c) => [
				c.id,
				{
					title: c.data.title.nl,
					studyHours: c.data.studyHours,
					audiences: c.data.audiences,
					modules: c.modules.map((m) => m.id),
					steps: courseSteps(c),
					competences: courseCompetences(catalog, c),
				},
			]),
		),
	};
}
