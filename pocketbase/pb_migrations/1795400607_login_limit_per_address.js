/// <reference path="../pb_data/types.d.ts" />
// The per-address log-in limit grows from 20 to 600 a minute, so a class behind one school address can log
// in together (issue 21, point 6); password guessing is stopped per account by pb_hooks/login-guard.pb.js.
// Only the log-in rule is touched, and only when it still holds the old value: a limit an administrator set
// in the dashboard stays as it is.
migrate(
	(app) => {
		const { LOGINS_PER_ADDRESS } = require(`${__hooks}/lib/rate-limits.js`);
		const settings = app.settings();
		settings.rateLimits.rules = settings.rateLimits.rules.map((r) => ({
			label: r.label,
			audience: r.audience,
			duration: r.duration,
			maxRequests: r.label === "*:authWithPassword" && r.maxRequests === 20 ? LOGINS_PER_ADDRESS : r.maxRequests,
		}));
		app.save(settings);
	},
	(app) => {
		const { LOGINS_PER_ADDRESS } = require(`${__hooks}/lib/rate-limits.js`);
		const settings = app.settings();
		settings.rateLimits.rules = settings.rateLimits.rules.map((r) => ({
			label: r.label,
			audience: r.audience,
			duration: r.duration,
			maxRequests: r.label === "*:authWithPassword" && r.maxRequests === LOGINS_PER_ADDRESS ? 20 : r.maxRequests,
		}));
		app.save(settings);
	},
);
