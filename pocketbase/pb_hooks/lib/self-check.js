// Checks a self-check before it is saved (self-checks.pb.js), pure so Node unit-tests it.
// Only the questions and domains of content/self-check.yaml (dist/catalog.json → selfCheck) and answers 1–5
// are accepted; the domain scores are computed here from the answers, never taken from the browser.

function own(object, key) {
	return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
}

const isPlainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * spec: { domains: { <domain>: [<item>, …] } }. Returns { problem: "field: message." } or { scores }.
 * A domain without answers scores 0, like src/lib/self-check.ts domainScores.
 */
function checkSelfCheck(input, spec) {
	if (!spec || !isPlainObject(spec.domains)) return { problem: "The self-check is not available on the server." };
	const itemDomain = {};
	Object.keys(spec.domains).forEach((d) => spec.domains[d].forEach((item) => (itemDomain[item] = d)));
	const answers = input.answers;
	if (!isPlainObject(answers)) return { problem: "answers: send the answers as an object of question → 1 to 5." };
	const keys = Object.keys(answers);
	for (let i = 0; i < keys.length; i++) {
		const k = keys[i];
		if (!own(itemDomain, k)) return { problem: `answers.${k.slice(0, 60)}: unknown question.` };
		const v = answers[k];
		if (typeof v !== "number" || !isFinite(v) || Math.floor(v) !== v || v < 1 || v > 5) return { problem: `answers.${k}: must be a whole number from 1 to 5.` };
	}
	const scores = input.scores;
	if (scores !== undefined && scores !== null) {
		if (!isPlainObject(scores)) return { problem: "scores: send the scores as an object of domain → 0 to 5." };
		const domains = Object.keys(scores);
		for (let i = 0; i < domains.length; i++) {
			const d = domains[i];
			if (!own(spec.domains, d)) return { problem: `scores.${d.slice(0, 60)}: unknown domain.` };
			const v = scores[d];
			if (typeof v !== "number" || !isFinite(v) || v < 0 || v > 5) return { problem: `scores.${d}: must be a number from 0 to 5.` };
		}
	}
	const computed = {};
	Object.keys(spec.domains).forEach((d) => {
		const values = spec.domains[d].filter((item) => own(answers, item)).map((item) => answers[item]);
		computed[d] = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : 0;
	});
	return { scores: computed };
}

module.exports = { checkSelfCheck };
