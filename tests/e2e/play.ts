import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { walk } from '../helpers/scenario-graph';
import { scenarioFiles } from '../helpers/scenarios';
import type { DecisionNode } from '../../src/schemas/scenario';

/**
 * Plays a case in the browser along a path the graph walk found (by default the first one to an
 * ending): Continue through scenes, choose the option, read the feedback, Continue.
 */
export async function playCase(page: Page, id: string, continueLabel = 'Verder', path?: ReturnType<typeof walk>['complete'][number]) {
	const s = scenarioFiles().find((x) => x.id === id)!;
	const route = path ?? walk(id, s.data).complete[0]!;
	const player = page.locator('.scenario');
	for (let i = 1; i < route.steps.length; i++) {
		const { event } = route.steps[i]!;
		if (event.type === 'CONTINUE') await player.getByRole('button', { name: continueLabel }).click();
		else {
			const option = (s.data.nodes[String(route.steps[i - 1]!.state.value)] as DecisionNode).options.find((o) => o.id === event.option)!;
			await player.getByRole('button', { name: option.text, exact: true }).click();
			await expect(player.getByRole('heading', { level: 2 })).toContainText(option.text.slice(0, 40));
			await player.getByRole('button', { name: continueLabel }).click();
		}
	}
	return { scenario: s, ending: String(route.state.value) };
}
