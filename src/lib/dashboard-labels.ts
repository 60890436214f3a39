// What the trainer dashboard shows instead of ids: the server reports test items, case decisions and
// self-check domains by id; the trainer page carries their titles and texts, built from the content.
import type { Locale } from '../i18n/locales';
import type { SelfCheckData } from '../schemas/self-check';
import type { Catalog } from './content/catalog';
import { scenarioIn, text } from './content/localize';

export interface DashboardLabels {
	/**
	 * assessment id → its title. `items` stays empty: the questions of a bank are server-only (issue 17),
	 * so the dashboard response carries each item's question (`items[assessment][item].question`).
	 */
	assessments: Record<string, { title: string; items: Record<string, string> }>;
	/** scenario id → its title and, per decision node id, the question, each option's text and its quality (as the case player shows it) */
	scenarios: Record<string, { title: string; decisions: Record<string, { question: string; options: Record<string, string>; qualities?: Record<string, 'good' | 'acceptable' | 'poor'> }> }>;
	/** self-check domain id → its title */
	domains: Record<string, string>;
}

export function dashboardLabels(catalog: Catalog, selfCheck: SelfCheckData, locale: Locale): DashboardLabels {
	const assessments = Object.fromEntries(
		[...catalog.assessments].map(([id, a]) => [id, { title: text(a.title, locale), items: {} }]),
	);
	const scenarios = Object.fromEntries(
		[...catalog.scenarios.values()].map((s) => [
			s.id,
			{
				title: text(s.data.title, locale),
				decisions: Object.fromEntries(
					Object.entries(scenarioIn(s, locale).data.nodes).flatMap(([node, n]) =>
						n.type === 'decision' ? [[node, { question: n.question, options: Object.fromEntries(n.options.map((o) => [o.id, o.text])), qualities: Object.fromEntries(n.options.map((o) => [o.id, o.quality])) }]] : [],
					),
				),
			},
		]),
	);
	const domains = Object.fromEntries(selfCheck.domains.map((d) => [d.id, text(d.title, locale)]));
	return { assessments, scenarios, domains };
}
