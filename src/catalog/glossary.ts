// Reads content/glossary.yaml at build time, validated by its schema; a broken file fails the build.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { glossarySchema, type Glossary } from '../schemas/glossary';

let cached: Glossary | undefined;
export function loadGlossary(): Glossary {
	if (cached) return cached;
	const file = 'content/glossary.yaml';
	const result = glossarySchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	cached = result.data;
	return cached;
}
