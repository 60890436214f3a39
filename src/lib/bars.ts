// Bars in charts are decoration beside the numbers, which stay as text. One rule for their length everywhere
// (the self-check chart, the trainer dashboard): the value's share of the maximum, as a CSS width in percent.

/** The bar's length in percent of its track: value / max, clamped to 0–100; 0 when there is no maximum. */
export function barWidth(value: number, max: number): number {
	if (!(max > 0) || !Number.isFinite(value)) return 0;
	return Math.min(100, Math.max(0, Math.round((value / max) * 1000) / 10));
}
