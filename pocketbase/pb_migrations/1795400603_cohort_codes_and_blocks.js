/// <reference path="../pb_data/types.d.ts" />
// Join codes leave the cohorts collection, which members may read: a member could read the code (also
// right after a renewal) or find it letter by letter with a filter. cohort_codes is read and written only
// by the server's routes (cohorts.pb.js); its owner sees the code on the dashboard. cohort_blocks holds
// the learners a trainer removed and blocked from rejoining.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		const cohorts = app.findCollectionByNameOrId("cohorts");
		const codes = new Collection({
			type: "base",
			name: "cohort_codes",
			listRule: null,
			viewRule: null,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ type: "relation", name: "cohort", collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true, required: true },
				{ type: "text", name: "code", required: true, min: 8, max: 20, pattern: "^[A-Z2-9]+$" },
				{ type: "bool", name: "open" },
				{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
				{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
			],
			indexes: ["CREATE UNIQUE INDEX idx_cohort_codes_cohort ON cohort_codes (cohort)", "CREATE UNIQUE INDEX idx_cohort_codes_code ON cohort_codes (code)"],
		});
		app.save(codes);
		app.save(
			new Collection({
				type: "base",
				name: "cohort_blocks",
				listRule: null,
				viewRule: null,
				createRule: null,
				updateRule: null,
				deleteRule: null,
				fields: [
					{ type: "relation", name: "cohort", collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true, required: true },
					{ type: "relation", name: "user", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true },
					{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
				],
				indexes: ["CREATE UNIQUE INDEX idx_cohort_blocks_cohort_user ON cohort_blocks (cohort, user)", "CREATE INDEX idx_cohort_blocks_user ON cohort_blocks (user)"],
			}),
		);
		app.findAllRecords("cohorts").forEach((c) => {
			const code = new Record(codes);
			code.set("cohort", c.id);
			code.set("code", c.getString("joinCode") || $security.randomStringWithAlphabet(8, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"));
			code.set("open", c.getBool("codeOpen"));
			app.save(code);
		});
		cohorts.removeIndex("idx_cohorts_code");
		cohorts.fields.removeByName("joinCode");
		cohorts.fields.removeByName("codeOpen");
		app.save(cohorts);
	},
	(app) => {
		const cohorts = app.findCollectionByNameOrId("cohorts");
		cohorts.fields.add(new TextField({ name: "joinCode", max: 20, pattern: "^[A-Z2-9]*$" }));
		cohorts.fields.add(new BoolField({ name: "codeOpen" }));
		app.save(cohorts);
		app.findAllRecords("cohort_codes").forEach((code) => {
			const c = app.findRecordById("cohorts", code.getString("cohort"));
			c.set("joinCode", code.getString("code"));
			c.set("codeOpen", code.getBool("open"));
			app.save(c);
		});
		cohorts.addIndex("idx_cohorts_code", true, "joinCode", "joinCode != ''");
		app.save(cohorts);
		app.delete(app.findCollectionByNameOrId("cohort_blocks"));
		app.delete(app.findCollectionByNameOrId("cohort_codes"));
	},
);
