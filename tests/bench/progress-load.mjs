// PocketBase under load on 127.0.0.1 (free port, throw-away data directory, the real catalogue from
// dist/): 200 logged-in learners, each with its own token, save lesson progress the way the lesson
// page does (POST when a lesson is first marked done, PATCH when it is toggled later).
//   throughput: autocannon, one connection per learner, each writing again as soon as the previous
//               write is answered: the most writes per second the server takes (closed model);
//   latency:    200 learners writing at random moments, on average once a second each (open model,
//               200 writes/s; a real class writes about once per lesson, every few minutes);
// and the server's peak memory (VmHWM) over both runs.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { benchPassword as password, withBenchServer } from './server.mjs';
const base = '/api/collections/lesson_progress/records';

/** One learner working through the lessons: first saves new lessons, in between toggles saved ones. */
class Learner {
	constructor({ id, token }, lessons, offset) {
		Object.assign(this, { id, token, lessons, offset, created: 0, turn: 0, records: [] });
	}

	nextWrite() {
		const headers = { Authorization: this.token, 'Content-Type': 'application/json' };
		const turn = this.turn++;
		if (this.created < this.lessons.length && (turn % 2 === 0 || this.records.length === 0)) {
			const lesson = this.lessons[(this.created++ + this.offset) % this.lessons.length];
			return { method: 'POST', path: `${base}?fields=id`, headers, body: JSON.stringify({ user: this.id, lesson, completed: true }) };
		}
		const record = this.records[turn % this.records.length];
		record.completed = !record.completed;
		return { method: 'PATCH', path: `${base}/${record.id}?fields=id`, headers, body: JSON.stringify({ completed: record.completed }) };
	}

	saved(body) {
		const { id } = JSON.parse(body);
		if (id && !this.records.some((r) => r.id === id)) this.records.push({ id, completed: true });
	}
}

class Tally {
	times = [];
	failures = {};
	record(ms, status, body) {
		this.times.push(ms);
		if (status >= 300 || status === 0) this.failures[status] ??= String(body).slice(0, 160);
	}
	summary(seconds) {
		const t = [...this.times].sort((a, b) => a - b);
		const at = (q) => t[Math.min(t.length - 1, Math.floor(t.length * q))];
		const failed = Object.keys(this.failures).length ? this.failures : undefined;
		return { writes: t.length, writesPerSecond: t.length / seconds, p50ms: at(0.5), p95ms: at(0.95), maxMs: t.at(-1), failed };
	}
}

async function createLearners({ url, admin }, count, group, lessons) {
	const learners = [];
	for (let start = 0; start < count; start += 25) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(25, count - start) }, async (_, j) => {
				const email = `${group}-${start + j}@bench.local`;
				await admin.collection('users').create({ name: `Cursist ${start + j}`, email, password, passwordConfirm: password });
				const pb = new PocketBase(url);
				pb.autoCancellation(false);
				const auth = await pb.collection('users').authWithPassword(email, password);
				return new Learner({ id: auth.record.id, token: auth.token }, lessons, start + j);
			}),
		);
		learners.push(...batch);
	}
	return learners;
}

/** Closed model with autocannon: one connection per learner, no pause between writes. */
function maxThroughput(url, learners, seconds) {
	let next = 0;
	const tally = new Tally();
	// autocannon clears a connection's context each time it has gone through the list of requests,
	// so the list holds the same request many times: a learner stays with its connection all run.
	const request = {
		setupRequest(req, context) {
			context.learner ??= learners[next++ % learners.length];
			return { ...req, ...context.learner.nextWrite() };
		},
		onResponse(status, body, context) {
			if (status < 300) context.learner.saved(body);
		},
	};
	const instance = autocannon({ url, connections: learners.length, duration: seconds, timeout: 10, initialContext: {}, requests: Array(100_000).fill(request) });
	instance.on('response', (_client, status, _bytes, ms) => tally.record(ms, status, ''));
	return new Promise((resolve, reject) => {
		instance.on('done', (result) => resolve({ ...tally.summary(seconds), timeouts: result.timeouts, errors: result.errors }));
		instance.on('error', reject);
	});
}

/** Open model: every learner waits a random time (exponential, mean `meanGapMs`), then writes. */
async function pacedWrites(url, learners, seconds, meanGapMs = 1000) {
	const tally = new Tally();
	const end = performance.now() + seconds * 1000;
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
	await Promise.all(
		learners.map(async (learner) => {
			while (true) {
				await sleep(-Math.log(1 - Math.random()) * meanGapMs);
				if (performance.now() >= end) return;
				const { method, path: p, headers, body } = learner.nextWrite();
				const t0 = performance.now();
				let status = 0;
				let text = '';
				try {
					const response = await fetch(url + p, { method, headers, body });
					status = response.status;
					text = await response.text();
				} catch (err) {
					text = String(err);
				}
				tally.record(performance.now() - t0, status, text);
				if (status > 0 && status < 300) learner.saved(text);
			}
		}),
	);
	return tally.summary(seconds);
}

export async function measureProgressLoad({ learners = 200, seconds = 15 } = {}) {
	const catalog = path.join(projectRoot, 'dist/catalog.json');
	const lessons = JSON.parse(readFileSync(catalog, 'utf8')).steps.filter((s) => !s.startsWith('scenario/'));
	return withBenchServer({ catalog }, async (server) => {
		// Fresh learners for each run, so that every run starts with nothing saved.
		const paced = await pacedWrites(server.url, await createLearners(server, learners, 'paced', lessons), seconds);
		const throughput = await maxThroughput(server.url, await createLearners(server, learners, 'max', lessons), seconds);
		return { learners, seconds, paced, throughput, serverPeakMemory: server.peakMemory() };
	});
}
