// Every built page passes an independent HTML validator (html-validate, rules in .htmlvalidate.json; the README
// says why the few rules that are switched off are style opinions, not errors).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files';

const dist = path.join(root, 'dist');

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the HTML of the built site', () => {
	const pages = existsSync(dist) ? walk(dist).filter((f) => f.endsWith('.html')) : [];

	it('is valid on every page', async () => {
		expect(pages.length, 'run astro build first').toBeGreaterThan(100);
		const validator = new HtmlValidate(new FileSystemConfigLoader());
		const problems: string[] = [];
		for (const page of pages) {
			const report = await validator.validateFile(page);
			for (const result of report.results) {
				for (const m of result.messages) problems.push(`${path.relative(dist, page)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
			}
		}
		expect(problems).toEqual([]);
	}, 120_000);

	it('catches what it should (a <style> inside a <div>, an input without a type)', async () => {
		const validator = new HtmlValidate(new FileSystemConfigLoader());
		const report = await validator.validateString('<!doctype html><html lang="nl"><head><title>x</title></head><body><main><div><style>p{}</style></div><label>Code <input></label></main></body></html>', path.join(dist, 'probe.html'));
		const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
		expect(rules).toContain('element-permitted-content');
		expect(rules).toContain('no-implicit-input-type');
	});
});
