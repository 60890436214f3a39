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
		{
			title: string;
			/** The English title and competence titles, kept on a certificate for its English page and PDF. */
			titleEn: string;
			description: string;
			studyHours: number;
			audiences: string[];
			modules: string[];
			steps: string[];
			assessments: string[];
			competences: string[];
			competenceTitles: string[];
			competenceTitlesEn: string[];
		}
	>;
	/** Dutch title of every step (lessons and cases), for "reread this lesson" and refusals. */
	titles: Record<string, string>;
	/** Estimated minutes of every step (lessons and cases), for time on task. */
	durations: Record<string, number>;
	/**
	 * What the site may know of each assessment. The bank (questions, options) is server-only: the server
	 * reads it from its private data directory (scripts/lib/answer-keys.mjs), never from here.
	 */
	assessments: Record<string, { title: { nl: string; en?: string }; passPercentage: number; draw: number; attempts: { max: number; waitHours: number }; itemCount: number }>;
	/** The graph of each case, for replaying a run on the server. */
	scenarios: Record<string, Pick<ScenarioData, 'start' | 'variables' | 'nodes'>>;
}

/** "3. <title>" for every EAPC competence the course covers, as a certificate lists them. */
function competenceTitles(catalog: Catalog, course: Catalog['courses'][number], locale: 'nl' | 'en'): string[] {
	return courseCompetences(catalog, course).map((id) => {
		const competence = catalog.competences.find((x) => x.id === id)!;
		return `${competence.data.order}. ${competence.data.title[locale]}`;
	});
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
					titleEn: c.data.title.en,
					description: c.data.description.nl,
					studyHours: c.data.studyHours,
					audiences: c.data.audiences,
					modules: c.modules.map((m) => m.id),
					steps: courseSteps(c),
					assessments: courseAssessments(catalog, c),
					competences: courseCompetences(catalog, c),
					competenceTitles: competenceTitles(catalog, c, 'nl'),
					competenceTitlesEn: competenceTitles(catalog, c, 'en'),
				},
			]),
		),
		titles: Object.fromEntries([
			...[...catalog.lessons.values()].map((l) => [l.key, l.data.nl.title] as const),
			...[...catalog.scenarios.values()].map((s) => [s.key, s.data.title.nl] as const),
		]),
		durations: Object.fromEntries([
			...[...catalog.lessons.values()].map((l) => [l.key, l.data.nl.durationMinutes] as const),
			...[...catalog.scenarios.values()].map((s) => [s.key, s.data.durationMinutes] as const),
		]),
		assessments: Object.fromEntries(
			[...catalog.assessments].map(([id, a]) => [id, { title: a.title, passPercentage: a.passPercentage, draw: a.draw, attempts: a.attempts, itemCount: a.items.length }]),
		),
		scenarios: Object.fromEntries([...catalog.scenarios.values()].map((s) => [s.id, { start: s.data.start, variables: s.data.variables, nodes: s.data.nodes }])),
	};
}
