// A PDF as a reader's PDF viewer sees it, read with Mozilla's PDF.js (legacy build, for Node): its text, and
// a page as pixels. Independent of pdf-lib, which writes our PDFs, so a glyph that prints as something else,
// or a QR code drawn wrong, is caught.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text as PDF.js reads it: where its baseline starts (points from the bottom left) and how wide it is. */
export interface TextItem {
	str: string;
	x: number;
	y: number;
	width: number;
}
type Item = TextItem;

/** Every piece of text on every page, in the order the PDF draws them, with its page number. */
export async function pdfTextItems(bytes: Uint8Array): Promise<(TextItem & { page: number })[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
	const items: (TextItem & { page: number })[] = [];
	try {
		for (let n = 1; n <= doc.numPages; n++) {
			const content = await (await doc.getPage(n)).getTextContent();
			for (const item of content.items) {
				if (!('str' in item) || item.str.trim() === '') continue;
				items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, page: n });
			}
		}
	} finally {
		await doc.destroy();
	}
	return items;
}

/** Points of empty baseline that separate two columns rather than two words. */
const columnGap = 20;

/**
 * Every line of text on every page, top to bottom: pieces drawn on the same baseline (within a point) and
 * close together are joined left to right with a space; pieces further apart on one baseline (columns side
 * by side) are separate lines, left to right.
 */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
	const all = await pdfTextItems(bytes);
	const lines: string[] = [];
	for (const page of [...new Set(all.map((i) => i.page))]) {
		const items: Item[] = all.filter((i) => i.page === page).sort((a, b) => b.y - a.y || a.x - b.x);
		let row: Item[] = [];
		const flush = () => {
			let line = '';
			let end = -Infinity;
			for (const item of row.sort((a, b) => a.x - b.x)) {
				if (line && item.x - end > columnGap) {
					lines.push(line.replace(/\s+/g, ' ').trim());
					line = '';
				}
				line = line ? `${line} ${item.str}` : item.str;
				end = item.x + item.width;
			}
			if (line) lines.push(line.replace(/\s+/g, ' ').trim());
			row = [];
		};
		for (const item of items) {
			if (row.length > 0 && Math.abs(row[0]!.y - item.y) > 1) flush();
			row.push(item);
		}
		flush();
	}
	return lines;
}

/**
 * One page drawn as pixels by PDF.js (RGBA, `scale` pixels per point), as a PDF viewer shows it. PDF.js draws
 * in Node with `@napi-rs/canvas`, which npm installs with `pdfjs-dist` on Linux, macOS and Windows.
 */
export async function pdfPageImage(bytes: Uint8Array, pageNumber = 1, scale = 2): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
	const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
	try {
		const page = await doc.getPage(pageNumber);
		const viewport = page.getViewport({ scale });
		// PDF.js types its canvas factory as a bare Object; in Node it is a NodeCanvasFactory.
		const factory = doc.canvasFactory as { create(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } };
		const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
		await page.render({ canvasContext: context, viewport, canvas }).promise;
		const image = context.getImageData(0, 0, canvas.width, canvas.height);
		return { data: image.data, width: image.width, height: image.height };
	} finally {
		await doc.destroy();
	}
}
