/// <reference path="../pb_data/types.d.ts" />
// scenario_runs.clientKey (issue 24, offline): a case played without a connection is sent later as "start a
// run with this key, then finish it". The key is chosen by the device once per play; a start repeated with
// the same key (a lost answer, a second tab, the server dying mid-sync) gets the same run back, so a play
// sent twice is one run, and the finish of a run is already idempotent. Empty for runs started online.
migrate(
	(app) => {
		const runs = app.findCollectionByNameOrId("scenario_runs");
		runs.fields.add(new TextField({ name: "clientKey", max: 64 }));
		runs.addIndex("idx_runs_user_scenario_key", true, "user, scenario, clientKey", "clientKey != ''");
		app.save(runs);
	},
	(app) => {
		const runs = app.findCollectionByNameOrId("scenario_runs");
		runs.removeIndex("idx_runs_user_scenario_key");
		runs.fields.removeByName("clientKey");
		app.save(runs);
	},
);
