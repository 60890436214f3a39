/// <reference path="../pb_data/types.d.ts" />
// Records that lead to a certificate: assessment attempts, scenario runs and certificates. Learners read
// their own; nobody writes them over the records API (create/update/delete rules are null = superusers
// only). The server's own routes (pb_hooks/learning.pb.js) score, replay and issue them.
// Self-checks (citizen course) do not lead to a certificate: owners write them themselves.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		const own = '@request.auth.id != "" && user = @request.auth.id';
		const userField = { type: "relation", name: "user", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true };
		const dates = [
			{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
			{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
		];
		const serverOnly = { listRule: own, viewRule: own, createRule: null, updateRule: null, deleteRule: null };

		app.save(
			new Collection({
				type: "base",
				name: "assessment_attempts",
				...serverOnly,
				fields: [
					userField,
					{ type: "text", name: "assessment", required: true, max: 100 },
					{ type: "json", name: "answers", maxSize: 20000 },
					{ type: "number", name: "correct", min: 0, onlyInt: true },
					{ type: "number", name: "total", min: 1, onlyInt: true },
					{ type: "number", name: "score", min: 0, max: 100 },
					{ type: "bool", name: "passed" },
					...dates,
				],
				indexes: ["CREATE INDEX idx_attempts_user_assessment ON assessment_attempts (user, assessment)"],
			}),
		);

		app.save(
			new Collection({
				type: "base",
				name: "scenario_runs",
				...serverOnly,
				fields: [
					userField,
					{ type: "text", name: "scenario", required: true, max: 100 },
					{ type: "json", name: "choices", maxSize: 20000 },
					{ type: "text", name: "ending", max: 100 },
					{ type: "text", name: "outcome", max: 20 },
					...dates,
				],
				indexes: ["CREATE INDEX idx_runs_user_scenario ON scenario_runs (user, scenario)"],
			}),
		);

		app.save(
			new Collection({
				type: "base",
				name: "certificates",
				...serverOnly,
				fields: [
					userField,
					{ type: "text", name: "course", required: true, max: 100 },
					{ type: "text", name: "courseTitle", required: true, max: 200 },
					{ type: "text", name: "holderName", required: true, max: 120 },
					{ type: "number", name: "studyHours", min: 0 },
					{ type: "json", name: "competences", maxSize: 2000 },
					{ type: "date", name: "issued", required: true },
					{ type: "text", name: "code", required: true, min: 26, max: 40, pattern: "^[a-z2-7]+$" },
					...dates,
				],
				indexes: [
					"CREATE UNIQUE INDEX idx_certificates_code ON certificates (code)",
					"CREATE UNIQUE INDEX idx_certificates_user_course ON certificates (user, course)",
				],
			}),
		);

		app.save(
			new Collection({
				type: "base",
				name: "self_checks",
				listRule: own,
				viewRule: own,
				createRule: '@request.auth.id != "" && @request.body.user = @request.auth.id',
				updateRule: `${own} && (@request.body.user:isset = false || @request.body.user = @request.auth.id)`,
				deleteRule: own,
				fields: [
					userField,
					{ type: "select", name: "kind", values: ["before", "after"], maxSelect: 1, required: true },
					{ type: "json", name: "answers", maxSize: 5000 },
					{ type: "json", name: "scores", maxSize: 2000 },
					...dates,
				],
				indexes: ["CREATE UNIQUE INDEX idx_self_checks_user_kind ON self_checks (user, kind)"],
			}),
		);
	},
	(app) => {
		for (const name of ["self_checks", "certificates", "scenario_runs", "assessment_attempts"]) {
			app.delete(app.findCollectionByNameOrId(name));
		}
	},
);
