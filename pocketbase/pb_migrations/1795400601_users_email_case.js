/// <reference path="../pb_data/types.d.ts" />
// E-mail addresses case-insensitive: existing addresses become lower-case and a unique index ignores case
// (users.pb.js lower-cases new ones and lets people log in whatever case they type).
// Existing accounts that share an address in different case are handled safely: the oldest gets the
// lower-case address, the others keep theirs (they can still log in with it) and are left out of the
// index by id, and the migration names them so an administrator can merge them. Nobody is deleted.
migrate(
	(app) => {
		const { planEmailMigration } = require(`${__hooks}/lib/emails.js`);
		const rows = arrayOf(new DynamicModel({ id: "", email: "", created: "" }));
		app.db().newQuery("SELECT id, email, created FROM users").all(rows);
		const plan = planEmailMigration(rows.map((r) => ({ id: r.id, email: r.email, created: r.created })));
		plan.updates.forEach((u) => app.db().newQuery("UPDATE users SET email = {:email} WHERE id = {:id}").bind({ email: u.email, id: u.id }).execute());
		const grandfathered = [];
		plan.duplicates.forEach((d) => {
			console.warn(`users: ${d.others.length + 1} accounts share the address ${d.email} in different case; ${d.keep} keeps it, ${d.others.join(", ")} keep their own spelling until an administrator merges them.`);
			d.others.forEach((id) => grandfathered.push(id));
		});
		const users = app.findCollectionByNameOrId("users");
		const except = grandfathered.length ? ` AND id NOT IN (${grandfathered.map((id) => `'${id.replace(/[^a-z0-9]/g, "")}'`).join(",")})` : "";
		users.addIndex("idx_users_email_nocase", true, "email COLLATE NOCASE", `email != ''${except}`);
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		users.removeIndex("idx_users_email_nocase");
		app.save(users);
	},
);
