/// <reference path="../pb_data/types.d.ts" />
// The first accounts of a new data directory: a superuser and, for the local demo, a learner and a
// trainer. They come in a JSON file named by PW_FIRST_ACCOUNTS (written 0600 by scripts/lib/pocketbase.mjs),
// never on a command line. As a migration this runs once per data directory: later starts never reset
// or re-create these accounts, so an administrator's changes (a new password, a removed role) stay.
// Without PW_FIRST_ACCOUNTS (a production start, see the operations issue) nothing is created.
migrate(
	(app) => {
		const file = $os.getenv("PW_FIRST_ACCOUNTS");
		if (!file) return;
		const accounts = JSON.parse(toString($os.readFile(file)));
		const create = (collection, account, fields) => {
			const record = new Record(app.findCollectionByNameOrId(collection));
			record.setEmail(String(account.email).trim().toLowerCase());
			record.setPassword(String(account.password));
			record.setVerified(true);
			Object.keys(fields).forEach((k) => record.set(k, fields[k]));
			app.save(record);
		};
		if (accounts.superuser) create("_superusers", accounts.superuser, {});
		(accounts.users || []).forEach((u) => create("users", u, { name: u.name || "", role: u.role || "learner", locale: u.locale || "nl" }));
	},
	() => {
		// Accounts are not removed again: a rollback must never delete people.
	},
);
