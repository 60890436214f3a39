// The assessment banks and keys on the server, and the views of attempts the routes answer with.
// Banks (PW_ASSESSMENT_BANKS) and keys (PW_ANSWER_KEYS) are JSON files in the private data directory,
// written from content/ when the server starts (scripts/lib/answer-keys.mjs); never part of the site.
//
// Parsed once per file version and kept in $app.store() (a Go map shared by all hook runtimes): a
// module-level cache would be empty on every call, because PocketBase evaluates a required module anew.

function stamp(path) {
	try {
		return path + "@" + $os.stat(path).modTime().unixMilli();
	} catch (err) {
		return null;
	}
}

function readJsonFile(path) {
	try {
		return JSON.parse(toString($os.readFile(path)));
	} catch (err) {
		console.error("assessments: cannot read " + path + ": " + err);
		return null;
	}
}

/**
 * One assessment as the server needs it: { id, title, passPercentage, draw, attempts: {max, waitHours},
 * items: bank items, key: { itemId: {correct, explanation} } }, or null when it does not exist.
 * Throws a 500 when the bank or key files are missing on the server.
 */
function loadAssessment(id) {
	const banksPath = $os.getenv("PW_ASSESSMENT_BANKS");
	const keysPath = $os.getenv("PW_ANSWER_KEYS");
	const banksStamp = banksPath ? stamp(banksPath) : null;
	const keysStamp = keysPath ? stamp(keysPath) : null;
	if (!banksStamp || !keysStamp) throw new InternalServerError("The assessments are not available on the server.");
	const storeKey = "palliwijs.assessments@" + banksStamp + "|" + keysStamp;
	const store = $app.store();
	if (!store.has(storeKey)) {
		const banks = readJsonFile(banksPath);
		const keys = readJsonFile(keysPath);
		if (!banks || !keys) throw new InternalServerError("The assessments are not available on the server.");
		Object.keys(banks).forEach((name) => {
			const bank = banks[name] || {};
			const attempts = bank.attempts || {};
			const assessment = {
				id: name,
				title: bank.title,
				passPercentage: bank.passPercentage,
				draw: bank.draw,
				attempts: { max: attempts.max === undefined ? 3 : attempts.max, waitHours: attempts.waitHours === undefined ? 24 : attempts.waitHours },
				items: (bank.items || []).map((item) => ({ id: item.id, objective: item.objective || "", question: item.question, multiple: !!item.multiple, options: item.options })),
				key: keys[name] || {},
			};
			// Kept as JSON text per assessment: what the store gives back are Go maps and slices, not plain
			// JS objects, and parsing one bank (a few KB) costs far less than reading and parsing all files.
			store.set(storeKey + "/" + name, JSON.stringify(assessment));
		});
		store.set(storeKey, true);
	}
	const text = store.get(storeKey + "/" + id);
	return text ? JSON.parse(text) : null;
}

const ms = (value) => {
	if (!value) return null;
	const t = new Date(String(value).replace(" ", "T")).getTime();
	return isNaN(t) ? null : t;
};
const iso = (t) => (t === null || t === undefined ? null : new Date(t).toISOString());

/** The submitted attempts of a learner, oldest first, in the shape the rules take. */
function submittedOf(records) {
	return records
		.filter((r) => r.getString("submittedAt") !== "")
		.map((r) => ({ record: r, startedAt: ms(r.getString("startedAt")) || ms(r.getString("created")), submittedAt: ms(r.getString("submittedAt")), passed: r.getBool("passed") }))
		.sort((a, b) => a.submittedAt - b.submittedAt);
}

function jsonOf(record, field, fallback) {
	const value = record.get(field);
	if (value === null || value === undefined) return fallback;
	try {
		const parsed = JSON.parse(toString(value));
		return parsed === null ? fallback : parsed;
	} catch (err) {
		return fallback;
	}
}

/** Whether every item handed out in an attempt is still in the bank and the key (content can change). */
function isCurrent(record, assessment) {
	const known = {};
	assessment.items.forEach((i) => (known[i.id] = !!assessment.key[i.id]));
	return jsonOf(record, "items", []).every((h) => known[h.id] === true);
}

/** AttemptView: the questions handed out, in their order, with the options in their order. No key. */
function attemptView(record, assessment) {
	const byId = {};
	assessment.items.forEach((i) => (byId[i.id] = i));
	const handed = jsonOf(record, "items", []);
	return {
		id: record.id,
		assessment: assessment.id,
		startedAt: iso(ms(record.getString("startedAt"))),
		items: handed
			.filter((h) => byId[h.id])
			.map((h) => {
				const item = byId[h.id];
				const texts = {};
				item.options.forEach((o) => (texts[o.id] = o.text));
				return { id: h.id, question: item.question, multiple: item.multiple, options: h.options.map((o) => ({ id: o, text: texts[o] })) };
			}),
	};
}

/**
 * ResultView of a submitted attempt. `wrong` names the question and the lesson to reread, never the
 * right option; `review` (right options and explanations) only when the attempt passed or was the last
 * of its series (stored as `reveal` when it was scored).
 */
function resultView(record, assessment, status, lessonTitles) {
	const byId = {};
	assessment.items.forEach((i) => (byId[i.id] = i));
	const results = jsonOf(record, "results", []);
	const answers = jsonOf(record, "answers", {});
	const handed = jsonOf(record, "items", []);
	const lessonOf = (item) => {
		const slug = String(item.objective || "").split("/")[0];
		return slug ? assessment.id + "/" + slug : null;
	};
	const wrong = results
		.filter((r) => !r.right && byId[r.item])
		.map((r) => {
			const item = byId[r.item];
			const lesson = lessonOf(item);
			return { item: r.item, question: item.question, lesson, lessonTitle: lesson ? lessonTitles[lesson] || null : null };
		});
	let review = null;
	if (record.getBool("reveal")) {
		review = handed
			.filter((h) => byId[h.id])
			.map((h) => {
				const item = byId[h.id];
				const entry = assessment.key[h.id] || { correct: [], explanation: "" };
				const texts = {};
				item.options.forEach((o) => (texts[o.id] = o.text));
				return { item: h.id, question: item.question, options: h.options.map((o) => ({ id: o, text: texts[o] })), chosen: answers[h.id] || [], correct: entry.correct, explanation: entry.explanation };
			});
	}
	return {
		attempt: record.id,
		score: record.getFloat("score"),
		correct: record.getInt("correct"),
		total: record.getInt("total"),
		passed: record.getBool("passed"),
		passPercentage: assessment.passPercentage,
		attemptsLeft: status.attemptsLeft,
		nextAttemptAt: iso(status.nextAttemptAt),
		wrong,
		review,
	};
}

/** An answer with a status, a message and data, sent as is (PocketBase errors would turn data into field errors). */
function problem(e, status, message, data) {
	return e.json(status, { status, message, data: data || {} });
}

module.exports = { loadAssessment, submittedOf, isCurrent, attemptView, resultView, problem, ms, iso, jsonOf };
