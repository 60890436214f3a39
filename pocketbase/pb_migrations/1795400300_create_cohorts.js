/// <reference path="../pb_data/types.d.ts" />
// Cohorts of a trainer, their members and their assigned courses. Only trainers create cohorts; a
// learner joins through the server's join route (cohorts.pb.js), never by writing cohort_members.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		const cohorts = new Collection({
			type: "base",
			name: "cohorts",
			// Members are added below, once cohort_members exists.
			listRule: '@request.auth.id != "" && owner = @request.auth.id',
			viewRule: '@request.auth.id != "" && owner = @request.auth.id',
			createRule: '@request.auth.role = "trainer" && @request.body.owner = @request.auth.id',
			updateRule: '@request.auth.role = "trainer" && owner = @request.auth.id && (@request.body.owner:isset = false || @request.body.owner = owner)',
			deleteRule: '@request.auth.role = "trainer" && owner = @request.auth.id',
			fields: [
				{ type: "text", name: "name", required: true, min: 2, max: 120 },
				{ type: "relation", name: "owner", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true },
				{ type: "text", name: "joinCode", max: 20, pattern: "^[A-Z2-9]*$" },
				{ type: "bool", name: "codeOpen" },
				{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
				{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
			],
			indexes: ["CREATE UNIQUE INDEX idx_cohorts_code ON cohorts (joinCode) WHERE joinCode != ''"],
		});
		app.save(cohorts);

		const members = new Collection({
			type: "base",
			name: "cohort_members",
			listRule: '@request.auth.id != "" && (user = @request.auth.id || cohort.owner = @request.auth.id)',
			viewRule: '@request.auth.id != "" && (user = @request.auth.id || cohort.owner = @request.auth.id)',
			createRule: null,
			updateRule: null,
			deleteRule: '@request.auth.id != "" && (user = @request.auth.id || cohort.owner = @request.auth.id)',
			fields: [
				{ type: "relation", name: "cohort", collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true, required: true },
				{ type: "relation", name: "user", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true },
				{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
			],
			indexes: ["CREATE UNIQUE INDEX idx_members_cohort_user ON cohort_members (cohort, user)", "CREATE INDEX idx_members_user ON cohort_members (user)"],
		});
		app.save(members);

		const memberOf = '(@collection.cohort_members.cohort ?= cohort && @collection.cohort_members.user ?= @request.auth.id)';
		const isMember = '(@collection.cohort_members.cohort ?= id && @collection.cohort_members.user ?= @request.auth.id)';
		cohorts.listRule = `@request.auth.id != "" && (owner = @request.auth.id || ${isMember})`;
		cohorts.viewRule = `@request.auth.id != "" && (owner = @request.auth.id || ${isMember})`;
		app.save(cohorts);
		app.save(
			new Collection({
				type: "base",
				name: "assignments",
				listRule: `@request.auth.id != "" && (cohort.owner = @request.auth.id || ${memberOf})`,
				viewRule: `@request.auth.id != "" && (cohort.owner = @request.auth.id || ${memberOf})`,
				createRule: '@request.auth.role = "trainer" && cohort.owner = @request.auth.id',
				updateRule: '@request.auth.role = "trainer" && cohort.owner = @request.auth.id && (@request.body.cohort:isset = false || @request.body.cohort = cohort)',
				deleteRule: '@request.auth.role = "trainer" && cohort.owner = @request.auth.id',
				fields: [
					{ type: "relation", name: "cohort", collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true, required: true },
					{ type: "text", name: "course", required: true, max: 100 },
					{ type: "date", name: "due" },
					{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
				],
				indexes: ["CREATE UNIQUE INDEX idx_assignments_cohort_course ON assignments (cohort, course)"],
			}),
		);
	},
	(app) => {
		for (const name of ["assignments", "cohort_members", "cohorts"]) app.delete(app.findCollectionByNameOrId(name));
	},
);
