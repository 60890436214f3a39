// Cohort helpers for cohorts.pb.js: join codes, the owner check and the dashboard aggregates.

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: easy to read aloud in class

function newJoinCode() {
	return $security.randomStringWithAlphabet(8, CODE_ALPHABET);
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

function rows(sql, fields, params) {
	const model = {};
	fields.forEach((f) => (model[f] = ""));
	const result = arrayOf(new DynamicModel(model));
	$app.db().newQuery(sql).bind(params).all(result);
	return result;
}

function parse(text, fallback) {
	try {
		return JSON.parse(text);
	} catch (err) {
		return fallback;
	}
}

/** Everything the dashboard shows, computed from the cohort's members' records in a few queries. */
function dashboard(cohort) {
	const { loadCatalog } = require(`${__hooks}/lib/catalog.js`);
	const { loadAssessment } = require(`${__hooks}/lib/assessments.js`);
	const { courseProgress } = require(`${__hooks}/generated/rules.js`);
	const catalog = loadCatalog() || { courses: {}, assessments: {}, scenarios: {}, durations: {} };
	const p = { c: cohort.id };
	const join = "JOIN cohort_members cm ON cm.user = x.user WHERE cm.cohort = {:c}";

	const members = rows("SELECT u.id AS id, u.name AS name FROM cohort_members cm JOIN users u ON u.id = cm.user WHERE cm.cohort = {:c} ORDER BY u.name", ["id", "name"], p);
	const assignments = $app.findRecordsByFilter("assignments", "cohort = {:c}", "due", 0, 0, p).map((a) => ({ id: a.id, course: a.getString("course"), due: a.getString("due") }));
	const progress = rows(`SELECT x.user AS user, x.lesson AS lesson, x.completed AS completed, x.openedAt AS openedAt, x.completedAt AS completedAt, x.updated AS updated FROM lesson_progress x ${join}`, ["user", "lesson", "completed", "openedAt", "completedAt", "updated"], p);
	// Submitted attempts only, with the per-item results they were scored with.
	const attempts = rows(`SELECT x.user AS user, x.assessment AS assessment, x.results AS results, x.passed AS passed, x.submittedAt AS submittedAt FROM assessment_attempts x ${join} AND x.submittedAt != '' ORDER BY x.submittedAt`, ["user", "assessment", "results", "passed", "submittedAt"], p);
	// Finished runs only: each run is one record, finished once.
	const runs = rows(`SELECT x.user AS user, x.scenario AS scenario, x.choices AS choices, x.startedAt AS startedAt, x.finishedAt AS finishedAt FROM scenario_runs x ${join} AND x.finishedAt != ''`, ["user", "scenario", "choices", "startedAt", "finishedAt"], p);
	const certificates = rows(`SELECT x.user AS user, x.course AS course FROM certificates x ${join}`, ["user", "course"], p);
	const selfChecks = rows(`SELECT x.kind AS kind, x.scores AS scores FROM self_checks x ${join}`, ["kind", "scores"], p);

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
	// Item analysis: each learner's latest attempt per assessment.
	const latest = {};
	attempts.forEach((a) => {
		if (!byUser[a.user]) return;
		latest[a.user + "|" + a.assessment] = a;
		if (truthy(a.passed)) byUser[a.user].passed[a.assessment] = true;
		touch(a.user, a.submittedAt);
	});
	const items = {};
	const questions = {};
	const questionOf = (assessment, itemId) => {
		if (!(assessment in questions)) {
			let bank = null;
			try {
				bank = loadAssessment(assessment);
			} catch (err) {
				bank = null;
			}
			questions[assessment] = {};
			if (bank) bank.items.forEach((i) => (questions[assessment][i.id] = i.question));
		}
		return questions[assessment][itemId] || null;
	};
	Object.keys(latest).forEach((k) => {
		const a = latest[k];
		parse(a.results, []).forEach((r) => {
			items[a.assessment] = items[a.assessment] || {};
			const stat = (items[a.assessment][r.item] = items[a.assessment][r.item] || { answered: 0, correct: 0, question: questionOf(a.assessment, r.item) });
			stat.answered++;
			if (r.right) stat.correct++;
		});
	});
	const choices = {};
	runs.forEach((r) => {
		touch(r.user, r.finishedAt);
		if (byUser[r.user]) byUser[r.user].runs.push({ scenario: r.scenario, startedAt: ms(r.startedAt) || 0, finishedAt: ms(r.finishedAt) || 0 });
		parse(r.choices, []).forEach((c) => {
			choices[r.scenario] = choices[r.scenario] || {};
			const node = (choices[r.scenario][c.node] = choices[r.scenario][c.node] || {});
			node[c.option] = (node[c.option] || 0) + 1;
		});
	});
	certificates.forEach((c) => {
		if (byUser[c.user]) byUser[c.user].certificates[c.course] = true;
	});
	const selfCheck = {};
	selfChecks.forEach((s) => {
		const scores = parse(s.scores, {});
		const agg = (selfCheck[s.kind] = selfCheck[s.kind] || { count: 0, sums: {} });
		agg.count++;
		Object.keys(scores).forEach((d) => (agg.sums[d] = (agg.sums[d] || 0) + Number(scores[d] || 0)));
	});
	const selfCheckAverages = {};
	Object.keys(selfCheck).forEach((kind) => {
		const agg = selfCheck[kind];
		const averages = {};
		Object.keys(agg.sums).forEach((d) => (averages[d] = Math.round((agg.sums[d] / agg.count) * 10) / 10));
		selfCheckAverages[kind] = { count: agg.count, averages };
	});

	const learners = members.map((m) => {
		const u = byUser[m.id];
		const courses = {};
		assignments.forEach((a) => {
			const course = catalog.courses[a.course];
			if (!course) return;
			// The certificate's own rule (time on task included).
			const p = courseProgress(course, { progress: u.progress, runs: u.runs, passed: Object.keys(u.passed) }, catalog.durations || {});
			const tests = (course.assessments || []).length - p.missingAssessments.length;
			courses[a.course] = { percent: p.total ? Math.round((p.done / p.total) * 100) : 0, steps: p.done - tests, tests, certificate: !!u.certificates[a.course] };
		});
		return { id: m.id, name: m.name, lastActivity: u.last, courses };
	});
	return {
		cohort: { id: cohort.id, name: cohort.getString("name"), joinCode: cohort.getString("joinCode"), codeOpen: cohort.getBool("codeOpen") },
		assignments,
		learners,
		lessons: lessonCounts,
		items,
		choices,
		selfCheck: selfCheckAverages,
	};
}

module.exports = { newJoinCode, ownedCohort, dashboard };
