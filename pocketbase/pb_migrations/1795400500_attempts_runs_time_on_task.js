/// <reference path="../pb_data/types.d.ts" />
// Issue 17: attempts the server controls, runs started and finished once, time on task.
// - assessment_attempts: what was handed out (items + option order), startedAt, submittedAt, the
//   per-item results it was scored with, and whether it shows the review. At most one open
//   (unsubmitted) attempt per learner and assessment (unique partial index).
// - scenario_runs: seed (the option order of the play), startedAt, finishedAt.
// - lesson_progress: openedAt (first opening while logged in; server clock).
// Records made before this migration get startedAt = submittedAt / finishedAt = created, so they count
// as submitted or finished (and, taking no time, do not credit a case).
migrate(
	(app) => {
		const attempts = app.findCollectionByNameOrId("assessment_attempts");
		attempts.fields.add(new JSONField({ name: "items", maxSize: 20000 }));
		attempts.fields.add(new DateField({ name: "startedAt" }));
		attempts.fields.add(new DateField({ name: "submittedAt" }));
		attempts.fields.add(new JSONField({ name: "results", maxSize: 20000 }));
		attempts.fields.add(new BoolField({ name: "reveal" }));
		app.save(attempts);
		app.db().newQuery("UPDATE assessment_attempts SET startedAt = created, submittedAt = created WHERE submittedAt = '' OR submittedAt IS NULL").execute();
		attempts.addIndex("idx_attempts_one_open", true, "user, assessment", "submittedAt = ''");
		app.save(attempts);

		const runs = app.findCollectionByNameOrId("scenario_runs");
		runs.fields.add(new TextField({ name: "seed", max: 64 }));
		runs.fields.add(new DateField({ name: "startedAt" }));
		runs.fields.add(new DateField({ name: "finishedAt" }));
		app.save(runs);
		app.db().newQuery("UPDATE scenario_runs SET startedAt = created, finishedAt = created WHERE finishedAt = '' OR finishedAt IS NULL").execute();

		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.add(new DateField({ name: "openedAt" }));
		app.save(progress);
	},
	(app) => {
		const attempts = app.findCollectionByNameOrId("assessment_attempts");
		attempts.removeIndex("idx_attempts_one_open");
		for (const name of ["items", "startedAt", "submittedAt", "results", "reveal"]) attempts.fields.removeByName(name);
		app.save(attempts);
		const runs = app.findCollectionByNameOrId("scenario_runs");
		for (const name of ["seed", "startedAt", "finishedAt"]) runs.fields.removeByName(name);
		app.save(runs);
		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.removeByName("openedAt");
		app.save(progress);
	},
);
