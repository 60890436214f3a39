// Scores an assessment attempt against its answer key. Pure: values in, values out (unit-tested in Node).

/**
 * @param {{passPercentage: number, items: {id: string, multiple: boolean, options: string[]}[]}} assessment public shape (catalog.json)
 * @param {Record<string, {correct: string[], explanation: string}>} key the answer key (never public)
 * @param {unknown} answers what the learner sent: { itemId: [optionId, ...] }
 * @returns {{problem: string} | {correct: number, total: number, score: number, passed: boolean, items: {id: string, right: boolean, correct: string[], explanation: string}[]}}
 */
function scoreAttempt(assessment, key, answers) {
	if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { problem: "answers: send an object { itemId: [optionId, …] }." };
	const items = assessment.items;
	const byId = {};
	for (let i = 0; i < items.length; i++) byId[items[i].id] = items[i];
	const given = Object.keys(answers);
	if (given.length > items.length) return { problem: "answers: more answers than questions." };
	for (let i = 0; i < given.length; i++) {
		const id = given[i];
		const item = byId[id];
		if (!item) return { problem: 'answers: unknown question "' + String(id).slice(0, 40) + '".' };
		const chosen = answers[id];
		if (!Array.isArray(chosen) || chosen.length > item.options.length) return { problem: 'answers.' + id + ": send a list of option ids." };
		for (let j = 0; j < chosen.length; j++) {
			if (typeof chosen[j] !== "string" || item.options.indexOf(chosen[j]) === -1) return { problem: "answers." + id + ": unknown option." };
			if (chosen.indexOf(chosen[j]) !== j) return { problem: "answers." + id + ": an option is given twice." };
		}
		if (!item.multiple && chosen.length > 1) return { problem: "answers." + id + ": choose one option." };
	}
	let correct = 0;
	const result = [];
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const entry = key[item.id];
		if (!entry) return { problem: "The answer key of this assessment is incomplete on the server." };
		const chosen = (answers[item.id] || []).slice().sort();
		const right = entry.correct.slice().sort();
		const ok = chosen.length === right.length && chosen.every((c, j) => c === right[j]);
		if (ok) correct++;
		result.push({ id: item.id, right: ok, correct: entry.correct, explanation: entry.explanation });
	}
	const score = Math.round((correct / items.length) * 1000) / 10;
	return { correct: correct, total: items.length, score: score, passed: score >= assessment.passPercentage, items: result };
}

module.exports = { scoreAttempt };
