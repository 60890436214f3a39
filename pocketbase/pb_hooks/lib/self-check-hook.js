// The self_checks write check for self-checks.pb.js (needs $app: reads the request and the catalogue).

function jsonField(record, name) {
	const raw = record.getString(name);
	if (!raw) return null;
	try {
		return JSON.parse(raw);
	} catch (err) {
		return undefined;
	}
}

function jsonText(text) {
	try {
		return JSON.parse(text);
	} catch (err) {
		return text;
	}
}

function checkSelfCheckWrite(e) {
	const { checkSelfCheck } = require(`${__hooks}/generated/rules.js`);
	const catalog = require(`${__hooks}/lib/catalog.js`).loadCatalog();
	const body = e.requestInfo().body || {};
	// The scores the browser sent (if any) are checked; the record's answers are the merged, final ones.
	// A json field's value reaches the hook as its raw JSON bytes.
	let sent = body.scores;
	if (sent !== undefined && sent !== null) sent = jsonText(toString(sent));
	const result = checkSelfCheck({ answers: jsonField(e.record, "answers"), scores: sent }, catalog && catalog.selfCheck);
	if (result.problem) throw new BadRequestError(result.problem);
	e.record.set("scores", result.scores);
}

module.exports = { checkSelfCheckWrite };
