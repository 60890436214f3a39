/// <reference path="../pb_data/types.d.ts" />
// Open Badges 3.0 (issue 23): every certificate is also a signed OpenBadgeCredential (VC 2.0, Data
// Integrity proof, eddsa-rdfc-2022). The issuer is did:web for the site's host; its DID document is served
// here, the keys live in <data directory>/open-badges/. Signing and verifying happen in the credential
// service (Node, beside PocketBase; lib/open-badges.js calls it). Contract: pocketbase/API.md.

// GET /.well-known/did.json — the issuer's DID document: every public key, current and retired.
routerAdd("GET", "/.well-known/did.json", (e) => {
	const { service } = require(`${__hooks}/lib/open-badges.js`);
	e.response.header().set("Cache-Control", "public, max-age=300");
	e.response.header().set("Access-Control-Allow-Origin", "*");
	return e.json(200, service("GET", "/did-document"));
});

// GET /api/palliwijs/credentials/status/1 — the signed revocation list (Bitstring Status List).
routerAdd("GET", "/api/palliwijs/credentials/status/1", (e) => {
	const { statusList } = require(`${__hooks}/lib/open-badges.js`);
	e.response.header().set("Cache-Control", "no-cache");
	return e.json(200, statusList($app));
});

// GET /api/palliwijs/certificates/{id}/open-badge — my certificate as a signed Open Badge (a JSON download).
routerAdd(
	"GET",
	"/api/palliwijs/certificates/{id}/open-badge",
	(e) => {
		const { credentialFor, revocationOf } = require(`${__hooks}/lib/open-badges.js`);
		let certificate = null;
		try {
			certificate = $app.findRecordById("certificates", e.request.pathValue("id"));
		} catch (err) {
			// unknown
		}
		if (!certificate || certificate.getString("user") !== e.auth.id) throw new NotFoundError("Unknown certificate.");
		// Answered directly: PocketBase would drop the data of a thrown error.
		if (revocationOf($app, certificate.getString("code"))) return e.json(410, { status: 410, message: "This certificate was withdrawn.", data: { problem: "revoked" } });
		const credential = credentialFor($app, certificate, e.auth.email());
		e.response.header().set("Content-Disposition", 'attachment; filename="palliwijs-open-badge-' + certificate.getString("code") + '.json"');
		e.response.header().set("Cache-Control", "no-store");
		return e.json(200, credential);
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/open-badges/verify — anyone checks a credential (the JSON as the body).
routerAdd("POST", "/api/palliwijs/open-badges/verify", (e) => {
	const { verifyCredential } = require(`${__hooks}/lib/open-badges.js`);
	const raw = toString(e.request.body, 100001);
	if (raw.length > 100000) return e.json(400, { result: "malformed", message: "The credential is too large." });
	let credential;
	try {
		credential = JSON.parse(raw);
	} catch (err) {
		return e.json(400, { result: "malformed", message: "Send the credential as JSON." });
	}
	if (!credential || typeof credential !== "object" || Array.isArray(credential)) return e.json(400, { result: "malformed", message: "Send the credential as a JSON object." });
	return e.json(200, verifyCredential($app, credential));
});

// POST /api/palliwijs/certificates/{code}/revoke { reason } — an administrator withdraws a certificate.
routerAdd(
	"POST",
	"/api/palliwijs/certificates/{code}/revoke",
	(e) => {
		const B = require(`${__hooks}/lib/open-badges.js`);
		const { CODE_PATTERN } = require(`${__hooks}/lib/certificate-code.js`);
		if (!B.isAdministrator(e)) throw new ForbiddenError("Only an administrator can withdraw a certificate.");
		const code = e.request.pathValue("code");
		if (!CODE_PATTERN.test(code)) throw new NotFoundError("Unknown certificate.");
		const body = require(`${__hooks}/lib/request.js`).readJson(e);
		const reason = typeof body.reason === "string" ? body.reason.trim() : "";
		if (reason.length < 3 || reason.length > 500) throw new BadRequestError("Give a reason of 3 to 500 characters.", { reason: new ValidationError("validation_reason", "Give a reason of 3 to 500 characters.") });
		let known = !!B.revocationOf($app, code);
		try {
			$app.findFirstRecordByFilter("certificates", "code = {:code}", { code });
			known = true;
		} catch (err) {
			// no such certificate (any more)
		}
		if (!known) throw new NotFoundError("Unknown certificate.");
		const badge = B.revoke($app, code, reason);
		B.refreshStatusList($app);
		return e.json(200, { code, revokedAt: badge.getString("revokedAt"), reason: badge.getString("revokedReason") });
	},
	$apis.requireAuth(),
);

// Deleting an account withdraws its certificates' credentials the same way (before the cascade removes
// the certificates), and the status list is re-signed once the deletion is done.
onRecordDelete((e) => {
	const { revokeForDeletedAccount } = require(`${__hooks}/lib/open-badges.js`);
	revokeForDeletedAccount(e.app, e.record.id);
	return e.next();
}, "users");

onRecordAfterDeleteSuccess((e) => {
	const { refreshStatusList } = require(`${__hooks}/lib/open-badges.js`);
	refreshStatusList($app);
	return e.next();
}, "users");

// A withdrawal edited in the dashboard is signed into the list at once too.
onRecordAfterUpdateSuccess((e) => {
	const { refreshStatusList } = require(`${__hooks}/lib/open-badges.js`);
	refreshStatusList($app);
	return e.next();
}, "open_badges");
