// Wiring only: integrations, output, and the static site's shape.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { lessonMdx } from './src/lib/mdx/integration.mjs';
import { serviceWorker } from './scripts/lib/service-worker.mjs';
import remarkTypography from './src/lib/markdown/remark-typography.js';

const markdownPlugin = (file) => new URL(`./src/lib/markdown/${file}`, import.meta.url);

export default defineConfig({
	output: 'static',
	trailingSlash: 'always',
	// Four pages render at a time: while one page is written to disk the next is already rendering
	// (the page phase of a 1,000-lesson build went from 18-19 s to 14.5-15 s; issue 10).
	build: { format: 'directory', concurrency: 4 },
	// remark-smartypants is off: it misquotes Dutch (‘s nachts) and is slow; remarkTypography replaces it.
	markdown: { smartypants: false, remarkPlugins: [remarkTypography] },
	// Lessons (MDX): static parts become HTML strings (optimize), and rehype-raw, which MDX never needs,
	// is switched off; both make the build faster (issue 10). The build compiles lessons in worker
	// threads (src/lib/mdx/integration.mjs), so plugins are named by their module.
	integrations: [
		await lessonMdx(
			{ optimize: true, remarkPlugins: [markdownPlugin('remark-typography.js'), markdownPlugin('skip-rehype-raw.js')] },
			{ contentDir: new URL('./content/', import.meta.url) },
		),
		react(),
		// Last: the offline lists and dist/sw.js are made from the finished site.
		serviceWorker(),
	],
	vite: {
		// Scripts are never inlined: the knowledge-check and read-aloud scripts are then cached once for a
		// whole course instead of travelling inside every lesson page (issue 10).
		build: { assetsInlineLimit: 0 },
		// The search index is built in a worker thread; bundled pages learn the worker's path from here.
		define: { __SEARCH_INDEX_WORKER__: JSON.stringify(fileURLToPath(new URL('./src/lib/search/index-worker.mjs', import.meta.url))) },
	},
	devToolbar: { enabled: false },
	server: { host: '127.0.0.1' },
});
