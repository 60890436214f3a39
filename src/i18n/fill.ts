// Its own module, so an island that needs only placeholders (the case player) does not pull in the dictionaries'
// module with the plural code.
/** Fills {name} placeholders only: for islands whose strings have no plural block (the case player), so they do
 * not carry the plural code. An unknown placeholder stays visible so it is noticed. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

