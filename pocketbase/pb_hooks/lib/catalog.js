// Reads the course catalogue that the site build writes (dist/catalog.json), from the path in PW_CATALOG.
// Cached per JS runtime; a missing or broken file gives null, and callers refuse what depends on it.
let cache = null;

function loadCatalog() {
	const path = $os.getenv("PW_CATALOG");
	if (!path) return null;
	if (cache && cache.path === path) return cache.catalog;
	try {
		const catalog = JSON.parse(toString($os.readFile(path)));
		cache = { path, catalog };
		return catalog;
	} catch (err) {
		console.error("catalog: cannot read " + path + ": " + err);
		return null;
	}
}

module.exports = { loadCatalog };
