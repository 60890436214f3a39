/// <reference path="../pb_data/types.d.ts" />
// lesson_progress: one record per user and lesson ("<module>/<slug>"). Owners read and write their own;
// the lesson must exist in the catalogue and completedAt is set by the server (progress.pb.js).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		const own = '@request.auth.id != "" && user = @request.auth.id';
		const collection = new Collection({
			type: "base",
			name: "lesson_progress",
			listRule: own,
			viewRule: own,
			createRule: '@request.auth.id != "" && @request.body.user = @request.auth.id',
			updateRule: `${own} && (@request.body.user:isset = false || @request.body.user = @request.auth.id) && (@request.body.lesson:isset = false || @request.body.lesson = lesson)`,
			deleteRule: own,
			fields: [
				{ type: "relation", name: "user", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true },
				{ type: "text", name: "lesson", required: true, max: 200, pattern: "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$" },
				{ type: "bool", name: "completed" },
				{ type: "date", name: "completedAt" },
				{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
				{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
			],
			indexes: ["CREATE UNIQUE INDEX idx_lesson_progress_user_lesson ON lesson_progress (user, lesson)"],
		});
		app.save(collection);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId("lesson_progress"));
	},
);
