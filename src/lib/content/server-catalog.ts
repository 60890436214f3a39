import { courseCompetences, courseLessons, type Catalog } from './catalog';

/** The shape of dist/catalog.json, read by pocketbase/pb_hooks/lib/catalog.js. */
export interface ServerCatalog {
	version: 1;
	lessons: string[];
	modules: Record<string, { title: string; lessons: string[] }>;
	courses: Record<string, { title: string; studyHours: number; audiences: string[]; modules: string[]; lessons: string[]; competences: string[] }>;
}

export function serverCatalog(catalog: Catalog): ServerCatalog {
	return {
		version: 1,
		lessons: [...catalog.lessons.keys()].sort(),
		modules: Object.fromEntries([...catalog.modules.values()].map((m) => [m.id, { title: m.data.title.nl, lessons: m.lessons.map((l) => l.key) }])),
		courses: Object.fromEntries(
			catalog.courses.map((c) => [
				c.id,
				{
					title: c.data.title.nl,
					studyHours: c.data.studyHours,
					audiences: c.data.audiences,
					modules: c.modules.map((m) => m.id),
					lessons: courseLessons(c).map((l) => l.key),
					competences: courseCompetences(catalog, c),
				},
			]),
		),
	};
}
