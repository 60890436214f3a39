// The MDX transform of @astrojs/mdx, made from plain data (MdxSpec), so that a worker thread makes
// exactly the transform the build's own @astrojs/mdx integration makes: it runs that integration's
// hooks with the same options and takes the Vite plugin they produce.
import mdx from '@astrojs/mdx';

/**
 * Everything the MDX compiler depends on, as data that can cross to a worker thread.
 * @typedef {object} MdxSpec
 * @property {MdxOptions<string>} options options of the mdx() integration; plugins as module URLs (their default export)
 * @property {Record<string, unknown>} markdown Astro's resolved `markdown` config with empty plugin lists (mdx options name every plugin)
 * @property {string} srcDir URL of src/
 * @property {boolean} headingIdCompat `experimental.headingIdCompat`
 * @property {boolean} sourcemap whether Vite wants source maps
 */

/**
 * @template P
 * @typedef {Record<string, unknown> & { remarkPlugins: P[]; rehypePlugins: P[]; recmaPlugins: P[] }} MdxOptions
 */

/** @typedef {(code: string, id: string) => Promise<{ code: string; map?: unknown; meta: unknown } | undefined>} MdxTransform */

const pluginLists = /** @type {const} */ (['remarkPlugins', 'rehypePlugins', 'recmaPlugins']);

/**
 * Options for the mdx() integration with every plugin list explicit (so none is inherited from the markdown
 * config, which a worker does not get) and each plugin imported from its module.
 * @param {Partial<MdxOptions<string | URL>>} options
 * @returns {Promise<MdxOptions<Function>>}
 */
export async function resolveMdxOptions(options) {
	const resolved = /** @type {MdxOptions<Function>} */ ({ ...options });
	for (const list of pluginLists) {
		resolved[list] = await Promise.all((options[list] ?? []).map(async (url) => (await import(String(url))).default));
	}
	return resolved;
}

/** @param {MdxSpec} spec @returns {Promise<MdxTransform>} */
export async function createMdxTransform(spec) {
	const integration = mdx(/** @type {never} */ (await resolveMdxOptions(spec.options)));
	const markdown = spec.markdown;
	/** @type {{ transform: Function; configResolved: Function } | undefined} */
	let plugin;
	const hooks = /** @type {Record<string, (params: unknown) => unknown>} */ (integration.hooks);
	await hooks['astro:config:setup']?.({
		config: { markdown },
		updateConfig: (/** @type {{ vite: { plugins: { name: string }[] } }} */ config) => {
			plugin = /** @type {never} */ (config.vite.plugins.find((p) => p.name === '@mdx-js/rollup'));
		},
		addRenderer() {},
		addPageExtension() {},
		addContentEntryType() {},
	});
	const logger = { warn: console.warn, info() {}, debug() {}, error: console.error };
	await hooks['astro:config:done']?.({ config: { markdown, srcDir: new URL(spec.srcDir), experimental: { headingIdCompat: spec.headingIdCompat } }, logger });
	if (!plugin) throw new Error('@astrojs/mdx did not add its Vite plugin (@mdx-js/rollup).');
	plugin.configResolved({ build: { sourcemap: spec.sourcemap }, plugins: [] });
	const transform = plugin.transform;
	return (code, id) => transform.call(undefined, code, id);
}
