// The built site (dist/, made by `astro build` before vitest runs): links, catalogue, nothing secret.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, root, yamlFiles } from '../helpers/content-files';

const dist = path.join(root, 'dist');

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the built site', () => {
	it('exists', () => expect(existsSync(path.join(dist, 'index.html')), 'run astro build first').toBe(true));
	const files = existsSync(dist) ? walk(dist) : [];
	const html = files.filter((f) => f.endsWith('.html'));

	it('publishes the catalogue the server checks progress against', () => {
		const catalog = JSON.parse(readFileSync(path.join(dist, 'catalog.json'), 'utf8')) as { steps: string[]; courses: Record<string, { steps: string[] }> };
		const nl = lessonFiles().filter((l) => l.locale === 'nl').map((l) => `${l.module}/${l.slug}`);
		const cases = yamlFiles('scenarios').map((s) => `scenario/${s.id}`);
		expect(catalog.steps).toEqual([...nl, ...cases].sort());
		for (const course of yamlFiles('courses')) expect(catalog.courses[course.id], course.file).toBeDefined();
	});

	it('has no internal link that leads nowhere', () => {
		const broken: string[] = [];
		for (const file of html) {
			for (const [, href] of readFileSync(file, 'utf8').matchAll(/href="(\/[^"#?]*)[^"]*"/g)) {
				const target = path.join(dist, decodeURI(href!));
				const ok = href!.endsWith('/') ? existsSync(path.join(target, 'index.html')) : existsSync(target);
				if (!ok) broken.push(`${path.relative(dist, file)} → ${href}`);
			}
		}
		expect([...new Set(broken)]).toEqual([]);
	});

	it('gives every page a language, a title and one h1', () => {
		for (const file of html) {
			const text = readFileSync(file, 'utf8');
			expect(text, file).toMatch(/<html lang="(nl-BE|en)"/);
			expect(text, file).toMatch(/<title>[^<]+<\/title>/);
			expect(text.match(/<h1[\s>]/g)?.length, file).toBe(1);
		}
	});

	it('ships no React on lesson pages (they work without JavaScript)', () => {
		const lessonPages = html.filter((f) => /modules\/[^/]+\/[^/]+\/index\.html$/.test(f) && !/\/(toets|test)\/index\.html$/.test(f));
		expect(lessonPages.length).toBeGreaterThan(0);
		for (const file of lessonPages) expect(readFileSync(file, 'utf8'), file).not.toContain('<astro-island');
	});

	it('never publishes an answer key', () => {
		const keys = yamlFiles('assessment-keys');
		const secrets = keys.flatMap((k) =>
			Object.values((k.data ?? {}) as Record<string, { explanation?: string }>)
				.map((entry) => entry?.explanation?.trim())
				.filter((e): e is string => !!e && e.length > 20),
		);
		const leaks: string[] = [];
		for (const file of files.filter((f) => /\.(html|js|json|txt|xml)$/.test(f))) {
			const text = readFileSync(file, 'utf8');
			if (text.includes('assessment-keys')) leaks.push(`${path.relative(dist, file)} mentions assessment-keys`);
			for (const secret of secrets) if (text.includes(secret.slice(0, 60))) leaks.push(`${path.relative(dist, file)} contains an explanation from a key`);
		}
		expect(leaks).toEqual([]);
		// the published question files carry no key either
		for (const a of yamlFiles('assessments')) expect(JSON.stringify(a.data), a.file).not.toMatch(/"correct"/);
	});

	it('never publishes a question of a test bank (banks are server-only, like the keys)', () => {
		// Compared as letters and digits only, after decoding HTML and JSON escapes, so quoting a question
		// in an attribute, a script or JSON cannot hide it.
		const letters = (text: string) =>
			text
				.replace(/&quot;|&#34;|&#x22;|&#39;|&#x27;|&amp;|&lt;|&gt;|\\u[0-9a-fA-F]{4}|\\["'\\/]/g, ' ')
				.replace(/[^\p{L}\p{N}]+/gu, '')
				.toLowerCase();
		const fragments = yamlFiles('assessments').flatMap((a) =>
			((a.data as { items?: { id: string; question: string }[] }).items ?? []).map((item) => ({ where: `${a.file} → ${item.id}`, text: letters(item.question).slice(0, 80) })),
		);
		expect(fragments.length).toBeGreaterThan(100);
		const leaks: string[] = [];
		for (const file of files.filter((f) => /\.(html|js|json|txt|xml)$/.test(f))) {
			const text = letters(readFileSync(file, 'utf8'));
			for (const f of fragments) if (text.includes(f.text)) leaks.push(`${path.relative(dist, file)} contains the question of ${f.where}`);
		}
		expect(leaks.slice(0, 20), `${leaks.length} leaks`).toEqual([]);
		const catalog = JSON.parse(readFileSync(path.join(dist, 'catalog.json'), 'utf8')) as { assessments: Record<string, Record<string, unknown>> };
		for (const [id, a] of Object.entries(catalog.assessments)) expect(Object.keys(a).sort(), id).toEqual(['attempts', 'draw', 'itemCount', 'passPercentage', 'title']);
	});
});

