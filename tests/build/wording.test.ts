// Small slips a reader notices (issue 19), checked over every built page: no "1 lessen", "(1 antwoorden)",
// "0 van 0 toetsen", no doubled "Maak de toets: Toets: …" (and the same in English).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files';

const dist = path.join(root, 'dist');
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : []));
const pages = existsSync(dist) ? walk(dist) : [];
/** The text a reader sees: tags, scripts and styles dropped, whitespace collapsed. */
const visible = (html: string) =>
	html
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;|\s+/g, ' ');

const slips: [string, RegExp][] = [
	['a singular count with a plural noun (nl)', /(?<![\d.,])1 (lessen|antwoorden|minuten|pogingen|onderdelen|toetsen|modules|resultaten|casussen)\b/],
	['a singular count with a plural noun (en)', /(?<![\d.,])1 (lessons|answers|minutes|attempts|steps|tests|results|cases)\b/],
	['a count of zero out of zero', /\b0 (van|of) 0\b/],
	['the test named twice', /(Maak de toets|Take the test): (Toets|Test):/],
];

describe('wording on every built page', () => {
	it('has pages to check', () => expect(pages.length).toBeGreaterThan(300));
	for (const [what, pattern] of slips)
		it(`has no slip: ${what}`, () => {
			const found = pages.flatMap((file) => {
				const m = pattern.exec(visible(readFileSync(file, 'utf8')));
				return m ? [`${path.relative(dist, file)}: "${m[0]}"`] : [];
			});
			expect(found).toEqual([]);
		});
	it('the patterns catch the slips they are meant for', () => {
		expect(slips.map(([, p]) => p.test('Module: 1 lessen · 1 lessons · 0 van 0 toetsen · Maak de toets: Toets: Rouw'))).toEqual([true, true, true, true]);
		expect(slips.map(([, p]) => p.test('11 lessen, 21 minutes, 2,1 minuten, 10 van 0 toetsen'))).toEqual([false, false, false, false]);
	});
});
