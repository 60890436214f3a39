// Lessons are MDX. lessonMdx() is @astrojs/mdx with the given options plus, for `astro build`, a
// companion that has each .mdx module compiled in worker threads: compiling is most of the work of a
// large build and the main thread is busy bundling, so both cores compile (issue 10: about 6 s of a
// 1,000-lesson build). The workers run @astrojs/mdx's own transform with the same options
// (transform.mjs); when a worker cannot compile a lesson, the main thread compiles it, so a broken
// lesson gets @astrojs/mdx's usual error message.
//
// PALLIWIJS_MDX_WORKERS: unset = one worker per core (at most 4); a number = that many workers;
// "0" = no workers; "verify" = compile every lesson both ways and fail the build on any difference
// (`npm test` builds so).
import { availableParallelism } from 'node:os';
import mdx from '@astrojs/mdx';
import { MdxWorkerPool } from './pool.mjs';
import { resolveMdxOptions } from './transform.mjs';

/** @typedef {import('./transform.mjs').MdxSpec} MdxSpec */
/** @typedef {import('./transform.mjs').MdxOptions<string | URL>} LessonMdxOptions */
/** @typedef {import('./pool.mjs').MdxResult} MdxResult */
/** @typedef {{ name: string; transform?: (this: unknown, code: string, id: string) => Promise<MdxResult | undefined> }} VitePlugin */

/** @param {string | undefined} setting */
export function workerSetting(setting) {
	const perCore = Math.min(4, availableParallelism());
	if (setting === undefined || setting === '') return { workers: perCore, verify: false };
	if (setting === 'verify') return { workers: perCore, verify: true };
	const workers = Number(setting);
	if (Number.isInteger(workers) && workers >= 0) return { workers, verify: false };
	throw new Error(`PALLIWIJS_MDX_WORKERS must be a number of workers or "verify", not "${setting}".`);
}

/**
 * @param {Partial<LessonMdxOptions>} options options of the mdx() integration, with plugins as module URLs
 *   (each module's default export is the plugin; plain JavaScript, since workers load them on Node 20)
 */
export async function lessonMdx(options) {
	/** @type {LessonMdxOptions} */
	const data = {
		...options,
		remarkPlugins: (options.remarkPlugins ?? []).map(String),
		rehypePlugins: (options.rehypePlugins ?? []).map(String),
		recmaPlugins: (options.recmaPlugins ?? []).map(String),
	};
	return [mdx(/** @type {never} */ (await resolveMdxOptions(data))), mdxInWorkers(data, workerSetting(process.env.PALLIWIJS_MDX_WORKERS))];
}

/**
 * @param {LessonMdxOptions} options
 * @param {{ workers: number; verify: boolean }} setting
 * @returns {import('astro').AstroIntegration}
 */
function mdxInWorkers(options, { workers, verify }) {
	/** @type {MdxSpec | undefined} */
	let spec;
	/** @type {MdxWorkerPool | undefined} */
	let pool;
	// The in-thread transform of the mdx() integration, kept once per plugin (each build calls configResolved).
	/** @type {WeakMap<VitePlugin, NonNullable<VitePlugin["transform"]>>} */
	const inThread = new WeakMap();

	/** @type {import('vite').Plugin} */
	const vitePlugin = {
		name: 'palliwijs:mdx-in-workers',
		apply: 'build',
		configResolved(resolved) {
			const mdxPlugin = /** @type {VitePlugin | undefined} */ (resolved.plugins.find((p) => p.name === '@mdx-js/rollup'));
			if (!spec || !mdxPlugin?.transform) return;
			const workerSpec = { ...spec, sourcemap: Boolean(resolved.build.sourcemap) };
			const original = inThread.get(mdxPlugin) ?? mdxPlugin.transform;
			inThread.set(mdxPlugin, original);
			mdxPlugin.transform = async function (code, id) {
				if (!id.endsWith('.mdx')) return original.call(this, code, id);
				pool ??= new MdxWorkerPool(workerSpec, workers);
				const compiled = await pool.transform(code, id).catch(() => null);
				if (compiled === null) return original.call(this, code, id);
				if (verify) {
					const here = await original.call(this, code, id);
					if (here?.code !== compiled?.code || JSON.stringify(here?.meta) !== JSON.stringify(compiled?.meta)) {
						throw new Error(`The MDX worker compiled ${id} differently from @astrojs/mdx in the main thread.`);
					}
				}
				return compiled;
			};
		},
		async buildEnd() {
			await pool?.close();
			pool = undefined;
		},
	};

	return {
		name: 'palliwijs:mdx-in-workers',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command === 'build' && workers > 0) updateConfig({ vite: { plugins: [vitePlugin] } });
			},
			'astro:config:done': ({ config, logger }) => {
				const markdown = { ...config.markdown, remarkPlugins: [], rehypePlugins: [] };
				const headingIdCompat = Boolean(/** @type {{ headingIdCompat?: boolean }} */ (config.experimental).headingIdCompat);
				try {
					spec = structuredClone({ options, markdown, srcDir: config.srcDir.href, headingIdCompat, sourcemap: false });
				} catch (error) {
					logger.warn(`Lessons compile in the main thread only: a markdown setting cannot be sent to a worker (${error instanceof Error ? error.message : error}).`);
				}
			},
		},
	};
}
