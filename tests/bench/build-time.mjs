// Build time, cold (no Astro or Vite cache), in a throw-away copy of the project so dist/ stays untouched:
// once with the real content, once with 1,000 generated lessons added (a generated course of
// 50 modules x 20 lessons whose bodies reuse the real Dutch lessons, knowledge checks included).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { astroBuildArgs, astroEnv } from '../../scripts/lib/build.mjs';

const run = promisify(execFile);
const projectParts = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

function copyProject() {
	const dir = mkdtempSync(path.join(tmpdir(), 'palliwijs-build-'));
	for (const part of projectParts) cpSync(path.join(projectRoot, part), path.join(dir, part), { recursive: true });
	// Every package linked, but not Astro's and Vite's caches (node_modules/.astro, .vite): the build is cold.
	mkdirSync(path.join(dir, 'node_modules'));
	for (const entry of readdirSync(path.join(projectRoot, 'node_modules'))) {
		if (entry === '.astro' || entry === '.vite') continue;
		symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(dir, 'node_modules', entry), 'dir');
	}
	return dir;
}

/** The real Dutch lessons as [frontmatter, body] pairs. */
function realLessons() {
	const base = path.join(projectRoot, 'content/lessons/nl');
	return readdirSync(base, { recursive: true })
		.filter((f) => String(f).endsWith('.mdx'))
		.sort()
		.map((f) => {
			const text = readFileSync(path.join(base, String(f)), 'utf8');
			const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
			return { front, body };
		});
}

/** Writes `count` lessons in modules of 20 into a generated course. Returns the number written. */
export function generateLessons(dir, count) {
	const sources = realLessons();
	const perModule = 20;
	const modules = [];
	for (let m = 0; m * perModule < count; m++) {
		const id = `generated-module-${String(m + 1).padStart(3, '0')}`;
		const slugs = [];
		mkdirSync(path.join(dir, 'content/lessons/nl', id), { recursive: true });
		for (let l = 0; l < perModule && m * perModule + l < count; l++) {
			const n = m * perModule + l;
			const source = sources[n % sources.length];
			const slug = `les-${String(l + 1).padStart(2, '0')}`;
			slugs.push(slug);
			const front = source.front.replace(/^title: .*$/m, `title: "Gegenereerde les ${n + 1}"`);
			writeFileSync(path.join(dir, 'content/lessons/nl', id, `${slug}.mdx`), `---\n${front}\n---\n${source.body}`);
		}
		writeFileSync(
			path.join(dir, 'content/modules', `${id}.yaml`),
			`title:\n  nl: "Gegenereerde module ${m + 1}"\n  en: "Generated module ${m + 1}"\ndescription:\n  nl: "Benchmarkmodule."\n  en: "Benchmark module."\ncompetences: [eapc-1]\nlessons: [${slugs.join(', ')}]\n`,
		);
		modules.push(id);
	}
	writeFileSync(
		path.join(dir, 'content/courses/generated-course.yaml'),
		`title:\n  nl: "Gegenereerde cursus"\n  en: "Generated course"\ndescription:\n  nl: "Benchmarkcursus."\n  en: "Benchmark course."\naudiences: [professional]\nstudyHours: 100\nmodules: [${modules.join(', ')}]\n`,
	);
	return count;
}

async function timeBuild(dir) {
	const t0 = performance.now();
	await run(process.execPath, astroBuildArgs(dir, ['--silent']), { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: astroEnv() });
	const seconds = (performance.now() - t0) / 1000;
	const pages = readdirSync(path.join(dir, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('index.html')).length;
	return { seconds, pages };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Cold builds, each in a fresh copy: the real content once, the content with generated lessons `runs`
 * times. Build time on this shared 2-core machine varies by several seconds between identical runs,
 * so the median of those runs is the figure (`runs` lists each one).
 */
export async function measureBuilds({ generated = 1000, runs = 5 } = {}) {
	const once = async (extra) => {
		const dir = copyProject();
		try {
			if (extra) generateLessons(dir, extra);
			return await timeBuild(dir);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
	const realContent = { ...(await once(0)), generatedLessons: 0 };
	const timed = [];
	for (let i = 0; i < runs; i++) timed.push(await once(generated));
	return {
		realContent,
		withGenerated: { seconds: median(timed.map((t) => t.seconds)), pages: timed[0].pages, generatedLessons: generated, runs: timed.map((t) => Number(t.seconds.toFixed(1))) },
	};
}
