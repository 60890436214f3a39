/// <reference path="../pb_data/types.d.ts" />
// Users: new accounts are learners with a name; only a superuser changes a role. E-mail addresses are
// stored lower-case and people log in whatever case they type; a name is checked on sign-up and on every
// change (lib/names.js), and a password longer than bcrypt's 72 bytes is refused with a clear message.
// Field errors have PocketBase's shape ({ data: { <field>: { code, message } } }) so the browser can say
// them in the learner's language.

onRecordCreateRequest((e) => {
	const { checkUserWrite } = require(`${__hooks}/lib/user-hook.js`);
	if (!e.hasSuperuserAuth()) {
		if (e.record.getString("role") && e.record.getString("role") !== "learner") {
			throw new ForbiddenError("You cannot choose your own role.");
		}
		e.record.set("role", "learner");
	}
	if (!e.record.getString("locale")) e.record.set("locale", "nl");
	const refused = checkUserWrite(e, true);
	if (refused) throw refused;
	return e.next();
}, "users");

onRecordUpdateRequest((e) => {
	const { checkUserWrite } = require(`${__hooks}/lib/user-hook.js`);
	if (!e.hasSuperuserAuth() && e.record.getString("role") !== e.record.original().getString("role")) {
		throw new ForbiddenError("You cannot change your own role.");
	}
	const refused = checkUserWrite(e, false);
	if (refused) throw refused;
	return e.next();
}, "users");

// Log in whatever case the address is typed in: PocketBase looks the address up exactly.
onRecordAuthWithPasswordRequest((e) => {
	if (!e.record && e.identity) {
		const { normalizeEmail } = require(`${__hooks}/lib/emails.js`);
		try {
			e.record = $app.findFirstRecordByFilter("users", "email = {:email}", { email: normalizeEmail(e.identity) });
		} catch (err) {
			// unknown address: PocketBase answers as for a wrong password
		}
	}
	return e.next();
}, "users");

onRecordRequestEmailChangeRequest((e) => {
	const { normalizeEmail } = require(`${__hooks}/lib/emails.js`);
	e.newEmail = normalizeEmail(e.newEmail);
	return e.next();
}, "users");

// bcrypt reads at most 72 bytes: PocketBase fails on a longer password while reading the request, before
// the record hooks run, with a bare "Failed to create record.". Checked here first, with a field error.
routerUse((e) => {
	const path = e.request.url.path;
	const method = e.request.method;
	if ((method === "POST" || method === "PATCH") && (path.indexOf("/api/collections/users/") === 0 || path.indexOf("/api/collections/_pb_users_auth_/") === 0)) {
		const { passwordTooLong } = require(`${__hooks}/lib/user-hook.js`);
		const refused = passwordTooLong(e);
		if (refused) throw refused;
	}
	return e.next();
});
