/// <reference path="../pb_data/types.d.ts" />
// PocketBase's own rate limiter, switched on (issue 18). Limits are per client IP and label; every rule
// below counts over 60 seconds, so the browser can say "wait a minute" on a 429. A classroom behind one
// address shares these budgets: they allow a class to sign up and log in within a few minutes.
// Behind a reverse proxy, set Settings → Application → "User IP proxy headers" (trustedProxy), otherwise
// every visitor has the proxy's address and shares one budget (README, "Behind a reverse proxy").
migrate(
	(app) => {
		const { RATE_LIMIT_RULES } = require(`${__hooks}/lib/rate-limits.js`);
		const settings = app.settings();
		settings.rateLimits.enabled = true;
		settings.rateLimits.rules = RATE_LIMIT_RULES;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.enabled = false;
		app.save(settings);
	},
);
