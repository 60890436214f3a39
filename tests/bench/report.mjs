// The table `npm run bench` prints: every figure measured, one section per part.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

export function printReport(r) {
	if (r.bytes) {
		console.log('\npage type          HTML      CSS       JS        total     islands   (gzip, first visit)');
		for (const [k, b] of Object.entries(r.bytes)) console.log(`${k.padEnd(18)} ${kb(b.html).padEnd(9)} ${kb(b.css).padEnd(9)} ${kb(b.js).padEnd(9)} ${kb(b.total).padEnd(9)} ${b.islands}`);
		if (r.offline) console.log(`offline: service worker ${kb(r.offline.serviceWorker)}, its registration on every page ${kb(r.offline.register)} (counted in each total, not in JS), the offline queue ${kb(r.offline.queue)} (loaded only when something done offline waits)`);
		const { lessons, firstVisit, inCourse } = r.lessonRatio;
		for (const [label, x] of [['first visit (HTML+CSS+JS)', firstVisit], ['in a course (HTML; CSS/JS cached)', inCourse]])
			console.log(`lesson bytes / lesson text bytes, ${label}: median ${x.median.toFixed(2)}, worst ${x.worst.toFixed(2)} (${x.worstPage}), ${x.overOne} of ${lessons} over 1`);
	}
	if (r.search) for (const [l, s] of Object.entries(r.search)) console.log(`search ${l}: index ${kb(s.indexGzip)} gzip (${s.docs} documents), query p50 ${ms(s.p50ms)}, p95 ${ms(s.p95ms)}`);
	if (r.lighthouse) {
		console.log('\nLighthouse (mobile)  performance  accessibility  LCP        TBT       CLS     runs');
		for (const [k, x] of Object.entries(r.lighthouse))
			console.log(`${k.padEnd(20)} ${String(x.performance).padEnd(12)} ${String(x.accessibility).padEnd(14)} ${ms(x.lcpMs).padEnd(10)} ${ms(x.tbtMs).padEnd(9)} ${x.cls.toFixed(3).padEnd(7)} ${x.runs.join(' ')}`);
	}
	if (r.load) {
		const { paced: p, throughput: t } = r.load;
		console.log(`\nprogress writes, ${r.load.learners} logged-in learners, ${r.load.seconds} s per run:`);
		console.log(`  each learner once a second on average: ${p.writesPerSecond.toFixed(0)} writes/s, p50 ${ms(p.p50ms)}, p95 ${ms(p.p95ms)}, max ${ms(p.maxMs)}`);
		console.log(`  as fast as the server answers:         ${t.writesPerSecond.toFixed(0)} writes/s, p50 ${ms(t.p50ms)}, p95 ${ms(t.p95ms)} (queueing), ${t.timeouts} over 10 s`);
		console.log(`  server peak memory (VmHWM): ${(r.load.serverPeakMemory / 1024 / 1024).toFixed(0)} MB`);
	}
	if (r.login) {
		const { login: l, lessonSteps: s } = r.login;
		console.log(`\na class of ${r.login.learners} logging in within ${r.login.windowSeconds} s (last arrival at ${r.login.lastArrivalSeconds.toFixed(1)} s, last log-in answered at ${r.login.lastLoginDoneSeconds.toFixed(1)} s${r.login.withLimiter ? ', production rate limits' : ', rate limiter off'}):`);
		console.log(`  log-in: p50 ${ms(l.p50ms)}, p95 ${ms(l.p95ms)}, max ${ms(l.maxMs)}, ${l.errors} errors`);
		console.log(`  lesson steps (opened, auth-refresh, list, mark done; ${s.count}): p50 ${ms(s.p50ms)}, p95 ${ms(s.p95ms)}, max ${ms(s.maxMs)}, ${s.errors} errors; ${r.login.lessonsDone} lessons marked done`);
		console.log(`  server peak memory (VmHWM): ${(r.login.serverPeakMemory / 1024 / 1024).toFixed(0)} MB (${(r.login.serverPeakMemoryBefore / 1024 / 1024).toFixed(0)} MB before the class arrived); session token valid ${((r.login.tokenDurationSeconds ?? 0) / 86400).toFixed(0)} days`);
		if (r.login.errors) console.log(`  errors: ${JSON.stringify(r.login.errors)}`);
		const b = r.login.returning;
		console.log(`  the same class returning with its session (auth-refresh instead of the password): p50 ${ms(b.login.p50ms)}, p95 ${ms(b.login.p95ms)}, max ${ms(b.login.maxMs)}, ${b.login.errors} errors; lesson steps p95 ${ms(b.lessonSteps.p95ms)}, ${b.lessonSteps.errors} errors`);
		if (b.errors) console.log(`  errors: ${JSON.stringify(b.errors)}`);
	}
	if (r.dashboard) console.log(`trainer dashboard, cohort of ${r.dashboard.learners}: median ${ms(r.dashboard.medianMs)}, slowest ${ms(r.dashboard.maxMs)} (${kb(r.dashboard.bytes)} JSON)`);
	if (r.build) {
		const { realContent: a, withGenerated: b } = r.build;
		console.log(`build (cold): real content ${a.seconds.toFixed(1)} s (${a.pages} pages); with ${b.generatedLessons} generated lessons ${b.seconds.toFixed(1)} s (${b.pages} pages; median of ${b.runs.join(' / ')} s)`);
	}
}
