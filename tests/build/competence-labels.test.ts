// Competences in words the reader uses: citizen pages (course "Er zijn tot het einde", its modules, lessons
// and case) show each competence's plain label (B1) and never the EAPC wording; student and professional
// pages keep the EAPC wording. Expectations come from the content files; the pages come from dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, root, yamlFiles } from '../helpers/content-files';

type Text = { nl: string; en: string };
const competences = new Map(yamlFiles('competences').map((f) => [f.id, f.data as { title: Text; plain: Text }]));
const courses = yamlFiles('courses').map((f) => ({ id: f.id, ...(f.data as { audiences: string[]; modules: string[] }) }));
const modules = new Map(yamlFiles('modules').map((f) => [f.id, f.data as { competences: string[] }]));
const scenarios = yamlFiles('scenarios').map((f) => ({ id: f.id, ...(f.data as { audiences: string[]; competences: string[] }) }));
const citizenModules = new Set(courses.filter((c) => c.audiences.includes('citizen')).flatMap((c) => c.modules));
const professionalModules = new Set(courses.filter((c) => !c.audiences.includes('citizen')).flatMap((c) => c.modules));

/** The visible text of a built page's <main>, HTML entities decoded enough for these labels. */
function mainText(page: string): string {
	const file = path.join(root, 'dist', page, 'index.html');
	expect(existsSync(file), `${page}: run the build first`).toBe(true);
	const html = readFileSync(file, 'utf8');
	const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
	return main
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

function expectPlain(page: string, ids: string[], locale: 'nl' | 'en') {
	const text = mainText(page);
	for (const id of ids) {
		const c = competences.get(id)!;
		expect(text, `${page} shows the plain label of ${id}`).toContain(c.plain[locale]);
		expect(text, `${page} does not show the EAPC wording of ${id}`).not.toContain(c.title[locale]);
	}
	expect(text).not.toContain(locale === 'nl' ? 'Competenties' : 'Competences');
}

describe('competence labels', () => {
	// B1: short, no list inside a label (labels are listed with commas), no word longer than "thuisverpleging" (15)
	it('every competence has a short plain label in both languages (at most 9 words, none over 15 letters, no comma)', () => {
		expect(competences.size).toBe(10);
		for (const [id, c] of competences)
			for (const locale of ['nl', 'en'] as const) {
				const words = c.plain[locale].split(/\s+/);
				expect(words.length, `${id} ${locale}`).toBeLessThanOrEqual(9);
				expect(words.filter((w) => w.replace(/\W/g, '').length > 15), `${id} ${locale}`).toEqual([]);
				expect(c.plain[locale], `${id} ${locale}`).not.toMatch(/[,;:]/);
				expect(c.plain[locale]).not.toBe(c.title[locale]);
			}
	});

	it('citizen lessons in both languages show the plain labels', () => {
		const lessons = lessonFiles().filter((l) => citizenModules.has(l.module));
		expect(lessons.length).toBeGreaterThan(10);
		for (const l of lessons) {
			const page = l.locale === 'nl' ? `modules/${l.module}/${l.slug}` : `en/modules/${l.module}/${l.slug}`;
			expectPlain(page, l.frontmatter.competences as string[], l.locale as 'nl' | 'en');
		}
	});

	it('the citizen course, its modules and its case show the plain labels', () => {
		const course = courses.find((c) => c.id === 'iedereen-kundig')!;
		const used = [...new Set(course.modules.flatMap((m) => lessonFiles().filter((l) => l.locale === 'nl' && l.module === m).flatMap((l) => l.frontmatter.competences as string[])))];
		expectPlain('cursussen/iedereen-kundig', used, 'nl');
		expectPlain('en/courses/iedereen-kundig', used, 'en');
		for (const m of course.modules) {
			expectPlain(`modules/${m}`, modules.get(m)!.competences, 'nl');
			expectPlain(`en/modules/${m}`, modules.get(m)!.competences, 'en');
		}
		const cases = scenarios.filter((s) => s.audiences.includes('citizen'));
		expect(cases.length).toBeGreaterThan(0);
		for (const s of cases) {
			expectPlain(`casussen/${s.id}`, s.competences, 'nl');
			expectPlain(`en/cases/${s.id}`, s.competences, 'en');
		}
	});

	it('student and professional pages keep the EAPC wording', () => {
		const lessons = lessonFiles().filter((l) => l.locale === 'nl' && professionalModules.has(l.module) && !citizenModules.has(l.module));
		expect(lessons.length).toBeGreaterThan(30);
		for (const l of lessons.slice(0, 40)) {
			const text = mainText(`modules/${l.module}/${l.slug}`);
			expect(text).toContain('Competenties:');
			for (const id of l.frontmatter.competences as string[]) {
				expect(text, `${l.file}: EAPC wording of ${id}`).toContain(competences.get(id)!.title.nl);
				expect(text, `${l.file}: no plain label of ${id}`).not.toContain(competences.get(id)!.plain.nl);
			}
		}
		const course = mainText('cursussen/basis-palliatieve-zorg');
		for (const c of competences.values()) expect(course).toContain(c.title.nl);
		expect(mainText('competenties/eapc-6')).toContain(competences.get('eapc-6')!.title.nl);
	});
});
