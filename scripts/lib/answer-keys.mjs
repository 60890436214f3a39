// Gathers the answer keys (content/assessment-keys/*.yaml) into one JSON file for the server.
// The file goes into the server's private data directory, never into dist/.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './pocketbase.mjs';

export function writeAnswerKeys(outFile, dir = path.join(projectRoot, 'content/assessment-keys')) {
	const keys = {};
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) keys[name.replace(/\.yaml$/, '')] = parse(readFileSync(path.join(dir, name), 'utf8'));
	writeFileSync(outFile, JSON.stringify(keys), { mode: 0o600 });
	return outFile;
}
