/// <reference path="../pb_data/types.d.ts" />
// Password-reset and verification mails in the learner's language, with links to Palliwijs's own pages
// (issue 21; the text in lib/account-mail.js). PocketBase has made the message from its template; this
// replaces subject and body, keeping sender, recipient and the token PocketBase made. Handlers cannot see
// this file's top-level functions, so the shared step lives in the lib (replaceMail).
onMailerRecordPasswordResetSend((e) => {
	require(`${__hooks}/lib/account-mail.js`).replaceMail(e, "passwordReset");
	e.next();
}, "users");

onMailerRecordVerificationSend((e) => {
	require(`${__hooks}/lib/account-mail.js`).replaceMail(e, "emailVerification");
	e.next();
}, "users");
