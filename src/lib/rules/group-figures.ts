// The trainer dashboard's group figures (pocketbase/pb_hooks/lib/cohort.js gathers the rows).
// Privacy: a figure about a group is shown only from MIN_GROUP learners up, and only for what the cohort
// was assigned; below that the figure is null and the trainer page says there are too few answers to show.
// Robustness: stored values are data from learners; anything that is not what it should be is ignored,
// never trusted, so one learner cannot break or skew a trainer's dashboard.
import { isOwn } from './own';
import { validScore } from './self-check';

export const MIN_GROUP = 5;

/** What a cohort was assigned: its tests, its cases (by id, as own keys) and whether the self-check belongs. */
export interface AssignedScope {
	assessments: Record<string, true>;
	scenarios: Record<string, true>;
	selfCheck: boolean;
}

/** The part of the server's catalogue (dist/catalog.json) the scope is read from. */
export interface ScopeCatalog {
	courses: Record<string, { assessments?: readonly string[]; steps?: readonly string[] }>;
	selfCheck?: { courses?: readonly string[] };
}

/** A JSON column as the dashboard reads it: text is parsed (undefined when it is not JSON), anything else taken as it is. */
function parse(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		// Not JSON: no figure comes from it.
	}
	return undefined;
}

/** A count kept under a key that may be any id, 'constructor' included. */
const countOf = (counts: Record<string, number>, key: string): number => (isOwn(counts, key) ? counts[key]! : 0);

const SCENARIO_STEP = 'scenario/';

/** What the cohort was assigned, from the catalogue; a course the catalogue does not hold adds nothing. */
export function assignedScope(catalog: ScopeCatalog, assignedCourses: readonly string[]): AssignedScope {
	const scope: AssignedScope = { assessments: {}, scenarios: {}, selfCheck: false };
	const selfCheckCourses = catalog.selfCheck?.courses ?? [];
	for (const id of assignedCourses) {
		const course = isOwn(catalog.courses, id) ? catalog.courses[id] : undefined;
		if (!course) continue;
		for (const a of course.assessments ?? []) scope.assessments[a] = true;
		for (const s of course.steps ?? []) if (s.startsWith(SCENARIO_STEP)) scope.scenarios[s.slice(SCENARIO_STEP.length)] = true;
		if (selfCheckCourses.includes(id)) scope.selfCheck = true;
	}
	return scope;
}

export interface ItemFigure {
	answered: number;
	correct: number;
	question: string | null;
}
export type ItemStatistics = Record<string, { learners: number; items: Record<string, ItemFigure> | null }>;

/**
 * Share right per test question, from each learner's latest submitted attempt, for assigned tests only.
 * Counts the result each item was scored with when the attempt was submitted (stored with the attempt),
 * never the current key. attempts: in the order they were submitted; results is [{ item, right }] as JSON
 * text or array; questionOf(assessment, item) gives the question text.
 */
export function itemStatistics(
	attempts: readonly { user: string; assessment: string; results: unknown }[],
	scope: AssignedScope,
	questionOf?: (assessment: string, item: string) => string | null,
): ItemStatistics {
	const latest = new Map<string, (typeof attempts)[number]>();
	for (const a of attempts) if (isOwn(scope.assessments, a.assessment)) latest.set(`${a.assessment}|${a.user}`, a);
	const out: ItemStatistics = {};
	for (const a of latest.values()) {
		const entry = (out[a.assessment] ??= { learners: 0, items: {} });
		const items = entry.items!;
		entry.learners++;
		const results = parse(a.results);
		if (!Array.isArray(results)) continue;
		for (const r of results as { item?: unknown; right?: unknown }[]) {
			// '__proto__' would not become a key of its own (item ids are slugs; a stored value could still say so).
			if (!r || typeof r.item !== 'string' || r.item === '__proto__') continue;
			const figure = isOwn(items, r.item) ? items[r.item]! : (items[r.item] = { answered: 0, correct: 0, question: questionOf ? questionOf(a.assessment, r.item) : null });
			figure.answered++;
			if (r.right === true) figure.correct++;
		}
	}
	for (const entry of Object.values(out)) if (entry.learners < MIN_GROUP) entry.items = null;
	return out;
}

/** A case as the catalogue gives it: its nodes, each decision with its options. */
export interface ScenarioShape {
	nodes?: Record<string, { options?: readonly { id: string }[] }>;
}
export type ChoiceCounts = Record<string, { learners: number; decisions: Record<string, Record<string, number>> | null }>;

/**
 * How often each option was chosen per decision of an assigned case, counted over learners' finished runs.
 * Only real nodes and options of the catalogue's case count.
 */
export function choiceCounts(runs: readonly { user: string; scenario: string; choices: unknown }[], scenarios: Record<string, ScenarioShape>, scope: AssignedScope): ChoiceCounts {
	const out: ChoiceCounts = {};
	const learners = new Map<string, Set<string>>();
	for (const r of runs) {
		const scenario = isOwn(scope.scenarios, r.scenario) && isOwn(scenarios, r.scenario) ? scenarios[r.scenario] : undefined;
		if (!scenario) continue;
		const nodes = scenario.nodes ?? {};
		const entry = (out[r.scenario] ??= { learners: 0, decisions: {} });
		const decisions = entry.decisions!;
		const seen = learners.get(r.scenario) ?? new Set<string>();
		learners.set(r.scenario, seen.add(r.user));
		entry.learners = seen.size;
		const choices = parse(r.choices);
		if (!Array.isArray(choices)) continue;
		for (const c of choices as { node?: unknown; option?: unknown }[]) {
			// An option id is compared strictly, so only a text can match; a node is looked up by name, so only a text may.
			if (!c || typeof c.node !== 'string') continue;
			const node = isOwn(nodes, c.node) ? nodes[c.node] : undefined;
			const option = node && (node.options ?? []).find((o) => o.id === c.option);
			if (!option) continue;
			const counts = isOwn(decisions, c.node) ? decisions[c.node]! : (decisions[c.node] = {});
			counts[option.id] = countOf(counts, option.id) + 1;
		}
	}
	for (const entry of Object.values(out)) if (entry.learners < MIN_GROUP) entry.decisions = null;
	return out;
}

export type SelfCheckAverages = Partial<Record<'before' | 'after', { count: number; averages: Record<string, number> | null }>>;

/**
 * Group averages per domain of the self-check, before and after, only for the known domains and only
 * from MIN_GROUP learners up (the self-check and each domain). rows: one per learner and kind.
 */
export function selfCheckAverages(rows: readonly { kind: unknown; scores: unknown }[], domains: readonly string[], scope: AssignedScope): SelfCheckAverages {
	if (!scope.selfCheck) return {};
	const sums: Partial<Record<'before' | 'after', { count: number; sums: Record<string, number>; counts: Record<string, number> }>> = {};
	for (const row of rows) {
		if (row.kind !== 'before' && row.kind !== 'after') continue;
		const scores = parse(row.scores);
		const kind = (sums[row.kind] ??= { count: 0, sums: {}, counts: {} });
		kind.count++;
		for (const d of domains) {
			const score = isOwn(scores, d) ? (scores as Record<string, unknown>)[d] : undefined;
			if (!validScore(score)) continue;
			kind.sums[d] = countOf(kind.sums, d) + score;
			kind.counts[d] = countOf(kind.counts, d) + 1;
		}
	}
	const out: SelfCheckAverages = {};
	for (const k of Object.keys(sums) as ('before' | 'after')[]) {
		const kind = sums[k]!;
		let averages: Record<string, number> | null = null;
		if (kind.count >= MIN_GROUP) {
			averages = {};
			for (const d of domains) {
				const count = countOf(kind.counts, d);
				if (count >= MIN_GROUP) averages[d] = Math.round((countOf(kind.sums, d) / count) * 10) / 10;
			}
		}
		out[k] = { count: kind.count, averages };
	}
	return out;
}
