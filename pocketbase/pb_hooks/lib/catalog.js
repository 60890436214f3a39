// Reads the course catalogue that the site build writes (dist/catalog.json), from the path in PW_CATALOG.
// A missing or broken file gives null, and callers refuse what depends on it.
//
// Cached on the JS runtime's global object: PocketBase runs hooks in a pool of prewarmed runtimes and
// evaluates a required module anew on each call, so a module-level cache would be empty every time.
// Parsing the 130 KB catalogue on every progress write made writes ten times slower (issue 10).
// The cache is keyed by path and modification time, so a rebuilt site is read again.
function catalogStamp() {
	const path = $os.getenv("PW_CATALOG");
	if (!path) return null;
	try {
		return path + "@" + $os.stat(path).modTime().unixMilli();
	} catch (err) {
		console.error("catalog: cannot read " + path + ": " + err);
		return null;
	}
}

/**
 * The catalogue's id maps get no prototype, so a route looking up an id such as "constructor", "toString"
 * or "__proto__" finds nothing (and answers 404) instead of an Object.prototype member.
 */
function withoutPrototypes(catalog) {
	const bare = (map) => {
		const out = Object.create(null);
		if (map && typeof map === "object") Object.keys(map).forEach((k) => (out[k] = map[k]));
		return out;
	};
	["courses", "assessments", "scenarios", "modules"].forEach((name) => (catalog[name] = bare(catalog[name])));
	if (catalog.selfCheck) catalog.selfCheck.domains = bare(catalog.selfCheck.domains);
	return catalog;
}

function loadCatalog() {
	const stamp = catalogStamp();
	if (!stamp) return null;
	const path = $os.getenv("PW_CATALOG");
	const cached = globalThis.__palliwijsCatalog;
	if (cached && cached.stamp === stamp) return cached.catalog;
	try {
		const catalog = withoutPrototypes(JSON.parse(toString($os.readFile(path))));
		globalThis.__palliwijsCatalog = { stamp, catalog };
		return catalog;
	} catch (err) {
		console.error("catalog: cannot read " + path + ": " + err);
		return null;
	}
}

/**
 * The lessons progress may be saved for, as { "module/slug": true }, or null without a catalogue.
 * Kept once for the whole server in $app.store() (a plain Go map, read-only, safe to share between
 * runtimes), so the hot path of a progress write parses nothing.
 */
function loadLessonKeys() {
	const stamp = catalogStamp();
	if (!stamp) return null;
	const key = "palliwijs.lessonKeys@" + stamp;
	const store = $app.store();
	if (store.has(key)) return store.get(key);
	const catalog = loadCatalog();
	if (!catalog || !Array.isArray(catalog.steps)) return null;
	const keys = {};
	for (const step of catalog.steps) if (step.indexOf("scenario/") !== 0) keys[step] = true;
	store.set(key, keys);
	return keys;
}

module.exports = { loadCatalog, loadLessonKeys };
