/// <reference path="../pb_data/types.d.ts" />
// Cohorts: the server makes join codes (kept in cohort_codes, which only these routes read), lets learners
// join, lets the trainer remove a member (and block rejoining), and computes a trainer's dashboard.

onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/cohort.js`).codeOf(e.record.id);
	return e.next();
}, "cohorts");

// POST /api/palliwijs/cohorts/join  { code, shareEmail } — joining twice is harmless; a blocked learner cannot rejoin.
// shareEmail (true or false) is the learner's choice whether the trainer sees their e-mail address; joining again
// with it changes that choice, joining again without it keeps it.
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
				const found = $app.findFirstRecordByFilter("cohort_codes", "code = {:code} && open = true", { code });
				cohort = $app.findRecordById("cohorts", found.getString("cohort"));
			} catch (err) {
				cohort = null;
			}
		}
		if (!cohort) throw new BadRequestError("code: this code is unknown or closed.", { code: new ValidationError("code_unknown", "This code is unknown or closed.") });
		let blocked = false;
		try {
			$app.findFirstRecordByFilter("cohort_blocks", "cohort = {:c} && user = {:u}", { c: cohort.id, u: e.auth.id });
			blocked = true;
		} catch (err) {
			blocked = false;
		}
		if (blocked) throw new ForbiddenError("code: the trainer of this group removed you from it.", { code: new ValidationError("code_blocked", "The trainer of this group removed you from it.") });
		let member = null;
		try {
			member = $app.findFirstRecordByFilter("cohort_members", "cohort = {:c} && user = {:u}", { c: cohort.id, u: e.auth.id });
		} catch (err) {
			member = new Record($app.findCollectionByNameOrId("cohort_members"));
			member.set("cohort", cohort.id);
			member.set("user", e.auth.id);
			member.set("shareEmail", false);
		}
		if (typeof body.shareEmail === "boolean") member.set("shareEmail", body.shareEmail);
		$app.save(member);
		return e.json(200, { cohort: { id: cohort.id, name: cohort.getString("name") }, shareEmail: member.getBool("shareEmail") });
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/cohorts/{id}/code  { open: bool, renew: bool } — the owner closes, opens or renews the
// code. A renewed code replaces the old one for everyone: the old code and link stop working at once.
routerAdd(
	"POST",
	"/api/palliwijs/cohorts/{id}/code",
	(e) => {
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const { newJoinCode, ownedCohort, codeOf } = require(`${__hooks}/lib/cohort.js`);
		const cohort = ownedCohort(e);
		const body = readJson(e);
		const code = codeOf(cohort.id);
		if (body.renew === true) code.set("code", newJoinCode());
		if (typeof body.open === "boolean") code.set("open", body.open);
		$app.save(code);
		return e.json(200, { joinCode: code.getString("code"), codeOpen: code.getBool("open") });
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/cohorts/{id}/members/{user}/remove  { block: bool } — the owner removes a member;
// with block, the learner cannot join this cohort again (whatever code they have) until unblocked.
routerAdd(
	"POST",
	"/api/palliwijs/cohorts/{id}/members/{user}/remove",
	(e) => {
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const { ownedCohort } = require(`${__hooks}/lib/cohort.js`);
		const cohort = ownedCohort(e);
		const user = e.request.pathValue("user");
		const body = readJson(e);
		let member = null;
		try {
			member = $app.findFirstRecordByFilter("cohort_members", "cohort = {:c} && user = {:u}", { c: cohort.id, u: user });
		} catch (err) {
			member = null;
		}
		if (!member) throw new NotFoundError("This learner is not a member of this group.");
		$app.runInTransaction((txApp) => {
			txApp.delete(member);
			if (body.block === true) {
				const block = new Record(txApp.findCollectionByNameOrId("cohort_blocks"));
				block.set("cohort", cohort.id);
				block.set("user", user);
				txApp.save(block);
			}
		});
		return e.json(200, { removed: user, blocked: body.block === true });
	},
	$apis.requireAuth("users"),
);

// DELETE /api/palliwijs/cohorts/{id}/blocks/{user} — the owner lets a blocked learner join again.
routerAdd(
	"DELETE",
	"/api/palliwijs/cohorts/{id}/blocks/{user}",
	(e) => {
		const { ownedCohort } = require(`${__hooks}/lib/cohort.js`);
		const cohort = ownedCohort(e);
		let block = null;
		try {
			block = $app.findFirstRecordByFilter("cohort_blocks", "cohort = {:c} && user = {:u}", { c: cohort.id, u: e.request.pathValue("user") });
		} catch (err) {
			block = null;
		}
		if (!block) throw new NotFoundError("This learner is not blocked in this group.");
		$app.delete(block);
		return e.noContent(204);
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

// Assignments: only a course of the catalogue can be assigned.
onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/cohort.js`).checkAssignment(e);
	return e.next();
}, "assignments");

onRecordUpdateRequest((e) => {
	require(`${__hooks}/lib/cohort.js`).checkAssignment(e);
	return e.next();
}, "assignments");
