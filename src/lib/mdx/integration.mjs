// Lessons are MDX. lessonMdx() is @astrojs/mdx with the given options plus, for `astro build`, a
// companion that has each .mdx module compiled in worker threads: compiling is most of the work of a
// large build and the main thread is busy bundling, so both cores compile, and they start on every
// lesson in the content folder as soon as the server build starts (issue 10: in CPU profiles of a
// 1,000-lesson build, the main thread sat idle 12 s waiting for workers that started on request,
// 6 s once they compile ahead). The workers run @astrojs/mdx's own transform with the same options
// (transform.mjs); when a worker cannot compile a lesson, the main thread compiles it, so a broken
// lesson gets @astrojs/mdx's usual error message.
//
// PALLIWIJS_MDX_WORKERS: unset = one worker per core (at most 4); a number = that many workers;
// "0" = no workers; "verify" = compile every lesson both ways and fail the build on any difference
// (`npm test` builds so).
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * @param {{ contentDir?: URL }} [build] contentDir: where the lessons are; the workers start compiling
 *   every .mdx file there as soon as the server build starts, while the main thread is still resolving
 *   the rest of the site, instead of when the bundler first asks for each file.
 */
export async function lessonMdx(options, build = {}) {
	/** @type {LessonMdxOptions} */
	const data = {
		...options,
		remarkPlugins: (options.remarkPlugins ?? []).map(String),
		rehypePlugins: (options.rehypePlugins ?? []).map(String),
		recmaPlugins: (options.recmaPlugins ?? []).map(String),
	};
	const setting = workerSetting(process.env.PALLIWIJS_MDX_WORKERS);
	return [mdx(/** @type {never} */ (await resolveMdxOptions(data))), mdxInWorkers(data, setting, build.contentDir)];
}

/** @param {URL} dir @returns {Map<string, string>} path → text of every .mdx file under dir */
function mdxFiles(dir) {
	const root = fileURLToPath(dir);
	return new Map(
		readdirSync(root, { recursive: true })
			.map(String)
			.filter((file) => file.endsWith('.mdx'))
			.map((file) => [path.join(root, file), readFileSync(path.join(root, file), 'utf8')]),
	);
}

/**
 * @param {LessonMdxOptions} options
 * @param {{ workers: number; verify: boolean }} setting
 * @param {URL | undefined} contentDir
 * @returns {import('astro').AstroIntegration}
 */
function mdxInWorkers(options, { workers, verify }, contentDir) {
	/** @type {MdxSpec | undefined} */
	let spec;
	/** @type {MdxSpec | undefined} the spec of the current build (source maps or not) */
	let buildSpec;
	/** @type {MdxWorkerPool | undefined} */
	let pool;
	/** @type {Map<string, { code: string; compiled: Promise<MdxResult | undefined | null> }>} compiled ahead, by path */
	let ahead = new Map();
	let serverBuild = false;
	// The in-thread transform of the mdx() integration, kept once per plugin (each build calls configResolved).
	/** @type {WeakMap<VitePlugin, NonNullable<VitePlugin["transform"]>>} */
	const inThread = new WeakMap();

	const workerPool = () => (pool ??= new MdxWorkerPool(/** @type {MdxSpec} */ (buildSpec), workers));
	/** A worker's result, or null when the workers could not compile it. @param {string} code @param {string} id */
	const inWorker = (code, id) => {
		const early = ahead.get(id);
		ahead.delete(id);
		if (early?.code === code) return early.compiled;
		return workerPool().transform(code, id).catch(() => null);
	};

	/** @type {import('vite').Plugin} */
	const vitePlugin = {
		name: 'palliwijs:mdx-in-workers',
		apply: 'build',
		configResolved(resolved) {
			const mdxPlugin = /** @type {VitePlugin | undefined} */ (resolved.plugins.find((p) => p.name === '@mdx-js/rollup'));
			buildSpec = spec && mdxPlugin?.transform ? { ...spec, sourcemap: Boolean(resolved.build.sourcemap) } : undefined;
			serverBuild = Boolean(resolved.build.ssr);
			if (!buildSpec || !mdxPlugin?.transform) return;
			const original = inThread.get(mdxPlugin) ?? mdxPlugin.transform;
			inThread.set(mdxPlugin, original);
			mdxPlugin.transform = async function (code, id) {
				if (!id.endsWith('.mdx')) return original.call(this, code, id);
				const compiled = await inWorker(code, id);
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
		buildStart() {
			if (!serverBuild || !contentDir || !buildSpec) return;
			for (const [id, code] of mdxFiles(contentDir)) ahead.set(id, { code, compiled: workerPool().transform(code, id).catch(() => null) });
		},
		async buildEnd() {
			ahead = new Map();
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
