// The catalogue the server needs (dist/catalog.json): which lessons exist and what each course holds.
// PocketBase hooks read it to refuse progress for unknown lessons and, later, to decide course completion.
import type { APIRoute } from 'astro';
import { loadCatalog } from '../catalog/load';
import { loadSelfCheck } from '../catalog/self-check';
import { serverCatalog } from '../lib/content/server-catalog';
import { xapiActivities } from '../lib/content/xapi-activities';
import { selfCheckDomains } from '../lib/rules/self-check';

export const GET: APIRoute = async () => {
	const catalog = await loadCatalog();
	const selfCheck = loadSelfCheck();
	// The self-check's questions per domain (the server accepts only these) and the courses it belongs to
	// (the citizen courses: a trainer sees its group averages only when the cohort was assigned one).
	const selfCheckSpec = {
		domains: selfCheckDomains(selfCheck),
		courses: catalog.courses.filter((c) => c.data.audiences.includes('citizen')).map((c) => c.id),
	};
	return new Response(JSON.stringify({ ...serverCatalog(catalog), selfCheck: selfCheckSpec, activities: xapiActivities(catalog) }), { headers: { 'Content-Type': 'application/json' } });
};
