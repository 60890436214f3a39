/// <reference path="../pb_data/types.d.ts" />
// lesson_progress.changedAt: when `completed` last changed (server clock), so that devices can tell which
// change came last: a lesson undone on one device stays undone on the others (src/lib/progress/sync.ts).
// Empty while the lesson was never marked (a record made by its opening only). Existing records take the
// best time known: their completion, or their last update when they are not done.
migrate(
	(app) => {
		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.add(new DateField({ name: "changedAt" }));
		app.save(progress);
		app.db().newQuery("UPDATE lesson_progress SET changedAt = CASE WHEN completed THEN completedAt ELSE updated END").execute();
	},
	(app) => {
		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.removeByName("changedAt");
		app.save(progress);
	},
);
