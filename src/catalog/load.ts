// Loads every content collection once per build, checks the cross-file references and
// fails the build with messages that name file and field when something is wrong.
import { getCollection } from 'astro:content';
import { checkContent } from '../lib/content/check-content';
import { buildCatalog, type Catalog } from '../lib/content/catalog';
import { formatProblems, type ContentSet, type Entry } from '../lib/content/content-set';

let cached: Promise<Catalog> | undefined;

function toEntry<T>(entry: { id: string; collection: string; filePath?: string; data: T }): Entry<T> {
	return { id: entry.id, file: entry.filePath ?? `content/${entry.collection}/${entry.id}`, data: entry.data };
}

async function load(): Promise<Catalog> {
	const [competences, courses, modules, lessons, assessments, scenarios] = await Promise.all([
		getCollection('competences'),
		getCollection('courses'),
		getCollection('modules'),
		getCollection('lessons'),
		getCollection('assessments'),
		getCollection('scenarios'),
	]);
	const set: ContentSet = {
		competences: competences.map(toEntry),
		courses: courses.map(toEntry),
		modules: modules.map(toEntry),
		lessons: lessons.map(toEntry),
		assessments: assessments.map(toEntry),
		scenarios: scenarios.map(toEntry),
	};
	const problems = checkContent(set);
	if (problems.length > 0) throw new Error(formatProblems(problems));
	return buildCatalog(set);
}

/** The checked catalogue of all content; throws (and so fails the build) when the content is broken. */
export function loadCatalog(): Promise<Catalog> {
	cached ??= load();
	return cached;
}
