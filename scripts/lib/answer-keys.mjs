// Gathers what only the server may know about the assessments into the server's private data
// directory, never into dist/: the answer keys (content/assessment-keys/*.yaml → answer-keys.json)
// and the item banks with their questions (content/assessments/*.yaml → assessment-banks.json,
// next to the keys; scripts/lib/pocketbase.mjs points the server at both).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './pocketbase.mjs';

function gather(dir) {
	const all = {};
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) all[name.replace(/\.yaml$/, '')] = parse(readFileSync(path.join(dir, name), 'utf8'));
	return all;
}

/** Writes answer-keys.json (outFile) and assessment-banks.json beside it; returns outFile. */
export function writeAnswerKeys(outFile, dir = path.join(projectRoot, 'content/assessment-keys'), banksDir = path.join(projectRoot, 'content/assessments')) {
	writeFileSync(outFile, JSON.stringify(gather(dir)), { mode: 0o600 });
	writeFileSync(path.join(path.dirname(outFile), 'assessment-banks.json'), JSON.stringify(gather(banksDir)), { mode: 0o600 });
	return outFile;
}
