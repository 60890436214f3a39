// A class logging in at once (issue 21, item 6), on a real PocketBase (127.0.0.1, free port, throw-away
// data directory, the real catalogue from dist/). The accounts are made beforehand through the API by a
// superuser (not measured). Then 300 learners arrive within one minute the way a class does when the
// teacher says "log in now": most in the first seconds, the last ones up to a minute later (arrival times
// from a seeded generator with a density falling linearly from the start to 60 s, so the first 18 s hold
// half the class and the run is the same each time). Each learner then does what the lesson page does
// (src/scripts/progress.ts and src/lib/progress/sync.ts): stamps the lesson opened, refreshes the session,
// reads its progress, and after a short reading pause marks the lesson done (PATCH of the record the
// opening made). Reported: log-in p50/p95/max and errors, the lesson steps' p95 and errors, and the
// server's peak memory. Then the same class arrives a second time, as on the next lesson day while the
// session is still valid: the page refreshes the stored session (auth-refresh, what sync.ts does on every
// page) instead of a password log-in, and each learner opens and marks the next lesson.
//
// The bench server has PocketBase's rate limiter switched off (tests/bench/server.mjs): every learner
// comes from 127.0.0.1, and the production rule (20 log-ins per address per minute,
// pocketbase/pb_hooks/lib/rate-limits.js) would refuse all but 20 of them. `withLimiter: true` measures
// with the production rules instead, to show what a class behind one address meets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { benchPassword as password, withBenchServer } from './server.mjs';

const records = '/api/collections/lesson_progress/records';

/** mulberry32: a small seeded generator, so every run spreads the class the same way. */
function seeded(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Arrival offsets in ms within `windowMs`, density falling linearly to zero at the end (a class arriving). */
export function classArrivals(count, windowMs, random = seeded(21)) {
	return Array.from({ length: count }, () => windowMs * (1 - Math.sqrt(1 - random()))).sort((a, b) => a - b);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const summary = (times) => {
	const t = [...times].sort((a, b) => a - b);
	return { count: t.length, p50ms: quantile(t, 0.5), p95ms: quantile(t, 0.95), maxMs: t.at(-1) };
};

/** One HTTP call, timed; never throws (a network error is status 0). */
async function timed(url, init) {
	const t0 = performance.now();
	try {
		const response = await fetch(url, init);
		const text = await response.text();
		return { ms: performance.now() - t0, status: response.status, text };
	} catch (err) {
		return { ms: performance.now() - t0, status: 0, text: String(err) };
	}
}

async function createAccounts(admin, count) {
	const accounts = [];
	for (let start = 0; start < count; start += 25) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(25, count - start) }, async (_, j) => {
				const email = `klas-${start + j}@bench.local`;
				await admin.collection('users').create({ name: `Cursist ${start + j}`, email, password, passwordConfirm: password });
				return email;
			}),
		);
		accounts.push(...batch);
	}
	return accounts;
}

export async function measureLoginStorm({ learners = 300, windowSeconds = 60, readingSeconds = 10, withLimiter = false } = {}) {
	const catalog = path.join(projectRoot, 'dist/catalog.json');
	const lessons = JSON.parse(readFileSync(catalog, 'utf8')).steps.filter((s) => !s.startsWith('scenario/'));
	return withBenchServer({ catalog }, async ({ url, admin, peakMemory }) => {
		const emails = await createAccounts(admin, learners);
		const tokenDuration = (await admin.collections.getOne('users')).authToken?.duration;
		if (withLimiter) {
			// CommonJS for PocketBase's engine, so required rather than imported.
			const { RATE_LIMIT_RULES } = createRequire(import.meta.url)('../../pocketbase/pb_hooks/lib/rate-limits.js');
			await admin.settings.update({ rateLimits: { enabled: true, rules: RATE_LIMIT_RULES } });
		}
		const memoryBefore = peakMemory();
		const random = seeded(2021);
		const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
		const tokens = new Map();

		/**
		 * The class arrives: with `returning`, each learner still holds the session of the first arrival and
		 * the page refreshes it (auth-refresh, no password, no bcrypt); otherwise each logs in with the password.
		 */
		async function arrive(returning, lessonOffset) {
			const arrivals = classArrivals(learners, windowSeconds * 1000);
			const login = [];
			const steps = [];
			const errors = { login: {}, steps: {} };
			const fail = (kind, status, text) => {
				errors[kind][status] = (errors[kind][status] ?? 0) + 1;
				errors[kind][`${status} example`] ??= text.slice(0, 160);
			};
			const started = performance.now();
			let lastLogin = 0;
			await Promise.all(
				emails.map(async (email, i) => {
					await sleep(arrivals[i]);
					const lesson = lessons[(i + lessonOffset) % lessons.length];
					const json = { 'Content-Type': 'application/json' };
					const signIn = returning
						? await timed(`${url}/api/collections/users/auth-refresh`, { method: 'POST', headers: { Authorization: tokens.get(email) ?? '' } })
						: await timed(`${url}/api/collections/users/auth-with-password`, { method: 'POST', headers: json, body: JSON.stringify({ identity: email, password }) });
					login.push(signIn.ms);
					lastLogin = Math.max(lastLogin, performance.now() - started);
					if (signIn.status !== 200) return fail('login', signIn.status, signIn.text);
					const { token, record } = JSON.parse(signIn.text);
					const headers = { ...json, Authorization: token };
					const step = async (path, init) => {
						const r = await timed(url + path, { headers, ...init });
						steps.push(r.ms);
						if (r.status >= 300 || r.status === 0) {
							fail('steps', r.status, r.text);
							return null;
						}
						return r.text ? JSON.parse(r.text) : {};
					};
					// The lesson page: the opening stamp, then the sync (refresh the session, read the progress).
					if (!(await step('/api/palliwijs/lessons/opened', { method: 'POST', body: JSON.stringify({ lesson }) }))) return;
					const refreshed = await step('/api/collections/users/auth-refresh', { method: 'POST' });
					if (!refreshed) return;
					headers.Authorization = refreshed.token;
					tokens.set(email, refreshed.token);
					const list = await step(`${records}?page=1&perPage=200&skipTotal=1&fields=id,lesson,completed,changedAt`, { method: 'GET' });
					const mine = list?.items?.find((r) => r.lesson === lesson);
					if (!mine) return fail('steps', 'missing', `no record for ${lesson} of ${record.id} after opening it`);
					// Reading, then "mark as done".
					await sleep(random() * readingSeconds * 1000);
					const done = await step(`${records}/${mine.id}?fields=id,lesson,completed,changedAt`, { method: 'PATCH', body: JSON.stringify({ completed: true }) });
					if (done && done.completed !== true) fail('steps', 'not-done', JSON.stringify(done));
				}),
			);
			const count = (kind) => Object.entries(errors[kind]).filter(([k]) => !k.endsWith('example')).reduce((n, [, v]) => n + v, 0);
			return {
				lastArrivalSeconds: arrivals.at(-1) / 1000,
				lastLoginDoneSeconds: lastLogin / 1000,
				login: { ...summary(login), errors: count('login') },
				lessonSteps: { ...summary(steps), errors: count('steps') },
				errors: count('login') + count('steps') ? errors : undefined,
			};
		}

		const firstDay = await arrive(false, 0);
		const firstDayMemory = peakMemory();
		const returning = await arrive(true, 1);
		const completed = await admin.collection('lesson_progress').getList(1, 1, { filter: 'completed = true' });
		return {
			learners,
			windowSeconds,
			withLimiter,
			tokenDurationSeconds: tokenDuration,
			...firstDay,
			returning,
			lessonsDone: completed.totalItems,
			serverPeakMemory: firstDayMemory,
			serverPeakMemoryBefore: memoryBefore,
			serverPeakMemoryEnd: peakMemory(),
		};
	});
}
