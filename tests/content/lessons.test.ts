// The content itself: every lesson complete and in order, every competence covered, nothing copied.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/schemas/lesson';
import { countWords, lessonFiles, prose, seedsDir, words, yamlFiles, contentFiles } from '../helpers/content-files';

const lessons = lessonFiles();
const MIN_WORDS = 350;
const RUN = 12;

describe('lessons', () => {
	it('exist', () => expect(lessons.length).toBeGreaterThan(0));

	for (const lesson of lessons) {
		describe(lesson.file, () => {
			it('has valid frontmatter with objectives and sources', () => {
				const result = lessonSchema.safeParse(lesson.frontmatter);
				expect(result.error?.issues ?? []).toEqual([]);
				expect(result.data!.objectives.length).toBeGreaterThan(0);
				expect(result.data!.sources.length).toBeGreaterThan(0);
			});
			it(`has at least ${MIN_WORDS} words of its own text`, () => {
				expect(countWords(prose(lesson.body))).toBeGreaterThanOrEqual(MIN_WORDS);
			});
			it('uses ## headings (the page has the only h1) and has a knowledge check', () => {
				expect(lesson.body).not.toMatch(/^# /m);
				expect(lesson.body).toMatch(/^## /m);
				expect(lesson.body).toContain('<KnowledgeCheck');
			});
			it('gives no medication doses', () => {
				expect(prose(lesson.body)).not.toMatch(/\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ml|milligram|microgram)\b/i);
			});
		});
	}
});

describe('competence coverage', () => {
	it('every one of the ten competences is covered by at least two lessons', () => {
		const count = new Map<string, number>();
		for (const l of lessons.filter((l) => l.locale === 'nl')) {
			for (const c of (l.frontmatter.competences as string[]) ?? []) count.set(c, (count.get(c) ?? 0) + 1);
		}
		const competences = yamlFiles('competences').map((c) => c.id);
		expect(competences).toHaveLength(10);
		const thin = competences.filter((c) => (count.get(c) ?? 0) < 2).map((c) => `${c}: ${count.get(c) ?? 0} lessons`);
		expect(thin).toEqual([]);
	});
});

describe(`no run of ${RUN} words is copied from the seeds`, () => {
	it('finds the seed documents beside the project', () => {
		expect(existsSync(seedsDir), `${seedsDir} is missing`).toBe(true);
	});
	const seedRuns = new Map<string, string>();
	if (existsSync(seedsDir)) {
		for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
			const w = words(readFileSync(path.join(seedsDir, name), 'utf8'));
			for (let i = 0; i + RUN <= w.length; i++) seedRuns.set(w.slice(i, i + RUN).join(' '), name);
		}
	}
	const files = [...contentFiles('lessons', '.mdx'), ...contentFiles('', '.yaml')];
	for (const f of files) {
		it(f.file, () => {
			const w = words(f.text);
			const copied: string[] = [];
			for (let i = 0; i + RUN <= w.length; i++) {
				const run = w.slice(i, i + RUN).join(' ');
				const seed = seedRuns.get(run);
				if (seed) copied.push(`"${run}" (${seed})`);
			}
			expect(copied).toEqual([]);
		});
	}
});
