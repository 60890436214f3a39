import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { expect, hydrated, test } from './fixtures';

// Every built page, at a phone width (320 px) and a laptop width (1280 px), in one browser page visited in sequence:
// no page may scroll sideways, and no touch target may be smaller than 24 × 24 px (WCAG 2.2 2.5.8), except a link
// inside a sentence and a small target whose 24 px circle touches no other target (the two exceptions of 2.5.8).
// A screenshot of one page of every type at both widths goes to test-results/screens/ for review (not compared).

const dist = path.join(projectRoot, 'dist');
function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const pages = walk(dist)
	.filter((f) => f.endsWith('.html'))
	.map((f) => '/' + path.relative(dist, f).split(path.sep).join('/'))
	.map((p) => p.replace(/index\.html$/, ''))
	.sort();

/** One page of every type (the same list as the axe test, plus the English 404): screenshots. */
const pageTypes: Record<string, string> = {
	home: '/',
	catalogue: '/cursussen/',
	'catalogue-audience': '/cursussen/voor/studenten/',
	course: '/cursussen/iedereen-kundig/',
	module: '/modules/wat-is-palliatieve-zorg/',
	lesson: '/modules/wat-is-palliatieve-zorg/definitie-en-dimensies/',
	'lesson-en': '/en/modules/vooruitdenken/praten-over-wensen/',
	competences: '/competenties/',
	competence: '/competenties/eapc-1/',
	cases: '/casussen/',
	case: '/casussen/maria/',
	test: '/modules/wat-is-palliatieve-zorg/toets/',
	account: '/account/',
	certificate: '/certificaat/',
	verify: '/verifieer/',
	help: '/hulp/',
	'help-en': '/en/help/',
	privacy: '/privacy/',
	search: '/zoeken/',
	glossary: '/begrippen/',
	selfcheck: '/zelftest/',
	trainers: '/trainers/',
	'not-found': '/404.html',
	'not-found-en': '/en/404/',
};

const widths = [320, 1280] as const;
/** The whole crawl (about 315 pages × 2 widths) must stay within this budget. */
const budgetMs = 8 * 60_000;

for (const width of widths) {
	test(`no page scrolls sideways and every touch target is at least 24 px at ${width} px`, async ({ page }) => {
		test.setTimeout(budgetMs / 2);
		expect(pages.length).toBeGreaterThan(250);
		await page.setViewportSize({ width, height: width < 600 ? 640 : 800 });
		const shots = path.join(projectRoot, 'test-results', 'screens');
		mkdirSync(shots, { recursive: true });
		const screenOf = new Map(Object.entries(pageTypes).map(([type, url]) => [url, type]));
		const problems: string[] = [];
		const started = Date.now();
		for (const url of pages) {
			await page.goto(url, { waitUntil: 'load' });
			await hydrated(page);
			const found = await page.evaluate(() => {
				const out: string[] = [];
				const doc = document.documentElement;
				if (doc.scrollWidth > window.innerWidth) {
					// name the widest element, so the report says what to fix
					let widest = '';
					let right = window.innerWidth;
					for (const el of document.body.querySelectorAll('*')) {
						const r = el.getBoundingClientRect();
						if (r.right > right + 0.5 && getComputedStyle(el).position !== 'fixed') {
							right = r.right;
							widest = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
						}
					}
					out.push(`scrolls sideways: ${doc.scrollWidth} > ${window.innerWidth} (${widest})`);
				}
				const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')].filter((el) => {
					const r = el.getBoundingClientRect();
					const style = getComputedStyle(el);
					return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, .skip-link');
				});
				const rects = targets.map((el) => el.getBoundingClientRect());
				/** WCAG 2.5.8, inline exception: a link that sits inside a sentence (its block holds other text). */
				const inSentence = (el: HTMLElement) => {
					if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
					let block: HTMLElement | null = el.parentElement;
					while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
					const own = (el.textContent ?? '').trim().length;
					return (block?.textContent ?? '').trim().length > own + 3;
				};
				targets.forEach((el, i) => {
					const r = rects[i]!;
					if (r.width >= 23.5 && r.height >= 23.5) return;
					if (inSentence(el)) return;
					// spacing exception: a 24 px circle on the target's centre meets no other target
					const cx = r.left + r.width / 2;
					const cy = r.top + r.height / 2;
					const crowded = rects.some((o, j) => {
						if (j === i || targets[j]!.contains(el) || el.contains(targets[j]!)) return false;
						const dx = Math.max(o.left - cx, 0, cx - o.right);
						const dy = Math.max(o.top - cy, 0, cy - o.bottom);
						return Math.hypot(dx, dy) < 12;
					});
					if (crowded) out.push(`touch target ${Math.round(r.width)}×${Math.round(r.height)}: <${el.tagName.toLowerCase()}> "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`);
				});
				return out;
			});
			for (const f of found) problems.push(`${url} @${width}: ${f}`);
			const type = screenOf.get(url);
			if (type) await page.screenshot({ path: path.join(shots, `${type}-${width}.png`), fullPage: true });
		}
		const seconds = (Date.now() - started) / 1000;
		console.log(`crawled ${pages.length} pages at ${width} px in ${seconds.toFixed(0)} s`);
		expect(problems).toEqual([]);
	});
}
