// What the server knows of one learner's work, in the shape the shared rules take (lib/rules →
// generated/rules.js, bundled from src/lib/rules), and the course progress computed from it.

function learnerRecords(app, user) {
	const { ms } = require(`${__hooks}/lib/assessments.js`);
	const progress = app.findRecordsByFilter("lesson_progress", "user = {:user}", "", 0, 0, { user }).map((r) => ({
		lesson: r.getString("lesson"),
		completed: r.getBool("completed"),
		openedAt: ms(r.getString("openedAt")),
		completedAt: ms(r.getString("completedAt")),
	}));
	const runs = app.findRecordsByFilter("scenario_runs", "user = {:user} && finishedAt != ''", "", 0, 0, { user }).map((r) => ({
		scenario: r.getString("scenario"),
		startedAt: ms(r.getString("startedAt")) || 0,
		finishedAt: ms(r.getString("finishedAt")) || 0,
	}));
	const passed = {};
	app.findRecordsByFilter("assessment_attempts", "user = {:user} && passed = true && submittedAt != ''", "", 0, 0, { user }).forEach((r) => (passed[r.getString("assessment")] = true));
	return { progress, runs, passed: Object.keys(passed) };
}

/** The progress of a learner in a course from the catalogue: the one rule behind claims and every view. */
function courseProgressOf(app, catalog, course, user) {
	const { courseProgress } = require(`${__hooks}/generated/rules.js`);
	return courseProgress(course, learnerRecords(app, user), catalog.durations || {});
}

module.exports = { learnerRecords, courseProgressOf };
