/// <reference path="../pb_data/types.d.ts" />
// lesson_progress.changedAt: when `completed` last changed (server clock), so that devices can tell which
// change came last: a lesson undone on one device stays undone on the others (src/lib/progress/sync.ts).
// Empty while the lesson was never marked (a record made by its opening only). Existing records take the
// best time known: their completion, nothing when only opened, otherwise their last update.
migrate(
	(app) => {
		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.add(new DateField({ name: "changedAt" }));
		app.save(progress);
		// Done: its completion. Not done and last saved when it was opened (within 2 s): only opened, never marked,
		// so no change time. Otherwise not done since its last update (undone, or sent as not done).
		app.db()
			.newQuery(
				"UPDATE lesson_progress SET changedAt = CASE WHEN completed THEN completedAt " +
					"WHEN openedAt != '' AND abs(julianday(updated) - julianday(openedAt)) * 86400 < 2 THEN '' ELSE updated END",
			)
			.execute();
	},
	(app) => {
		const progress = app.findCollectionByNameOrId("lesson_progress");
		progress.fields.removeByName("changedAt");
		app.save(progress);
	},
);
