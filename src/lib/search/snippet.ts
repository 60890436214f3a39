// The text under a search result: a window around the first word that matches the query, cut on word
// boundaries (never mid-word), with every matching word marked.
import { queryWords } from './query';

export interface SnippetPart {
	text: string;
	/** A word that matches the query, shown in <mark>. */
	mark: boolean;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** What a query word must contain to match a word of the text: longer words lose two letters (gesprekken → gesprek). */
function stemsOf(query: string): string[] {
	return queryWords(query)
		.map((w) => (w.length > 5 ? w.slice(0, -2) : w))
		.filter((s) => s.length >= 2);
}

/** The last space before `at` but after `floor` (else the end of the word at `at`); `at` itself when it is already between words. */
function cutBack(text: string, at: number, floor: number): number {
	if (at >= text.length || /\s/u.test(text[at]!) || /\s/u.test(text[at - 1] ?? ' ')) return at;
	const space = text.lastIndexOf(' ', at);
	if (space > floor) return space;
	const next = text.slice(at).search(/\s/u);
	return next < 0 ? text.length : at + next;
}

/** The first word start at or after `at`, but not after `ceiling`. */
function cutForward(text: string, at: number, ceiling: number): number {
	if (at <= 0 || /\s/u.test(text[at - 1]!)) return at;
	const space = text.indexOf(' ', at);
	return space >= 0 && space < ceiling ? space + 1 : ceiling;
}

/**
 * The snippet of `text` for `query`: up to `before` characters before the first matching word and `after`
 * characters after it, or the first `plain` characters when no word matches, cut between words, with "…"
 * where text was left out.
 */
export function snippetParts(text: string, query: string, { before = 80, after = 140, plain = 220 } = {}): SnippetPart[] {
	const stems = stemsOf(query);
	const words = [...text.matchAll(wordPattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, hit: stems.some((s) => m[0].toLowerCase().includes(s)) }));
	const first = words.find((w) => w.hit);
	let start = 0;
	let end = Math.min(text.length, plain);
	if (first) {
		start = Math.max(0, first.start - before);
		start = cutForward(text, start, first.start);
		end = Math.min(text.length, first.end + after);
	}
	end = cutBack(text, end, first ? first.end : 0);
	const parts: SnippetPart[] = [];
	const push = (piece: string, mark: boolean) => {
		if (!piece) return;
		const last = parts[parts.length - 1];
		if (last && last.mark === mark) last.text += piece;
		else parts.push({ text: piece, mark });
	};
	if (start > 0) push('…', false);
	let at = start;
	for (const w of words) {
		if (!w.hit || w.start < start || w.end > end) continue;
		push(text.slice(at, w.start), false);
		push(text.slice(w.start, w.end), true);
		at = w.end;
	}
	const rest = text.slice(at, end);
	if (end < text.length) push(`${rest.replace(/[\s,;:–-]+$/u, '')}…`, false);
	else push(rest, false);
	return parts;
}
