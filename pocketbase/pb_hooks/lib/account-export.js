// Everything Palliwijs stores about one person, for GET /api/palliwijs/me/export (account.pb.js).
// SOURCES names, per collection that holds a person's data, the field that points to them and the key
// in the export; tests/api/hardening-export.test.ts checks it against the server's list of collections,
// so a new collection with people's data cannot be left out of the export unnoticed.

const SOURCES = [
	{ collection: "lesson_progress", field: "user", key: "lessonProgress", fields: ["lesson", "completed", "openedAt", "completedAt", "changedAt", "created", "updated"] },
	{ collection: "assessment_attempts", field: "user", key: "assessmentAttempts", fields: ["assessment", "items", "startedAt", "answers", "results", "correct", "total", "score", "passed", "submittedAt", "created"] },
	{ collection: "scenario_runs", field: "user", key: "scenarioRuns", fields: ["scenario", "seed", "clientKey", "startedAt", "choices", "ending", "outcome", "finishedAt", "created"] },
	{ collection: "self_checks", field: "user", key: "selfChecks", fields: ["kind", "answers", "scores", "created", "updated"] },
	{ collection: "certificates", field: "user", key: "certificates", fields: ["course", "courseTitle", "courseTitleEn", "holderName", "studyHours", "competences", "competencesEn", "issued", "code"] },
	{ collection: "xapi_queue", field: "user", key: "learningRecordQueue", fields: ["statementId", "verb", "statement", "sentAt", "created"] },
	{ collection: "cohort_members", field: "user", key: "cohortMemberships", fields: ["shareEmail", "created"], cohort: true },
	{ collection: "cohort_blocks", field: "user", key: "cohortBlocks", fields: ["created"], cohort: true },
	{ collection: "cohorts", field: "owner", key: "ownedCohorts", fields: ["name", "created"], assignments: true },
	// PocketBase's own records about a login: the devices an account logged in from, linked accounts, one-time codes.
	{ collection: "_authOrigins", field: "recordRef", key: "loginDevices", fields: ["fingerprint", "created", "updated"], system: true },
	{ collection: "_externalAuths", field: "recordRef", key: "linkedLogins", fields: ["provider", "created"], system: true },
	{ collection: "_mfas", field: "recordRef", key: "multiFactorSessions", fields: ["method", "created"], system: true },
	{ collection: "_otps", field: "recordRef", key: "oneTimePasswords", fields: ["sentTo", "created"], system: true },
];

function exportFor(user) {
	const out = {
		exported: new Date().toISOString(),
		account: { name: user.getString("name"), email: user.email(), role: user.getString("role"), locale: user.getString("locale"), verified: user.verified(), created: user.getString("created"), updated: user.getString("updated") },
		sources: {},
	};
	const cohortName = (id) => {
		try {
			return $app.findRecordById("cohorts", id).getString("name");
		} catch (err) {
			return "";
		}
	};
	SOURCES.forEach((s) => {
		const filter = s.system ? `${s.field} = {:id} && collectionRef = {:collection}` : `${s.field} = {:id}`;
		const records = $app.findRecordsByFilter(s.collection, filter, "created", 0, 0, { id: user.id, collection: user.collection().id });
		out.sources[s.collection] = s.key;
		out[s.key] = records.map((r) => {
			const row = {};
			s.fields.forEach((f) => (row[f] = r.get(f)));
			if (s.cohort) row.cohort = cohortName(r.getString("cohort"));
			if (s.assignments) {
				row.assignments = $app.findRecordsByFilter("assignments", "cohort = {:c}", "created", 0, 0, { c: r.id }).map((a) => ({ course: a.getString("course"), due: a.getString("due") }));
			}
			return row;
		});
	});
	// The signed Open Badges of my certificates (open_badges has no relation to the account: it outlives it, see
	// pb_migrations/1795400700_open_badges.js), with their withdrawal if any.
	out.openBadges = [];
	$app.findRecordsByFilter("certificates", "user = {:id}", "created", 0, 0, { id: user.id }).forEach((c) => {
		try {
			const b = $app.findFirstRecordByFilter("open_badges", "code = {:code}", { code: c.getString("code") });
			out.openBadges.push({ code: b.getString("code"), statusIndex: b.getInt("statusIndex"), credential: b.get("credential"), revokedAt: b.getString("revokedAt"), revokedReason: b.getString("revokedReason") });
		} catch (err) {
			// no Open Badge made for this certificate
		}
	});
	return out;
}

module.exports = { SOURCES, exportFor };
