// Reads content/self-check.yaml at build time (one file, so no collection), validated by its schema.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { selfCheckSchema, type SelfCheckData } from '../schemas/self-check';

export function loadSelfCheck(): SelfCheckData {
	const file = 'content/self-check.yaml';
	const result = selfCheckSchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	return result.data;
}
