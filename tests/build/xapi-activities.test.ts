// The xAPI activities in the built catalogue (dist/catalog.json → activities): every lesson, case, test, module and
// course the server can make a statement about has one, its id is a page that exists, and it has both names.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files';

const dist = path.join(root, 'dist');
type Named = { path: string; name: { nl: string; en: string } };
const catalog = existsSync(path.join(dist, 'catalog.json'))
	? (JSON.parse(readFileSync(path.join(dist, 'catalog.json'), 'utf8')) as {
			steps: string[];
			courses: Record<string, unknown>;
			modules: Record<string, unknown>;
			assessments: Record<string, unknown>;
			scenarios: Record<string, { nodes: Record<string, { type: string; options?: { id: string }[] }> }>;
			activities: Record<'courses' | 'modules' | 'lessons' | 'scenarios' | 'assessments', Record<string, Named & { decisions?: Record<string, { question: { nl: string; en: string }; options: Record<string, unknown> }> }>>;
		})
	: null;

describe('xAPI activities in the catalogue', () => {
	it('exist for every step, module, course and test', () => {
		expect(catalog, 'run astro build first').not.toBeNull();
		const a = catalog!.activities;
		expect(Object.keys(a.courses).sort()).toEqual(Object.keys(catalog!.courses).sort());
		expect(Object.keys(a.modules).sort()).toEqual(Object.keys(catalog!.modules).sort());
		expect(Object.keys(a.assessments).sort()).toEqual(Object.keys(catalog!.assessments).sort());
		expect([...Object.keys(a.lessons), ...Object.keys(a.scenarios).map((s) => `scenario/${s}`)].sort()).toEqual([...catalog!.steps].sort());
	});
	it('are pages of the site, with a Dutch and an English name', () => {
		for (const group of Object.values(catalog!.activities)) {
			for (const [id, activity] of Object.entries(group)) {
				expect(existsSync(path.join(dist, activity.path, 'index.html')), `${id}: ${activity.path}`).toBe(true);
				expect(activity.name.nl.length, id).toBeGreaterThan(0);
				expect(activity.name.en.length, id).toBeGreaterThan(0);
			}
		}
	});
	it('name every decision of every case with its options', () => {
		for (const [id, scenario] of Object.entries(catalog!.scenarios)) {
			const decisions = Object.entries(scenario.nodes).filter(([, n]) => n.type === 'decision');
			expect(Object.keys(catalog!.activities.scenarios[id]!.decisions!).sort(), id).toEqual(decisions.map(([n]) => n).sort());
			for (const [node, n] of decisions) expect(Object.keys(catalog!.activities.scenarios[id]!.decisions![node]!.options).sort(), `${id}#${node}`).toEqual(n.options!.map((o) => o.id).sort());
		}
	});
});
