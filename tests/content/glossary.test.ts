import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { glossarySchema } from '../../src/schemas/glossary';
import { lessonFiles, root } from '../helpers/content-files';

const raw = parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as unknown;

describe('glossary', () => {
	const parsed = glossarySchema.safeParse(raw);
	it('is valid: every term has a Dutch and an English name and definition, and a source', () => expect(parsed.error?.issues ?? []).toEqual([]));
	it('has at least 60 terms', () => expect(parsed.data!.length).toBeGreaterThanOrEqual(60));
	it('includes the terms the courses lean on', () => {
		const ids = parsed.data!.map((t) => t.term.nl.toLowerCase());
		for (const term of ['palliatief statuut', 'vroegtijdige zorgplanning', 'mantelzorger', 'patz', 'ipos', 'zorgvolmacht']) expect(ids.some((t) => t.includes(term)), term).toBe(true);
	});
	it('every <Term id> in a lesson exists', () => {
		const ids = new Set(parsed.data!.map((t) => t.id));
		const used = lessonFiles().flatMap((l) => [...l.body.matchAll(/<Term id="([^"]+)"/g)].map((m) => `${l.file}: ${m[1]}`));
		expect(used.filter((u) => !ids.has(u.split(': ')[1]!))).toEqual([]);
	});
});
