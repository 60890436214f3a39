// The build compiles lessons (MDX) in worker threads (src/lib/mdx): the same module code and metadata
// as @astrojs/mdx in the main thread, and a clear rejection (so the main thread compiles the lesson
// itself) when a worker cannot compile or dies. `npm test` also builds the site with
// PALLIWIJS_MDX_WORKERS=verify, which compares both ways for every lesson with the real Astro config.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { MdxWorkerPool } from '../../src/lib/mdx/pool.mjs';
import { createMdxTransform, type MdxSpec } from '../../src/lib/mdx/transform.mjs';
import { lessonMdx, workerSetting } from '../../src/lib/mdx/integration.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const plugin = (file: string) => new URL(`../../src/lib/markdown/${file}`, import.meta.url).href;
const spec: MdxSpec = {
	options: { optimize: true, remarkPlugins: [plugin('remark-typography.js'), plugin('skip-rehype-raw.js')], rehypePlugins: [], recmaPlugins: [] },
	markdown: JSON.parse(JSON.stringify({ ...markdownConfigDefaults, smartypants: false })),
	srcDir: new URL('../../src/', import.meta.url).href,
	headingIdCompat: false,
	sourcemap: false,
};
const lessons = readdirSync(path.join(root, 'content/lessons'), { recursive: true })
	.map(String)
	.filter((file) => file.endsWith('.mdx'))
	.sort()
	.map((file) => path.join(root, 'content/lessons', file));

let pool: MdxWorkerPool | undefined;
afterEach(async () => {
	await pool?.close();
	pool = undefined;
});

describe('MDX worker pool', () => {
	it('compiles every lesson exactly as the transform of @astrojs/mdx does in the main thread', async () => {
		const inThread = await createMdxTransform(spec);
		pool = new MdxWorkerPool(spec, 2);
		const worker = pool;
		const compiled = await Promise.all(lessons.map((file) => worker.transform(readFileSync(file, 'utf8'), file)));
		expect(lessons.length).toBeGreaterThan(50);
		for (const [i, file] of lessons.entries()) {
			const expected = await inThread(readFileSync(file, 'utf8'), file);
			expect(compiled[i], file).toEqual(JSON.parse(JSON.stringify(expected)));
		}
		// The plugins ran in the worker: Dutch apostrophes, optimised static HTML, the knowledge check kept.
		// Any lesson with a Dutch elided article ('s nachts, 's avonds) and a knowledge check will do.
		// Only the prose counts: frontmatter and knowledge-check props are not typeset.
		const proseOf = (file: string) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '').replace(/<KnowledgeCheck[\s\S]*?\/>/g, '');
		const elision = /'s (nachts|avonds|morgens)/;
		const index = lessons.findIndex((file) => elision.test(proseOf(file)) && readFileSync(file, 'utf8').includes('<KnowledgeCheck'));
		expect(index, "a lesson with 's nachts, 's avonds or 's morgens in its prose and a knowledge check").toBeGreaterThanOrEqual(0);
		const elided = elision.exec(proseOf(lessons[index]!))![0].replace("'", '’');
		const sample = compiled[index]!;
		expect(sample.code).toContain(elided);
		expect(sample.code).toContain('"set:html"');
		expect(sample.code).toContain('KnowledgeCheck');
	}, 120_000);

	it('rejects a broken lesson with the compiler’s message, and goes on with the next', async () => {
		pool = new MdxWorkerPool(spec, 1);
		await expect(pool.transform('# Titel\n\n<Foo bar={1 +} />\n', '/les/kapot.mdx')).rejects.toThrow(/Could not parse expression|Unexpected/);
		const ok = await pool.transform('# Titel\n\nTekst.\n', '/les/goed.mdx');
		expect(ok?.code).toContain('<h1 id=\\"titel\\">Titel</h1>');
	});

	it('rejects the jobs of a worker that dies, and every later job once none is left', async () => {
		pool = new MdxWorkerPool({ ...spec, options: { ...spec.options, remarkPlugins: [new URL('../fixtures/mdx-plugin-exits.mjs', import.meta.url).href] } }, 1);
		await expect(pool.transform('Tekst.\n', '/les/a.mdx')).rejects.toThrow(/MDX worker stopped \(exit code 3\)/);
		await expect(pool.transform('Tekst.\n', '/les/b.mdx')).rejects.toThrow(/No MDX worker is running/);
	});

	it('rejects when a plugin module cannot be loaded', async () => {
		pool = new MdxWorkerPool({ ...spec, options: { ...spec.options, remarkPlugins: [new URL('../fixtures/no-such-plugin.mjs', import.meta.url).href] } }, 1);
		await expect(pool.transform('Tekst.\n', '/les/a.mdx')).rejects.toThrow(/no-such-plugin/);
	});
});

describe('PALLIWIJS_MDX_WORKERS', () => {
	it('is a number of workers, "verify", or unset for one per core', () => {
		expect(workerSetting('0')).toEqual({ workers: 0, verify: false });
		expect(workerSetting('3')).toEqual({ workers: 3, verify: false });
		expect(workerSetting('verify').verify).toBe(true);
		expect(workerSetting(undefined).workers).toBeGreaterThanOrEqual(1);
		expect(workerSetting(undefined).workers).toBeLessThanOrEqual(4);
		expect(() => workerSetting('veel')).toThrow(/number of workers or "verify"/);
	});
});

describe('lessonMdx in a build', () => {
	type Hooks = Record<string, (params: unknown) => unknown>;
	type Transform = (code: string, id: string) => Promise<{ code: string } | undefined>;
	/** The companion's Vite plugin wrapped around a stand-in for @astrojs/mdx's, as a build sets them up. */
	/**
	 * Runs `fn` with PALLIWIJS_MDX_WORKERS set, then puts back what was there, also when `fn` throws
	 * (an unset variable is deleted: assigning undefined would store the string "undefined").
	 */
	async function withWorkerSetting<T>(setting: string, fn: () => Promise<T>): Promise<T> {
		const had = Object.hasOwn(process.env, 'PALLIWIJS_MDX_WORKERS');
		const previous = process.env.PALLIWIJS_MDX_WORKERS;
		process.env.PALLIWIJS_MDX_WORKERS = setting;
		try {
			return await fn();
		} finally {
			if (had) process.env.PALLIWIJS_MDX_WORKERS = previous;
			else delete process.env.PALLIWIJS_MDX_WORKERS;
		}
	}
	async function setUp(setting: string, inThread: Transform, contentDir?: URL) {
		const [, companion] = (await withWorkerSetting(setting, () => lessonMdx(spec.options, { contentDir }))) as { hooks: Hooks }[];
		let vitePlugin: { configResolved: (c: unknown) => void; buildStart: () => void; buildEnd: () => Promise<void> } | undefined;
		await companion!.hooks['astro:config:setup']!({ command: 'build', updateConfig: (c: { vite: { plugins: never[] } }) => (vitePlugin = c.vite.plugins[0]) });
		companion!.hooks['astro:config:done']!({ config: { markdown: spec.markdown, srcDir: new URL(spec.srcDir), experimental: {} }, logger: { warn: console.warn } });
		const mdxPlugin = { name: '@mdx-js/rollup', transform: inThread };
		vitePlugin!.configResolved({ plugins: [mdxPlugin], build: { ssr: true, sourcemap: false } });
		vitePlugin!.buildStart();
		return { transform: mdxPlugin.transform, end: () => vitePlugin!.buildEnd() };
	}

	it('leaves PALLIWIJS_MDX_WORKERS as it found it, unset or set, also when the setting is refused', async () => {
		const outside = Object.hasOwn(process.env, 'PALLIWIJS_MDX_WORKERS') ? process.env.PALLIWIJS_MDX_WORKERS : undefined;
		try {
			delete process.env.PALLIWIJS_MDX_WORKERS;
			const build = await setUp('1', async () => ({ code: '' }));
			await build.end();
			expect(Object.hasOwn(process.env, 'PALLIWIJS_MDX_WORKERS')).toBe(false);
			await expect(setUp('veel', async () => ({ code: '' }))).rejects.toThrow(/number of workers or "verify"/);
			expect(Object.hasOwn(process.env, 'PALLIWIJS_MDX_WORKERS')).toBe(false);
			process.env.PALLIWIJS_MDX_WORKERS = '2';
			await expect(setUp('veel', async () => ({ code: '' }))).rejects.toThrow();
			expect(process.env.PALLIWIJS_MDX_WORKERS).toBe('2');
		} finally {
			if (outside === undefined) delete process.env.PALLIWIJS_MDX_WORKERS;
			else process.env.PALLIWIJS_MDX_WORKERS = outside;
		}
	});

	it('compiles in a worker, and in the main thread what a worker cannot compile', async () => {
		const inThread = async (code: string) => ({ code: `in the main thread: ${code.length}` });
		const build = await setUp('1', inThread);
		try {
			expect((await build.transform('# Titel\n\nTekst.\n', '/les/goed.mdx'))?.code).toContain('<h1 id=\\"titel\\">Titel</h1>');
			expect((await build.transform('<Foo bar={1 +} />\n', '/les/kapot.mdx'))?.code).toBe('in the main thread: 18');
		} finally {
			await build.end();
		}
	});

	it('compiles the lessons of the content folder ahead, and uses that only for the same text', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'palliwijs-mdx-'));
		writeFileSync(path.join(dir, 'a.mdx'), '# Vooraf\n');
		writeFileSync(path.join(dir, 'b.mdx'), '# Eerste versie\n');
		const build = await setUp('1', async () => ({ code: 'in the main thread' }), pathToFileURL(`${dir}/`));
		try {
			expect((await build.transform('# Vooraf\n', path.join(dir, 'a.mdx')))?.code).toContain('"Vooraf"');
			// b.mdx changed after the build started: compiled again, not the early result.
			const changed = (await build.transform('# Tweede versie\n', path.join(dir, 'b.mdx')))?.code;
			expect(changed).toContain('"Tweede versie"');
			expect(changed).not.toContain('Eerste');
		} finally {
			await build.end();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('with "verify", fails the build when a worker compiles differently from the main thread', async () => {
		const build = await setUp('verify', async () => ({ code: 'something else', meta: {} }) as never);
		try {
			await expect(build.transform('# Titel\n', '/les/anders.mdx')).rejects.toThrow(/compiled \/les\/anders.mdx differently/);
		} finally {
			await build.end();
		}
	});
});
