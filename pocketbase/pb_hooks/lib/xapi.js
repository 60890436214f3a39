// Learning records as xAPI 1.0.3 statements (issue 23; README "Leerrecords (xAPI)"). Pure: plain values in,
// statements out, no $app, so Node unit-tests it (tests/unit/xapi.test.ts). lib/xapi-records.js reads the
// server's own records and hands them over; xapi.pb.js queues, sends and serves them.
//
// Personal data: the actor is an `account` whose homePage is the site's public URL and whose name is an opaque
// pseudonym (lib/xapi-records.js: an HMAC of the account id with a key only the server holds). No name, no e-mail.
// Statement ids are name-based UUIDs (version 3) of the site URL and the source record, so building the
// statement again (a resend, a second download) gives the same id and an LRS keeps it once.

const VERBS = {
	completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "nl-BE": "voltooide", "en-US": "completed" } },
	answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "nl-BE": "beantwoordde", "en-US": "answered" } },
	responded: { id: "http://adlnet.gov/expapi/verbs/responded", display: { "nl-BE": "koos", "en-US": "responded" } },
	passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "nl-BE": "slaagde voor", "en-US": "passed" } },
	earned: { id: "http://id.tincanapi.com/verb/earned", display: { "nl-BE": "behaalde", "en-US": "earned" } },
};

const TYPES = {
	course: "http://adlnet.gov/expapi/activities/course",
	module: "http://adlnet.gov/expapi/activities/module",
	lesson: "http://adlnet.gov/expapi/activities/lesson",
	assessment: "http://adlnet.gov/expapi/activities/assessment",
	interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
	simulation: "http://adlnet.gov/expapi/activities/simulation",
};

// The namespace of Palliwijs's statement ids (fixed random bytes, each below 0x80; never change it, or every id
// changes).
const NAMESPACE = "3b7f1c2e-5d4a-4e61-1f0b-2c6d1a7e4b13";

// ---- name-based UUIDs, Base64 (the hook runtime has no btoa) ----

/**
 * A name-based UUID, version 3 (RFC 4122 §4.3: MD5 of the namespace's 16 bytes and the name's UTF-8, with the
 * version and variant bits set). `md5Hex(text)` is MD5 of a text's UTF-8 as hex: PocketBase's $security.md5 on the
 * server (native, fast: a JS hash in the hook runtime made a cohort's download seconds slower), Node's crypto in
 * tests. Every byte of NAMESPACE is below 0x80, so its characters are its own bytes in UTF-8 and the hash is exact.
 */
function uuidV3(name, md5Hex) {
	const ns = NAMESPACE.replace(/-/g, "");
	let prefix = "";
	for (let i = 0; i < 32; i += 2) prefix += String.fromCharCode(parseInt(ns.slice(i, i + 2), 16));
	const h = md5Hex(prefix + String(name)).toLowerCase();
	const version = ((parseInt(h.slice(12, 14), 16) & 0x0f) | 0x30).toString(16);
	const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
	return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + version + h.slice(14, 16) + "-" + variant + h.slice(18, 20) + "-" + h.slice(20, 32);
}

function utf8(text) {
	const out = [];
	const s = String(text);
	for (let i = 0; i < s.length; i++) {
		let c = s.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			const d = s.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
				i++;
			}
		}
		if (c < 0x80) out.push(c);
		else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
		else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
		else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
	}
	return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of a text's UTF-8 (for the Basic authorization header). */
function base64(text) {
	const bytes = utf8(text);
	let out = "";
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
		out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
	}
	return out;
}

// ---- times ----

/** PocketBase's stored date ("2026-12-07 06:36:58.123Z") or any ISO time as ISO 8601, or null. */
function isoTime(value) {
	if (!value) return null;
	const t = new Date(String(value).replace(" ", "T")).getTime();
	return isNaN(t) ? null : new Date(t).toISOString();
}

/** The first moment of a time's day (UTC), for statements about a group: the day, not the minute. */
function dayOf(iso) {
	return iso ? iso.slice(0, 10) + "T00:00:00.000Z" : null;
}

/** An ISO 8601 duration between two times ("PT754.2S"), or null when either is unknown or the order is wrong. */
function duration(fromIso, toIso) {
	const a = fromIso ? Date.parse(fromIso) : NaN;
	const b = toIso ? Date.parse(toIso) : NaN;
	if (isNaN(a) || isNaN(b) || b < a) return null;
	return "PT" + Math.round((b - a) / 100) / 10 + "S";
}

// ---- activities ----

const own = (o, k) => o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);

function names(name) {
	const n = name || {};
	const nl = String(n.nl || n.en || "");
	return { "nl-BE": nl, "en-US": String(n.en || nl) };
}

function activity(id, type, name, extra) {
	const definition = { name: names(name) };
	if (type) definition.type = type;
	if (extra) Object.keys(extra).forEach((k) => (definition[k] = extra[k]));
	return { objectType: "Activity", id, definition };
}

/**
 * The activities of the catalogue as the statements name them, from catalog.activities (dist/catalog.json,
 * src/lib/content/xapi-activities.ts) and the site's public URL. Each returns null for what the catalogue
 * does not know (content removed since the record was made).
 */
function activities(catalog, siteUrl) {
	const base = String(siteUrl || "").replace(/\/+$/, "");
	const a = (catalog && catalog.activities) || {};
	const pick = (group, id) => (a[group] && own(a[group], id) ? a[group][id] : null);
	const course = (id) => {
		const c = pick("courses", id);
		return c ? activity(base + c.path, TYPES.course, c.name) : null;
	};
	const module = (id) => {
		const m = pick("modules", id);
		return m ? activity(base + m.path, TYPES.module, m.name) : null;
	};
	const coursesOf = (test) =>
		Object.keys((catalog && catalog.courses) || {})
			.filter((id) => test(catalog.courses[id]))
			.map(course)
			.filter(Boolean);
	const coursesWithModule = (m) => coursesOf((c) => (c.modules || []).indexOf(m) >= 0);
	return {
		base,
		course,
		module,
		coursesWithModule,
		lesson(key) {
			const l = pick("lessons", key);
			if (!l) return null;
			return { activity: activity(base + l.path, TYPES.lesson, l.name), parent: [module(l.module)].filter(Boolean), grouping: coursesWithModule(l.module) };
		},
		assessment(id) {
			const t = pick("assessments", id);
			if (!t) return null;
			return { activity: activity(base + t.path, TYPES.assessment, t.name), path: t.path, name: t.name, parent: [module(id)].filter(Boolean), grouping: coursesWithModule(id) };
		},
		scenario(id) {
			const s = pick("scenarios", id);
			if (!s) return null;
			const modules = (s.modules || []).map(module).filter(Boolean);
			return {
				activity: activity(base + s.path, TYPES.simulation, s.name),
				path: s.path,
				decisions: s.decisions || {},
				parent: modules,
				grouping: coursesOf((c) => (c.steps || []).indexOf("scenario/" + id) >= 0),
			};
		},
		certificate(courseId) {
			const c = pick("courses", courseId);
			if (!c) return null;
			const name = { nl: "Certificaat: " + c.name.nl, en: "Certificate: " + (c.name.en || c.name.nl) };
			return { activity: activity(base + c.path + "#certificaat", null, name), grouping: [course(courseId)].filter(Boolean) };
		},
	};
}

// ---- statements ----

/** The learner as an xAPI actor: an account on this site with an opaque name. */
function agent(siteUrl, pseudonym) {
	return { objectType: "Agent", account: { homePage: String(siteUrl).replace(/\/+$/, ""), name: pseudonym } };
}

/** A group of learners (a cohort) as an xAPI actor: for answers a trainer may only see as a group. */
function group(siteUrl, pseudonym) {
	return { objectType: "Group", account: { homePage: String(siteUrl).replace(/\/+$/, ""), name: pseudonym } };
}

function context(parent, grouping, registration) {
	const ctx = { platform: "Palliwijs", language: "nl-BE", contextActivities: {} };
	if (parent && parent.length) ctx.contextActivities.parent = parent;
	if (grouping && grouping.length) ctx.contextActivities.grouping = grouping;
	if (!ctx.contextActivities.parent && !ctx.contextActivities.grouping) delete ctx.contextActivities;
	if (registration) ctx.registration = registration;
	return ctx;
}

/**
 * One builder per kind of learning record. `who` = { actor, idPrefix, asGroup }: the actor, a prefix that keeps a
 * group statement's id apart from the learner's, and whether times are given by the day only (a group's answers
 * must not be linkable to a learner by their minute). Every builder returns [] when the record is not (yet) one
 * that makes a statement, or when the catalogue no longer knows its activity.
 */
function statementBuilders(catalog, siteUrl, md5Hex) {
	const A = activities(catalog, siteUrl);
	const uuid = (name) => uuidV3(name, md5Hex);
	const idOf = (who, name) => uuid(A.base + "|" + (who.idPrefix || "") + name);
	const when = (who, iso) => (who.asGroup ? dayOf(iso) : iso);
	const statement = (who, name, verb, object, result, ctx, timestamp) => {
		const s = { id: idOf(who, name), actor: who.actor, verb: VERBS[verb], object };
		if (result) s.result = result;
		if (ctx) s.context = ctx;
		s.timestamp = when(who, timestamp);
		s.version = "1.0.3";
		return s;
	};

	return {
		activities: A,

		/**
		 * progress: { id, lesson, completed, completedAt, changedAt } (lesson_progress; a case's entry is left to its
		 * run). One completion is one statement: its id follows the record and the moment `completed` last changed
		 * (changedAt; completedAt for records from before it), so a lesson undone and done again is a new statement.
		 */
		lessonCompleted(who, progress) {
			const at = isoTime(progress.completedAt);
			if (!progress.completed || !at || String(progress.lesson).indexOf("scenario/") === 0) return [];
			const l = A.lesson(progress.lesson);
			if (!l) return [];
			const completion = isoTime(progress.changedAt) || at;
			return [statement(who, "lesson-completed|" + progress.id + "|" + completion, "completed", l.activity, { completion: true }, context(l.parent, l.grouping), at)];
		},

		/**
		 * attempt: { id, assessment, items: [{id, options}], answers: {item: [option]}, results: [{item, right}],
		 * correct, total, score, passed, startedAt, submittedAt } (assessment_attempts, scored by the server);
		 * bank: the server's bank ({ items: [{ id, question, options: [{id, text}] }] }) for the question texts.
		 * Gives one "answered" per item handed out, and "passed" when the attempt passed (unless onlyItems/noItems).
		 */
		attemptStatements(who, attempt, bank, options) {
			const opts = options || {};
			const at = isoTime(attempt.submittedAt);
			if (!at) return [];
			const t = A.assessment(attempt.assessment);
			if (!t) return [];
			const out = [];
			const registration = who.asGroup ? null : uuid(A.base + "|attempt|" + attempt.id);
			if (!opts.noItems) {
				const bankItems = {};
				((bank && bank.items) || []).forEach((i) => (bankItems[i.id] = i));
				const right = {};
				(Array.isArray(attempt.results) ? attempt.results : []).forEach((r) => {
					if (r && typeof r.item === "string") right[r.item] = r.right === true;
				});
				const answers = attempt.answers && typeof attempt.answers === "object" ? attempt.answers : {};
				(Array.isArray(attempt.items) ? attempt.items : []).forEach((handed) => {
					if (!handed || typeof handed.id !== "string" || !own(right, handed.id)) return;
					const item = bankItems[handed.id];
					const definition = { interactionType: "choice" };
					if (item) {
						definition.description = { "nl-BE": String(item.question) };
						definition.choices = (item.options || []).map((o) => ({ id: String(o.id), description: { "nl-BE": String(o.text) } }));
					}
					const name = { nl: t.name.nl + ", vraag " + handed.id, en: (t.name.en || t.name.nl) + ", question " + handed.id };
					const object = activity(A.base + t.path + "#" + handed.id, TYPES.interaction, name, definition);
					const chosen = Array.isArray(answers[handed.id]) ? answers[handed.id].map(String) : [];
					const result = { success: right[handed.id], response: chosen.join("[,]") };
					out.push(statement(who, "question-answered|" + attempt.id + "|" + handed.id, "answered", object, result, context([t.activity], t.parent.concat(t.grouping), registration), at));
				});
			}
			if (!opts.onlyItems && attempt.passed === true) {
				const total = Number(attempt.total) || 0;
				const result = {
					score: { scaled: Math.max(0, Math.min(1, Number(attempt.score) / 100)), raw: Number(attempt.correct) || 0, min: 0, max: total },
					success: true,
					completion: true,
				};
				const took = duration(isoTime(attempt.startedAt), at);
				if (took) result.duration = took;
				out.push(statement(who, "test-passed|" + attempt.id, "passed", t.activity, result, context(t.parent, t.grouping, registration), at));
			}
			return out;
		},

		/**
		 * run: { id, scenario, choices: [{node, option}], ending, outcome, startedAt, finishedAt } (scenario_runs,
		 * replayed by the server). Gives one "responded" per decision (with the option chosen) and "completed".
		 * The server learns the choices when the run is finished, so the decisions carry the finishing time.
		 */
		runStatements(who, run, options) {
			const opts = options || {};
			const at = isoTime(run.finishedAt);
			if (!at) return [];
			const s = A.scenario(run.scenario);
			if (!s) return [];
			const out = [];
			const registration = who.asGroup ? null : uuid(A.base + "|run|" + run.id);
			if (!opts.noDecisions) {
				(Array.isArray(run.choices) ? run.choices : []).forEach((choice, index) => {
					if (!choice || typeof choice.node !== "string" || typeof choice.option !== "string") return;
					const decision = own(s.decisions, choice.node) ? s.decisions[choice.node] : null;
					if (!decision || !own(decision.options, choice.option)) return;
					const definition = {
						interactionType: "choice",
						choices: Object.keys(decision.options).map((id) => ({ id, description: names(decision.options[id]) })),
					};
					const object = activity(A.base + s.path + "#" + choice.node, TYPES.interaction, decision.question, definition);
					const ctx = context([s.activity], s.parent.concat(s.grouping), registration);
					out.push(statement(who, "case-decision|" + run.id + "|" + index, "responded", object, { response: choice.option }, ctx, at));
				});
			}
			if (!opts.onlyDecisions) {
				const result = { completion: true };
				const took = duration(isoTime(run.startedAt), at);
				if (took) result.duration = took;
				if (run.ending || run.outcome) {
					result.extensions = {};
					if (run.ending) result.extensions[A.base + "/xapi/extensions/ending"] = String(run.ending);
					if (run.outcome) result.extensions[A.base + "/xapi/extensions/outcome"] = String(run.outcome);
				}
				out.push(statement(who, "case-completed|" + run.id, "completed", s.activity, result, context(s.parent, s.grouping, registration), at));
			}
			return out;
		},

		/** certificate: { id, course, issued, studyHours } (certificates). The verification code is left out: it opens the holder's name. */
		certificateIssued(who, certificate) {
			const at = isoTime(certificate.issued);
			if (!at) return [];
			const c = A.certificate(certificate.course);
			if (!c) return [];
			const result = { completion: true, success: true };
			const hours = Number(certificate.studyHours);
			if (isFinite(hours) && hours > 0) result.extensions = { [A.base + "/xapi/extensions/study-hours"]: hours };
			return [statement(who, "certificate-issued|" + certificate.id, "earned", c.activity, result, context(null, c.grouping), at)];
		},
	};
}

// ---- the learning record store ----

/**
 * The LRS settings from the environment (PW_LRS_ENDPOINT, PW_LRS_USERNAME, PW_LRS_PASSWORD; PW_TEST_CRON_TICK_SECONDS
 * for tests only: PocketBase's cron tick, which every cron job shares), or null when no endpoint is set. Throws with a message naming the variable for a value the server
 * cannot mean (the start stops, like the other PW_* settings).
 * @param {(name: string) => string} env
 */
function lrsSettings(env) {
	const get = (name) => String(env(name) || "").trim();
	const endpoint = get("PW_LRS_ENDPOINT");
	const username = get("PW_LRS_USERNAME");
	const password = String(env("PW_LRS_PASSWORD") || "");
	const tick = get("PW_TEST_CRON_TICK_SECONDS");
	if (!endpoint) {
		if (username || password) throw new Error("PW_LRS_ENDPOINT is missing: set it with PW_LRS_USERNAME and PW_LRS_PASSWORD.");
		return null;
	}
	if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(endpoint)) throw new Error(`PW_LRS_ENDPOINT must be the LRS's xAPI address, such as https://lrs.example.be/xapi/; it is "${endpoint}".`);
	if (/[:\r\n]/.test(username)) throw new Error("PW_LRS_USERNAME must not hold a colon or a line break.");
	let tickSeconds = 60;
	if (tick) {
		if (!/^[0-9]+$/.test(tick) || Number(tick) < 1 || Number(tick) > 3600) throw new Error(`PW_TEST_CRON_TICK_SECONDS must be a whole number of seconds from 1 to 3600; it is "${tick}".`);
		tickSeconds = Number(tick);
	}
	return { statementsUrl: endpoint.replace(/\/+$/, "") + "/statements", username, password, tickSeconds };
}

/** The headers of a POST to the LRS. */
function lrsHeaders(settings) {
	const headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
	if (settings.username || settings.password) headers.Authorization = "Basic " + base64(settings.username + ":" + settings.password);
	return headers;
}

/**
 * What an LRS's answer means for the statements sent: "sent" (stored, or known already: 409 for one statement),
 * "split" (the batch was refused as a whole for what may be one statement: send them one by one), "retry" (the LRS
 * is unavailable or refuses us: keep them and try later), "refused" (this one statement is refused: try it later).
 */
function lrsOutcome(status, batchSize) {
	if (status >= 200 && status < 300) return "sent";
	if (status === 409) return batchSize > 1 ? "split" : "sent";
	if (status === 0 || status === 401 || status === 403 || status === 404 || status === 408 || status === 429 || status >= 500) return "retry";
	return batchSize > 1 ? "split" : "refused";
}

/** When to try a statement again after `attempts` failures: one tick, then doubling, at most 64 ticks. */
function nextAttemptDelayMs(attempts, tickSeconds) {
	return tickSeconds * 1000 * Math.pow(2, Math.min(Math.max(0, attempts - 1), 6));
}

module.exports = {
	VERBS,
	TYPES,
	NAMESPACE,
	utf8,
	uuidV3,
	base64,
	isoTime,
	dayOf,
	duration,
	activities,
	agent,
	group,
	statementBuilders,
	lrsSettings,
	lrsHeaders,
	lrsOutcome,
	nextAttemptDelayMs,
};
