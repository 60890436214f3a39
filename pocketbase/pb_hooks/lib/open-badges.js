// Open Badges 3.0 for the hooks (issue 23): the server decides which certificates exist and which are
// withdrawn; the credential service (scripts/lib/credentials/service.mjs, Node, started beside PocketBase)
// only signs and verifies, because this JS engine cannot run the JSON-LD and Ed25519 libraries.
// Every call goes to 127.0.0.1 with the secret PocketBase was started with (PW_CREDENTIALS_URL/_SECRET).

const ACCOUNT_DELETED = "account-deleted";
const STATUS_LIST_LENGTH = 131072;

/** Calls the credential service; throws an ApiError the browser can show when it fails. */
function service(method, path, body) {
	const base = $os.getenv("PW_CREDENTIALS_URL");
	const secret = $os.getenv("PW_CREDENTIALS_SECRET");
	if (!base || !secret) throw new ApiError(503, "The credential service is not running.", { problem: "credential-service" });
	let res;
	try {
		res = $http.send({
			url: base + path,
			method,
			body: body === undefined ? "" : JSON.stringify(body),
			headers: { "content-type": "application/json", authorization: "Bearer " + secret },
			timeout: 60,
		});
	} catch (err) {
		console.error("open badges: credential service unreachable: " + err);
		throw new ApiError(503, "The credential service does not answer.", { problem: "credential-service" });
	}
	if (res.statusCode !== 200) {
		const message = res.json && res.json.message ? res.json.message : "status " + res.statusCode;
		console.error("open badges: credential service " + method + " " + path + ": " + message);
		throw new ApiError(503, "The credential service failed: " + message, { problem: "credential-service" });
	}
	return res.json;
}

function findBadge(app, filter, params) {
	try {
		return app.findFirstRecordByFilter("open_badges", filter, params);
	} catch (err) {
		return null;
	}
}

/** The open_badges row of a certificate code, made with a free random status index when there is none. */
function badgeFor(app, code) {
	const existing = findBadge(app, "code = {:code}", { code });
	if (existing) return existing;
	const collection = app.findCollectionByNameOrId("open_badges");
	for (let attempt = 0; attempt < 8; attempt++) {
		const record = new Record(collection);
		record.set("code", code);
		// Random, not sequential, so an index says nothing about when or how many (index 0 is left unused).
		record.set("statusIndex", 1 + Math.floor(Math.random() * (STATUS_LIST_LENGTH - 1)));
		try {
			app.save(record);
			return record;
		} catch (err) {
			const again = findBadge(app, "code = {:code}", { code });
			if (again) return again; // made meanwhile by another request
		}
	}
	throw new InternalServerError("No free place in the status list.");
}

const isRevoked = (badge) => !!badge && badge.getString("revokedAt") !== "";

/** The status indices of every withdrawn credential, sorted. */
function revokedIndices(app) {
	return app
		.findRecordsByFilter("open_badges", "revokedAt != ''", "statusIndex", 0, 0)
		.map((r) => r.getInt("statusIndex"))
		.sort((a, b) => a - b);
}

/**
 * The signed revocation status list, re-signed (and stored) when the withdrawn set differs from the one it
 * was signed with: so a withdrawal made anywhere (the revoke route, an account deletion, the dashboard) is
 * in the list the next time anyone reads it.
 */
function statusList(app) {
	const revoked = revokedIndices(app);
	let record = null;
	try {
		record = app.findFirstRecordByFilter("open_badge_status_lists", "purpose = 'revocation'");
	} catch (err) {
		// none yet
	}
	if (record) {
		const signedWith = record.getString("revoked");
		const credentialText = record.getString("credential");
		if (signedWith === JSON.stringify(revoked) && credentialText !== "" && credentialText !== "null") {
			return JSON.parse(credentialText);
		}
	}
	const credential = service("POST", "/status-list/sign", { revoked }).credential;
	if (!record) {
		record = new Record(app.findCollectionByNameOrId("open_badge_status_lists"));
		record.set("purpose", "revocation");
	}
	record.set("revoked", revoked);
	record.set("credential", credential);
	try {
		app.save(record);
	} catch (err) {
		// Another request stored a list at the same moment; the one signed here is as good.
	}
	return credential;
}

/** Re-signs the status list now if it is out of date; a failure is logged and repaired on the next read. */
function refreshStatusList(app) {
	try {
		statusList(app);
	} catch (err) {
		console.error("open badges: status list not re-signed yet: " + err);
	}
}

/**
 * The signed credential of a certificate record (signed once, on the first request, and stored).
 * `email`: the holder's address, hashed with a salt into the credential (OB 3.0 IdentityObject).
 */
function credentialFor(app, certificate, email) {
	const code = certificate.getString("code");
	const badge = badgeFor(app, code);
	if (isRevoked(badge)) throw new ApiError(410, "This certificate was withdrawn.", { problem: "revoked" });
	const stored = badge.getString("credential");
	if (stored !== "" && stored !== "null") return JSON.parse(stored);
	const catalog = require(`${__hooks}/lib/catalog.js`).loadCatalog() || {};
	const course = (catalog.courses || {})[certificate.getString("course")];
	const storedTitles = JSON.parse(certificate.getString("competences") || "[]") || [];
	// The competences the course covers, with their ids from the catalogue; the titles as the certificate shows them.
	const competences = course && Array.isArray(course.competences)
		? course.competences.map((id, i) => ({ id, title: (course.competenceTitles || [])[i] || storedTitles[i] || id }))
		: [];
	const credential = service("POST", "/certificates/sign", {
		certificate: {
			code,
			course: certificate.getString("course"),
			courseTitle: certificate.getString("courseTitle"),
			courseDescription: course && course.description ? course.description : "",
			holderName: certificate.getString("holderName"),
			studyHours: certificate.getFloat("studyHours"),
			issued: new Date(certificate.getString("issued").replace(" ", "T")).toISOString(),
			competences,
		},
		email,
		statusIndex: badge.getInt("statusIndex"),
	}).credential;
	// Two first downloads at once: the one stored first is the credential, and both get it. (PocketBase runs
	// write transactions one at a time, so reading and saving inside one cannot interleave with another.)
	let result = credential;
	app.runInTransaction((tx) => {
		const now = tx.findRecordById("open_badges", badge.id);
		const meanwhile = now.getString("credential");
		if (meanwhile !== "" && meanwhile !== "null") {
			result = JSON.parse(meanwhile);
			return;
		}
		now.set("credential", credential);
		tx.save(now);
	});
	return result;
}

/** Withdraws a certificate's credential (idempotent: the first withdrawal's time and reason stay). */
function revoke(app, code, reason) {
	const badge = badgeFor(app, code);
	if (!isRevoked(badge)) {
		badge.set("revokedAt", new Date().toISOString());
		badge.set("revokedReason", reason);
		app.save(badge);
	}
	return badge;
}

/** Before an account is deleted: its certificates' credentials are withdrawn, and the copies that name the holder removed. */
function revokeForDeletedAccount(app, userId) {
	const certificates = app.findRecordsByFilter("certificates", "user = {:user}", "", 0, 0, { user: userId });
	certificates.forEach((c) => {
		const badge = findBadge(app, "code = {:code}", { code: c.getString("code") });
		if (!badge) return; // never downloaded: no credential exists outside the server
		if (!isRevoked(badge)) {
			badge.set("revokedAt", new Date().toISOString());
			badge.set("revokedReason", ACCOUNT_DELETED);
		}
		badge.set("credential", null);
		app.save(badge);
	});
	return certificates.length;
}

/** The withdrawal of a certificate code, or null. */
function revocationOf(app, code) {
	const badge = findBadge(app, "code = {:code}", { code });
	return isRevoked(badge) ? { revokedAt: badge.getString("revokedAt"), reason: badge.getString("revokedReason") } : null;
}

/** May this request withdraw certificates? Superusers and users with the role admin. */
function isAdministrator(e) {
	if (!e.auth) return false;
	if (e.hasSuperuserAuth()) return true;
	return e.auth.collection().name === "users" && e.auth.getString("role") === "admin";
}

/** Verifies a handed-in credential: { result: valid|revoked|tampered|foreign, certifies?, revokedAt?, reason? }. */
function verifyCredential(app, credential) {
	const list = statusList(app);
	const outcome = service("POST", "/verify", { credential, statusList: list });
	const answer = { result: outcome.outcome };
	if (outcome.outcome === "valid" || outcome.outcome === "revoked") answer.certifies = outcome.facts;
	if (outcome.outcome === "revoked") {
		const badge = findBadge(app, "statusIndex = {:i}", { i: outcome.statusIndex });
		if (badge) {
			answer.revokedAt = badge.getString("revokedAt");
			answer.reason = badge.getString("revokedReason");
		}
	}
	return answer;
}

module.exports = { ACCOUNT_DELETED, service, badgeFor, statusList, refreshStatusList, credentialFor, revoke, revokeForDeletedAccount, revocationOf, isAdministrator, verifyCredential };
