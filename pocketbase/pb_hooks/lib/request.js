// Helpers for the route handlers in learning.pb.js (handlers cannot see a .pb.js file's own scope).

/** Parses a JSON request body of at most 50 kB; throws BadRequestError otherwise. */
function readJson(e) {
	const raw = toString(e.request.body, 50001);
	if (raw.length > 50000) throw new BadRequestError("The request is too large.");
	try {
		const body = JSON.parse(raw || "null");
		if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
		return body;
	} catch (err) {
		throw new BadRequestError("Send a JSON object.");
	}
}

function catalogOrFail() {
	const catalog = require(`${__hooks}/lib/catalog.js`).loadCatalog();
	if (!catalog) throw new InternalServerError("The course catalogue is not available on the server.");
	return catalog;
}

module.exports = { readJson, catalogOrFail };
