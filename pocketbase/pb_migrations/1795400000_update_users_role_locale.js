/// <reference path="../pb_data/types.d.ts" />
// Users get a role (learner by default, trainer and admin granted by a superuser) and a locale.
// Passwords need at least 10 characters. A user can never change their own role (see also users.pb.js).
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.fields.add(new SelectField({ name: "role", values: ["learner", "trainer", "admin"], maxSelect: 1 }));
		users.fields.add(new SelectField({ name: "locale", values: ["nl", "en"], maxSelect: 1 }));
		const name = users.fields.getByName("name");
		name.max = 120;
		const password = users.fields.getByName("password");
		password.min = 10;
		users.listRule = "id = @request.auth.id";
		users.viewRule = "id = @request.auth.id";
		users.createRule = '@request.body.role:isset = false || @request.body.role = "learner"';
		users.updateRule = "id = @request.auth.id && (@request.body.role:isset = false || @request.body.role = role)";
		users.deleteRule = "id = @request.auth.id";
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.fields.removeByName("role");
		users.fields.removeByName("locale");
		users.fields.getByName("password").min = 8;
		users.createRule = "";
		users.updateRule = "id = @request.auth.id";
		app.save(users);
	},
);
