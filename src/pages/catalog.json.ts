// The catalogue the server needs (dist/catalog.json): which lessons exist and what each course holds.
// PocketBase hooks read it to refuse progress for unknown lessons and, later, to decide course completion.
import type { APIRoute } from 'astro';
import { loadCatalog } from '../catalog/load';
import { serverCatalog } from '../lib/content/server-catalog';

export const GET: APIRoute = async () => {
	const catalog = await loadCatalog();
	return new Response(JSON.stringify(serverCatalog(catalog)), { headers: { 'Content-Type': 'application/json' } });
};
