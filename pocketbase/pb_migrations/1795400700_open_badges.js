/// <reference path="../pb_data/types.d.ts" />
// Open Badges 3.0 (issue 23). `open_badges`: one row per certificate that has a signed credential or was
// withdrawn: the certificate's code, its place in the revocation status list, the signed credential (made
// once, on the first download) and the withdrawal. It has no relation to the account on purpose: when an
// account is deleted, its certificates go, but this row stays (without the credential, which names the
// holder) so the status list keeps saying "withdrawn". `open_badge_status_lists`: the signed Bitstring
// Status List and the indices it was signed with (re-signed when the withdrawn set changes).
// Superusers only over the records API; the routes are in pb_hooks/open-badges.pb.js.
migrate(
	(app) => {
		const dates = [
			{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
			{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
		];
		const serverOnly = { listRule: null, viewRule: null, createRule: null, updateRule: null, deleteRule: null };
		app.save(
			new Collection({
				type: "base",
				name: "open_badges",
				...serverOnly,
				fields: [
					{ type: "text", name: "code", required: true, min: 26, max: 40, pattern: "^[a-z2-7]+$" },
					{ type: "number", name: "statusIndex", required: false, min: 0, max: 131071, onlyInt: true },
					{ type: "json", name: "credential", maxSize: 50000 },
					{ type: "date", name: "revokedAt" },
					{ type: "text", name: "revokedReason", max: 500 },
					...dates,
				],
				indexes: [
					"CREATE UNIQUE INDEX idx_open_badges_code ON open_badges (code)",
					"CREATE UNIQUE INDEX idx_open_badges_status_index ON open_badges (statusIndex)",
				],
			}),
		);
		app.save(
			new Collection({
				type: "base",
				name: "open_badge_status_lists",
				...serverOnly,
				fields: [
					{ type: "text", name: "purpose", required: true, max: 40 },
					{ type: "json", name: "revoked", maxSize: 2000000 },
					{ type: "json", name: "credential", maxSize: 200000 },
					...dates,
				],
				indexes: ["CREATE UNIQUE INDEX idx_open_badge_status_lists_purpose ON open_badge_status_lists (purpose)"],
			}),
		);
	},
	(app) => {
		for (const name of ["open_badge_status_lists", "open_badges"]) app.delete(app.findCollectionByNameOrId(name));
	},
);
