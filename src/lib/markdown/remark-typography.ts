// Typographic quotes for lesson prose, right for Dutch: an apostrophe is always ’ ('s nachts →
// ’s nachts, zo'n → zo’n), double quotes become “ and ”. Replaces remark-smartypants, which
// turned 's into an opening quote (‘s) and cost about a quarter of the build time (issue 10).
interface Node {
	type: string;
	value?: string;
	children?: Node[];
}

export function typography(text: string): string {
	return text
		.replace(/'/g, '’')
		.replace(/(^|[\s([{—–-])"(?=\S)/g, '$1“')
		.replace(/"/g, '”');
}

function visit(node: Node): void {
	if (node.type === 'text' && node.value) node.value = typography(node.value);
	// Code keeps its quotes; JSX attributes are not text nodes and are left alone.
	if (node.type === 'inlineCode' || node.type === 'code') return;
	node.children?.forEach(visit);
}

/** The remark plugin (astro.config.mjs). */
export default function remarkTypography() {
	return (tree: Node) => visit(tree);
}
