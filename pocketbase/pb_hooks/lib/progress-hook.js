// Shared body of the lesson_progress create and update hooks: checks the lesson against the catalogue
// and keeps the times on the server's clock (never the browser's). completedAt is stamped when a lesson
// becomes completed, changedAt whenever `completed` changes; openedAt is only set by POST /api/palliwijs/lessons/opened. A superuser's write
// (the dashboard, or tests that let time pass) is taken as sent.
function checkProgressWrite(e) {
	const { loadLessonKeys } = require(`${__hooks}/lib/catalog.js`);
	const { progressProblem } = require(`${__hooks}/lib/progress.js`);
	if (e.hasSuperuserAuth()) return;
	const record = e.record;
	const input = { lesson: record.getString("lesson"), completed: record.getBool("completed") };
	const problem = progressProblem(input, loadLessonKeys());
	if (problem) throw new BadRequestError(problem);
	const original = record.original();
	const existing = original && original.id;
	record.set("openedAt", existing ? original.getString("openedAt") : "");
	const wasCompleted = existing ? original.getBool("completed") : false;
	// Done before it was ever opened while logged in (a guest's progress merged at sign-up): marking it
	// done again after opening it stamps a new completion time, which can then count.
	const doneBeforeOpened = wasCompleted && original.getString("openedAt") !== "" && original.getDateTime("completedAt").unix() < original.getDateTime("openedAt").unix();
	// changedAt: when `completed` last changed, so that the last change between devices wins.
	if (!existing || wasCompleted !== input.completed) record.set("changedAt", new Date().toISOString());
	else record.set("changedAt", original.getString("changedAt"));
	if (!input.completed) record.set("completedAt", "");
	else if (!wasCompleted || doneBeforeOpened) record.set("completedAt", new Date().toISOString());
	else record.set("completedAt", original.getString("completedAt"));
}

module.exports = { checkProgressWrite };
