// After `npm run test:mutation`: writes tests/mutation-survivors.txt from reports/mutation/mutation.json, each
// surviving mutant with the reason it is harmless, and exits 1 naming every survivor that has no reason here yet
// (a new survivor: kill it with a test, or read the code and add its reason below). README, "Mutation testing".
// Usage: node scripts/mutation-survivors.mjs [YYYY-MM-DD of the run]
import fs from 'node:fs';
const jsonPath = 'reports/mutation/mutation.json';
const outPath = 'tests/mutation-survivors.txt';
const date = process.argv[2] ?? fs.statSync(jsonPath).mtime.toISOString().slice(0, 10);
// A reason applies to the mutants of that file, mutator and replacement (and, when given, whose line contains the third entry).
const r = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
const C = {
	catch: 'A. Same result through the catch',
	implied: 'B. A guard the surrounding code already makes (equivalent)',
	data: 'C. Different only for data the schema, the content check or the server never produces',
	none: 'D. No effect at run time',
};
const R = {
	'src/lib/progress/local-store.ts|OptionalChaining|storage.getItem': [C.catch, 'without a store `storage.getItem` throws inside the `try`; the `catch` returns {}, as the original does'],
	'src/lib/progress/local-store.ts|StringLiteral|""': [C.catch, "nothing stored: `JSON.parse('')` throws and the `catch` returns {}, the same as parsing '{}'"],
	'src/lib/progress/local-store.ts|OptionalChaining|(parsed as {\n  lessons?: unknown;\n}).lessons': [C.catch, "`parsed` is null only when the store holds 'null': the read throws and the `catch` returns {}, as the original's early return does"],
	'src/lib/progress/local-store.ts|ConditionalExpression|false': [C.implied, "a `lessons` that is not an object goes on to `Object.entries`: null/undefined throw (the `catch` returns {}), a string, number or boolean gives no key of the form module/slug, so the result is {} either way", "if (!lessons || typeof lessons !== 'object')"],
	"src/lib/progress/local-store.ts|LogicalOperator|!lessons && typeof lessons !== 'object'": [C.implied, "as above: whatever `lessons` slips through, `Object.entries` throws (caught) or yields no key of the form module/slug; the result is {} either way"],
	'src/lib/progress/local-store.ts|OptionalChaining|storage.setItem': [C.catch, 'without a store `setItem` throws inside the `try` and the `catch` returns false, which the original returns too (`storage !== undefined`)'],
	'src/lib/progress/local-store.ts|OptionalChaining|storage.removeItem': [C.catch, 'without a store `removeItem` throws inside the `try` and is caught; nothing is forgotten either way'],
	'src/lib/progress/remote-store.ts|OptionalChaining|storage.setItem': [C.catch, 'without a store `setItem` throws inside the `try` and is caught; the renewed token is not kept either way and the same session is returned'],
	'src/lib/progress/remote-store.ts|ArrowFunction|() => undefined': [C.implied, "an answer that is not JSON reads as undefined instead of null; every reader treats both alike (`?.message ??`, `err.body ?? {}` in AssessmentForm.tsx; `.items`, `.run` and `.changedAt` throw the same TypeError on both)"],
	'src/lib/progress/session.ts|OptionalChaining|raw.record.id': [C.catch, 'a stored session without `record`: `raw.record.id` throws and the `catch` returns null, which the original returns because the id is not a string'],
	'src/lib/scenario/run-store.ts|OptionalChaining|storage.setItem': [C.catch, 'without a store `setItem` throws inside the `try` and is caught; nothing is kept either way'],
	'src/lib/scenario/run-store.ts|OptionalChaining|storage.removeItem': [C.catch, 'without a store `removeItem` throws inside the `try` and is caught; nothing is cleared either way'],
	'src/lib/scenario/finished-play.ts|OptionalChaining|storage.setItem': [C.catch, 'without a store `setItem` throws inside the `try` and is caught; the finished play is not kept either way'],
	'src/lib/course-status.ts|MethodExpression|done': [C.implied, "the cases marked done go into the progress list too, but `creditSteps` skips every progress entry whose key starts with 'scenario/' (a case is credited from its run only), so the same runs count (applied by hand: every test still passes, as it must)", 'progress: done.filter'],
	"src/lib/course-status.ts|MethodExpression|k.endsWith('scenario/')": [C.implied, "no step key ends with 'scenario/' (a case's key has its id after it), so every step marked done goes into the progress list, where `creditSteps` skips the 'scenario/' ones: the same as above"],
	'src/lib/course-status.ts|ArrayDeclaration|["Stryker was here"]': [C.data, 'a test would count as passed on this device only for a module with the id "Stryker was here"; module ids are slugs (lower-case letters, digits, hyphens: src/schemas/common.ts), so no course has one'],
	'src/lib/scenario/run-store.ts|OptionalChaining|snapshot.context.variables': [C.implied, '`snapshot.context?.variables` is read only after `Array.isArray(snapshot.context?.choices)` was true, so `context` is an object there'],
	'src/lib/rules/assessment.ts|ConditionalExpression|false': [C.implied, "the handed-out option ids are strings, so `h.options.includes` never finds a non-string: without the `typeof` check the same 'unknown option' problem follows (test: `{ x4: [1] }`)", "typeof chosen[j] !== 'string'"],
	'src/lib/rules/assessment.ts|ArrayDeclaration|["Stryker was here"]': [C.data, 'a missing answer becomes ["Stryker was here"] instead of []: wrong either way, because every key entry has at least one correct option id a–f (src/schemas/assessment.ts, `.min(1)`), which neither list equals'],
	'src/lib/rules/credit.ts|ConditionalExpression|true': [C.implied, 'a run that does not count would replace one that does if it had more minutes, but it never has: runs of one case need the same minutes, a run counts once its minutes reach them, and a not-opened run has 0', "credit.counted === best.counted"],
	'src/lib/rules/credit.ts|EqualityOperator|credit.creditedMinutes >= best.creditedMinutes': [C.data, "of two runs of one case with equal minutes the later is reported instead of the first: identical entries when both count or both are too fast; they differ only if one is 'not-opened' at 0 minutes, which for a run needs its finish before its start (both stamped by the server's clock). A lesson has one progress record per learner (unique index), so lessons never tie"],
	"src/lib/scenario/translation.ts|LogicalOperator|node.type === 'decision' || 'question' in t": [C.implied, "the node's kind was compared with the translation's just above (`continue` on a mismatch), so `node.type === 'decision'` holds exactly when `'question' in t`; the pair is there for TypeScript's narrowing"],
	'src/lib/scenario/translation.ts|ConditionalExpression|true': [C.implied, "the kinds already match here (see above): `'question' in t` implies a decision and `'learningPoints' in t` an ending (the translation schemas are strict, a decision's translation has no learningPoints)", "in t"],
	"src/lib/scenario/translation.ts|LogicalOperator|node.type === 'ending' || 'learningPoints' in t": [C.implied, "the kinds already match here: `'learningPoints' in t` holds exactly for an ending (strict translation schemas), so `||` and `&&` agree"],
	'src/lib/progress/sync.ts|ConditionalExpression|true': [C.implied, "`later` is undefined only when the account's change time is unreadable, and then `accountChangedLater` returned false, so the `if` is always true where it is reached", "if (later)"],
	'src/lib/rules/scenario.ts|ConditionalExpression|false': [C.implied, "a choice that is a string, number or boolean has no `node` property, so `choice.node !== node` refuses it with the same problem (tests: null, 'keuze1')", "typeof choice !== 'object'"],
	'src/lib/scenario/check-scenario.ts|ArrayDeclaration|["Stryker was here"]': [C.implied, 'the trail starts with an extra entry: a loop message is cut from `trail.indexOf(id)` of a node on the trail, always after that first entry, so no message changes'],
	'src/lib/scenario/machine.ts|ConditionalExpression|true': [C.implied, "the guard belongs to a CHOOSE transition and XState evaluates it only for CHOOSE events; `event.type === 'CHOOSE'` narrows the event type for TypeScript", "event.type === 'CHOOSE'"],
	'src/lib/scenario/machine.ts|ObjectLiteral|{}': [C.none, '`types: { context, events }` are type parameters only; XState ignores their values at run time'],
	'src/lib/scenario/machine.ts|StringLiteral|``': [C.none, "the machine's id names it in XState's inspection only: it is not part of a persisted snapshot (checked: the same snapshot with id 'scenario-x' and ''), and no code reads it"],
	'src/lib/offline/outbox.ts|ConditionalExpression|false': [C.implied, "a lesson or self-check then goes through the play-key test too, and passes it: such entries have no `key`, and every queued play has one (a string, `playKey` in progress/runs.ts), so `some` finds nothing and the entry is added, as the original adds it; the `kind` test is there for TypeScript's narrowing", "entry.kind !== 'run' ||"],
	'src/lib/offline/outbox.ts|ConditionalExpression|true': [C.implied, "a queued lesson or self-check has no `key`, so `i.entry.key === entry.key` (a play's string key) is false for it without the `kind` test; only a queued play with the same key stops the add, as in the original", "i.entry.kind === 'run' &&"],
	'src/lib/offline/outbox-sync.ts|StringLiteral|"Stryker was here!"': [C.implied, "the time is written only into the 'saved' line, which is shown only when `state.savedAt` is set (`&& state.savedAt`); the fallback for no `savedAt` is never shown (and formatDate gives '' for it either way)", "formatDate(state.savedAt"],
	'src/lib/scenario/variables.ts|ConditionalExpression|true': [C.data, "a boolean effect on a number variable would be added (as 1 or 0) instead of set; the content check refuses such a case (check-scenario: 'variable \"x\" is a number, not a boolean'), so no case the build accepts has one", "typeof value === 'number'"],
	'src/lib/rules/group-figures.ts|ArrayDeclaration|["Stryker was here"]': [C.data, 'a missing list (a catalogue without self-check courses, a course without steps, a node without options) becomes ["Stryker was here"]: that text is no course id (ids are slugs), does not start with \'scenario/\', and has no `.id` to equal a chosen option, so the scope and the counts stay the same'],
};
const rows = [];
const missing = [];
let total = 0, killed = 0, timeout = 0, survived = 0, nocov = 0;
for (const [file, d] of Object.entries(r.files)) {
	for (const m of d.mutants) {
		if (m.status === 'Ignored' || m.status === 'CompileError' || m.status === 'RuntimeError') continue;
		total++;
		if (m.status === 'Killed') killed++;
		else if (m.status === 'Timeout') timeout++;
		else if (m.status === 'Survived') survived++;
		else if (m.status === 'NoCoverage') nocov++;
		if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
		const k = `${file}|${m.mutatorName}|${m.replacement}`;
		const src = d.source.split('\n')[m.location.start.line - 1] ?? '';
		const reason = R[k] && (!R[k][2] || src.includes(R[k][2])) ? R[k] : undefined;
		if (!reason) { missing.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(m.replacement)}`); continue; }
		rows.push({ cls: reason[0], line: `${file}:${m.location.start.line}:${m.location.start.column}${m.status === 'NoCoverage' ? ' (no coverage)' : ''} ${m.mutatorName} → ${JSON.stringify(m.replacement.replace(/\s+/g, ' '))}: ${reason[1]}` });
	}
}
const score = ((killed + timeout) / total * 100).toFixed(2);
console.error(`total ${total} killed ${killed} timeout ${timeout} survived ${survived} nocov ${nocov} score ${score}`);
if (missing.length) { console.error('UNCLASSIFIED:\n' + missing.join('\n')); process.exit(1); }
const out = [`# Surviving mutants of npm run test:mutation, ${date} (${score} %: ${killed + timeout} of ${total} detected, ${survived} survived, ${nocov} without coverage).`, '# file:line:column, mutator → replacement: why it is harmless. Each reason was checked by reading the code; see README, "Mutation testing".', ''];
for (const cls of Object.values(C)) {
	const mine = rows.filter((x) => x.cls === cls);
	if (!mine.length) continue;
	out.push(`## ${cls} (${mine.length})`, ...mine.map((x) => x.line), '');
	console.error(`${cls}: ${mine.length}`);
}
fs.writeFileSync(outPath, out.join('\n').trimEnd() + '\n');
console.error(`${outPath}: ${rows.length} survivors, each with its reason`);
