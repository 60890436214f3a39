// Cohort helpers for cohorts.pb.js: join codes, the owner check and the dashboard.

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: easy to read aloud in class

function newJoinCode() {
	return $security.randomStringWithAlphabet(8, CODE_ALPHABET);
}

/** The join code record of a cohort (cohort_codes), made when missing. */
function codeOf(cohortId) {
	try {
		return $app.findFirstRecordByFilter("cohort_codes", "cohort = {:c}", { c: cohortId });
	} catch (err) {
		const code = new Record($app.findCollectionByNameOrId("cohort_codes"));
		code.set("cohort", cohortId);
		code.set("code", newJoinCode());
		code.set("open", true);
		$app.save(code);
		return code;
	}
}

/** The cohort of the path if the logged-in trainer owns it; otherwise 404 (its existence stays hidden). */
function ownedCohort(e) {
	const id = e.request.pathValue("id");
	let cohort = null;
	try {
		cohort = $app.findRecordById("cohorts", id);
	} catch (err) {
		cohort = null;
	}
	if (!cohort || cohort.getString("owner") !== e.auth.id || e.auth.getString("role") !== "trainer") throw new NotFoundError("Unknown cohort.");
	return cohort;
}

/** Refuses an assignment of a course the catalogue does not hold (400 naming the field). */
function checkAssignment(e) {
	const { catalogOrFail } = require(`${__hooks}/lib/request.js`);
	const course = e.record.getString("course");
	if (!Object.prototype.hasOwnProperty.call(catalogOrFail().courses, course)) {
		throw new BadRequestError(`course: unknown course "${course.slice(0, 100)}".`, { course: new ValidationError("course_unknown", "Unknown course.") });
	}
}

// Every column is read as text: a JSON column that may hold SQL NULL (PocketBase stores an empty JSON field
// as NULL, and attempts from before results existed have none) is read through COALESCE, or the whole
// dashboard fails (tests/api/upgrade.test.ts).
function rows(sql, fields, params) {
	const model = {};
	fields.forEach((f) => (model[f] = ""));
	const result = arrayOf(new DynamicModel(model));
	$app.db().newQuery(sql).bind(params).all(result);
	return result;
}

/** Everything the dashboard shows, computed from the cohort's members' records in a few queries. */
function dashboard(cohort) {
	const { loadCatalog } = require(`${__hooks}/lib/catalog.js`);
	const { loadAssessment } = require(`${__hooks}/lib/assessments.js`);
	const { courseProgress, moduleProgress } = require(`${__hooks}/generated/rules.js`);
	const { MIN_GROUP, assignedScope, itemStatistics, choiceCounts, selfCheckAverages } = require(`${__hooks}/generated/rules.js`);
	const catalog = loadCatalog() || { courses: {}, assessments: {}, scenarios: {}, durations: {} };
	const p = { c: cohort.id };
	const join = "JOIN cohort_members cm ON cm.user = x.user WHERE cm.cohort = {:c}";

	const code = codeOf(cohort.id);
	const blocked = rows("SELECT u.id AS id, u.name AS name FROM cohort_blocks b JOIN users u ON u.id = b.user WHERE b.cohort = {:c} ORDER BY u.name", ["id", "name"], p);
	// The e-mail address only of members who agreed to share it with this group's trainer (cohort_members.shareEmail).
	const members = rows(
		"SELECT u.id AS id, u.name AS name, CASE WHEN cm.shareEmail THEN u.email ELSE '' END AS email FROM cohort_members cm JOIN users u ON u.id = cm.user WHERE cm.cohort = {:c} ORDER BY u.name",
		["id", "name", "email"],
		p,
	);
	const assignments = $app.findRecordsByFilter("assignments", "cohort = {:c}", "due", 0, 0, p).map((a) => ({ id: a.id, course: a.getString("course"), due: a.getString("due") }));
	const progress = rows(`SELECT x.user AS user, x.lesson AS lesson, x.completed AS completed, x.openedAt AS openedAt, x.completedAt AS completedAt, x.updated AS updated FROM lesson_progress x ${join}`, ["user", "lesson", "completed", "openedAt", "completedAt", "updated"], p);
	// Submitted attempts only, with the per-item results they were scored with.
	const attempts = rows(`SELECT x.user AS user, x.assessment AS assessment, COALESCE(x.results, 'null') AS results, x.passed AS passed, x.submittedAt AS submittedAt FROM assessment_attempts x ${join} AND x.submittedAt != '' ORDER BY x.submittedAt`, ["user", "assessment", "results", "passed", "submittedAt"], p);
	// Finished runs only: each run is one record, finished once.
	const runs = rows(`SELECT x.user AS user, x.scenario AS scenario, COALESCE(x.choices, 'null') AS choices, x.startedAt AS startedAt, x.finishedAt AS finishedAt FROM scenario_runs x ${join} AND x.finishedAt != ''`, ["user", "scenario", "choices", "startedAt", "finishedAt"], p);
	const certificates = rows(`SELECT x.user AS user, x.course AS course FROM certificates x ${join}`, ["user", "course"], p);
	const selfChecks = rows(`SELECT x.kind AS kind, COALESCE(x.scores, 'null') AS scores FROM self_checks x ${join}`, ["kind", "scores"], p);

	const byUser = {};
	members.forEach((m) => (byUser[m.id] = { progress: [], runs: [], last: "", passed: {}, certificates: {} }));
	const ms = (v) => {
		if (!v) return null;
		const t = new Date(String(v).replace(" ", "T")).getTime();
		return isNaN(t) ? null : t;
	};
	const truthy = (v) => v === "1" || v === "true" || v === true || v === 1;
	const touch = (u, at) => {
		if (byUser[u] && at > byUser[u].last) byUser[u].last = at;
	};
	const lessonCounts = {};
	progress.forEach((r) => {
		if (!byUser[r.user]) return;
		const completed = truthy(r.completed);
		byUser[r.user].progress.push({ lesson: r.lesson, completed, openedAt: ms(r.openedAt), completedAt: ms(r.completedAt) });
		if (!completed) return;
		lessonCounts[r.lesson] = (lessonCounts[r.lesson] || 0) + 1;
		touch(r.user, r.updated);
	});
	attempts.forEach((a) => {
		if (!byUser[a.user]) return;
		if (truthy(a.passed)) byUser[a.user].passed[a.assessment] = true;
		touch(a.user, a.submittedAt);
	});
	runs.forEach((r) => {
		touch(r.user, r.finishedAt);
		if (byUser[r.user]) byUser[r.user].runs.push({ scenario: r.scenario, startedAt: ms(r.startedAt) || 0, finishedAt: ms(r.finishedAt) || 0 });
	});
	certificates.forEach((c) => {
		if (byUser[c.user]) byUser[c.user].certificates[c.course] = true;
	});
	// Question texts come from the server-only bank (never from the published site).
	const questions = {};
	const questionOf = (assessment, itemId) => {
		if (!Object.prototype.hasOwnProperty.call(questions, assessment)) {
			let bank = null;
			try {
				bank = loadAssessment(assessment);
			} catch (err) {
				bank = null;
			}
			questions[assessment] = {};
			if (bank) bank.items.forEach((i) => (questions[assessment][i.id] = i.question));
		}
		return Object.prototype.hasOwnProperty.call(questions[assessment], itemId) ? questions[assessment][itemId] : null;
	};
	// Group figures: only for what the cohort was assigned, only from five learners up (src/lib/rules/group-figures.ts).
	const scope = assignedScope(catalog, assignments.map((a) => a.course));
	const domains = Object.keys((catalog.selfCheck && catalog.selfCheck.domains) || {});

	const learners = members.map((m) => {
		const u = byUser[m.id];
		const courses = {};
		assignments.forEach((a) => {
			if (!Object.prototype.hasOwnProperty.call(catalog.courses, a.course)) return;
			const course = catalog.courses[a.course];
			// The certificate's own rule (time on task included).
			const pr = courseProgress(course, { progress: u.progress, runs: u.runs, passed: Object.keys(u.passed) }, catalog.durations || {});
			const tests = (course.assessments || []).length - pr.missingAssessments.length;
			// Per module (the trainer's grid of learners by module): steps and test that count, and a status.
			const modules = moduleProgress(
				(course.modules || []).map((id) => ({ id, steps: (catalog.modules && Object.prototype.hasOwnProperty.call(catalog.modules, id) && catalog.modules[id].steps) || [] })),
				course.assessments || [],
				pr,
			);
			courses[a.course] = { percent: pr.total ? Math.round((pr.done / pr.total) * 100) : 0, steps: pr.done - tests, tests, certificate: !!u.certificates[a.course], modules };
		});
		return { id: m.id, name: m.name, email: m.email, lastActivity: u.last, courses };
	});
	return {
		cohort: { id: cohort.id, name: cohort.getString("name"), joinCode: code.getString("code"), codeOpen: code.getBool("open") },
		assignments,
		learners,
		blocked: blocked.map((b) => ({ id: b.id, name: b.name })),
		lessons: lessonCounts,
		minGroup: MIN_GROUP,
		items: itemStatistics(attempts, scope, questionOf),
		choices: choiceCounts(runs, catalog.scenarios || {}, scope),
		selfCheck: selfCheckAverages(selfChecks, domains, scope),
	};
}

module.exports = { newJoinCode, codeOf, ownedCohort, checkAssignment, dashboard };
