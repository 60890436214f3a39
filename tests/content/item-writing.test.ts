// Item-writing rules on the real content (issue 17): the key is not the strictly longest option in more
// than 35 % of a course's single-answer items, every bank holds at least twice its draw, every bank item
// names an objective that exists. Problems are reported as "file → item: message".
import { describe, expect, it } from 'vitest';
import { itemWritingProblems } from '../../src/lib/content/item-writing';
import { answerKeySchema, assessmentSchema } from '../../src/schemas/assessment';
import { courseSchema } from '../../src/schemas/course';
import { moduleSchema } from '../../src/schemas/module';
import { formatProblems } from '../../src/lib/content/content-set';
import { lessonFiles, yamlFiles } from '../helpers/content-files';

describe('item writing', () => {
	it('every test bank and knowledge check follows the item-writing rules, and no bank question appears in a lesson', () => {
		const entries = <T>(sub: string, parse: (x: unknown) => T) => yamlFiles(sub).map((f) => ({ id: f.id, file: f.file, data: parse(f.data) }));
		const set = {
			courses: entries('courses', (x) => courseSchema.parse(x)),
			modules: entries('modules', (x) => moduleSchema.parse(x)),
			assessments: entries('assessments', (x) => assessmentSchema.parse(x)),
			keys: Object.fromEntries(yamlFiles('assessment-keys').map((f) => [f.id, answerKeySchema.parse(f.data)])),
		};
		const problems = itemWritingProblems(set, lessonFiles());
		expect(problems.length, problems.length ? formatProblems(problems) : '').toBe(0);
	});
});
