// The titles and texts the trainer dashboard shows for test questions, case decisions and self-check
// domains (the server reports them by id). Loaded by the trainer page when it first shows a dashboard.
import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../i18n/locales';
import { loadCatalog } from '../../catalog/load';
import { loadSelfCheck } from '../../catalog/self-check';
import { dashboardLabels } from '../../lib/dashboard-labels';

export function getStaticPaths() {
	return locales.map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = async ({ params }) =>
	new Response(JSON.stringify(dashboardLabels(await loadCatalog(), loadSelfCheck(), params.locale as Locale)), { headers: { 'Content-Type': 'application/json' } });
