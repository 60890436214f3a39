// E-mail addresses are case-insensitive (issue 18): stored trimmed and lower-case, unique regardless of case.
// Pure helpers, unit-tested in Node (tests/unit/emails.test.ts); used by the users hooks and the migration.

/** The stored form of an address: trimmed, lower-case (Unicode-aware). */
function normalizeEmail(email) {
	return String(email || "").trim().toLowerCase();
}

/**
 * What the migration does with existing accounts, rows [{ id, email, created }]:
 * every address becomes lower-case, except where two or more accounts share an address in different case.
 * Then the account that already has the lower-case address keeps it (else the oldest gets it), and the others keep theirs unchanged
 * (nobody is locked out or deleted; an administrator merges them) and are named in `duplicates`.
 * Returns { updates: [{ id, email }], duplicates: [{ email, keep, others: [ids] }] }.
 */
function planEmailMigration(rows) {
	const groups = {};
	rows.forEach((r) => {
		const key = normalizeEmail(r.email);
		if (!key) return;
		(groups[key] = groups[key] || []).push(r);
	});
	const updates = [];
	const duplicates = [];
	Object.keys(groups).forEach((key) => {
		const group = groups[key].slice().sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
		const keep = group.filter((r) => r.email === key)[0] || group[0];
		if (keep.email !== key) updates.push({ id: keep.id, email: key });
		if (group.length > 1) duplicates.push({ email: key, keep: keep.id, others: group.filter((r) => r !== keep).map((r) => r.id) });
	});
	return { updates, duplicates };
}

module.exports = { normalizeEmail, planEmailMigration };
