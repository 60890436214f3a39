/// <reference path="../pb_data/types.d.ts" />
// Learning records as xAPI (issue 23; README "Leerrecords (xAPI)"; statements: lib/xapi.js; records, queue,
// download: lib/xapi-records.js).
// - On every `serve`: the LRS settings from the environment are checked (a value the server cannot mean stops the
//   start), the pseudonym key is made when missing, and PW_TEST_CRON_TICK_SECONDS (tests) sets the cron tick.
// - After a learning record is committed, its statements go into the queue (xapi_queue) when an LRS is set: a
//   local write only, so the learner's request never waits for the LRS.
// - A cron job sends the queue to the LRS (every minute; every tick of PW_TEST_CRON_TICK_SECONDS in tests).
// - GET /api/palliwijs/cohorts/{id}/xapi: the cohort's statements for its trainer, one JSON statement per line.

onBootstrap((e) => {
	e.next();
	if ($os.args.indexOf("serve") < 0) return;
	const settings = require(`${__hooks}/lib/xapi.js`).lrsSettings((name) => $os.getenv(name));
	require(`${__hooks}/lib/xapi-records.js`).pseudonymKey();
	// PocketBase's cron ticks every minute; a test sets a shorter tick to see the queue drain in seconds. Tests only:
	// the tick is PocketBase's, so every cron job (backups too) would run on each tick of its minute.
	if (settings && settings.tickSeconds !== 60) e.app.cron().setInterval(settings.tickSeconds * 1000 * 1000 * 1000);
});

cronAdd("palliwijsXapiQueue", "* * * * *", () => {
	require(`${__hooks}/lib/xapi-records.js`).drain();
});

onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("lesson_progress", e.record);
	return e.next();
}, "lesson_progress");
onRecordAfterUpdateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("lesson_progress", e.record);
	return e.next();
}, "lesson_progress");
onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("assessment_attempts", e.record);
	return e.next();
}, "assessment_attempts");
onRecordAfterUpdateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("assessment_attempts", e.record);
	return e.next();
}, "assessment_attempts");
onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("scenario_runs", e.record);
	return e.next();
}, "scenario_runs");
onRecordAfterUpdateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("scenario_runs", e.record);
	return e.next();
}, "scenario_runs");
onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/xapi-records.js`).enqueue("certificates", e.record);
	return e.next();
}, "certificates");

// GET /api/palliwijs/cohorts/{id}/xapi — the owner's download (NDJSON); anyone else gets 404, as for the dashboard.
routerAdd(
	"GET",
	"/api/palliwijs/cohorts/{id}/xapi",
	(e) => {
		const { ownedCohort } = require(`${__hooks}/lib/cohort.js`);
		const { cohortStatements } = require(`${__hooks}/lib/xapi-records.js`);
		const cohort = ownedCohort(e);
		const lines = cohortStatements(cohort).map((s) => JSON.stringify(s));
		const name = "palliwijs-xapi-" + cohort.getString("name").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60);
		e.response.header().set("Content-Disposition", 'attachment; filename="' + (name === "palliwijs-xapi-" ? "palliwijs-xapi" : name) + '.ndjson"');
		e.response.header().set("Cache-Control", "no-store");
		return e.blob(200, "application/x-ndjson; charset=utf-8", lines.length ? lines.join("\n") + "\n" : "");
	},
	$apis.requireAuth("users"),
);
