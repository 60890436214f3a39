/// <reference path="../pb_data/types.d.ts" />
// A person's own account: the export of everything Palliwijs stores about them (lib/account-export.js).
// Deleting the account is PocketBase's own delete (the users deleteRule), which removes all their records.

// GET /api/palliwijs/me/export — as a JSON download.
routerAdd(
	"GET",
	"/api/palliwijs/me/export",
	(e) => {
		const { exportFor } = require(`${__hooks}/lib/account-export.js`);
		e.response.header().set("Content-Disposition", 'attachment; filename="palliwijs-mijn-gegevens.json"');
		e.response.header().set("Cache-Control", "no-store");
		return e.json(200, exportFor(e.auth));
	},
	$apis.requireAuth("users"),
);
