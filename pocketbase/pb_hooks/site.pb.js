/// <reference path="../pb_data/types.d.ts" />
// Serves the built site (PW_PUBLIC_DIR) on the same origin as the API, gzipped,
// with the site's own 404 page for unknown paths. Replaces `serve --publicDir`.

routerUse($apis.gzip());

routerAdd("GET", "/{path...}", (e) => {
	const dir = $os.getenv("PW_PUBLIC_DIR");
	const path = e.request.url.path;
	if (!dir || path.indexOf("/api/") === 0 || path.indexOf("/_/") === 0) throw new NotFoundError();
	if (path.indexOf("/_astro/") === 0) e.response.header().set("Cache-Control", "public, max-age=31536000, immutable");
	// Scripts under a fixed name (the service worker, the offline queue it precaches): always checked with the server.
	else if (path === "/sw.js" || path === "/outbox.js") e.response.header().set("Cache-Control", "no-cache");
	// /verifieer/<code>/ and /en/verify/<code>/ are one static page that reads the code from the address.
	const verify = /^\/(verifieer|en\/verify)\/[^/]+\/?$/.exec(path);
	if (verify) return e.html(200, toString($os.readFile(dir + "/" + verify[1] + "/index.html")));
	try {
		return $apis.static(dir, false)(e);
	} catch (err) {
		const status = err && err.value ? err.value.status : 0;
		if (status !== 404) throw err;
		// An address under /en/ gets the English 404 page.
		const page = path === "/en" || path.indexOf("/en/") === 0 ? "/en/404/index.html" : "/404.html";
		return e.html(404, toString($os.readFile(dir + page)));
	}
});
