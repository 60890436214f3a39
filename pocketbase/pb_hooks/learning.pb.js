/// <reference path="../pb_data/types.d.ts" />
// The server's own routes for everything that leads to a certificate: assessment attempts, case runs,
// lesson openings (time on task), course progress, claiming and verifying certificates. (A learner's data
// export: account.pb.js.) The rules themselves are shared with the browser: generated/rules.js, bundled
// from src/lib/rules by scripts/lib/build.mjs before the server starts.
// Every route reads its body itself (size-limited, JSON only) so bad input gets a clear 400.

// Handlers run in their own scope: shared helpers live in lib/request.js and are required inside.

// Assessments (issue 17): the server draws each attempt from the bank, keeps what it handed out, scores
// only those items and limits the attempts. Contract: pocketbase/API.md.

// GET /api/palliwijs/assessments/{assessment} — where the learner stands.
routerAdd(
	"GET",
	"/api/palliwijs/assessments/{assessment}",
	(e) => {
		const A = require(`${__hooks}/lib/assessments.js`);
		const { attemptsStatus } = require(`${__hooks}/generated/rules.js`);
		const assessment = A.loadAssessment(e.request.pathValue("assessment"));
		if (!assessment) throw new NotFoundError("Unknown assessment.");
		const records = $app.findRecordsByFilter("assessment_attempts", "user = {:user} && assessment = {:a}", "created", 0, 0, { user: e.auth.id, a: assessment.id });
		const submitted = A.submittedOf(records);
		const status = attemptsStatus(assessment.attempts, submitted, Date.now());
		const open = records.find((r) => r.getString("submittedAt") === "");
		const last = submitted.length ? submitted[submitted.length - 1].record : null;
		const scores = submitted.map((s) => s.record.getFloat("score"));
		const catalog = require(`${__hooks}/lib/request.js`).catalogOrFail();
		return e.json(200, {
			assessment: assessment.id,
			draw: assessment.draw,
			passPercentage: assessment.passPercentage,
			attemptsAllowed: assessment.attempts.max,
			attemptsUsed: status.attemptsUsed,
			attemptsLeft: open ? Math.max(0, status.attemptsLeft - 1) : status.attemptsLeft,
			nextAttemptAt: A.iso(status.nextAttemptAt),
			passed: status.passed,
			bestScore: scores.length ? Math.max.apply(null, scores) : null,
			open: open ? A.attemptView(open, assessment) : null,
			last: last ? A.resultView(last, assessment, status, catalog.titles || {}) : null,
		});
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/assessments/{assessment}/attempts — start an attempt (or get the open one back).
routerAdd(
	"POST",
	"/api/palliwijs/assessments/{assessment}/attempts",
	(e) => {
		const A = require(`${__hooks}/lib/assessments.js`);
		const { attemptsStatus, drawAttempt } = require(`${__hooks}/generated/rules.js`);
		const assessment = A.loadAssessment(e.request.pathValue("assessment"));
		if (!assessment) throw new NotFoundError("Unknown assessment.");
		const user = e.auth.id;
		// The answers go to …/attempts/{attempt}; an old client sending them here must not start anything.
		const raw = toString(e.request.body, 50001).trim();
		if (raw !== "" && raw !== "{}") return A.problem(e, 400, "Start an attempt with an empty body; send the answers to /api/palliwijs/assessments/" + assessment.id + "/attempts/{attempt}.");
		let outcome = null;
		const decide = (txApp, mayCreate) => {
			const records = txApp.findRecordsByFilter("assessment_attempts", "user = {:user} && assessment = {:a}", "created", 0, 0, { user, a: assessment.id });
			let open = records.find((r) => r.getString("submittedAt") === "");
			// An open attempt with an item the bank no longer has (the content changed) cannot be scored: it
			// is dropped (it never counted) and a new one is drawn.
			if (open && mayCreate && !A.isCurrent(open, assessment)) {
				txApp.delete(open);
				open = null;
			}
			if (open) return { status: 200, record: open };
			const status = attemptsStatus(assessment.attempts, A.submittedOf(records), Date.now());
			if (status.passed) return { status: 409, message: "You passed this test already." };
			if (status.attemptsLeft <= 0) return { status: 429, nextAttemptAt: status.nextAttemptAt };
			if (!mayCreate) return null;
			const record = new Record(txApp.findCollectionByNameOrId("assessment_attempts"));
			record.set("user", user);
			record.set("assessment", assessment.id);
			record.set("items", drawAttempt(assessment.items, assessment.draw, Math.random));
			record.set("startedAt", new Date().toISOString());
			record.set("total", assessment.draw);
			txApp.save(record);
			return { status: 201, record };
		};
		try {
			$app.runInTransaction((txApp) => {
				outcome = decide(txApp, true);
			});
		} catch (err) {
			// Two starts at the same moment: the unique index on open attempts refused the second; hand out the first.
			outcome = decide($app, false);
			if (!outcome) throw err;
		}
		if (outcome.status === 409) return A.problem(e, 409, outcome.message);
		if (outcome.status === 429) {
			const seconds = Math.max(1, Math.ceil((outcome.nextAttemptAt - Date.now()) / 1000));
			e.response.header().set("Retry-After", String(seconds));
			return A.problem(e, 429, "No attempts left in this series; the next one opens at " + A.iso(outcome.nextAttemptAt) + ".", { nextAttemptAt: A.iso(outcome.nextAttemptAt) });
		}
		return e.json(outcome.status, A.attemptView(outcome.record, assessment));
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/assessments/{assessment}/attempts/{attempt}  { answers: { itemId: [optionId] } } — submit.
routerAdd(
	"POST",
	"/api/palliwijs/assessments/{assessment}/attempts/{attempt}",
	(e) => {
		const A = require(`${__hooks}/lib/assessments.js`);
		const { attemptsStatus, scoreAttempt } = require(`${__hooks}/generated/rules.js`);
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const assessment = A.loadAssessment(e.request.pathValue("assessment"));
		if (!assessment) throw new NotFoundError("Unknown assessment.");
		const user = e.auth.id;
		const id = e.request.pathValue("attempt");
		const find = (app) => {
			try {
				const r = app.findRecordById("assessment_attempts", id);
				return r.getString("user") === user && r.getString("assessment") === assessment.id ? r : null;
			} catch (err) {
				return null;
			}
		};
		if (!find($app)) throw new NotFoundError("Unknown attempt.");
		const body = readJson(e);
		let outcome = null;
		$app.runInTransaction((txApp) => {
			const record = find(txApp);
			// (A value returned from a transaction callback would be taken as an error: set outcome, return nothing.)
			if (record.getString("submittedAt") !== "") {
				outcome = { status: 409 };
				return;
			}
			if (!A.isCurrent(record, assessment)) {
				outcome = { status: 409, message: "This test changed after the attempt started; start a new attempt." };
				return;
			}
			const result = scoreAttempt(A.jsonOf(record, "items", []), assessment.items, assessment.key, body.answers, assessment.passPercentage);
			if (result.problem) {
				outcome = { status: 400, message: result.problem };
				return;
			}
			record.set("answers", body.answers);
			record.set("results", result.results);
			record.set("correct", result.correct);
			record.set("total", result.total);
			record.set("score", result.score);
			record.set("passed", result.passed);
			record.set("submittedAt", new Date().toISOString());
			const all = txApp.findRecordsByFilter("assessment_attempts", "user = {:user} && assessment = {:a}", "created", 0, 0, { user, a: assessment.id });
			const submitted = A.submittedOf(all.map((r) => (r.id === record.id ? record : r)));
			const status = attemptsStatus(assessment.attempts, submitted, Date.now());
			const index = submitted.findIndex((s) => s.record.id === record.id);
			record.set("reveal", result.passed || status.lastOfSeries[index] === true);
			txApp.save(record);
			outcome = { status: 200, record, attemptStatus: status };
		});
		if (outcome.status === 409) return A.problem(e, 409, outcome.message || "This attempt was submitted already.");
		if (outcome.status === 400) return A.problem(e, 400, outcome.message);
		const catalog = require(`${__hooks}/lib/request.js`).catalogOrFail();
		return e.json(200, A.resultView(outcome.record, assessment, outcome.attemptStatus, catalog.titles || {}));
	},
	$apis.requireAuth("users"),
);

// Cases (issue 17): a run is started by the server (seed, startedAt) and finished once.

// POST /api/palliwijs/scenarios/{scenario}/runs — start a run: 201 { run, seed, startedAt }.
routerAdd(
	"POST",
	"/api/palliwijs/scenarios/{scenario}/runs",
	(e) => {
		const { problem, ms, iso } = require(`${__hooks}/lib/assessments.js`);
		const id = e.request.pathValue("scenario");
		const scenario = (require(`${__hooks}/lib/request.js`).catalogOrFail().scenarios || {})[id];
		if (!scenario) throw new NotFoundError("Unknown case.");
		const raw = toString(e.request.body, 50001).trim();
		// An empty body, or { key } (offline plays, issue 24): the device's key for one play, so that a start
		// sent again with the same key is the same run (200), never a second one.
		let key = "";
		if (raw !== "" && raw !== "{}") {
			let body = null;
			try {
				body = JSON.parse(raw);
			} catch (err) {
				body = null;
			}
			const names = body && typeof body === "object" && !Array.isArray(body) ? Object.keys(body) : [];
			if (names.length !== 1 || names[0] !== "key") return problem(e, 400, "Start a run first: POST an empty body here, then send the choices to /api/palliwijs/scenarios/" + id + "/runs/{run}.");
			if (typeof body.key !== "string" || !/^[A-Za-z0-9_-]{8,64}$/.test(body.key)) return problem(e, 400, "key: 8 to 64 letters, digits, '-' or '_'.");
			key = body.key;
		}
		const view = (r) => ({ run: r.id, seed: r.getString("seed"), startedAt: iso(ms(r.getString("startedAt"))) });
		const keyed = () => {
			try {
				return $app.findFirstRecordByFilter("scenario_runs", "user = {:user} && scenario = {:scenario} && clientKey = {:key}", { user: e.auth.id, scenario: id, key });
			} catch (err) {
				return null;
			}
		};
		if (key) {
			const existing = keyed();
			if (existing) return e.json(200, view(existing));
		}
		const run = new Record($app.findCollectionByNameOrId("scenario_runs"));
		const startedAt = new Date().toISOString();
		run.set("user", e.auth.id);
		run.set("scenario", id);
		run.set("seed", $security.randomString(16));
		run.set("startedAt", startedAt);
		if (key) run.set("clientKey", key);
		try {
			$app.save(run);
		} catch (err) {
			// Two starts with the same key at the same moment: the unique index keeps one, both get it.
			const existing = key ? keyed() : null;
			if (existing) return e.json(200, view(existing));
			throw err;
		}
		return e.json(201, { run: run.id, seed: run.getString("seed"), startedAt: iso(Date.parse(startedAt)) });
	},
	$apis.requireAuth("users"),
);

// POST /api/palliwijs/scenarios/{scenario}/runs/{run}  { choices: [{ node, option }] } — finish a run, once.
routerAdd(
	"POST",
	"/api/palliwijs/scenarios/{scenario}/runs/{run}",
	(e) => {
		const { replayRun } = require(`${__hooks}/generated/rules.js`);
		const { problem, ms, iso } = require(`${__hooks}/lib/assessments.js`);
		const id = e.request.pathValue("scenario");
		const scenario = (require(`${__hooks}/lib/request.js`).catalogOrFail().scenarios || {})[id];
		if (!scenario) throw new NotFoundError("Unknown case.");
		const user = e.auth.id;
		const runId = e.request.pathValue("run");
		const find = (app) => {
			try {
				const r = app.findRecordById("scenario_runs", runId);
				return r.getString("user") === user && r.getString("scenario") === id ? r : null;
			} catch (err) {
				return null;
			}
		};
		if (!find($app)) throw new NotFoundError("Unknown run.");
		const view = (r) => ({ run: r.id, ending: r.getString("ending"), outcome: r.getString("outcome"), startedAt: iso(ms(r.getString("startedAt"))), finishedAt: iso(ms(r.getString("finishedAt"))) });
		const { readJson } = require(`${__hooks}/lib/request.js`);
		let outcome = null;
		$app.runInTransaction((txApp) => {
			const run = find(txApp);
			// (A value returned from a transaction callback would be taken as an error: set outcome, return nothing.)
			if (run.getString("finishedAt") !== "") {
				outcome = { run };
				return;
			}
			const body = readJson(e);
			const result = replayRun(scenario, body.choices);
			if (result.problem) {
				outcome = { problem: result.problem };
				return;
			}
			run.set("choices", result.choices);
			run.set("ending", result.ending);
			run.set("outcome", result.outcome);
			run.set("finishedAt", new Date().toISOString());
			txApp.save(run);
			const key = "scenario/" + id;
			let progress;
			try {
				progress = txApp.findFirstRecordByFilter("lesson_progress", "user = {:user} && lesson = {:lesson}", { user, lesson: key });
			} catch (err) {
				progress = new Record(txApp.findCollectionByNameOrId("lesson_progress"));
				progress.set("user", user);
				progress.set("lesson", key);
			}
			if (!progress.getBool("completed")) {
				progress.set("completed", true);
				progress.set("completedAt", new Date().toISOString());
				txApp.save(progress);
			}
			outcome = { run };
		});
		if (outcome.problem) return problem(e, 400, outcome.problem);
		return e.json(200, view(outcome.run));
	},
	$apis.requireAuth("users"),
);

// Time on task: POST /api/palliwijs/lessons/opened { lesson: "<module>/<slug>" } — the first opening counts. 204.
routerAdd(
	"POST",
	"/api/palliwijs/lessons/opened",
	(e) => {
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const { loadLessonKeys } = require(`${__hooks}/lib/catalog.js`);
		const lessons = loadLessonKeys();
		if (!lessons) throw new InternalServerError("The course catalogue is not available on the server.");
		const lesson = readJson(e).lesson;
		if (typeof lesson !== "string" || lessons[lesson] !== true) throw new NotFoundError("Unknown lesson.");
		const user = e.auth.id;
		$app.runInTransaction((txApp) => {
			let progress;
			try {
				progress = txApp.findFirstRecordByFilter("lesson_progress", "user = {:user} && lesson = {:lesson}", { user, lesson });
			} catch (err) {
				progress = new Record(txApp.findCollectionByNameOrId("lesson_progress"));
				progress.set("user", user);
				progress.set("lesson", lesson);
				progress.set("completed", false);
			}
			if (progress.getString("openedAt") === "") {
				progress.set("openedAt", new Date().toISOString());
				txApp.save(progress);
			}
		});
		return e.noContent(204);
	},
	$apis.requireAuth("users"),
);

// GET /api/palliwijs/courses/{course}/progress — the learner's progress by the certificate's rule.
routerAdd(
	"GET",
	"/api/palliwijs/courses/{course}/progress",
	(e) => {
		const id = e.request.pathValue("course");
		const catalog = require(`${__hooks}/lib/request.js`).catalogOrFail();
		const course = (catalog.courses || {})[id];
		if (!course) throw new NotFoundError("Unknown course.");
		const { courseProgressOf } = require(`${__hooks}/lib/learner.js`);
		const p = courseProgressOf($app, catalog, course, e.auth.id);
		return e.json(200, { course: id, complete: p.complete, done: p.done, total: p.total, missingSteps: p.missingSteps, missingAssessments: p.missingAssessments, notCounted: p.notCounted });
	},
	$apis.requireAuth("users"),
);

// Claim a certificate: POST /api/palliwijs/certificates/{course}/claim
routerAdd(
	"POST",
	"/api/palliwijs/certificates/{course}/claim",
	(e) => {
		const { CODE_ALPHABET, CODE_LENGTH } = require(`${__hooks}/lib/certificate-code.js`);
		const { courseProgressOf } = require(`${__hooks}/lib/learner.js`);
		const id = e.request.pathValue("course");
		const catalog = require(`${__hooks}/lib/request.js`).catalogOrFail();
		const course = (catalog.courses || {})[id];
		if (!course) throw new NotFoundError("Unknown course.");
		const user = e.auth.id;
		const view = (c) => ({ id: c.id, code: c.getString("code"), course: c.getString("course"), courseTitle: c.getString("courseTitle"), courseTitleEn: c.getString("courseTitleEn"), holderName: c.getString("holderName"), studyHours: c.getFloat("studyHours"), competences: c.get("competences"), competencesEn: c.get("competencesEn"), issued: c.getString("issued") });

		try {
			const existing = $app.findFirstRecordByFilter("certificates", "user = {:user} && course = {:course}", { user, course: id });
			return e.json(200, view(existing));
		} catch (err) {
			// none yet
		}
		const completion = courseProgressOf($app, catalog, course, user);
		if (!completion.complete) {
			// Answered directly: PocketBase would turn error data into field errors and lose the lists.
			return e.json(400, { status: 400, message: "The course is not complete yet.", data: { missingSteps: completion.missingSteps, missingAssessments: completion.missingAssessments, notCounted: completion.notCounted } });
		}
		const name = e.auth.getString("name").trim();
		if (!name) throw new BadRequestError("Add your name to your account first: it goes on the certificate.");
		const certificate = new Record($app.findCollectionByNameOrId("certificates"));
		certificate.set("user", user);
		certificate.set("course", id);
		certificate.set("courseTitle", course.title);
		certificate.set("holderName", name);
		certificate.set("studyHours", course.studyHours);
		certificate.set("competences", course.competenceTitles || course.competences);
		// The same in English, for an English certificate page and PDF (the Dutch ones stay the record of issue).
		if (course.titleEn) certificate.set("courseTitleEn", course.titleEn);
		if (course.competenceTitlesEn) certificate.set("competencesEn", course.competenceTitlesEn);
		certificate.set("issued", new Date().toISOString());
		certificate.set("code", $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET));
		try {
			$app.save(certificate);
		} catch (err) {
			// Claimed twice at once: the other request issued it first (unique user + course). That one is the certificate.
			let winner = null;
			try {
				winner = $app.findFirstRecordByFilter("certificates", "user = {:user} && course = {:course}", { user, course: id });
			} catch (notFound) {
				throw err;
			}
			return e.json(200, view(winner));
		}
		return e.json(201, view(certificate));
	},
	$apis.requireAuth("users"),
);

// Verify a certificate, for anyone: GET /api/palliwijs/verify/{code}. Only what a verifier needs.
routerAdd("GET", "/api/palliwijs/verify/{code}", (e) => {
	const { CODE_PATTERN } = require(`${__hooks}/lib/certificate-code.js`);
	const code = e.request.pathValue("code");
	if (!CODE_PATTERN.test(code)) return e.json(400, { valid: false, reason: "malformed" });
	// A withdrawn certificate (lib/open-badges.js) says so, also after its holder deleted the account.
	const withdrawn = require(`${__hooks}/lib/open-badges.js`).revocationOf($app, code);
	let c = null;
	try {
		c = $app.findFirstRecordByFilter("certificates", "code = {:code}", { code });
	} catch (err) {
		// unknown or deleted with its account
	}
	if (withdrawn) {
		const facts = c ? { holderName: c.getString("holderName"), courseTitle: c.getString("courseTitle"), courseTitleEn: c.getString("courseTitleEn"), studyHours: c.getFloat("studyHours"), issued: c.getString("issued") } : {};
		return e.json(200, Object.assign({ valid: false, reason: "revoked", revokedAt: withdrawn.revokedAt, revocationReason: withdrawn.reason }, facts));
	}
	if (!c) return e.json(404, { valid: false, reason: "unknown" });
	return e.json(200, { valid: true, holderName: c.getString("holderName"), courseTitle: c.getString("courseTitle"), courseTitleEn: c.getString("courseTitleEn"), studyHours: c.getFloat("studyHours"), issued: c.getString("issued") });
});
