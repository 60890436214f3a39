import { courseAssessments, courseCompetences, courseSteps, moduleSteps, type Catalog } from './catalog';
import type { ScenarioData } from '../../schemas/scenario';

/** The shape of dist/catalog.json, read by pocketbase/pb_hooks/lib/catalog.js. */
export interface ServerCatalog {
	version: 1;
	/** Every step a learner can complete: lessons ("<module>/<slug>") and cases ("scenario/<id>"). */
	steps: string[];
	modules: Record<string, { title: string; steps: string[] }>;
	courses: Record<
		string,
		{ title: string; studyHours: number; audiences: string[]; modules: string[]; steps: string[]; assessments: string[]; competences: string[]; competenceTitles: string[] }
	>;
	/** Public shape of each assessment, for scoring: which options exist, which items allow several. */
	assessments: Record<string, { passPercentage: number; items: { id: string; multiple: boolean; options: string[] }[] }>;
	/** The graph of each case, for replaying a run on the server. */
	scenarios: Record<string, Pick<ScenarioData, 'start' | 'variables' | 'nodes'>>;
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
					assessments: courseAssessments(catalog, c),
					competences: courseCompetences(catalog, c),
					competenceTitles: courseCompetences(catalog, c).map((id) => {
						const competence = catalog.competences.find((x) => x.id === id)!;
						return `${competence.data.order}. ${competence.data.title.nl}`;
					}),
				},
			]),
		),
		assessments: Object.fromEntries(
			[...catalog.assessments].map(([id, a]) => [id, { passPercentage: a.passPercentage, items: a.items.map((i) => ({ id: i.id, multiple: i.multiple, options: i.options.map((o) => o.id) })) }]),
		),
		scenarios: Object.fromEntries([...catalog.scenarios.values()].map((s) => [s.id, { start: s.data.start, variables: s.data.variables, nodes: s.data.nodes }])),
	};
}
