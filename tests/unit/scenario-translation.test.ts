// A case's translation: only texts, covering exactly the original's nodes and options (issue 20).
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioData } from '../../src/schemas/scenario';
import { scenarioTranslationSchema, type ScenarioTranslationData } from '../../src/schemas/scenario-translation';
import { translateScenario, translationProblems } from '../../src/lib/scenario/translation';
import { fingerprint } from '../../src/lib/scenario/run-store';
import { checkContent } from '../../src/lib/content/check-content';
import { scenarioIn } from '../../src/lib/content/localize';

const original: ScenarioData = scenarioSchema.parse({
	title: { nl: 'Een casus', en: 'A case' },
	description: { nl: 'Een korte casus.', en: 'A short case.' },
	audiences: ['citizen'],
	competences: ['eapc-1'],
	durationMinutes: 5,
	variables: { vertrouwen: 0 },
	start: 'begin',
	sources: [{ citation: 'Auteur A. Titel. Uitgever; 2020.' }],
	nodes: {
		begin: { type: 'scene', title: 'Begin', text: 'Je buurman belt aan.', next: 'keuze' },
		keuze: {
			type: 'decision',
			question: 'Wat doe je?',
			options: [
				{ id: 'b', text: 'Je doet niet open.', feedback: 'Niet aan te raden: hij wacht.', quality: 'poor', next: 'einde' },
				{ id: 'a', text: 'Je doet open.', feedback: 'Goed: je luistert naar hem.', quality: 'good', effects: { vertrouwen: 1 }, next: 'einde' },
			],
		},
		einde: { type: 'ending', outcome: 'good', title: 'Einde', text: 'Het is goed afgelopen.', learningPoints: ['Luister eerst.', 'Vraag wat hij wil.'] },
	},
});

const translation = (): ScenarioTranslationData =>
	scenarioTranslationSchema.parse({
		nodes: {
			begin: { title: 'Start', text: 'Your neighbour rings the bell.' },
			keuze: {
				question: 'What do you do?',
				options: { b: { text: 'You do not open.', feedback: 'Not recommended: he waits.' }, a: { text: 'You open the door.', feedback: 'Good: you listen to him.' } },
			},
			einde: { title: 'The end', text: 'It ended well.', learningPoints: ['Listen first.', 'Ask what he wants.'] },
		},
	});

describe('scenario translation schema', () => {
	it('accepts texts per node and per option id', () => expect(() => translation()).not.toThrow());

	it('refuses graph fields: a translation holds words only', () => {
		const result = scenarioTranslationSchema.safeParse({ nodes: { begin: { text: 'Hello.', next: 'keuze' } } });
		expect(result.success).toBe(false);
	});

	it('refuses an option without feedback, naming the node and option', () => {
		const result = scenarioTranslationSchema.safeParse({ nodes: { keuze: { question: 'What do you do?', options: { a: { text: 'You open the door.' } } } } });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toContain('nodes.keuze.options.a.feedback');
	});
});

describe('translationProblems', () => {
	it('accepts a translation that covers every node and option', () => expect(translationProblems(original, translation())).toEqual([]));

	it('names a missing node', () => {
		const t = translation();
		delete t.nodes.einde;
		expect(translationProblems(original, t)).toEqual([{ field: 'nodes.einde', message: 'missing: the original has a node "einde"; translate it' }]);
	});

	it('names an extra option', () => {
		const t = translation();
		const keuze = t.nodes.keuze as { options: Record<string, { text: string; feedback: string }> };
		keuze.options.c = { text: 'You call the police.', feedback: 'Not in the original at all.' };
		expect(translationProblems(original, t)).toEqual([{ field: 'nodes.keuze.options.c', message: 'extra: the original has no option "c" here (options: b, a)' }]);
	});

	it('names a missing option, an extra node, a node of another kind, a missing title and a learning point too many', () => {
		const t = translation();
		const keuze = t.nodes.keuze as { options: Record<string, unknown> };
		delete keuze.options.b;
		t.nodes.nawoord = { text: 'Not in the original.' };
		t.nodes.begin = { text: 'The title is gone.' };
		t.nodes.einde = { title: 'The end', text: 'It ended well.', learningPoints: ['Listen first.', 'Ask what he wants.', 'Something new.'] };
		expect(translationProblems(original, t)).toEqual([
			{ field: 'nodes.begin.title', message: 'missing: the original has a title; translate it' },
			{ field: 'nodes.keuze.options.b', message: 'missing: the original has an option "b"; translate its text and feedback' },
			{ field: 'nodes.einde.learningPoints', message: 'has 3 learning points, the original 2: translate each one, add none' },
			{ field: 'nodes.nawoord', message: 'extra: the original has no node "nawoord" (known: begin, keuze, einde)' },
		]);
		const swapped = translation();
		swapped.nodes.begin = { question: 'What now?', options: {} };
		expect(translationProblems(original, swapped)).toEqual([{ field: 'nodes.begin', message: 'is a scene in the original, but its translation has the fields of a decision' }]);
	});
});

describe('translateScenario', () => {
	const english = translateScenario(original, translation(), 'en');

	it('replaces the texts and keeps the graph: ids, option order, qualities, effects, next', () => {
		expect(english.language).toBe('en');
		expect(fingerprint(english)).toBe(fingerprint(original));
		const keuze = english.nodes.keuze as Extract<ScenarioData['nodes'][string], { type: 'decision' }>;
		expect(keuze.question).toBe('What do you do?');
		expect(keuze.options.map((o) => [o.id, o.text, o.quality, o.next, o.effects])).toEqual([
			['b', 'You do not open.', 'poor', 'einde', undefined],
			['a', 'You open the door.', 'good', 'einde', { vertrouwen: 1 }],
		]);
		expect(english.nodes.begin).toEqual({ type: 'scene', title: 'Start', text: 'Your neighbour rings the bell.', next: 'keuze' });
		expect(english.nodes.einde).toMatchObject({ type: 'ending', outcome: 'good', title: 'The end', learningPoints: ['Listen first.', 'Ask what he wants.'] });
		expect(english.start).toBe(original.start);
		expect(english.variables).toEqual(original.variables);
	});

	it('is what a page in that language shows; without a translation the original stays', () => {
		expect(scenarioIn({ data: original, translations: { en: translation() } }, 'en')).toEqual({ data: english, translated: true });
		expect(scenarioIn({ data: original, translations: {} }, 'en')).toEqual({ data: original, translated: false });
		expect(scenarioIn({ data: original, translations: { en: translation() } }, 'nl')).toEqual({ data: original, translated: true });
	});
});

describe('optional titles and texts, and translations that do not fit', () => {
	// A scene without a title, a decision with a title and a text, and the original's decision without either.
	const withOptional: ScenarioData = scenarioSchema.parse({
		...original,
		start: 'stil',
		nodes: {
			...original.nodes,
			stil: { type: 'scene', text: 'Het is stil.', next: 'vraag' },
			vraag: {
				type: 'decision',
				title: 'Aan de deur',
				text: 'Hij kijkt je aan.',
				question: 'Wat zeg je?',
				options: [
					{ id: 'a', text: 'Kom binnen.', feedback: 'Goed: je nodigt hem uit.', quality: 'good', next: 'begin' },
					{ id: 'b', text: 'Nu niet.', feedback: 'Niet aan te raden: hij gaat weg.', quality: 'poor', next: 'einde' },
				],
			},
		},
	});
	const full = (): ScenarioTranslationData => {
		const t = translation();
		t.nodes.stil = { text: 'It is quiet.' };
		t.nodes.vraag = { title: 'At the door', text: 'He looks at you.', question: 'What do you say?', options: { a: { text: 'Come in.', feedback: 'Good: you invite him in.' }, b: { text: 'Not now.', feedback: 'Not recommended: he leaves.' } } };
		return t;
	};

	it('accepts them when the translation has exactly the titles and texts of the original', () => expect(translationProblems(withOptional, full())).toEqual([]));

	it('names each title or text missing or added, once', () => {
		const t = full();
		t.nodes.stil = { title: 'Silence', text: 'It is quiet.' };
		t.nodes.vraag = { question: 'What do you say?', options: (t.nodes.vraag as { options: Record<string, { text: string; feedback: string }> }).options };
		const keuze = t.nodes.keuze as { title?: string; text?: string };
		keuze.title = 'A choice';
		keuze.text = 'Think first.';
		expect(translationProblems(withOptional, t)).toEqual([
			{ field: 'nodes.keuze.title', message: 'extra: the original has no title' },
			{ field: 'nodes.keuze.text', message: 'extra: the original has no text' },
			{ field: 'nodes.stil.title', message: 'extra: the original has no title' },
			{ field: 'nodes.vraag.title', message: 'missing: the original has a title; translate it' },
			{ field: 'nodes.vraag.text', message: 'missing: the original has a text; translate it' },
		]);
	});

	it('translates the optional titles and texts, and adds none the original lacks', () => {
		const english = translateScenario(withOptional, full(), 'en');
		expect(english.nodes.vraag).toMatchObject({ title: 'At the door', text: 'He looks at you.', question: 'What do you say?' });
		expect(Object.keys(english.nodes.stil!).sort()).toEqual(['next', 'text', 'type']);
		expect(Object.keys(english.nodes.keuze!).sort()).toEqual(['options', 'question', 'type']);
	});

	it('refuses to build a case from a translation whose node is of another kind', () => {
		const kinds = {
			scene: { text: 'It is quiet.' },
			decision: { question: 'What now?', options: {} },
			ending: { title: 'The end', text: 'It ended.', learningPoints: ['One point.', 'Another point.'] },
		};
		const nodeOf = { scene: 'stil', decision: 'keuze', ending: 'einde' } as const;
		for (const [kind, id] of Object.entries(nodeOf)) {
			for (const [other, texts] of Object.entries(kinds)) {
				if (other === kind) continue;
				const t = full();
				t.nodes[id] = texts as ScenarioTranslationData['nodes'][string];
				expect(() => translateScenario(withOptional, t, 'en'), `${kind} translated as ${other}`).toThrow(`the translation of node "${id}" does not fit the original (run the content check)`);
			}
		}
	});
});

describe('checkContent on scenario translations', () => {
	const base = { competences: [{ id: 'eapc-1', file: 'content/competences/eapc-1.yaml', data: { order: 1, title: { nl: 'C', en: 'C' }, plain: { nl: 'P', en: 'P' }, description: { nl: 'B.', en: 'B.' } } }], courses: [], modules: [], lessons: [] };
	const scenarios = [{ id: 'casus', file: 'content/scenarios/casus.yaml', data: original }];

	it('fails the build with file and node for an incomplete translation', () => {
		const t = translation();
		delete t.nodes.keuze;
		expect(checkContent({ ...base, scenarios, scenarioTranslations: [{ id: 'en/casus', file: 'content/scenario-translations/en/casus.yaml', data: t }] })).toEqual([
			{ file: 'content/scenario-translations/en/casus.yaml', field: 'nodes.keuze', message: 'missing: the original has a node "keuze"; translate it' },
		]);
	});

	it('refuses a translation without an original, into the original language, or in an unknown language', () => {
		const files = [
			{ id: 'en/onbekend', file: 'content/scenario-translations/en/onbekend.yaml', data: translation() },
			{ id: 'nl/casus', file: 'content/scenario-translations/nl/casus.yaml', data: translation() },
			{ id: 'fr/casus', file: 'content/scenario-translations/fr/casus.yaml', data: translation() },
		];
		expect(checkContent({ ...base, scenarios, scenarioTranslations: files }).map((p) => `${p.file}: ${p.message}`)).toEqual([
			'content/scenario-translations/en/onbekend.yaml: translation without an original (no content/scenarios/onbekend.yaml)',
			'content/scenario-translations/nl/casus.yaml: the case is written in "nl" already',
			'content/scenario-translations/fr/casus.yaml: scenario translations live at content/scenario-translations/<nl|en>/<scenario id>.yaml',
		]);
	});
});
