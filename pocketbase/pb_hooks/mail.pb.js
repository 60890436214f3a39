/// <reference path="../pb_data/types.d.ts" />
// Password-reset and verification mails in the learner's language, with links to Palliwijs's own pages
// (issue 21; the text in lib/account-mail.js). PocketBase has made the message from its template; this
// replaces subject and body, keeping sender, recipient and the token PocketBase made.
onMailerRecordPasswordResetSend((e) => {
	const { accountMail } = require(`${__hooks}/lib/account-mail.js`);
	const meta = e.app.settings().meta;
	const mail = accountMail("passwordReset", { locale: e.record.getString("locale"), appName: meta.appName, appURL: meta.appURL, token: String(e.meta["token"]) });
	e.message.subject = mail.subject;
	e.message.html = mail.html;
	e.message.text = mail.text;
	e.next();
}, "users");

onMailerRecordVerificationSend((e) => {
	const { accountMail } = require(`${__hooks}/lib/account-mail.js`);
	const meta = e.app.settings().meta;
	const mail = accountMail("emailVerification", { locale: e.record.getString("locale"), appName: meta.appName, appURL: meta.appURL, token: String(e.meta["token"]) });
	e.message.subject = mail.subject;
	e.message.html = mail.html;
	e.message.text = mail.text;
	e.next();
}, "users");
