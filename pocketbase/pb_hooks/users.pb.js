/// <reference path="../pb_data/types.d.ts" />
// Users: new accounts are learners with a name; only a superuser changes a role.

onRecordCreateRequest((e) => {
	if (!e.hasSuperuserAuth()) {
		if (e.record.getString("role") && e.record.getString("role") !== "learner") {
			throw new ForbiddenError("You cannot choose your own role.");
		}
		e.record.set("role", "learner");
		if (e.record.getString("name").trim() === "") throw new BadRequestError("name: a name is required.");
	}
	if (!e.record.getString("locale")) e.record.set("locale", "nl");
	return e.next();
}, "users");

onRecordUpdateRequest((e) => {
	if (!e.hasSuperuserAuth() && e.record.getString("role") !== e.record.original().getString("role")) {
		throw new ForbiddenError("You cannot change your own role.");
	}
	return e.next();
}, "users");
