// Learning records as xAPI (issue 23), from the server's own records: the queue to a learning record store
// (filled by record hooks, drained by a cron job) and a trainer's download for a cohort. The statements
// themselves are built by lib/xapi.js (pure); this file reads records and talks to $app and the LRS.

const QUEUE = "xapi_queue";
const KEY_FILE = "xapi-pseudonym.key";
const BATCH = 50; // statements per POST
const PER_TICK = 500; // statements looked at per cron tick

/** The site's public URL (PW_APP_URL, applied to the settings on every start): the base of every IRI. */
function siteUrl() {
	return String($app.settings().meta.appURL || "").replace(/\/+$/, "");
}

/**
 * The key of the pseudonyms: 32 random bytes in the data directory (owner-only, like everything there; it goes
 * into backups, so pseudonyms stay the same after a restore). Made on the first start by xapi.pb.js.
 */
function pseudonymKey() {
	const store = $app.store();
	if (store.has("palliwijs.xapi.key")) return store.get("palliwijs.xapi.key");
	const path = $app.dataDir() + "/" + KEY_FILE;
	let key = "";
	try {
		key = toString($os.readFile(path)).trim();
	} catch (err) {
		key = "";
	}
	if (key.length < 32) {
		key = $security.randomString(64);
		$os.writeFile(path, key, 384); // 0600
	}
	store.set("palliwijs.xapi.key", key);
	return key;
}

/** The opaque name of a learner (or, with a prefix, of a cohort) in statements: an HMAC only this server can make. */
function pseudonym(id, key) {
	return $security.hs256(String(id), key || pseudonymKey()).slice(0, 32);
}

/**
 * Everything the statements need, required and read once per request or cron run: PocketBase evaluates a required
 * module anew on every require(), so helpers called per record take these instead of requiring.
 * Returns null without a catalogue.
 */
function tools() {
	const X = require(`${__hooks}/lib/xapi.js`);
	const { jsonOf, loadAssessment } = require(`${__hooks}/lib/assessments.js`);
	const catalog = require(`${__hooks}/lib/catalog.js`).loadCatalog();
	if (!catalog) return null;
	const site = siteUrl();
	const key = pseudonymKey();
	return {
		X,
		catalog,
		site,
		b: X.statementBuilders(catalog, site, (text) => $security.md5(text)),
		learner: (userId) => ({ actor: X.agent(site, pseudonym(userId, key)), idPrefix: "", asGroup: false }),
		cohort: (cohortId) => ({ actor: X.group(site, pseudonym("cohort:" + cohortId, key)), idPrefix: "cohort|" + cohortId + "|", asGroup: true }),
		progressOf: (r) => ({ id: r.id, lesson: r.getString("lesson"), completed: r.getBool("completed"), completedAt: r.getString("completedAt"), changedAt: r.getString("changedAt") }),
		attemptOf: (r) => ({
			id: r.id,
			assessment: r.getString("assessment"),
			items: jsonOf(r, "items", []),
			answers: jsonOf(r, "answers", {}),
			results: jsonOf(r, "results", []),
			correct: r.getInt("correct"),
			total: r.getInt("total"),
			score: r.getFloat("score"),
			passed: r.getBool("passed"),
			startedAt: r.getString("startedAt"),
			submittedAt: r.getString("submittedAt"),
		}),
		runOf: (r) => ({ id: r.id, scenario: r.getString("scenario"), choices: jsonOf(r, "choices", []), ending: r.getString("ending"), outcome: r.getString("outcome"), startedAt: r.getString("startedAt"), finishedAt: r.getString("finishedAt") }),
		certificateOf: (r) => ({ id: r.id, course: r.getString("course"), issued: r.getString("issued"), studyHours: r.getFloat("studyHours") }),
		/** The server's bank of an assessment (question and option texts), or null when it cannot be read. */
		bankOf: (id) => {
			try {
				return loadAssessment(id);
			} catch (err) {
				return null;
			}
		},
		jsonOf,
	};
}

/** The learner's statements that one saved record makes (all kinds), by collection. */
function statementsOfRecord(collection, record) {
	const T = tools();
	if (!T) return [];
	const who = T.learner(record.getString("user"));
	if (collection === "lesson_progress") return T.b.lessonCompleted(who, T.progressOf(record));
	if (collection === "assessment_attempts") {
		const attempt = T.attemptOf(record);
		return T.b.attemptStatements(who, attempt, T.bankOf(attempt.assessment));
	}
	if (collection === "scenario_runs") return T.b.runStatements(who, T.runOf(record));
	if (collection === "certificates") return T.b.certificateIssued(who, T.certificateOf(record));
	return [];
}

// ---- the queue to the LRS ----

function lrs() {
	return require(`${__hooks}/lib/xapi.js`).lrsSettings((name) => $os.getenv(name));
}

/**
 * Puts the statements of a saved record in the queue, when an LRS is configured. Called by the record hooks after
 * the record is committed: only local writes, so the learner's request never waits for the LRS. A statement
 * queued before (same id: the record was saved again) is not queued twice. Never throws: a failure here must not
 * fail the learner's request; it is logged.
 */
function enqueue(collection, record) {
	try {
		if (!lrs()) return;
		const statements = statementsOfRecord(collection, record);
		if (statements.length === 0) return;
		const queue = $app.findCollectionByNameOrId(QUEUE);
		const now = new Date().toISOString();
		statements.forEach((s) => {
			try {
				$app.findFirstRecordByFilter(QUEUE, "statementId = {:id}", { id: s.id });
				return; // queued (or sent) already
			} catch (err) {
				// not yet
			}
			const q = new Record(queue);
			q.set("user", record.getString("user"));
			q.set("statementId", s.id);
			q.set("verb", s.verb.id);
			q.set("statement", s);
			q.set("attempts", 0);
			q.set("nextAttemptAt", now);
			try {
				$app.save(q);
			} catch (err) {
				// queued at the same moment by another save of the same record (unique statementId): keep that one
			}
		});
	} catch (err) {
		console.error("xapi: could not queue the statements of " + collection + "/" + record.id + ": " + err);
	}
}

const dbTime = (ms) => new Date(ms).toISOString().replace("T", " ");

/**
 * Sends what is due to the LRS: batches of BATCH statements (POST /statements with an array, Basic auth,
 * X-Experience-API-Version 1.0.3). A stored or already known statement is marked sent and its body is dropped
 * (only its id stays, so it is never queued again); an unavailable LRS keeps the batch and tries later with a
 * doubling delay; a batch the LRS refuses as a whole is sent one by one, so one refused statement holds up no
 * other. One drain at a time.
 */
function drain() {
	const X = require(`${__hooks}/lib/xapi.js`);
	const settings = lrs();
	if (!settings) return;
	const store = $app.store();
	const lock = "palliwijs.xapi.draining";
	const started = Date.now();
	if (store.has(lock) && Number(store.get(lock)) > started) return;
	store.set(lock, started + 10 * 60 * 1000);
	try {
		const due = $app.findRecordsByFilter(QUEUE, "sentAt = '' && nextAttemptAt <= {:now}", "created,id", PER_TICK, 0, { now: dbTime(started) });
		const headers = X.lrsHeaders(settings);
		const { jsonOf } = require(`${__hooks}/lib/assessments.js`);
		const post = (records) => {
			try {
				const res = $http.send({ url: settings.statementsUrl, method: "POST", headers, body: JSON.stringify(records.map((r) => jsonOf(r, "statement", null))), timeout: 30 });
				let text = "";
				try {
					text = toString(res.body).slice(0, 200);
				} catch (err) {
					text = "";
				}
				return { status: res.statusCode, detail: "HTTP " + res.statusCode + (text ? ": " + text : "") };
			} catch (err) {
				return { status: 0, detail: String(err).slice(0, 200) };
			}
		};
		const sent = (r) => {
			r.set("sentAt", new Date().toISOString());
			r.set("statement", null);
			r.set("lastError", "");
			$app.save(r);
		};
		const later = (r, detail) => {
			const attempts = r.getInt("attempts") + 1;
			r.set("attempts", attempts);
			// from the drain's start, so statements that failed together are due together again
			r.set("nextAttemptAt", new Date(started + X.nextAttemptDelayMs(attempts, settings.tickSeconds)).toISOString());
			r.set("lastError", detail);
			$app.save(r);
		};
		for (let i = 0; i < due.length; i += BATCH) {
			const batch = due.slice(i, i + BATCH);
			const answer = post(batch);
			const outcome = X.lrsOutcome(answer.status, batch.length);
			if (outcome === "sent") batch.forEach(sent);
			else if (outcome === "retry") {
				batch.forEach((r) => later(r, answer.detail));
				console.error("xapi: the learning record store did not take " + batch.length + " statement(s) (" + answer.detail + "); they stay queued");
				return; // unavailable: the rest waits for the next tick
			} else {
				for (const r of batch) {
					const one = post([r]);
					const single = X.lrsOutcome(one.status, 1);
					if (single === "sent") sent(r);
					else {
						later(r, one.detail);
						if (single === "retry") return;
					}
				}
			}
		}
	} finally {
		store.remove(lock);
	}
}

// ---- a trainer's download ----

/**
 * The statements of a cohort for its trainer:
 * - only the cohort's current members, only the courses assigned to the cohort (their lessons, cases, tests, certificates);
 * - per learner (an opaque pseudonym, no name): lessons completed, cases completed (with the ending and duration),
 *   tests passed (with the score and duration), certificates issued, each with its time;
 * - answers to test questions and case decisions only as the cohort's (a Group actor, no registration, all of one test
 *   or case on the day of the group's latest attempt or run), and only when at least MIN_GROUP members made that test
 *   or case, as the dashboard's group figures.
 * Sorted by time (then by statement id, which is a hash: the group's answers are not grouped per attempt).
 */
function cohortStatements(cohort) {
	const { MIN_GROUP, assignedScope } = require(`${__hooks}/generated/rules.js`);
	const T = tools();
	if (!T) throw new InternalServerError("The course catalogue is not available on the server.");
	const { b, catalog } = T;
	const p = { c: cohort.id };
	const members = $app.findRecordsByFilter("cohort_members", "cohort = {:c}", "created", 0, 0, p).map((m) => m.getString("user"));
	const assigned = $app.findRecordsByFilter("assignments", "cohort = {:c}", "created", 0, 0, p).map((a) => a.getString("course"));
	const scope = assignedScope(catalog, assigned);
	const steps = {};
	const courses = {};
	assigned.forEach((id) => {
		if (!Object.prototype.hasOwnProperty.call(catalog.courses, id)) return;
		courses[id] = true;
		(catalog.courses[id].steps || []).forEach((s) => (steps[s] = true));
	});
	const out = [];
	const attemptsByTest = {};
	const runsByCase = {};
	members.forEach((user) => {
		const who = T.learner(user);
		const q = { u: user };
		$app.findRecordsByFilter("lesson_progress", "user = {:u} && completed = true", "", 0, 0, q).forEach((r) => {
			if (steps[r.getString("lesson")] === true) b.lessonCompleted(who, T.progressOf(r)).forEach((s) => out.push(s));
		});
		$app.findRecordsByFilter("assessment_attempts", "user = {:u} && submittedAt != ''", "submittedAt", 0, 0, q).forEach((r) => {
			if (scope.assessments[r.getString("assessment")] !== true) return;
			const attempt = T.attemptOf(r);
			b.attemptStatements(who, attempt, null, { noItems: true }).forEach((s) => out.push(s));
			const t = (attemptsByTest[attempt.assessment] = attemptsByTest[attempt.assessment] || { users: {}, attempts: [] });
			t.users[user] = true;
			t.attempts.push(attempt);
		});
		$app.findRecordsByFilter("scenario_runs", "user = {:u} && finishedAt != ''", "finishedAt", 0, 0, q).forEach((r) => {
			if (scope.scenarios[r.getString("scenario")] !== true) return;
			const run = T.runOf(r);
			b.runStatements(who, run, { noDecisions: true }).forEach((s) => out.push(s));
			const c = (runsByCase[run.scenario] = runsByCase[run.scenario] || { users: {}, runs: [] });
			c.users[user] = true;
			c.runs.push(run);
		});
		$app.findRecordsByFilter("certificates", "user = {:u}", "", 0, 0, q).forEach((r) => {
			if (courses[r.getString("course")] === true) b.certificateIssued(who, T.certificateOf(r)).forEach((s) => out.push(s));
		});
	});
	const group = T.cohort(cohort.id);
	// The group's statements of one test or case all bear one day: that of the group's latest attempt or run.
	// A day of their own would tie a learner's answers to their pseudonymous "passed" or "completed" of that day.
	const asOfLatest = (statements) => {
		const latest = statements.reduce((max, s) => (s.timestamp > max ? s.timestamp : max), "");
		statements.forEach((s) => {
			s.timestamp = latest;
			out.push(s);
		});
	};
	Object.keys(attemptsByTest).forEach((id) => {
		const t = attemptsByTest[id];
		if (Object.keys(t.users).length < MIN_GROUP) return;
		const bank = T.bankOf(id);
		asOfLatest([].concat.apply([], t.attempts.map((a) => b.attemptStatements(group, a, bank, { onlyItems: true }))));
	});
	Object.keys(runsByCase).forEach((id) => {
		const c = runsByCase[id];
		if (Object.keys(c.users).length < MIN_GROUP) return;
		asOfLatest([].concat.apply([], c.runs.map((r) => b.runStatements(group, r, { onlyDecisions: true }))));
	});
	out.sort((x, y) => (x.timestamp < y.timestamp ? -1 : x.timestamp > y.timestamp ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
	return out;
}

module.exports = { siteUrl, pseudonymKey, pseudonym, statementsOfRecord, enqueue, drain, cohortStatements, QUEUE };
