/// <reference path="../pb_data/types.d.ts" />
// Self-checks (citizen course): only known questions with answers 1–5 are saved, and the domain scores
// are the server's own mean of those answers (src/lib/rules/self-check.ts), so a trainer's group averages stay sound.

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/self-check-hook.js`).checkSelfCheckWrite(e);
	return e.next();
}, "self_checks");

onRecordUpdateRequest((e) => {
	require(`${__hooks}/lib/self-check-hook.js`).checkSelfCheckWrite(e);
	return e.next();
}, "self_checks");
