// Scenario files from content/scenarios, parsed with the real schema (for content and browser tests).
import { scenarioSchema, type ScenarioData } from '../../src/schemas/scenario';
import { yamlFiles } from './content-files';

export function scenarioFiles(): { id: string; file: string; data: ScenarioData; raw: unknown }[] {
	return yamlFiles('scenarios').map((f) => {
		const parsed = scenarioSchema.safeParse(f.data);
		if (!parsed.success) throw new Error(`${f.file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
		return { id: f.id, file: f.file, data: parsed.data, raw: f.data };
	});
}
