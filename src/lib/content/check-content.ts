import { defaultLocale, isLocale } from '../../i18n/locales';
import { parseLessonId, type ContentProblem, type ContentSet } from './content-set';
import { scenarioProblems } from '../scenario/check-scenario';
import { translationProblems } from '../scenario/translation';
import { reservedLessonSlugs } from '../routes';

/**
 * Cross-file checks that a schema alone cannot do: every reference points at something that exists,
 * nothing is listed twice, every lesson belongs to exactly one place. Returns [] when all is well.
 */
export function checkContent(set: ContentSet): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const report = (file: string, field: string, message: string) => problems.push({ file, field, message });

	const competenceIds = new Set(set.competences.map((c) => c.id));
	const moduleIds = new Set(set.modules.map((m) => m.id));
	const knownCompetences = [...competenceIds].sort().join(', ');

	// Competences: file name eapc-N matches its order, and no order is used twice.
	const byOrder = new Map<number, string>();
	for (const c of set.competences) {
		if (c.id !== `eapc-${c.data.order}`) report(c.file, 'order', `is ${c.data.order}, but the file name says ${c.id}`);
		const other = byOrder.get(c.data.order);
		if (other) report(c.file, 'order', `duplicate order ${c.data.order} (also in ${other})`);
		else byOrder.set(c.data.order, c.file);
	}

	const checkCompetences = (file: string, ids: string[]) =>
		ids.forEach((id, i) => {
			if (!competenceIds.has(id)) report(file, `competences[${i}]`, `unknown competence "${id}" (known: ${knownCompetences})`);
		});
	const checkDuplicates = (file: string, field: string, ids: string[], what: string) => {
		const seen = new Set<string>();
		ids.forEach((id, i) => {
			if (seen.has(id)) report(file, `${field}[${i}]`, `duplicate order: ${what} "${id}" is listed twice`);
			seen.add(id);
		});
	};

	// "scenario" is reserved: progress keys of cases are "scenario/<id>".
	for (const mod of set.modules) if (mod.id === 'scenario') report(mod.file, 'path', 'the module id "scenario" is reserved for cases');

	// Courses: modules exist and are listed once.
	for (const course of set.courses) {
		checkDuplicates(course.file, 'modules', course.data.modules, 'module');
		course.data.modules.forEach((m, i) => {
			if (!moduleIds.has(m)) report(course.file, `modules[${i}]`, `unknown module "${m}" (no content/modules/${m}.yaml)`);
		});
	}

	// Lessons by path.
	const lessonFiles = new Map<string, string>();
	for (const lesson of set.lessons) {
		const parts = parseLessonId(lesson.id);
		if (!parts || !isLocale(parts.locale)) {
			report(lesson.file, 'path', 'lessons live at content/lessons/<nl|en>/<module>/<slug>.mdx');
			continue;
		}
		lessonFiles.set(lesson.id, lesson.file);
		if (reservedLessonSlugs.includes(parts.slug)) report(lesson.file, 'path', `"${parts.slug}" is reserved for the module's assessment page`);
		checkCompetences(lesson.file, lesson.data.competences);
		if (!moduleIds.has(parts.module)) report(lesson.file, 'path', `the folder names module "${parts.module}", which has no content/modules/${parts.module}.yaml`);
	}

	// Modules: competences known; lessons exist in the default language and are listed once.
	const listed = new Set<string>();
	for (const mod of set.modules) {
		checkCompetences(mod.file, mod.data.competences);
		checkDuplicates(mod.file, 'lessons', mod.data.lessons, 'lesson');
		mod.data.lessons.forEach((slug, i) => {
			const id = `${defaultLocale}/${mod.id}/${slug}`;
			listed.add(`${mod.id}/${slug}`);
			if (!lessonFiles.has(id)) report(mod.file, `lessons[${i}]`, `unknown lesson "${slug}" (no content/lessons/${id}.mdx)`);
		});
	}

	// Every lesson file is reachable: a Dutch lesson is listed in its module, a translation has a Dutch original.
	for (const lesson of set.lessons) {
		const parts = parseLessonId(lesson.id);
		if (!parts || !isLocale(parts.locale) || !moduleIds.has(parts.module)) continue;
		const key = `${parts.module}/${parts.slug}`;
		if (parts.locale === defaultLocale && !listed.has(key)) {
			report(lesson.file, 'path', `lesson "${parts.slug}" is not listed in content/modules/${parts.module}.yaml`);
		}
		if (parts.locale !== defaultLocale && !lessonFiles.has(`${defaultLocale}/${key}`)) {
			report(lesson.file, 'path', `translation without a Dutch original (content/lessons/${defaultLocale}/${key}.mdx)`);
		}
	}
	// Scenarios: sound graphs, known competences; modules list only existing ones.
	const scenarioIds = new Set((set.scenarios ?? []).map((s) => s.id));
	for (const s of set.scenarios ?? []) {
		checkCompetences(s.file, s.data.competences);
		for (const p of scenarioProblems(s.data)) report(s.file, p.node ? `nodes.${p.node}` : 'scenario', p.message);
	}
	// Scenario translations: content/scenario-translations/<locale>/<scenario id>.yaml, covering exactly the original's nodes and options.
	for (const t of set.scenarioTranslations ?? []) {
		const [locale, id, ...rest] = t.id.split('/');
		const original = (set.scenarios ?? []).find((s) => s.id === id);
		if (!isLocale(locale) || !id || rest.length > 0) report(t.file, 'path', 'scenario translations live at content/scenario-translations/<nl|en>/<scenario id>.yaml');
		else if (!original) report(t.file, 'path', `translation without an original (no content/scenarios/${id}.yaml)`);
		else if (original.data.language === locale) report(t.file, 'path', `the case is written in "${locale}" already`);
		else for (const p of translationProblems(original.data, t.data)) report(t.file, p.field, p.message);
	}
	for (const mod of set.modules) {
		checkDuplicates(mod.file, 'scenarios', mod.data.scenarios, 'scenario');
		mod.data.scenarios.forEach((id, i) => {
			if (!scenarioIds.has(id)) report(mod.file, `scenarios[${i}]`, `unknown scenario "${id}" (no content/scenarios/${id}.yaml)`);
		});
	}

	// Assessments: one per module, named after it.
	for (const a of set.assessments ?? []) {
		if (!moduleIds.has(a.id)) report(a.file, 'path', `no module "${a.id}" (the file name must be a module id)`);
	}
	return problems;
}
