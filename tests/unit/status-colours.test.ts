import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The status tokens of base.css (issue 19, point 3): good / fair / poor each with text contrast of at least 4.5:1 on
// its soft ground, on the page and on a card (WCAG 2.2 AA 1.4.3; the border in the same colour then passes 3:1 for
// non-text, 1.4.11), three distinct hues, and every status selector with an icon besides its colour.

const css = readFileSync('src/styles/base.css', 'utf8');
const token = (name: string) => {
	const m = css.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i'));
	if (!m) throw new Error(`--${name} is not a hex colour in base.css`);
	return m[1]!;
};
const luminance = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
};

describe('status colours', () => {
	for (const status of ['good', 'fair', 'poor']) {
		it(`--${status} reads at 4.5:1 or more on its soft ground, the page and a card`, () => {
			for (const ground of [token(`${status}-soft`), token('paper'), token('card')]) expect(contrast(token(status), ground), `${status} on ${ground}`).toBeGreaterThanOrEqual(4.5);
		});
	}
	it('good, fair and poor are three different hues, not one colour in three shades', () => {
		const hue = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
			return g! > r! && g! >= b! ? 'green' : r! > g! && g! > b! * 2 ? 'amber' : 'red';
		};
		expect([hue(token('good')), hue(token('fair')), hue(token('poor'))]).toEqual(['green', 'amber', 'red']);
	});
	it('every status selector of the site also gets an icon (never colour alone)', () => {
		for (const selector of ['.tag.quality-good', '.tag.quality-acceptable', '.tag.quality-poor', '.tag.outcome-good', '.tag.outcome-mixed', '.tag.outcome-poor', '.status--right', '.status--wrong', '.status--done', '.status--fair', '.status--poor'])
			expect(css, selector).toMatch(new RegExp(`${selector.replace(/[.-]/g, (c) => `\\${c}`)}::before[^{]*\\{ content: '[^']+' / ''; \\}|${selector.replace(/[.-]/g, (c) => `\\${c}`)}::before,`));
	});
});
