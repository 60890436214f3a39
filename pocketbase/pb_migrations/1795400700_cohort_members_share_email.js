/// <reference path="../pb_data/types.d.ts" />
// A learner decides whether the trainer of a group sees their e-mail address (issue 19: the CSV has an e-mail
// column; the privacy page promises the trainer sees it only when the learner agreed). Off for every existing
// membership: nobody's address is shown without their yes. Set only by the join route (cohorts.pb.js).
migrate(
	(app) => {
		const members = app.findCollectionByNameOrId("cohort_members");
		members.fields.add(new BoolField({ name: "shareEmail" }));
		app.save(members);
	},
	(app) => {
		const members = app.findCollectionByNameOrId("cohort_members");
		members.fields.removeByName("shareEmail");
		app.save(members);
	},
);
