/// <reference path="../pb_data/types.d.ts" />
// Password guessing is stopped per account (lib/login-guard.js): after ten wrong passwords for one address
// within fifteen minutes, password log-ins for that address are refused for fifteen minutes with a 429, a
// Retry-After header and the code "login_locked", so the page can say what happened and offer a reset.
// For every auth collection (learners and the dashboard's superusers). Refused before the password is
// checked, so a locked account also costs the server no bcrypt.

onRecordAuthWithPasswordRequest((e) => {
	const G = require(`${__hooks}/lib/login-guard.js`);
	const key = G.guardKey(e.collection.name, e.identity);
	// Kept as JSON text: a JavaScript array put in the store comes back as a Go slice, which is no array.
	const read = () => G.parseState($app.store().get(key));
	const now = Date.now();
	const until = G.lockedUntil(read(), now);
	if (until) {
		const seconds = G.secondsLeft(until, now);
		// This event embeds the request event: its response is reached through it.
		e.requestEvent.response.header().set("Retry-After", String(seconds));
		return e.json(429, {
			status: 429,
			message: "Too many wrong passwords for this account. Try again later or reset the password.",
			data: { identity: { code: "login_locked", message: "Locked for " + seconds + " seconds.", retryAfter: seconds } },
		});
	}
	try {
		e.next();
	} catch (err) {
		$app.store().set(key, JSON.stringify(G.afterFailure(read(), Date.now())));
		throw err;
	}
	$app.store().remove(key);
});
