// Loads every content collection once per build, checks the cross-file references and
// fails the build with messages that name file and field when something is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { parse } from 'yaml';
import { checkContent } from '../lib/content/check-content';
import { buildCatalog, type Catalog } from '../lib/content/catalog';
import { formatProblems, parseLessonId, type ContentProblem, type ContentSet, type Entry } from '../lib/content/content-set';
import { itemWritingProblems, type LessonSource } from '../lib/content/item-writing';
import { answerKeySchema, type AnswerKey } from '../schemas/assessment';

let cached: Promise<Catalog> | undefined;

function toEntry<T>(entry: { id: string; collection: string; filePath?: string; data: T }): Entry<T> {
	return { id: entry.id, file: entry.filePath ?? `content/${entry.collection}/${entry.id}`, data: entry.data };
}

async function load(): Promise<Catalog> {
	const [competences, courses, modules, lessons, assessments, scenarios, scenarioTranslations] = await Promise.all([
		getCollection('competences'),
		getCollection('courses'),
		getCollection('modules'),
		getCollection('lessons'),
		getCollection('assessments'),
		getCollection('scenarios'),
		getCollection('scenarioTranslations'),
	]);
	const set: ContentSet = {
		competences: competences.map(toEntry),
		courses: courses.map(toEntry),
		modules: modules.map(toEntry),
		lessons: lessons.map(toEntry),
		assessments: assessments.map(toEntry),
		scenarios: scenarios.map(toEntry),
		scenarioTranslations: scenarioTranslations.map(toEntry),
	};
	const problems = checkContent(set);
	if (problems.length === 0) problems.push(...itemWriting(set, lessons));
	if (problems.length > 0) throw new Error(formatProblems(problems));
	return buildCatalog(set);
}

/**
 * The item-writing rules (issue 17) over the test banks, their keys and the lessons' knowledge checks.
 * The keys are read here only to check them; they never reach the site (only the server gets them).
 */
function itemWriting(set: ContentSet, lessons: { id: string; filePath?: string; body?: string; data: { objectives: string[] } }[]): ContentProblem[] {
	const keysDir = path.resolve('content/assessment-keys');
	const keys: Record<string, AnswerKey> = {};
	for (const name of readdirSync(keysDir).filter((n) => n.endsWith('.yaml'))) {
		keys[name.replace(/\.yaml$/, '')] = answerKeySchema.parse(parse(readFileSync(path.join(keysDir, name), 'utf8')));
	}
	const sources: LessonSource[] = lessons.flatMap((l) => {
		const parts = parseLessonId(l.id);
		return parts ? [{ file: l.filePath ?? `content/lessons/${l.id}.mdx`, ...parts, frontmatter: l.data, body: l.body ?? '' }] : [];
	});
	return itemWritingProblems({ courses: set.courses, modules: set.modules, assessments: set.assessments ?? [], keys }, sources);
}

/** The checked catalogue of all content; throws (and so fails the build) when the content is broken. */
export function loadCatalog(): Promise<Catalog> {
	cached ??= load();
	return cached;
}
