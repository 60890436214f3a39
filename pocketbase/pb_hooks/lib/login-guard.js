// Password guessing is stopped per account, not only per address (issue 21, point 6).
// A school puts a whole class behind one address, so the per-address log-in limit (lib/rate-limits.js) is
// wide enough for a class; what protects one learner's password is this guard: after FAILURES_ALLOWED wrong
// passwords for one account within WINDOW_MS, that account refuses password log-ins until LOCK_MS after the
// last failure, also with the right password. A successful log-in clears the count. Addresses that have no
// account are counted the same way, so the answer never tells whether an account exists.
// The state lives in $app.store() (shared by every hook runtime, gone after a restart); these functions are
// pure over it so they can be tested with a clock (tests/unit/login-guard.test.ts).

const FAILURES_ALLOWED = 10;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const STORE_PREFIX = "palliwijs:login-guard:";

/** The key of one account's state: the collection and the address as typed, case and spaces ignored. */
function guardKey(collection, identity) {
	return STORE_PREFIX + String(collection) + ":" + String(identity || "").trim().toLowerCase();
}

/** Failures still inside the window at `now` (the state is a list of failure times, oldest first). */
function recentFailures(state, now) {
	const times = state && Array.isArray(state.failures) ? state.failures : [];
	return times.filter((t) => typeof t === "number" && now - t < WINDOW_MS);
}

/**
 * When the account is locked at `now`, the time (ms) the lock ends; otherwise 0. Locked when the last
 * FAILURES_ALLOWED failures all fall within WINDOW_MS of each other, until LOCK_MS after the last of them.
 */
function lockedUntil(state, now) {
	const failures = state && Array.isArray(state.failures) ? state.failures.filter((t) => typeof t === "number") : [];
	if (failures.length < FAILURES_ALLOWED) return 0;
	const last = failures[failures.length - 1];
	if (last - failures[failures.length - FAILURES_ALLOWED] >= WINDOW_MS) return 0;
	return last + LOCK_MS > now ? last + LOCK_MS : 0;
}

/** The state after a failed log-in at `now` (old failures dropped, at most FAILURES_ALLOWED kept). */
function afterFailure(state, now) {
	const failures = recentFailures(state, now).concat([now]);
	return { failures: failures.slice(-FAILURES_ALLOWED) };
}

/** The state as kept in the store (JSON text); anything unreadable counts as no failures. */
function parseState(raw) {
	if (typeof raw !== "string" || !raw) return null;
	try {
		return JSON.parse(raw);
	} catch (err) {
		return null;
	}
}

/** Whole seconds until `until`, at least 1: for Retry-After and the learner's message. */
function secondsLeft(until, now) {
	return Math.max(1, Math.ceil((until - now) / 1000));
}

module.exports = { FAILURES_ALLOWED, WINDOW_MS, LOCK_MS, guardKey, recentFailures, lockedUntil, afterFailure, parseState, secondsLeft };
