/// <reference path="../pb_data/types.d.ts" />
// lesson_progress writes: the lesson must exist in the catalogue; completedAt is the server's clock.

onRecordCreateRequest((e) => {
	const { checkProgressWrite } = require(`${__hooks}/lib/progress-hook.js`);
	checkProgressWrite(e);
	return e.next();
}, "lesson_progress");

onRecordUpdateRequest((e) => {
	const { checkProgressWrite } = require(`${__hooks}/lib/progress-hook.js`);
	checkProgressWrite(e);
	return e.next();
}, "lesson_progress");
