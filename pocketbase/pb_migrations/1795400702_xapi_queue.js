/// <reference path="../pb_data/types.d.ts" />
// Issue 23: the queue of xAPI statements to the learning record store (pb_hooks/xapi.pb.js). Only the server
// reads and writes it (all rules null). One row per statement id (unique), so a statement is queued and sent
// once; once sent, its body is dropped and only its id stays. Deleting an account deletes its queued statements.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId("users");
		app.save(
			new Collection({
				type: "base",
				name: "xapi_queue",
				listRule: null,
				viewRule: null,
				createRule: null,
				updateRule: null,
				deleteRule: null,
				fields: [
					{ type: "relation", name: "user", collectionId: users.id, maxSelect: 1, cascadeDelete: true, required: true },
					{ type: "text", name: "statementId", required: true, min: 36, max: 36 },
					{ type: "text", name: "verb", max: 200 },
					{ type: "json", name: "statement", maxSize: 100000 },
					{ type: "number", name: "attempts", min: 0, onlyInt: true },
					{ type: "date", name: "nextAttemptAt" },
					{ type: "date", name: "sentAt" },
					{ type: "text", name: "lastError", max: 500 },
					{ type: "autodate", name: "created", onCreate: true, onUpdate: false },
					{ type: "autodate", name: "updated", onCreate: true, onUpdate: true },
				],
				indexes: [
					"CREATE UNIQUE INDEX idx_xapi_queue_statement ON xapi_queue (statementId)",
					"CREATE INDEX idx_xapi_queue_due ON xapi_queue (sentAt, nextAttemptAt)",
				],
			}),
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId("xapi_queue"));
	},
);
