// Typographic quotes for lesson prose, right for Dutch: an apostrophe is always ’ ('s nachts →
// ’s nachts, zo'n → zo’n), double quotes become “ and ”. Replaces remark-smartypants, which
// turned 's into an opening quote (‘s) and cost about a quarter of the build time (issue 10).
// Plain JavaScript (with JSDoc types) because the MDX worker threads of the build load it on Node 20.

/** @typedef {{ type: string; value?: string; children?: MdNode[] }} MdNode */

/** @param {string} text */
export function typography(text) {
	return text
		.replace(/'/g, '’')
		.replace(/(^|[\s([{—–-])"(?=\S)/g, '$1“')
		.replace(/"/g, '”');
}

/** @param {MdNode} node */
function visit(node) {
	if (node.type === 'text' && node.value) node.value = typography(node.value);
	// Code keeps its quotes; JSX attributes are not text nodes and are left alone.
	if (node.type === 'inlineCode' || node.type === 'code') return;
	node.children?.forEach(visit);
}

/** The remark plugin (astro.config.mjs). */
export default function remarkTypography() {
	return (/** @type {MdNode} */ tree) => visit(tree);
}
