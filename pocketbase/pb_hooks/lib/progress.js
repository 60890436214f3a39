// Pure checks for lesson progress writes. No $app, no request: values in, values out (unit-tested).

/**
 * Returns an error message for a lesson_progress create/update, or null when it is acceptable.
 * @param {{lesson: string}} input the values the record would get
 * @param {Record<string, boolean> | null} lessons the lesson keys of the catalogue ("module/slug": true)
 */
function progressProblem(input, lessons) {
	if (!lessons) return "The course catalogue is not available on the server.";
	if (typeof input.lesson !== "string" || input.lesson === "") return "lesson: a lesson id is required.";
	if (input.lesson.indexOf("scenario/") === 0) return "lesson: a case counts when you finish it; the server records it.";
	if (lessons[input.lesson] !== true) return 'lesson: unknown lesson "' + input.lesson.slice(0, 80) + '".';
	return null;
}

module.exports = { progressProblem };
