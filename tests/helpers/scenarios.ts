// Scenario files from content/scenarios, parsed with the real schema (for content and browser tests).
import path from 'node:path';
import { scenarioSchema, type ScenarioData } from '../../src/schemas/scenario';
import { scenarioTranslationSchema, type ScenarioTranslationData } from '../../src/schemas/scenario-translation';
import { scenarioIn } from '../../src/lib/content/localize';
import type { Locale } from '../../src/i18n/locales';
import { yamlFiles } from './content-files';

export function scenarioFiles(): { id: string; file: string; data: ScenarioData; raw: unknown }[] {
	return yamlFiles('scenarios').map((f) => {
		const parsed = scenarioSchema.safeParse(f.data);
		if (!parsed.success) throw new Error(`${f.file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
		return { id: f.id, file: f.file, data: parsed.data, raw: f.data };
	});
}

/** content/scenario-translations/<locale>/<scenario id>.yaml, parsed with the real schema. */
export function scenarioTranslationFiles(): { id: string; locale: string; scenario: string; file: string; data: ScenarioTranslationData }[] {
	return yamlFiles('scenario-translations').map((f) => {
		const parsed = scenarioTranslationSchema.safeParse(f.data);
		if (!parsed.success) throw new Error(`${f.file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
		const locale = path.basename(path.dirname(f.file));
		return { id: `${locale}/${f.id}`, locale, scenario: f.id, file: f.file, data: parsed.data };
	});
}

/** A case as the site shows it in a language: translated when a translation exists, else the original. */
export function scenarioInLocale(id: string, locale: Locale): { data: ScenarioData; translated: boolean } {
	const original = scenarioFiles().find((s) => s.id === id);
	if (!original) throw new Error(`no content/scenarios/${id}.yaml`);
	const translations = Object.fromEntries(scenarioTranslationFiles().filter((t) => t.scenario === id).map((t) => [t.locale, t.data]));
	return scenarioIn({ data: original.data, translations }, locale);
}
