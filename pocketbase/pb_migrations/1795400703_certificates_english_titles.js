/// <reference path="../pb_data/types.d.ts" />
// A certificate keeps its course title and competences in English too (set at issue from the catalogue), so an
// English certificate page, PDF and verification say them in English. Certificates issued before keep only the
// Dutch ones, which the pages then show (src/lib/certificate/titles.ts).
migrate(
	(app) => {
		const certificates = app.findCollectionByNameOrId("certificates");
		certificates.fields.add(new TextField({ name: "courseTitleEn", max: 200 }));
		certificates.fields.add(new JSONField({ name: "competencesEn", maxSize: 2000 }));
		app.save(certificates);
	},
	(app) => {
		const certificates = app.findCollectionByNameOrId("certificates");
		certificates.fields.removeByName("courseTitleEn");
		certificates.fields.removeByName("competencesEn");
		app.save(certificates);
	},
);
