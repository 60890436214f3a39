/// <reference path="../pb_data/types.d.ts" />
// Checking an Open Badge (POST /api/palliwijs/open-badges/verify) gets the same limit as checking a code:
// 30 a minute per client address. Added to the rules an existing data directory already has (an
// administrator's own changes to the others stay); a new data directory gets it from lib/rate-limits.js.
migrate(
	(app) => {
		const { RATE_LIMIT_RULES } = require(`${__hooks}/lib/rate-limits.js`);
		const rule = RATE_LIMIT_RULES.find((r) => r.label === "POST /api/palliwijs/open-badges/");
		const settings = app.settings();
		const rules = settings.rateLimits.rules;
		if (!rules.some((r) => r.label === rule.label)) {
			// Before the catch-all "/api/" rule, like the others.
			const copy = rules.slice();
			const at = copy.findIndex((r) => r.label === "/api/");
			copy.splice(at < 0 ? copy.length : at, 0, rule);
			settings.rateLimits.rules = copy;
			app.save(settings);
		}
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== "POST /api/palliwijs/open-badges/");
		app.save(settings);
	},
);
