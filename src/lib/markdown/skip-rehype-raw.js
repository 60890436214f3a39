// Turns rehype-raw off in the MDX pipeline. @astrojs/mdx always adds it (for custom syntax
// highlighters), but MDX has no raw HTML (tags in a lesson are JSX), so it only sends every lesson's
// tree through an HTML parser again: about 2 s of a 1,000-lesson build (issue 10). unified skips a
// plugin whose options are `false`; this remark plugin, attached earlier, sets that before the
// processor freezes. Should a raw node ever appear, MDX refuses it and the build fails with a message.
// Plain JavaScript (with JSDoc types) because the MDX worker threads of the build load it on Node 20.

/**
 * The part of a unified processor this plugin touches: its list of [plugin, ...options].
 * @typedef {{ attachers: [(...args: never[]) => unknown, ...unknown[]][] }} Attachers
 */

/** @this {Attachers} */
export default function skipRehypeRaw() {
	for (const attacher of this.attachers) if (attacher[0].name === 'rehypeRaw') attacher[1] = false;
}
