// The item-writing rules on small fixtures: each test breaks one rule and expects exactly that problem.
import { describe, expect, it } from 'vitest';
import { itemWritingProblems, keyIsStrictlyLongest, knowledgeChecks, type ItemWritingSet, type LessonSource } from '../../src/lib/content/item-writing';
import type { AssessmentData } from '../../src/schemas/assessment';

const option = (id: string, text: string) => ({ id, text });
/** A bank item whose key is option a; `long` makes a strictly the longest. */
const item = (id: string, long: boolean, objective = 'les/1'): AssessmentData['items'][number] => ({
	id,
	objective,
	question: `Wat doe je bij ${id}?`,
	multiple: false,
	options: [option('a', long ? 'Het juiste en lange antwoord' : 'Juist'), option('b', 'Fout antwoord'), option('c', 'Ook fout')],
});
const bank = (items: AssessmentData['items'], draw = 2): AssessmentData => ({ title: { nl: 'Toets', en: 'Test' }, passPercentage: 70, draw, attempts: { max: 3, waitHours: 24 }, items });
const keyFor = (items: AssessmentData['items']) => Object.fromEntries(items.map((i) => [i.id, { correct: ['a'], explanation: 'Omdat het zo is.' }]));

function set(items: AssessmentData['items'], draw = 2): ItemWritingSet {
	return {
		courses: [{ id: 'cursus', file: 'content/courses/cursus.yaml', data: { modules: ['mod'] } as never }],
		modules: [{ id: 'mod', file: 'content/modules/mod.yaml', data: { lessons: ['les'] } as never }],
		assessments: [{ id: 'mod', file: 'content/assessments/mod.yaml', data: bank(items, draw) }],
		keys: { mod: keyFor(items) },
	};
}
const kc = (correctText: string, other = 'Een ander antwoord') =>
	`<KnowledgeCheck\n  question="Wat doe je nu?"\n  options={[\n    { text: "${correctText}", correct: true, feedback: "Juist, want {zo}." },\n    { text: "${other}", correct: false, feedback: "Niet juist." },\n  ]}\n/>`;
const lesson = (body = '', locale = 'nl', objectives = ['Een doel van de les', 'Een tweede doel']): LessonSource => ({ file: `content/lessons/${locale}/mod/les.mdx`, locale, module: 'mod', slug: 'les', frontmatter: { objectives }, body });

const fair = ['p', 'q', 'r', 's', 't', 'u'].map((id, i) => item(id, i < 2)); // 2 of 6 longest = 33 %

describe('itemWritingProblems', () => {
	it('accepts a fair bank', () => {
		expect(itemWritingProblems(set(fair), [lesson()])).toEqual([]);
	});

	it('refuses a course where the key is the strictly longest option in more than 35 % of the single-answer items, naming each', () => {
		const items = ['p', 'q', 'r', 's', 't', 'u'].map((id, i) => item(id, i < 3)); // 50 %
		const problems = itemWritingProblems(set(items), [lesson()]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/courses/cursus.yaml', field: 'single-answer items (nl)' });
		expect(problems[0]!.message).toContain('3 of 6');
		expect(problems[0]!.message).toContain('content/assessments/mod.yaml → items[0] (p)');
		expect(problems[0]!.message).toContain('content/assessments/mod.yaml → items[2] (r)');
		expect(problems[0]!.message).not.toContain('items[3]');
	});

	it('counts the knowledge checks of the course’s lessons, per language', () => {
		const withChecks = [lesson(`Tekst.\n\n${kc('Het juiste, veel langere antwoord')}\n\n${kc('Kort')}`)];
		expect(itemWritingProblems(set(fair), withChecks)).toHaveLength(1); // 3 of 8 = 37.5 %
		const english = lesson(`${kc('The right and much longer answer')}\n${kc('Short')}\n${kc('Also the longest answer here')}`, 'en');
		const problems = itemWritingProblems(set(fair), [lesson(), english]);
		expect(problems).toEqual([expect.objectContaining({ field: 'single-answer items (en)', message: expect.stringContaining('content/lessons/en/mod/les.mdx → KnowledgeCheck 1') })]);
		expect(problems[0]!.message).toContain('KnowledgeCheck 3');
		expect(problems[0]!.message).not.toContain('KnowledgeCheck 2');
	});

	it('refuses a bank smaller than twice the draw', () => {
		expect(itemWritingProblems(set(fair, 4), [lesson()])).toEqual([
			{ file: 'content/assessments/mod.yaml', field: 'items', message: 'the bank has 6 items; with draw 4 it needs at least 8 (twice the draw)' },
		]);
	});

	it('refuses an item whose objective does not exist', () => {
		const items = [...fair.slice(0, 4), item('v', false, 'les/3'), item('w', false, 'andere-les/1')];
		const problems = itemWritingProblems(set(items), [lesson()]);
		expect(problems).toEqual([
			{ file: 'content/assessments/mod.yaml', field: 'items[4] (v).objective', message: '"les/3": lesson les has 2 objectives' },
			{ file: 'content/assessments/mod.yaml', field: 'items[5] (w).objective', message: '"andere-les/1": no lesson "andere-les" in module mod' },
		]);
	});
});

describe('bank questions in lessons', () => {
	it('refuses a bank item whose question a lesson shows as a knowledge check', () => {
		const shown = lesson(`<KnowledgeCheck question="Wat doe je bij p?" options={[{ text: "Ja", correct: true, feedback: "Goed zo." }, { text: "Nee", correct: false, feedback: "Niet goed." }]} />`);
		expect(itemWritingProblems(set(fair), [shown])).toEqual([
			{ file: 'content/assessments/mod.yaml', field: 'items[0] (p)', message: 'the same question is a knowledge check in content/lessons/nl/mod/les.mdx (KnowledgeCheck 1); a test item must not appear in a lesson' },
		]);
	});
});

describe('knowledgeChecks', () => {
	it('reads string and expression props, with braces and quotes inside strings', () => {
		const [check] = knowledgeChecks(`x\n${kc('Ja {echt}', "Nee, 'zo'")}\ny`);
		expect(check!.props).toEqual({ question: 'Wat doe je nu?', multiple: false, options: [{ text: 'Ja {echt}', correct: true, feedback: 'Juist, want {zo}.' }, { text: "Nee, 'zo'", correct: false, feedback: 'Niet juist.' }] });
		expect(knowledgeChecks('<KnowledgeCheck multiple question="Twee?" options={[{ text: "a", correct: true, feedback: "goed" }, { text: "b", correct: true, feedback: "goed" }]} />')[0]!.props!.multiple).toBe(true);
		expect(knowledgeChecks('<KnowledgeCheck question="Geen opties" />')[0]!.error).toBeDefined();
	});
	it('knows when the key is strictly the longest', () => {
		expect(keyIsStrictlyLongest([{ text: 'langste', correct: true }, { text: 'kort', correct: false }])).toBe(true);
		expect(keyIsStrictlyLongest([{ text: 'gelijk', correct: true }, { text: 'gelijk', correct: false }])).toBe(false);
	});
});
