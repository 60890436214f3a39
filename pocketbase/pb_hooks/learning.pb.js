/// <reference path="../pb_data/types.d.ts" />
// The server's own routes for everything that leads to a certificate: scoring assessments, recording
// finished cases, claiming certificates and verifying them. (A learner's data export: account.pb.js.)
// Every route reads its body itself (size-limited, JSON only) so bad input gets a clear 400.

// Handlers run in their own scope: shared helpers live in lib/request.js and are required inside.

// Score an assessment: POST /api/palliwijs/assessments/{module}/attempts  { answers: { item: [option] } }
routerAdd(
	"POST",
	"/api/palliwijs/assessments/{assessment}/attempts",
	(e) => {
		const { scoreAttempt } = require(`${__hooks}/lib/scoring.js`);
		const { loadAnswerKeys } = require(`${__hooks}/lib/answer-keys.js`);
		const id = e.request.pathValue("assessment");
		const assessment = (require(`${__hooks}/lib/request.js`).catalogOrFail().assessments || {})[id];
		if (!assessment) throw new NotFoundError("Unknown assessment.");
		const key = (loadAnswerKeys() || {})[id];
		if (!key) throw new InternalServerError("The answer key of this assessment is not available on the server.");
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const body = readJson(e);
		const result = scoreAttempt(assessment, key, body.answers);
		if (result.problem) throw new BadRequestError(result.problem);

		const attempt = new Record($app.findCollectionByNameOrId("assessment_attempts"));
		attempt.set("user", e.auth.id);
		attempt.set("assessment", id);
		attempt.set("answers", body.answers);
		attempt.set("correct", result.correct);
		attempt.set("total", result.total);
		attempt.set("score", result.score);
		attempt.set("passed", result.passed);
		$app.save(attempt);

		const best = $app.findRecordsByFilter("assessment_attempts", "user = {:user} && assessment = {:a}", "-score", 1, 0, { user: e.auth.id, a: id });
		return e.json(201, {
			attempt: attempt.id,
			score: result.score,
			correct: result.correct,
			total: result.total,
			passed: result.passed,
			passPercentage: assessment.passPercentage,
			bestScore: best.length ? best[0].getFloat("score") : result.score,
			items: result.items,
		});
	},
	$apis.requireAuth("users"),
);

// Record a finished case: POST /api/palliwijs/scenarios/{scenario}/runs  { choices: [{ node, option }] }
routerAdd(
	"POST",
	"/api/palliwijs/scenarios/{scenario}/runs",
	(e) => {
		const { replayRun } = require(`${__hooks}/lib/scenario-replay.js`);
		const id = e.request.pathValue("scenario");
		const scenario = (require(`${__hooks}/lib/request.js`).catalogOrFail().scenarios || {})[id];
		if (!scenario) throw new NotFoundError("Unknown case.");
		const { readJson } = require(`${__hooks}/lib/request.js`);
		const body = readJson(e);
		const result = replayRun(scenario, body.choices);
		if (result.problem) throw new BadRequestError(result.problem);

		$app.runInTransaction((txApp) => {
			const run = new Record(txApp.findCollectionByNameOrId("scenario_runs"));
			run.set("user", e.auth.id);
			run.set("scenario", id);
			run.set("choices", result.choices);
			run.set("ending", result.ending);
			run.set("outcome", result.outcome);
			txApp.save(run);
			const key = "scenario/" + id;
			let progress;
			try {
				progress = txApp.findFirstRecordByFilter("lesson_progress", "user = {:user} && lesson = {:lesson}", { user: e.auth.id, lesson: key });
			} catch (err) {
				progress = new Record(txApp.findCollectionByNameOrId("lesson_progress"));
				progress.set("user", e.auth.id);
				progress.set("lesson", key);
			}
			if (!progress.getBool("completed")) {
				progress.set("completed", true);
				progress.set("completedAt", new Date().toISOString());
				txApp.save(progress);
			}
		});
		return e.json(201, { ending: result.ending, outcome: result.outcome });
	},
	$apis.requireAuth("users"),
);

// Claim a certificate: POST /api/palliwijs/certificates/{course}/claim
routerAdd(
	"POST",
	"/api/palliwijs/certificates/{course}/claim",
	(e) => {
		const { courseCompletion, CODE_ALPHABET, CODE_LENGTH } = require(`${__hooks}/lib/completion.js`);
		const id = e.request.pathValue("course");
		const course = (require(`${__hooks}/lib/request.js`).catalogOrFail().courses || {})[id];
		if (!course) throw new NotFoundError("Unknown course.");
		const user = e.auth.id;
		const view = (c) => ({ id: c.id, code: c.getString("code"), course: c.getString("course"), courseTitle: c.getString("courseTitle"), holderName: c.getString("holderName"), studyHours: c.getFloat("studyHours"), competences: c.get("competences"), issued: c.getString("issued") });

		try {
			const existing = $app.findFirstRecordByFilter("certificates", "user = {:user} && course = {:course}", { user, course: id });
			return e.json(200, view(existing));
		} catch (err) {
			// none yet
		}
		const done = $app.findRecordsByFilter("lesson_progress", "user = {:user} && completed = true", "", 0, 0, { user }).map((r) => r.getString("lesson"));
		const passed = $app.findRecordsByFilter("assessment_attempts", "user = {:user} && passed = true", "", 0, 0, { user }).map((r) => r.getString("assessment"));
		const completion = courseCompletion(course, done, passed);
		if (!completion.complete) {
			// Answered directly: PocketBase would turn error data into field errors and lose the lists.
			return e.json(400, { status: 400, message: "The course is not complete yet.", data: { missingSteps: completion.missingSteps, missingAssessments: completion.missingAssessments } });
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
		certificate.set("issued", new Date().toISOString());
		certificate.set("code", $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET));
		$app.save(certificate);
		return e.json(201, view(certificate));
	},
	$apis.requireAuth("users"),
);

// Verify a certificate, for anyone: GET /api/palliwijs/verify/{code}. Only what a verifier needs.
routerAdd("GET", "/api/palliwijs/verify/{code}", (e) => {
	const { CODE_PATTERN } = require(`${__hooks}/lib/completion.js`);
	const code = e.request.pathValue("code");
	if (!CODE_PATTERN.test(code)) return e.json(400, { valid: false, reason: "malformed" });
	try {
		const c = $app.findFirstRecordByFilter("certificates", "code = {:code}", { code });
		return e.json(200, { valid: true, holderName: c.getString("holderName"), courseTitle: c.getString("courseTitle"), studyHours: c.getFloat("studyHours"), issued: c.getString("issued") });
	} catch (err) {
		return e.json(404, { valid: false, reason: "unknown" });
	}
});
