import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content';
import { buildCatalog } from '../../src/lib/content/catalog';
import { stepNeighbours } from '../../src/lib/course-order';
import { formatProblems, type ContentSet } from '../../src/lib/content/content-set';
import type { LessonData } from '../../src/schemas/lesson';

const lesson = (competences = ['eapc-1']): LessonData => ({
	title: 'Een les',
	description: 'Een beschrijving van de les.',
	durationMinutes: 10,
	objectives: ['Je kunt iets.'],
	competences,
	sources: [{ citation: 'Auteur A. Titel. Uitgever; 2020.' }],
	keywords: [],
});
const text = (nl: string) => ({ nl, en: nl });

function set(): ContentSet {
	return {
		competences: [1, 2].map((n) => ({ id: `eapc-${n}`, file: `content/competences/eapc-${n}.yaml`, data: { order: n, title: text(`C${n}`), plain: text(`P${n}`), description: text('Beschrijving.') } })),
		courses: [{ id: 'cursus', file: 'content/courses/cursus.yaml', data: { title: text('Cursus'), description: text('Een cursus.'), audiences: ['citizen'], studyHours: 1, modules: ['module-a', 'module-b'] } }],
		modules: [
			{ id: 'module-a', file: 'content/modules/module-a.yaml', data: { title: text('A'), description: text('A.'), competences: ['eapc-1'], lessons: ['les-1', 'les-2'], scenarios: [] } },
			{ id: 'module-b', file: 'content/modules/module-b.yaml', data: { title: text('B'), description: text('B.'), competences: ['eapc-2'], lessons: ['les-3'], scenarios: [] } },
		],
		lessons: [
			{ id: 'nl/module-a/les-1', file: 'content/lessons/nl/module-a/les-1.mdx', data: lesson() },
			{ id: 'nl/module-a/les-2', file: 'content/lessons/nl/module-a/les-2.mdx', data: lesson() },
			{ id: 'nl/module-b/les-3', file: 'content/lessons/nl/module-b/les-3.mdx', data: lesson(['eapc-2']) },
			{ id: 'en/module-a/les-1', file: 'content/lessons/en/module-a/les-1.mdx', data: lesson() },
		],
	};
}

describe('checkContent', () => {
	it('accepts consistent content', () => {
		expect(checkContent(set())).toEqual([]);
	});

	it('names file and field of an unknown competence', () => {
		const s = set();
		s.lessons[1]!.data.competences = ['eapc-7'];
		expect(checkContent(s)).toEqual([{ file: 'content/lessons/nl/module-a/les-2.mdx', field: 'competences[0]', message: 'unknown competence "eapc-7" (known: eapc-1, eapc-2)' }]);
	});

	it('names an unknown module in a course and an unknown lesson in a module', () => {
		const s = set();
		s.courses[0]!.data.modules.push('module-x');
		s.modules[1]!.data.lessons.push('bestaat-niet');
		const problems = checkContent(s);
		expect(problems).toContainEqual({ file: 'content/courses/cursus.yaml', field: 'modules[2]', message: 'unknown module "module-x" (no content/modules/module-x.yaml)' });
		expect(problems).toContainEqual({ file: 'content/modules/module-b.yaml', field: 'lessons[1]', message: 'unknown lesson "bestaat-niet" (no content/lessons/nl/module-b/bestaat-niet.mdx)' });
	});

	it('reports a duplicate order', () => {
		const s = set();
		s.modules[0]!.data.lessons = ['les-1', 'les-2', 'les-1'];
		expect(checkContent(s)).toContainEqual({ file: 'content/modules/module-a.yaml', field: 'lessons[2]', message: 'duplicate order: lesson "les-1" is listed twice' });
		const c = set();
		c.competences[1]!.data.order = 1;
		expect(checkContent(c).map((p) => p.field)).toContain('order');
	});

	it('reports lessons that no module lists and translations without an original', () => {
		const s = set();
		s.lessons.push({ id: 'nl/module-b/wees', file: 'content/lessons/nl/module-b/wees.mdx', data: lesson() });
		s.lessons.push({ id: 'en/module-b/vertaald', file: 'content/lessons/en/module-b/vertaald.mdx', data: lesson() });
		const messages = checkContent(s).map((p) => `${p.file}: ${p.message}`);
		expect(messages).toContain('content/lessons/nl/module-b/wees.mdx: lesson "wees" is not listed in content/modules/module-b.yaml');
		expect(messages).toContain('content/lessons/en/module-b/vertaald.mdx: translation without a Dutch original (content/lessons/nl/module-b/vertaald.mdx)');
	});

	it('reports an assessment for a module that does not exist', () => {
		const s = set();
		s.assessments = [{ id: 'module-z', file: 'content/assessments/module-z.yaml', data: { title: text('T'), passPercentage: 70, draw: 4, attempts: { max: 3, waitHours: 24 }, items: [] } }];
		expect(checkContent(s)).toEqual([{ file: 'content/assessments/module-z.yaml', field: 'path', message: 'no module "module-z" (the file name must be a module id)' }]);
	});

	it('formats problems so an author can find them', () => {
		expect(formatProblems([{ file: 'a.yaml', field: 'title', message: 'is empty' }])).toBe('The content has 1 problem:\n  a.yaml → title: is empty');
	});
});

describe('buildCatalog', () => {
	it('reads a course from start to end across modules', () => {
		const catalog = buildCatalog(set());
		expect(stepNeighbours(catalog, 'module-a/les-2', 'module-a')).toMatchObject({ previous: { key: 'module-a/les-1' }, next: { key: 'module-b/les-3' } });
		expect(stepNeighbours(catalog, 'module-a/les-1', 'module-a').previous).toBeUndefined();
		expect(catalog.lessons.get('module-a/les-1')!.data.en).toBeDefined();
		expect(catalog.lessons.get('module-a/les-2')!.data.en).toBeUndefined();
	});
	it('orders everything the same whatever order the entries come in', () => {
		const shuffled = set();
		for (const list of [shuffled.lessons, shuffled.modules, shuffled.competences, shuffled.courses, shuffled.assessments ?? []]) list.reverse();
		const keys = (c: ReturnType<typeof buildCatalog>) => [[...c.lessons.keys()], [...c.modules.keys()], c.competences.map((x) => x.id), [...c.assessments.keys()]];
		expect(keys(buildCatalog(shuffled))).toEqual(keys(buildCatalog(set())));
		expect([...buildCatalog(shuffled).lessons.keys()]).toEqual(['module-a/les-1', 'module-a/les-2', 'module-b/les-3']);
	});
});
