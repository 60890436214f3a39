// The diagrams' words (src/components/diagrams/labels.ts): both languages complete, nothing left untranslated,
// and every <Diagram id> a lesson uses exists.
import { describe, expect, it } from 'vitest';
import { diagramIds, diagramTexts, isDiagramId, sameInBothLanguages } from '../../src/components/diagrams/labels';
import { lessonFiles } from '../helpers/content-files';

/** Every string of a value with its path, e.g. ["labels.signs.2", "…"]. */
function leaves(value: unknown, at = ''): [string, string][] {
	if (typeof value === 'string') return [[at, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}.${i}`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
	return [];
}

describe('diagram texts', () => {
	it('has at least eight diagrams', () => expect(diagramIds.length).toBeGreaterThanOrEqual(8));

	for (const id of diagramIds) {
		it(`${id}: Dutch and English have the same fields, none empty, none left in Dutch`, () => {
			const nl = leaves(diagramTexts[id].nl);
			const en = leaves(diagramTexts[id].en);
			expect(en.map(([p]) => p)).toEqual(nl.map(([p]) => p));
			for (const [p, text] of [...nl, ...en]) expect(text.trim(), `${id} ${p}`).not.toBe('');
			const untranslated = nl.filter(([, text], i) => en[i]![1] === text && !sameInBothLanguages.has(text)).map(([p]) => p);
			expect(untranslated, `${id}: the same text in both languages`).toEqual([]);
			expect(diagramTexts[id].nl.description.length).toBeGreaterThan(0);
		});
	}

	it('knows every diagram a lesson uses', () => {
		const used = lessonFiles().flatMap((l) => [...l.body.matchAll(/<Diagram\s+id="([^"]*)"\s*\/>/g)].map((m) => ({ file: l.file, id: m[1]! })));
		expect(used.length).toBeGreaterThanOrEqual(diagramIds.length);
		expect(used.filter((u) => !isDiagramId(u.id))).toEqual([]);
		const malformed = lessonFiles().filter((l) => /<Diagram\b/.test(l.body.replace(/<Diagram\s+id="[^"]*"\s*\/>/g, '')));
		expect(malformed.map((l) => l.file), 'write <Diagram id="…" /> on one line').toEqual([]);
		for (const id of diagramIds) expect(used.some((u) => u.id === id), `${id} is in no lesson`).toBe(true);
	});
});
