// The trainer dashboard's group figures, pure (no $app), so Node unit-tests them too (tests/unit/aggregates.test.ts).
// Privacy: a figure about a group is shown only from MIN_GROUP learners up, and only for what the cohort was
// assigned; below that the figure is null and the trainer page says there are too few answers to show.
// Robustness: stored values are data from learners; anything that is not what it should be is ignored,
// never trusted, so one learner cannot break or skew a trainer's dashboard.

const MIN_GROUP = 5;
const SELF_CHECK_MIN = 0; // a domain without answers scores 0 (see src/lib/self-check.ts)
const SELF_CHECK_MAX = 5;

function own(object, key) {
	return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
}

function parse(text, fallback) {
	if (text !== null && typeof text === "object") return text;
	try {
		const value = JSON.parse(String(text));
		return value === null || value === undefined ? fallback : value;
	} catch (err) {
		return fallback;
	}
}

/** What the cohort was assigned, from the catalogue: its assessments, its cases and whether the self-check belongs. */
function assignedScope(catalog, assignedCourses) {
	const assessments = {};
	const scenarios = {};
	let selfCheck = false;
	const selfCheckCourses = (catalog.selfCheck && catalog.selfCheck.courses) || [];
	assignedCourses.forEach((id) => {
		if (!own(catalog.courses, id)) return;
		const course = catalog.courses[id];
		(course.assessments || []).forEach((a) => (assessments[a] = true));
		(course.steps || []).forEach((s) => {
			if (s.indexOf("scenario/") === 0) scenarios[s.slice("scenario/".length)] = true;
		});
		if (selfCheckCourses.indexOf(id) >= 0) selfCheck = true;
	});
	return { assessments, scenarios, selfCheck };
}

/**
 * Share right per test question, from each learner's latest submitted attempt, for assigned tests only.
 * Counts the result each item was scored with when the attempt was submitted (stored with the attempt),
 * never the current key. attempts: [{ user, assessment, results }] in the order they were submitted, where
 * results is [{ item, right }] (JSON text or array); questionOf(assessment, item) gives the question text.
 * Returns { <assessment>: { learners, items: { <item>: { answered, correct, question } } | null } }.
 */
function itemStatistics(attempts, scope, questionOf) {
	const latest = {};
	attempts.forEach((a) => {
		if (!own(scope.assessments, a.assessment)) return;
		latest[a.assessment + "|" + a.user] = a;
	});
	const out = {};
	Object.keys(latest).forEach((k) => {
		const a = latest[k];
		const results = parse(a.results, []);
		const entry = (out[a.assessment] = out[a.assessment] || { learners: 0, items: {} });
		entry.learners++;
		if (!Array.isArray(results)) return;
		results.forEach((r) => {
			if (!r || typeof r.item !== "string" || r.item === "__proto__") return;
			if (!own(entry.items, r.item)) entry.items[r.item] = { answered: 0, correct: 0, question: questionOf ? questionOf(a.assessment, r.item) : null };
			const stat = entry.items[r.item];
			stat.answered++;
			if (r.right === true) stat.correct++;
		});
	});
	Object.keys(out).forEach((id) => {
		if (out[id].learners < MIN_GROUP) out[id].items = null;
	});
	return out;
}

/**
 * How often each option was chosen per decision of an assigned case, counted over learners' runs.
 * runs: [{ user, scenario, choices }]; scenarios: the catalogue's case graphs (only real nodes and options count).
 * Returns { <scenario>: { learners, decisions: { <node>: { <option>: n } } | null } }.
 */
function choiceCounts(runs, scenarios, scope) {
	const out = {};
	const learners = {};
	runs.forEach((r) => {
		if (!own(scope.scenarios, r.scenario) || !own(scenarios, r.scenario)) return;
		const nodes = scenarios[r.scenario].nodes || {};
		const entry = (out[r.scenario] = out[r.scenario] || { learners: 0, decisions: {} });
		learners[r.scenario] = learners[r.scenario] || {};
		if (!learners[r.scenario][r.user]) {
			learners[r.scenario][r.user] = true;
			entry.learners++;
		}
		const choices = parse(r.choices, []);
		if (!Array.isArray(choices)) return;
		choices.forEach((c) => {
			if (!c || typeof c.node !== "string" || typeof c.option !== "string" || !own(nodes, c.node)) return;
			const options = (nodes[c.node].options || []).map((o) => o.id);
			if (options.indexOf(c.option) < 0) return;
			const node = (entry.decisions[c.node] = entry.decisions[c.node] || {});
			node[c.option] = (node[c.option] || 0) + 1;
		});
	});
	Object.keys(out).forEach((id) => {
		if (out[id].learners < MIN_GROUP) out[id].decisions = null;
	});
	return out;
}

/** True for a stored self-check domain score the dashboard may use. */
function validScore(value) {
	const n = typeof value === "number" ? value : NaN;
	return isFinite(n) && n >= SELF_CHECK_MIN && n <= SELF_CHECK_MAX;
}

/**
 * Group averages per domain of the self-check, before and after, only for the known domains and only
 * from MIN_GROUP learners up. rows: [{ kind, scores }]; domains: the catalogue's domain ids.
 * Returns { before?: { count, averages: { <domain>: mean } | null }, after?: … }.
 */
function selfCheckAverages(rows, domains, scope) {
	if (!scope.selfCheck) return {};
	const agg = {};
	rows.forEach((row) => {
		if (row.kind !== "before" && row.kind !== "after") return;
		const scores = parse(row.scores, {});
		const a = (agg[row.kind] = agg[row.kind] || { count: 0, sums: {}, counts: {} });
		a.count++;
		domains.forEach((d) => {
			if (!own(scores, d) || !validScore(scores[d])) return;
			a.sums[d] = (a.sums[d] || 0) + scores[d];
			a.counts[d] = (a.counts[d] || 0) + 1;
		});
	});
	const out = {};
	Object.keys(agg).forEach((kind) => {
		const a = agg[kind];
		let averages = null;
		if (a.count >= MIN_GROUP) {
			averages = {};
			domains.forEach((d) => {
				if (a.counts[d] >= MIN_GROUP) averages[d] = Math.round((a.sums[d] / a.counts[d]) * 10) / 10;
			});
		}
		out[kind] = { count: a.count, averages };
	});
	return out;
}

module.exports = { MIN_GROUP, assignedScope, itemStatistics, choiceCounts, selfCheckAverages, validScore, own, parse };
