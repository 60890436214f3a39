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
	const { loadAnswerKeys } = require(`${__hooks}/lib/answer-keys.js`);
	const { MIN_GROUP, assignedScope, itemStatistics, choiceCounts, selfCheckAverages } = require(`${__hooks}/lib/aggregates.js`);
	const catalog = loadCatalog() || { courses: {}, assessments: {}, scenarios: {} };
	const keys = loadAnswerKeys() || {};
	const p = { c: cohort.id };
	const join = "JOIN cohort_members cm ON cm.user = x.user WHERE cm.cohort = {:c}";

	const code = codeOf(cohort.id);
	const blocked = rows("SELECT u.id AS id, u.name AS name FROM cohort_blocks b JOIN users u ON u.id = b.user WHERE b.cohort = {:c} ORDER BY u.name", ["id", "name"], p);
	const members = rows("SELECT u.id AS id, u.name AS name FROM cohort_members cm JOIN users u ON u.id = cm.user WHERE cm.cohort = {:c} ORDER BY u.name", ["id", "name"], p);
	const assignments = $app.findRecordsByFilter("assignments", "cohort = {:c}", "due", 0, 0, p).map((a) => ({ id: a.id, course: a.getString("course"), due: a.getString("due") }));
	const progress = rows(`SELECT x.user AS user, x.lesson AS lesson, x.updated AS updated FROM lesson_progress x ${join} AND x.completed = 1`, ["user", "lesson", "updated"], p);
	const attempts = rows(`SELECT x.user AS user, x.assessment AS assessment, x.answers AS answers, x.passed AS passed, x.created AS created FROM assessment_attempts x ${join} ORDER BY x.created`, ["user", "assessment", "answers", "passed", "created"], p);
	const runs = rows(`SELECT x.user AS user, x.scenario AS scenario, x.choices AS choices, x.created AS created FROM scenario_runs x ${join}`, ["user", "scenario", "choices", "created"], p);
	const certificates = rows(`SELECT x.user AS user, x.course AS course FROM certificates x ${join}`, ["user", "course"], p);
	const selfChecks = rows(`SELECT x.kind AS kind, x.scores AS scores FROM self_checks x ${join}`, ["kind", "scores"], p);

	const byUser = {};
	members.forEach((m) => (byUser[m.id] = { done: {}, last: "", passed: {}, certificates: {} }));
	const touch = (u, at) => {
		if (byUser[u] && at > byUser[u].last) byUser[u].last = at;
	};
	const lessonCounts = {};
	progress.forEach((r) => {
		if (!byUser[r.user]) return;
		byUser[r.user].done[r.lesson] = true;
		lessonCounts[r.lesson] = (lessonCounts[r.lesson] || 0) + 1;
		touch(r.user, r.updated);
	});
	attempts.forEach((a) => {
		if (!byUser[a.user]) return;
		if (a.passed === "1" || a.passed === "true" || a.passed === true) byUser[a.user].passed[a.assessment] = true;
		touch(a.user, a.created);
	});
	runs.forEach((r) => touch(r.user, r.created));
	certificates.forEach((c) => {
		if (byUser[c.user]) byUser[c.user].certificates[c.course] = true;
	});
	// Group figures: only for what the cohort was assigned, only from five learners up (lib/aggregates.js).
	const scope = assignedScope(catalog, assignments.map((a) => a.course));
	const domains = Object.keys((catalog.selfCheck && catalog.selfCheck.domains) || {});

	const learners = members.map((m) => {
		const u = byUser[m.id];
		const courses = {};
		assignments.forEach((a) => {
			if (!Object.prototype.hasOwnProperty.call(catalog.courses, a.course)) return;
			const course = catalog.courses[a.course];
			const steps = course.steps.filter((s) => u.done[s]).length;
			const tests = (course.assessments || []).filter((x) => u.passed[x]).length;
			const total = course.steps.length + (course.assessments || []).length;
			courses[a.course] = { percent: total ? Math.round(((steps + tests) / total) * 100) : 0, steps, tests, certificate: !!u.certificates[a.course] };
		});
		return { id: m.id, name: m.name, lastActivity: u.last, courses };
	});
	return {
		cohort: { id: cohort.id, name: cohort.getString("name"), joinCode: code.getString("code"), codeOpen: code.getBool("open") },
		assignments,
		learners,
		blocked: blocked.map((b) => ({ id: b.id, name: b.name })),
		lessons: lessonCounts,
		minGroup: MIN_GROUP,
		items: itemStatistics(attempts, keys, scope),
		choices: choiceCounts(runs, catalog.scenarios || {}, scope),
		selfCheck: selfCheckAverages(selfChecks, domains, scope),
	};
}

module.exports = { newJoinCode, codeOf, ownedCohort, checkAssignment, dashboard };
