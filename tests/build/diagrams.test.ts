// Every diagram as built: in both languages, with an image name, a caption, a long description, and every word
// of its picture in the page's language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramIds, diagramSummary, diagramTexts, sameInBothLanguages, type DiagramId } from '../../src/components/diagrams/labels';
import { root } from '../helpers/content-files';

const dist = path.join(root, 'dist');

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function decode(html: string): string {
	return html
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

interface Figure {
	file: string;
	locale: 'nl' | 'en';
	id: string;
	html: string;
}

const figures: Figure[] = existsSync(dist)
	? walk(dist)
			.filter((f) => f.endsWith('.html'))
			.flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(/<figure[^>]*data-diagram="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => ({
					file: path.relative(dist, file),
					locale: path.relative(dist, file).startsWith(`en${path.sep}`) ? ('en' as const) : ('nl' as const),
					id: m[1]!,
					html: m[2]!,
				})),
			)
	: [];

describe('diagrams in the built lessons', () => {
	it('are there', () => expect(figures.length, 'run astro build first').toBeGreaterThan(0));

	for (const id of diagramIds) {
		for (const locale of ['nl', 'en'] as const) {
			it(`${id} renders in ${locale} with a name, a caption, a long description and only ${locale} words`, () => {
				const found = figures.filter((f) => f.id === id && f.locale === locale);
				expect(found.length, `${id} on no ${locale} page`).toBeGreaterThan(0);
				const text = diagramTexts[id as DiagramId][locale];
				const other = diagramTexts[id as DiagramId][locale === 'nl' ? 'en' : 'nl'];
				const own = strings(text);
				const foreign = strings(other).filter((s) => !own.includes(s) && !sameInBothLanguages.has(s));
				for (const figure of found) {
					const where = `${figure.file} (${id})`;
					const svg = /<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/.exec(figure.html);
					expect(svg, `${where}: an <svg role="img" aria-labelledby>`).not.toBeNull();
					const title = new RegExp(`<title id="${svg![1]}">([^<]+)</title>`).exec(svg![2]!);
					expect(decode(title?.[1] ?? ''), where).toBe(text.name);
					const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(figure.html)?.[1] ?? '';
					expect(decode(caption), where).toContain(text.caption);
					expect(caption, where).toMatch(/<details[^>]*>\s*<summary[^>]*>/);
					expect(decode(caption), where).toContain(diagramSummary[locale]);
					for (const paragraph of text.description) expect(decode(caption), where).toContain(paragraph);
					// Every word drawn in the picture comes from this language's labels (wrapped lines are parts of a label).
					const drawn = [...svg![2]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!).replace(/[•→]/g, '').trim()).filter(Boolean);
					expect(drawn.length, where).toBeGreaterThan(0);
					const stray = drawn.filter((d) => !/^\d+$/.test(d) && !own.some((s) => s.includes(d)));
					expect(stray, `${where}: text in the picture that is not a ${locale} label`).toEqual([]);
					const plain = decode(figure.html.replace(/<[^>]+>/g, ' '));
					const leftOver = foreign.filter((s) => new RegExp(`(?<![\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(plain));
					expect(leftOver, `${where}: words of the other language`).toEqual([]);
				}
			});
		}
	}
});
