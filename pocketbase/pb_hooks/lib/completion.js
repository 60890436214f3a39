// Decides whether a learner completed a course, from the catalogue and what the server has recorded.

/**
 * @param {{steps: string[], assessments: string[]}} course from catalog.json
 * @param {string[]} done progress keys the learner completed (lessons and cases)
 * @param {string[]} passed assessment ids (module ids) the learner passed
 * @returns {{complete: boolean, missingSteps: string[], missingAssessments: string[]}}
 */
function courseCompletion(course, done, passed) {
	const missingSteps = course.steps.filter(function (s) {
		return done.indexOf(s) === -1;
	});
	const missingAssessments = (course.assessments || []).filter(function (a) {
		return passed.indexOf(a) === -1;
	});
	return { complete: missingSteps.length === 0 && missingAssessments.length === 0, missingSteps: missingSteps, missingAssessments: missingAssessments };
}

const CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
/** A certificate code: 26 characters of base32 = 130 random bits. */
const CODE_LENGTH = 26;
const CODE_PATTERN = /^[a-z2-7]{26}$/;

module.exports = { courseCompletion, CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN };
