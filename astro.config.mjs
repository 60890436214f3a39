// Wiring only: integrations, output, and the static site's shape.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';

export default defineConfig({
	output: 'static',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [mdx(), react()],
	devToolbar: { enabled: false },
	server: { host: '127.0.0.1' },
});
