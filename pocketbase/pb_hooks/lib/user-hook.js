// The users write check for users.pb.js: e-mail lower-case and unique regardless of case, the name
// normalised and checked (also when it is changed later), the password at most 72 bytes.

/** A 400 in PocketBase's own shape, naming the field, with a code the browser translates. */
function fieldError(e, field, code, message) {
	const data = {};
	data[field] = new ValidationError(code, message);
	return new BadRequestError(message, data);
}

/** Returns the error to throw when the write is refused, otherwise null (and the record holds the clean values). */
function checkUserWrite(e, creating) {
	const { normalizeEmail } = require(`${__hooks}/lib/emails.js`);
	const { checkName } = require(`${__hooks}/lib/names.js`);
	const body = e.requestInfo().body || {};

	const email = normalizeEmail(e.record.email());
	if (email !== e.record.email()) e.record.setEmail(email);
	if (email && (creating || email !== normalizeEmail(e.record.original().email()))) {
		const taken = arrayOf(new DynamicModel({ id: "" }));
		$app.db().newQuery("SELECT id FROM users WHERE email = {:email} COLLATE NOCASE AND id != {:id} LIMIT 1").bind({ email, id: e.record.id }).all(taken);
		if (taken.length) return fieldError(e, "email", "validation_not_unique", "This address already has an account.");
	}

	if (creating || body.name !== undefined) {
		const result = checkName(e.record.getString("name"));
		if (result.problem) return fieldError(e, "name", result.code, result.problem);
		e.record.set("name", result.name);
	}

	return passwordTooLong(e);
}

/** The error for a password (or its repetition) longer than bcrypt and PocketBase allow, otherwise null. */
function passwordTooLong(e) {
	const names = require(`${__hooks}/lib/names.js`);
	const body = e.requestInfo().body || {};
	const fields = ["password", "passwordConfirm", "newPassword"];
	for (let i = 0; i < fields.length; i++) {
		const value = body[fields[i]];
		if (typeof value === "string" && names.passwordTooLong(value)) {
			const field = fields[i] === "newPassword" ? "newPassword" : "password";
			return fieldError(e, field, "password_too_long", `At most ${names.PASSWORD_MAX_CHARACTERS} characters and ${names.PASSWORD_MAX_BYTES} bytes (a letter with an accent counts as two).`);
		}
	}
	return null;
}

module.exports = { checkUserWrite, passwordTooLong, fieldError };
