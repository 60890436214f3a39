// Reads the answer keys (PW_ANSWER_KEYS, a JSON file written from content/assessment-keys when the
// server starts; never part of the public site). Cached per runtime.
let cache = null;

function loadAnswerKeys() {
	const path = $os.getenv("PW_ANSWER_KEYS");
	if (!path) return null;
	if (cache && cache.path === path) return cache.keys;
	try {
		const keys = JSON.parse(toString($os.readFile(path)));
		cache = { path, keys };
		return keys;
	} catch (err) {
		console.error("answer keys: cannot read " + path + ": " + err);
		return null;
	}
}

module.exports = { loadAnswerKeys };
