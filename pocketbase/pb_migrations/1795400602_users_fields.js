/// <reference path="../pb_data/types.d.ts" />
// Users: PocketBase's default avatar field goes (5 MB of public file storage per learner that nobody uses
// and the data export would have to carry). Passwords: PocketBase allows at most 71 characters and bcrypt
// reads 72 bytes; users.pb.js refuses a longer one with a field error before PocketBase's own bare failure.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.fields.removeByName("avatar");
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.fields.add(new FileField({ name: "avatar", maxSelect: 1, maxSize: 0, mimeTypes: ["image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"] }));
		app.save(users);
	},
);
