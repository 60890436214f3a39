import { describe, expect, it } from 'vitest';
import { typography } from '../../src/lib/markdown/remark-typography';
import skipRehypeRaw from '../../src/lib/markdown/skip-rehype-raw';

describe('Dutch typography for lesson prose', () => {
	it('writes every apostrophe as ’, also the one that opens ’s', () => {
		expect(typography("Hij ligt 's nachts wakker, zo'n drie keer, zegt de collega's vrouw.")).toBe('Hij ligt ’s nachts wakker, zo’n drie keer, zegt de collega’s vrouw.');
	});
	it('opens and closes double quotes by position', () => {
		expect(typography('Ze vraagt: "En hoe gaat het met u?" Hilde huilt.')).toBe('Ze vraagt: “En hoe gaat het met u?” Hilde huilt.');
		expect(typography('"Ja", zegt hij.')).toBe('“Ja”, zegt hij.');
		expect(typography('(“al”) en ("nog")')).toBe('(“al”) en (“nog”)');
	});
});

describe('MDX pipeline', () => {
	it('switches rehype-raw off and leaves the other plugins as they are', () => {
		const options = { passThrough: ['mdxjsEsm'] };
		const processor = { attachers: [[function remarkGfm() {}, undefined], [function rehypeRaw() {}, options], [function rehypeShiki() {}, {}]] as [(...args: never[]) => unknown, ...unknown[]][] };
		skipRehypeRaw.call(processor);
		expect(processor.attachers.map((a) => a[1])).toEqual([undefined, false, {}]);
	});
});
