import type { ScenarioData, ScenarioNode } from '../../schemas/scenario';
import type { NodeTranslation, ScenarioTranslationData } from '../../schemas/scenario-translation';

export interface TranslationProblem {
	/** Where in the translation file: "nodes.<node>", "nodes.<node>.options.<id>", …; "nodes" for the file as a whole. */
	field: string;
	message: string;
}

const kindOf = (t: NodeTranslation): ScenarioNode['type'] => ('question' in t ? 'decision' : 'learningPoints' in t ? 'ending' : 'scene');
const article = { scene: 'a scene', decision: 'a decision', ending: 'an ending' } as const;

/**
 * What a schema cannot see: a translation must cover exactly the original's nodes and, per decision,
 * exactly its options, with the same kind of node, the same optional titles and texts, and as many
 * learning points. An empty list means every text of the case is translated and nothing else is.
 */
export function translationProblems(original: ScenarioData, translation: ScenarioTranslationData): TranslationProblem[] {
	const problems: TranslationProblem[] = [];
	const report = (field: string, message: string) => problems.push({ field, message });
	for (const id of Object.keys(original.nodes)) {
		if (!translation.nodes[id]) report(`nodes.${id}`, `missing: the original has a node "${id}"; translate it`);
	}
	for (const [id, t] of Object.entries(translation.nodes)) {
		const node = original.nodes[id];
		const field = `nodes.${id}`;
		if (!node) {
			report(field, `extra: the original has no node "${id}" (known: ${Object.keys(original.nodes).join(', ')})`);
			continue;
		}
		if (kindOf(t) !== node.type) {
			report(field, `is ${article[node.type]} in the original, but its translation has the fields of ${article[kindOf(t)]}`);
			continue;
		}
		const both = (name: 'title' | 'text', inOriginal: boolean, inTranslation: boolean) => {
			if (inOriginal && !inTranslation) report(`${field}.${name}`, `missing: the original has a ${name}; translate it`);
			if (!inOriginal && inTranslation) report(`${field}.${name}`, `extra: the original has no ${name}`);
		};
		if (node.type === 'scene') both('title', node.title !== undefined, t.title !== undefined);
		if (node.type === 'decision' && 'question' in t) {
			both('title', node.title !== undefined, t.title !== undefined);
			both('text', node.text !== undefined, t.text !== undefined);
			const ids = node.options.map((o) => o.id);
			for (const o of ids) if (!t.options[o]) report(`${field}.options.${o}`, `missing: the original has an option "${o}"; translate its text and feedback`);
			for (const o of Object.keys(t.options)) {
				if (!ids.includes(o)) report(`${field}.options.${o}`, `extra: the original has no option "${o}" here (options: ${ids.join(', ')})`);
			}
		}
		if (node.type === 'ending' && 'learningPoints' in t && t.learningPoints.length !== node.learningPoints.length) {
			report(`${field}.learningPoints`, `has ${t.learningPoints.length} learning points, the original ${node.learningPoints.length}: translate each one, add none`);
		}
	}
	return problems;
}

/**
 * The case with its texts in the translation's language: the same graph (ids, option order, effects,
 * `next`), so a run started in one language replays and resumes in the other. Assumes a translation
 * without problems (the build refuses any other).
 */
export function translateScenario(original: ScenarioData, translation: ScenarioTranslationData, language: ScenarioData['language']): ScenarioData {
	const nodes = Object.fromEntries(
		Object.entries(original.nodes).map(([id, node]): [string, ScenarioNode] => {
			const t = translation.nodes[id]!;
			if (node.type === 'decision' && 'question' in t) {
				return [
					id,
					{
						...node,
						...(t.title !== undefined && { title: t.title }),
						...(t.text !== undefined && { text: t.text }),
						question: t.question,
						options: node.options.map((o) => ({ ...o, text: t.options[o.id]!.text, feedback: t.options[o.id]!.feedback })),
					},
				];
			}
			if (node.type === 'ending' && 'learningPoints' in t) return [id, { ...node, title: t.title, text: t.text, learningPoints: t.learningPoints }];
			if (node.type === 'scene' && !('question' in t) && !('learningPoints' in t)) return [id, { ...node, ...(t.title !== undefined && { title: t.title }), text: t.text }];
			throw new Error(`the translation of node "${id}" does not fit the original (run the content check)`);
		}),
	);
	return { ...original, language, nodes };
}
