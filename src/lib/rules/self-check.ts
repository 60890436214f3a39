// The self-check's rules, written once: the mean per domain the page shows and the server stores
// (the server computes it again from the answers, never taking the browser's), and what the server
// accepts (pocketbase/pb_hooks/lib/self-check-hook.js; the questions and domains of content/self-check.yaml
// reach it through dist/catalog.json → selfCheck).
import { isOwn } from './own';

/** The lowest and highest answer to a question, and the range of a domain's mean (0: nothing answered). */
export const ANSWER_MIN = 1;
export const ANSWER_MAX = 5;
export const SCORE_MIN = 0;

/** The self-check's domains, each with its question ids, in the order of content/self-check.yaml. */
export type SelfCheckDomains = Readonly<Record<string, readonly string[]>>;

/** The domains with their question ids, from the self-check as content/self-check.yaml describes it. */
export function selfCheckDomains(data: { domains: readonly { id: string; items: readonly { id: string }[] }[] }): SelfCheckDomains {
	return Object.fromEntries(data.domains.map((d) => [d.id, d.items.map((i) => i.id)]));
}

export type SelfCheckCheck = { problem: string; scores?: undefined } | { problem?: undefined; scores: Record<string, number> };

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** True for a number from lo to hi (NaN and the infinities are outside any such range). */
const inRange = (value: unknown, lo: number, hi: number): value is number => typeof value === 'number' && value >= lo && value <= hi;

/** True for a domain score a trainer's group figures may use: a finite number from 0 to 5. */
export function validScore(value: unknown): value is number {
	return inRange(value, SCORE_MIN, ANSWER_MAX);
}

/** Mean answer (one decimal) per domain; a question without an answer from 1 to 5 does not count; a domain without answers scores 0. */
export function domainScores(domains: SelfCheckDomains, answers: Readonly<Record<string, unknown>>): Record<string, number> {
	const scores: Record<string, number> = {};
	for (const domain of Object.keys(domains)) {
		// An answer read through the prototype (a question named 'constructor' left open) is a function, never a number.
		const values = domains[domain]!.map((item) => answers[item]).filter((v): v is number => inRange(v, ANSWER_MIN, ANSWER_MAX));
		scores[domain] = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : SCORE_MIN;
	}
	return scores;
}

/**
 * Checks a self-check before the server saves it. Only known questions with a whole number from 1 to 5
 * are accepted, and scores, when sent, only for known domains from 0 to 5; the scores saved are the
 * server's own (`domainScores` of the answers). `problem` names the field, in English, as the API does.
 */
export function checkSelfCheck(input: { answers?: unknown; scores?: unknown }, spec: { domains?: unknown } | null | undefined): SelfCheckCheck {
	if (!spec || !isPlainObject(spec.domains) || !Object.values(spec.domains).every(Array.isArray)) return { problem: 'The self-check is not available on the server.' };
	const domains = spec.domains as SelfCheckDomains;
	const known = new Set<string>();
	for (const domain of Object.keys(domains)) domains[domain]!.forEach((item) => known.add(item));
	const answers = input.answers;
	if (!isPlainObject(answers)) return { problem: 'answers: send the answers as an object of question → 1 to 5.' };
	for (const question of Object.keys(answers)) {
		if (!known.has(question)) return { problem: `answers.${question.slice(0, 60)}: unknown question.` };
		const value = answers[question];
		if (!inRange(value, ANSWER_MIN, ANSWER_MAX) || !Number.isInteger(value)) return { problem: `answers.${question}: must be a whole number from 1 to 5.` };
	}
	const scores = input.scores;
	if (scores !== undefined && scores !== null) {
		if (!isPlainObject(scores)) return { problem: 'scores: send the scores as an object of domain → 0 to 5.' };
		for (const domain of Object.keys(scores)) {
			if (!isOwn(domains, domain)) return { problem: `scores.${domain.slice(0, 60)}: unknown domain.` };
			if (!validScore(scores[domain])) return { problem: `scores.${domain}: must be a number from 0 to 5.` };
		}
	}
	return { scores: domainScores(domains, answers) };
}
