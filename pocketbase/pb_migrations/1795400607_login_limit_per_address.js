/// <reference path="../pb_data/types.d.ts" />
// The per-address log-in limit grows from 20 to 600 a minute, so a class behind one school address can log
// in together (issue 21, point 6); password guessing is stopped per account by pb_hooks/login-guard.pb.js.
// Only the log-in rule is touched, and only when it still holds the old value: a limit an administrator set
// in the dashboard stays as it is (tests/api/login-limit-migration.test.ts).
migrate(
	(app) => {
		const { LOGINS_PER_ADDRESS, withLoginLimit } = require(`${__hooks}/lib/rate-limits.js`);
		const settings = app.settings();
		settings.rateLimits.rules = withLoginLimit(settings.rateLimits.rules, 20, LOGINS_PER_ADDRESS);
		app.save(settings);
	},
	(app) => {
		const { LOGINS_PER_ADDRESS, withLoginLimit } = require(`${__hooks}/lib/rate-limits.js`);
		const settings = app.settings();
		settings.rateLimits.rules = withLoginLimit(settings.rateLimits.rules, LOGINS_PER_ADDRESS, 20);
		app.save(settings);
	},
);
