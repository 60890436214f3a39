// Shared body of the lesson_progress create and update hooks: checks the lesson against the
// catalogue and stamps completedAt with the server's clock (never the browser's).
function checkProgressWrite(e) {
	const { loadLessonKeys } = require(`${__hooks}/lib/catalog.js`);
	const { progressProblem } = require(`${__hooks}/lib/progress.js`);
	const record = e.record;
	const input = { lesson: record.getString("lesson"), completed: record.getBool("completed") };
	const problem = progressProblem(input, loadLessonKeys());
	if (problem) throw new BadRequestError(problem);
	const original = record.original();
	const wasCompleted = original && original.id ? original.getBool("completed") : false;
	if (!input.completed) record.set("completedAt", "");
	else if (!wasCompleted) record.set("completedAt", new Date().toISOString());
	else record.set("completedAt", original.getString("completedAt"));
}

module.exports = { checkProgressWrite };
