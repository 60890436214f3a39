/// <reference path="../pb_data/types.d.ts" />
// Cohorts: the server makes join codes, lets learners join, and computes a trainer's dashboard.

onRecordCreateRequest((e) => {
	const { newJoinCode } = require(`${__hooks}/lib/cohort.js`);
	e.record.set("joinCode", newJoinCode());
	e.record.set("codeOpen", true);
	return e.next();
}, "cohorts");

onRecordUpdateRequest((e) => {
	// The code only changes through the code route.
	e.record.set("joinCode", e.record.original().getString("joinCode"));
	return e.next();
}, "cohorts");

// POST /api/palliwijs/cohorts/join  { code } — joining twice is harmless.
routerAdd(
	"POST",
	"/api/palliwijs/cohorts/join",
	(e) => {
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const body = readJson(e);
		const code = String(body.code || "").trim().toUpperCase();
		let cohort = null;
		if (/^[A-Z2-9]{8}$/.test(code)) {
			try {
				cohort = $app.findFirstRecordByFilter("cohorts", "joinCode = {:code} && codeOpen = true", { code });
			} catch (err) {
				cohort = null;
			}
		}
		if (!cohort) throw new BadRequestError("This code is unknown or closed.");
		try {
			$app.findFirstRecordByFilter("cohort_members", "cohort = {:c} && user = {:u}", { c: cohort.id, u: e.auth.id });
		} catch (err) {
			const member = new Record($app.findCollectionByNameOrId("cohort_members"));
			member.set("cohort", cohort.id);
			member.set("user", e.auth.id);
			$app.save(member);
		}
		return e.json(200, { cohort: { id: cohort.id, name: cohort.getString("name") } });
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/cohorts/{id}/code  { open: bool, renew: bool } — the owner closes, opens or renews the code.
routerAdd(
	"POST",
	"/api/palliwijs/cohorts/{id}/code",
	(e) => {
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const { newJoinCode, ownedCohort } = require(`${__hooks}/lib/cohort.js`);
		const cohort = ownedCohort(e);
		const body = readJson(e);
		if (body.renew === true) cohort.set("joinCode", newJoinCode());
		if (typeof body.open === "boolean") cohort.set("codeOpen", body.open);
		$app.save(cohort);
		return e.json(200, { joinCode: cohort.getString("joinCode"), codeOpen: cohort.getBool("codeOpen") });
	},
	$apis.requireAuth("users"),
);

// GET /api/palliwijs/cohorts/{id}/dashboard — everything a trainer sees, aggregated here in one request.
routerAdd(
	"GET",
	"/api/palliwijs/cohorts/{id}/dashboard",
	(e) => {
		const { ownedCohort, dashboard } = require(`${__hooks}/lib/cohort.js`);
		const cohort = ownedCohort(e);
		return e.json(200, dashboard(cohort));
	},
	$apis.requireAuth("users"),
);
