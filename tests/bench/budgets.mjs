// The performance budgets of issue 10, as data: each names its figure, its limit and how to read it
// from the results of `npm run bench`. A budget whose part was not measured (--only) is skipped.
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

export const budgets = [
	{ part: 'bytes', name: 'lesson page JavaScript (not logged in, progress and knowledge checks)', read: (r) => r.bytes.lesson.js, limit: 5 * KB, show: kb },
	{ part: 'bytes', name: 'lesson page islands', read: (r) => r.bytes.lesson.islands, limit: 0, show: String },
	{ part: 'bytes', name: 'case page JavaScript', read: (r) => r.bytes.case.js, limit: 90 * KB, show: kb, below: true },
	{ part: 'bytes', name: 'heaviest page in total (without images)', read: (r) => Math.max(...Object.values(r.bytes).map((b) => b.total)), limit: 150 * KB, show: kb, below: true },
	{ part: 'bytes', name: 'service worker script (dist/sw.js, Workbox included)', read: (r) => r.offline.serviceWorker, limit: 12 * KB, show: kb },
	{ part: 'bytes', name: 'service-worker registration script (every page)', read: (r) => r.offline.register, limit: 1 * KB, show: kb },
	{ part: 'bytes', name: 'offline queue (dist/outbox.js with idb, loaded only when something waits)', read: (r) => r.offline.queue, limit: 5 * KB, show: kb },
	{ part: 'bytes', name: 'lesson bytes / text bytes, every lesson, in a course', read: (r) => r.lessonRatio.inCourse.worst, limit: 1, show: (n) => n.toFixed(2) },
	...['lesson', 'case', 'search'].flatMap((page) => [
		{ part: 'lighthouse', name: `Lighthouse performance, ${page} page (mobile)`, read: (r) => r.lighthouse[page].performance, limit: 95, show: String, atLeast: true },
		{ part: 'lighthouse', name: `Lighthouse accessibility, ${page} page`, read: (r) => r.lighthouse[page].accessibility, limit: 100, show: String, atLeast: true },
	]),
	...['nl', 'en'].map((locale) => ({ part: 'search', name: `search query p95 (${locale})`, read: (r) => r.search[locale].p95ms, limit: 10, show: ms, below: true })),
	{ part: 'load', name: 'progress write p95, 200 concurrent learners', read: (r) => r.load.paced.p95ms, limit: 50, show: ms, below: true },
	{ part: 'load', name: 'progress writes refused or failed under load', read: (r) => Object.keys(r.load.paced.failed ?? {}).length + Object.keys(r.load.throughput.failed ?? {}).length, limit: 0, show: String },
	{ part: 'login', name: 'log-in p95, a class of 300 arriving within a minute', read: (r) => r.login.login.p95ms, limit: 2000, show: ms, below: true },
	{ part: 'login', name: 'log-ins and lesson steps refused or failed in that class', read: (r) => r.login.login.errors + r.login.lessonSteps.errors + r.login.returning.login.errors + r.login.returning.lessonSteps.errors, limit: 0, show: String },
	{ part: 'dashboard', name: 'trainer dashboard, cohort of 300 (slowest request)', read: (r) => r.dashboard.maxMs, limit: 300, show: ms, below: true },
	{ part: 'build', name: 'build with 1,000 generated lessons', read: (r) => r.build.withGenerated.seconds, limit: 60, show: (n) => `${n.toFixed(1)} s`, below: true },
];

/** Every budget checked against the results: { name, figure, limit, ok }. */
export function checkBudgets(results) {
	return budgets
		.filter((b) => results[b.part] !== undefined)
		.map((b) => {
			const value = b.read(results);
			const ok = b.atLeast ? value >= b.limit : b.below ? value < b.limit : value <= b.limit;
			const relation = b.atLeast ? '≥' : b.below ? '<' : '≤';
			return { name: b.name, figure: b.show(value), limit: `${relation} ${b.show(b.limit)}`, ok };
		});
}
