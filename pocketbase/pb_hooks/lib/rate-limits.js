// The rate-limit rules (applied by migration 1795400604_rate_limits.js; tests/api/hardening-rate-limits.test.ts).
// Labels are PocketBase's: "collection:action" for its own record APIs, "[METHOD ]/path/" (a trailing slash
// matches everything below) for ours. All over 60 seconds per client IP, so the browser can say when to retry.
const WINDOW = 60;
const LOGINS_PER_ADDRESS = 600;

const RATE_LIMIT_RULES = [
	// Sign-up, log-in and password reset. Log-ins per address are wide enough for two classes of 300 behind
	// one school address within a minute (tests/bench/login-storm.mjs); guessing one learner's password is
	// stopped per account instead (lib/login-guard.js: ten wrong passwords, then a quarter of an hour).
	{ label: "users:create", maxRequests: 20, duration: WINDOW, audience: "" },
	{ label: "*:authWithPassword", maxRequests: LOGINS_PER_ADDRESS, duration: WINDOW, audience: "" },
	{ label: "*:requestPasswordReset", maxRequests: 5, duration: WINDOW, audience: "" },
	{ label: "*:confirmPasswordReset", maxRequests: 10, duration: WINDOW, audience: "" },
	{ label: "*:requestVerification", maxRequests: 5, duration: WINDOW, audience: "" },
	{ label: "*:requestEmailChange", maxRequests: 5, duration: WINDOW, audience: "" },
	{ label: "*:requestOTP", maxRequests: 5, duration: WINDOW, audience: "" },
	// Joining a cohort: a code has 32^8 possibilities; 10 tries a minute make guessing hopeless.
	{ label: "POST /api/palliwijs/cohorts/join", maxRequests: 10, duration: WINDOW, audience: "" },
	// Test attempts, certificate claims and verification.
	{ label: "POST /api/palliwijs/assessments/", maxRequests: 20, duration: WINDOW, audience: "" },
	{ label: "POST /api/palliwijs/certificates/", maxRequests: 10, duration: WINDOW, audience: "" },
	{ label: "/api/palliwijs/verify/", maxRequests: 30, duration: WINDOW, audience: "" },
	// Checking an Open Badge costs a signature check (added by migration 1795400701 to existing data directories).
	{ label: "POST /api/palliwijs/open-badges/", maxRequests: 30, duration: WINDOW, audience: "" },
	// A flood guard for everything else (PocketBase's default). Its default "*:create" rule (20 per 5 s) is
	// left out: a class behind one address marking lessons done at the same moment would hit it.
	{ label: "/api/", maxRequests: 300, duration: 10, audience: "" },
];

/**
 * The rules with the per-address log-in limit changed from `from` to `to`; a rule holding any other value (one
 * an administrator chose) is kept. Plain objects, so they can be saved back into PocketBase's settings.
 */
function withLoginLimit(rules, from, to) {
	return rules.map((r) => ({
		label: r.label,
		audience: r.audience,
		duration: r.duration,
		maxRequests: r.label === "*:authWithPassword" && r.maxRequests === from ? to : r.maxRequests,
	}));
}

module.exports = { RATE_LIMIT_RULES, WINDOW, LOGINS_PER_ADDRESS, withLoginLimit };
