/// <reference path="../pb_data/types.d.ts" />
// A learner's session lasts 14 days instead of PocketBase's 5 (issue 21: a class logging in at once). Every
// lesson page renews the session it finds (auth-refresh in src/lib/progress/sync.ts, a few milliseconds),
// so a class that meets weekly, even after a missed week, returns without typing passwords again; a password
// log-in (bcrypt) costs the server 50-100 times as much (tests/bench/login-storm.mjs). A changed password
// still ends every session at once (PocketBase changes the account's token key).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.authToken.duration = 14 * 24 * 3600;
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.authToken.duration = 5 * 24 * 3600;
		app.save(users);
	},
);
