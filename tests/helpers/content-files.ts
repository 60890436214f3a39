// Reads content/ straight from disk, for tests that check the content itself (no Astro involved).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const root = path.resolve(import.meta.dirname, '../..');
export const contentDir = path.join(root, 'content');
export const seedsDir = path.resolve(root, '../shared/seeds');

export interface ContentFile {
	/** Path relative to the project root. */
	file: string;
	text: string;
}

function walk(dir: string, ext: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		return e.isDirectory() ? walk(full, ext) : e.name.endsWith(ext) ? [full] : [];
	});
}

export function contentFiles(sub: string, ext: string): ContentFile[] {
	return walk(path.join(contentDir, sub), ext)
		.sort()
		.map((full) => ({ file: path.relative(root, full), text: readFileSync(full, 'utf8') }));
}

export interface LessonFile extends ContentFile {
	locale: string;
	module: string;
	slug: string;
	frontmatter: Record<string, unknown>;
	body: string;
}

export function lessonFiles(): LessonFile[] {
	return contentFiles('lessons', '.mdx').map((f) => {
		const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(f.text);
		if (!match) throw new Error(`${f.file}: no frontmatter between --- lines`);
		const [locale, module, slug] = f.file.replace(/^content\/lessons\//, '').replace(/\.mdx$/, '').split('/') as [string, string, string];
		return { ...f, locale, module, slug, frontmatter: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
	});
}

export function yamlFiles(sub: string): (ContentFile & { id: string; data: unknown })[] {
	return contentFiles(sub, '.yaml').map((f) => ({ ...f, id: path.basename(f.file, '.yaml'), data: parse(f.text) as unknown }));
}

/** The lesson's own prose: without knowledge checks, code, link targets and Markdown marks. */
export function prose(body: string): string {
	return body
		.replace(/<KnowledgeCheck[\s\S]*?\/>/g, ' ')
		.replace(/<Diagram[^>]*\/>/g, ' ')
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[#*_>`[\]|-]/g, ' ');
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Lower-case words without punctuation, for comparing texts. */
export function words(text: string): string[] {
	return text
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.split(' ')
		.filter(Boolean);
}
