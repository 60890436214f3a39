// Assessment rules: drawing an attempt from a bank, scoring it, and the attempt limits.
import { shuffle, type Random } from './random';

/** A bank item as the server holds it (content/assessments/<module>.yaml). */
export interface BankItem {
	id: string;
	objective: string;
	question: string;
	multiple: boolean;
	options: { id: string; text: string }[];
}

/** The key of one item (content/assessment-keys/<module>.yaml). */
export interface KeyEntry {
	correct: string[];
	explanation: string;
}

/** What an attempt hands out: the items in their order, each with its options in their order. */
export interface HandedOutItem {
	id: string;
	options: string[];
}

/**
 * Draws `draw` items spread over the objectives: the items are grouped by objective, the groups
 * shuffled, and one item is taken from each group in turn (round robin) until `draw` are taken.
 * The question order and each item's option order are shuffled too. Option ids are kept.
 */
export function drawAttempt(bank: readonly BankItem[], draw: number, random: Random): HandedOutItem[] {
	const groups = new Map<string, BankItem[]>();
	for (const item of bank) {
		const group = groups.get(item.objective) ?? [];
		group.push(item);
		groups.set(item.objective, group);
	}
	const queues = shuffle([...groups.values()], random).map((g) => shuffle(g, random));
	const chosen: BankItem[] = [];
	const wanted = Math.min(draw, bank.length);
	while (chosen.length < wanted) {
		for (const queue of queues) {
			const item = queue.shift();
			if (item && chosen.length < wanted) chosen.push(item);
		}
	}
	return shuffle(chosen, random).map((item) => ({ id: item.id, options: shuffle(item.options.map((o) => o.id), random) }));
}

export interface ItemResult {
	item: string;
	right: boolean;
}

export type ScoreResult =
	| { problem: string }
	| { correct: number; total: number; score: number; passed: boolean; results: ItemResult[] };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Scores the answers to the items handed out in one attempt, and only those. An answer for an item
 * that was not handed out is a problem that names the item; a missing answer counts as wrong.
 */
export function scoreAttempt(handedOut: readonly HandedOutItem[], bank: readonly BankItem[], key: Record<string, KeyEntry>, answers: unknown, passPercentage: number): ScoreResult {
	if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return { problem: 'answers: send an object { itemId: [optionId, …] }.' };
	const given = answers as Record<string, unknown>;
	const handed = new Map(handedOut.map((h) => [h.id, h]));
	const items = new Map(bank.map((i) => [i.id, i]));
	for (const id of Object.keys(given)) {
		const h = handed.get(id);
		if (!h) return { problem: `answers: the question "${String(id).slice(0, 60)}" was not part of this attempt.` };
		const chosen = given[id];
		if (!Array.isArray(chosen) || chosen.length > h.options.length) return { problem: `answers.${id}: send a list of option ids.` };
		for (let j = 0; j < chosen.length; j++) {
			if (typeof chosen[j] !== 'string' || !h.options.includes(chosen[j] as string)) return { problem: `answers.${id}: unknown option.` };
			if (chosen.indexOf(chosen[j]) !== j) return { problem: `answers.${id}: an option is given twice.` };
		}
		if (!items.get(id)?.multiple && chosen.length > 1) return { problem: `answers.${id}: choose one option.` };
	}
	const results: ItemResult[] = [];
	for (const h of handedOut) {
		const entry = key[h.id];
		if (!entry || !items.has(h.id)) return { problem: 'The answer key of this assessment is incomplete on the server.' };
		results.push({ item: h.id, right: sameSet((given[h.id] as string[] | undefined) ?? [], entry.correct) });
	}
	const correct = results.filter((r) => r.right).length;
	const total = handedOut.length;
	const score = total ? Math.round((correct / total) * 1000) / 10 : 0;
	return { correct, total, score, passed: score >= passPercentage, results };
}

/** How many attempts a test allows in a row, and how long to wait before the next series. */
export interface AttemptsConfig {
	max: number;
	waitHours: number;
}
export const defaultAttempts: AttemptsConfig = { max: 3, waitHours: 24 };

/** A submitted attempt, as far as the limits are concerned (times in ms since the epoch). */
export interface SubmittedAttempt {
	startedAt: number;
	submittedAt: number;
	passed: boolean;
}

export interface AttemptsStatus {
	/** Attempts used in the current series. */
	attemptsUsed: number;
	attemptsLeft: number;
	/** When the next series opens (ms), when none is left now; otherwise null. */
	nextAttemptAt: number | null;
	passed: boolean;
	/** Per submitted attempt (in the order given, sorted by submission): was it the last of its series? */
	lastOfSeries: boolean[];
}

/**
 * Attempts count in series of `max`. After `max` failed attempts the next series opens `waitHours`
 * after the last submission; an attempt started at or after that moment begins a new series.
 */
export function attemptsStatus(config: AttemptsConfig, submitted: readonly SubmittedAttempt[], now: number): AttemptsStatus {
	const wait = config.waitHours * 3600000;
	const sorted = submitted.slice().sort((a, b) => a.submittedAt - b.submittedAt);
	let used = 0;
	let lastSubmitted = 0;
	const lastOfSeries: boolean[] = [];
	for (const attempt of sorted) {
		if (used >= config.max && attempt.startedAt >= lastSubmitted + wait) used = 0;
		used++;
		lastSubmitted = attempt.submittedAt;
		lastOfSeries.push(used >= config.max);
	}
	const passed = sorted.some((a) => a.passed);
	if (used < config.max) return { attemptsUsed: used, attemptsLeft: passed ? 0 : config.max - used, nextAttemptAt: null, passed, lastOfSeries };
	const opens = lastSubmitted + wait;
	if (now >= opens) return { attemptsUsed: 0, attemptsLeft: passed ? 0 : config.max, nextAttemptAt: null, passed, lastOfSeries };
	return { attemptsUsed: used, attemptsLeft: 0, nextAttemptAt: passed ? null : opens, passed, lastOfSeries };
}
