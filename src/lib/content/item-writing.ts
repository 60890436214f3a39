// Item-writing checks for test banks and knowledge checks (issue 17): nothing in the form of an item
// may point to its key, every bank is large enough for fair retakes, every bank item names the
// objective it tests, and no bank question is shown in a lesson. Pure: content in, problems out ("file → field: message").
import type { AnswerKey, AssessmentData } from '../../schemas/assessment';
import type { CourseData } from '../../schemas/course';
import type { ModuleData } from '../../schemas/module';
import { knowledgeCheckSchema } from '../../schemas/knowledge-check';
import type { ContentProblem, Entry } from './content-set';

/** The share of single-answer items per course (and language) in which the key may be the strictly longest option. */
export const MAX_LONGEST_KEY_SHARE = 0.35;

export interface ItemWritingSet {
	courses: Entry<CourseData>[];
	modules: Entry<ModuleData>[];
	assessments: Entry<AssessmentData>[];
	/** Answer keys by module id (content/assessment-keys/<module>.yaml). */
	keys: Record<string, AnswerKey>;
}

/** A lesson file: where it is, its frontmatter (objectives) and its MDX body (knowledge checks). */
export interface LessonSource {
	file: string;
	locale: string;
	module: string;
	slug: string;
	frontmatter: { objectives?: unknown };
	body: string;
}

export interface KnowledgeCheckProps {
	question: string;
	multiple: boolean;
	options: { text: string; correct: boolean; feedback: string }[];
}

/** Reads the end of a JS expression starting at `{` (balanced braces, strings skipped). */
function expressionEnd(text: string, start: number): number {
	let depth = 0;
	for (let i = start; i < text.length; i++) {
		const ch = text[i]!;
		if (ch === '"' || ch === "'" || ch === '`') {
			for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
		} else if (ch === '{') depth++;
		else if (ch === '}' && --depth === 0) return i;
	}
	throw new Error('unbalanced braces');
}

/**
 * The props of every <KnowledgeCheck … /> in an MDX body, validated with the component's own schema
 * (src/schemas/knowledge-check.ts). Attribute values are strings ("…") or JS expressions ({…}).
 */
export function knowledgeChecks(body: string): { index: number; props?: KnowledgeCheckProps; error?: string }[] {
	const found: { index: number; props?: KnowledgeCheckProps; error?: string }[] = [];
	const tag = /<KnowledgeCheck\b/g;
	let match: RegExpExecArray | null;
	while ((match = tag.exec(body))) {
		const index = found.length + 1;
		try {
			const props: Record<string, unknown> = {};
			let i = match.index + match[0].length;
			for (;;) {
				while (/\s/.test(body[i] ?? '')) i++;
				if (body.startsWith('/>', i)) break;
				const name = /^[A-Za-z][\w-]*/.exec(body.slice(i))?.[0];
				if (!name) throw new Error(`unexpected "${body.slice(i, i + 20)}"`);
				i += name.length;
				if (body[i] !== '=') {
					props[name] = true;
					continue;
				}
				i++;
				if (body[i] === '"' || body[i] === "'") {
					const end = body.indexOf(body[i]!, i + 1);
					props[name] = body.slice(i + 1, end);
					i = end + 1;
				} else if (body[i] === '{') {
					const end = expressionEnd(body, i);
					props[name] = new Function(`return (${body.slice(i + 1, end)});`)() as unknown;
					i = end + 1;
				} else throw new Error(`attribute ${name} has no value`);
			}
			tag.lastIndex = i;
			const parsed = knowledgeCheckSchema.safeParse(props);
			found.push(parsed.success ? { index, props: parsed.data } : { index, error: parsed.error.issues.map((x) => x.message).join('; ') });
		} catch (err) {
			found.push({ index, error: (err as Error).message });
		}
	}
	return found;
}

/** Whether the text of the right option is longer than every other option's (trimmed characters). */
export function keyIsStrictlyLongest(options: { text: string; correct: boolean }[]): boolean {
	const right = options.find((o) => o.correct);
	if (!right) return false;
	const length = right.text.trim().length;
	return options.every((o) => o === right || o.text.trim().length < length);
}

const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

interface SingleItem {
	where: string;
	longest: boolean;
}

export function itemWritingProblems(set: ItemWritingSet, lessons: LessonSource[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const objectives = new Map<string, number>();
	for (const lesson of lessons) {
		if (lesson.locale !== 'nl') continue;
		const list = Array.isArray(lesson.frontmatter.objectives) ? lesson.frontmatter.objectives : [];
		objectives.set(`${lesson.module}/${lesson.slug}`, list.length);
	}
	const modules = new Map(set.modules.map((m) => [m.id, m]));
	const bankItems = new Map<string, SingleItem[]>();

	for (const a of set.assessments) {
		const mod = modules.get(a.id);
		const key = set.keys[a.id] ?? {};
		if (a.data.items.length < 2 * a.data.draw) {
			problems.push({ file: a.file, field: 'items', message: `the bank has ${a.data.items.length} items; with draw ${a.data.draw} it needs at least ${2 * a.data.draw} (twice the draw)` });
		}
		const singles: SingleItem[] = [];
		a.data.items.forEach((item, i) => {
			const field = `items[${i}] (${item.id})`;
			const [slug, n] = (item.objective ?? '').split('/');
			const count = objectives.get(`${a.id}/${slug}`);
			if (!item.objective) problems.push({ file: a.file, field, message: 'the item names no objective ("<lesson slug>/<objective number>")' });
			else if (!mod?.data.lessons.includes(slug!) || count === undefined) problems.push({ file: a.file, field: `${field}.objective`, message: `"${item.objective}": no lesson "${slug}" in module ${a.id}` });
			else if (!(Number(n) >= 1 && Number(n) <= count)) problems.push({ file: a.file, field: `${field}.objective`, message: `"${item.objective}": lesson ${slug} has ${count} objective${count === 1 ? '' : 's'}` });
			const correct = key[item.id]?.correct ?? [];
			if (!item.multiple && correct.length === 1) {
				singles.push({ where: `${a.file} → ${field}`, longest: keyIsStrictlyLongest(item.options.map((o) => ({ text: o.text, correct: o.id === correct[0] }))) });
			}
		});
		bankItems.set(a.id, singles);
	}

	const checks = new Map<string, SingleItem[]>(); // "<locale>|<module>" → knowledge checks
	const shownInLessons = new Map<string, string>(); // question as letters only → where a lesson shows it
	for (const lesson of lessons) {
		for (const check of knowledgeChecks(lesson.body)) {
			if (check.error) {
				problems.push({ file: lesson.file, field: `KnowledgeCheck ${check.index}`, message: `cannot read its props: ${check.error}` });
				continue;
			}
			if (!shownInLessons.has(letters(check.props!.question))) shownInLessons.set(letters(check.props!.question), `${lesson.file} (KnowledgeCheck ${check.index})`);
			if (check.props!.multiple) continue;
			const list = checks.get(`${lesson.locale}|${lesson.module}`) ?? [];
			list.push({ where: `${lesson.file} → KnowledgeCheck ${check.index}`, longest: keyIsStrictlyLongest(check.props!.options) });
			checks.set(`${lesson.locale}|${lesson.module}`, list);
		}
	}
	// A bank question is server-only: a lesson that shows it (with feedback) gives the item away.
	for (const a of set.assessments) {
		a.data.items.forEach((item, i) => {
			const where = shownInLessons.get(letters(item.question));
			if (where) problems.push({ file: a.file, field: `items[${i}] (${item.id})`, message: `the same question is a knowledge check in ${where}; a test item must not appear in a lesson` });
		});
	}
	const locales = [...new Set(lessons.map((l) => l.locale))].sort();

	for (const course of set.courses) {
		for (const locale of locales) {
			// The banks are Dutch: they count with the Dutch lessons.
			const items = course.data.modules.flatMap((m) => [...(locale === 'nl' ? (bankItems.get(m) ?? []) : []), ...(checks.get(`${locale}|${m}`) ?? [])]);
			if (items.length === 0) continue;
			const longest = items.filter((x) => x.longest);
			const share = longest.length / items.length;
			if (share > MAX_LONGEST_KEY_SHARE) {
				problems.push({
					file: course.file,
					field: `single-answer items (${locale})`,
					message:
						`the right option is the strictly longest in ${longest.length} of ${items.length} single-answer items ` +
						`(${Math.round(share * 100)} %, at most ${MAX_LONGEST_KEY_SHARE * 100} %): make the options of similar length. ` +
						`Items where the key is the longest:\n      ${longest.map((x) => x.where).join('\n      ')}`,
				});
			}
		}
	}
	return problems;
}
