import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { xapiProblems } from '../helpers/xapi';

// lib/xapi.js is the hooks' pure statement builder (CommonJS, as PocketBase's JS runtime loads it).
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const X = require('../../pocketbase/pb_hooks/lib/xapi.js') as any;
const catalog = JSON.parse(readFileSync(new URL('../fixtures/catalog.json', import.meta.url), 'utf8'));
const site = 'https://leren.example.be';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// PocketBase's $security.md5 is MD5 of a text's UTF-8, as hex; this is the same in Node.
const md5Hex = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('statement ids', () => {
	it('are RFC 4122 version 3 UUIDs: MD5 of the namespace’s bytes and the name’s UTF-8, version and variant bits set', () => {
		const rfc = (name: string, namespace: string = X.NAMESPACE) => {
			const hash = createHash('md5').update(Buffer.concat([Buffer.from(namespace.replace(/-/g, ''), 'hex'), Buffer.from(name, 'utf8')])).digest();
			hash[6] = (hash[6]! & 0x0f) | 0x30;
			hash[8] = (hash[8]! & 0x3f) | 0x80;
			const h = hash.toString('hex');
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
		};
		// (the RFC's own example, so this reference computation is right: www.example.com in the DNS namespace)
		expect(rfc('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('5df41881-3aed-3515-88a7-2f4a814cf09e');
		for (const name of ['', 'https://leren.example.be|lesson-completed|abc|2026-12-07T08:00:00.000Z', 'Şükrü Yılmaz-Łukasiewicz 🙂', randomBytes(40).toString('hex')]) {
			expect(X.uuidV3(name, md5Hex)).toBe(rfc(name));
			expect(X.uuidV3(name, md5Hex)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		}
		expect(X.uuidV3('a', md5Hex)).not.toBe(X.uuidV3('b', md5Hex));
	});
});

describe('Base64 for the LRS’s Basic authentication', () => {
	it('equals Node’s', () => {
		for (const text of ['', 'a', 'ab', 'abc', 'user:pässwörd', randomBytes(20).toString('hex')]) expect(X.base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
	});
});

describe('statements', () => {
	// Every statement a test here builds is also checked by Learning Locker's validator.
	const built: unknown[] = [];
	const raw = X.statementBuilders(catalog, site, md5Hex);
	const b = Object.fromEntries(
		Object.entries(raw).map(([name, fn]) => [name, typeof fn === 'function' ? (...args: unknown[]) => { const out = (fn as (...a: unknown[]) => unknown[])(...args); built.push(...out); return out; } : fn]),
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	) as any;
	afterEach(() => {
		for (const s of built.splice(0)) expect(xapiProblems(s)).toEqual([]);
	});
	it('the validator is not blind: it refuses a broken statement', () => {
		const [s] = raw.lessonCompleted({ actor: X.agent(site, 'x'), idPrefix: '', asGroup: false }, { id: 'p', lesson: 'demo-module/eerste-les', completed: true, completedAt: '2026-12-07 08:00:00Z' });
		expect(xapiProblems(s)).toEqual([]);
		expect(xapiProblems({ ...s, id: 'not-a-uuid' })).not.toEqual([]);
		expect(xapiProblems({ ...s, verb: { id: 'completed' } })).not.toEqual([]);
		expect(xapiProblems({ ...s, result: { score: { scaled: 2 } } })).not.toEqual([]);
	});
	const who = { actor: X.agent(site, 'abc123'), idPrefix: '', asGroup: false };

	it('a completed lesson: ADL completed, the lesson page as activity, module as parent, course as grouping, stable id', () => {
		const [s] = b.lessonCompleted(who, { id: 'p1', lesson: 'demo-module/eerste-les', completed: true, completedAt: '2026-12-07 08:00:00.000Z' });
		expect(s.id).toMatch(UUID);
		expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
		expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: site, name: 'abc123' } });
		expect(s.object.id).toBe(`${site}/modules/demo-module/eerste-les/`);
		expect(s.object.definition.name).toEqual({ 'nl-BE': 'Eerste les', 'en-US': 'First lesson' });
		expect(s.context.contextActivities.parent[0].id).toBe(`${site}/modules/demo-module/`);
		expect(s.context.contextActivities.grouping[0].id).toBe(`${site}/cursussen/demo-cursus/`);
		expect(s.timestamp).toBe('2026-12-07T08:00:00.000Z');
		const [again] = b.lessonCompleted(who, { id: 'p1', lesson: 'demo-module/eerste-les', completed: true, completedAt: '2026-12-07 08:00:00.000Z' });
		expect(again.id).toBe(s.id);
		// the same completion with its time moved (a superuser's correction) stays the same statement; a new completion is a new one
		const progress = { id: 'p1', lesson: 'demo-module/eerste-les', completed: true, completedAt: '2026-12-07 08:00:00.000Z', changedAt: '2026-12-07 08:00:00.000Z' };
		const [first] = b.lessonCompleted(who, progress);
		expect(b.lessonCompleted(who, { ...progress, completedAt: '2026-12-07 07:50:00.000Z' })[0].id).toBe(first.id);
		expect(b.lessonCompleted(who, { ...progress, completedAt: '2026-12-08 08:00:00.000Z', changedAt: '2026-12-08 08:00:00.000Z' })[0].id).not.toBe(first.id);
	});
	it('no statement for a lesson not done, a case’s progress entry or an unknown lesson', () => {
		expect(b.lessonCompleted(who, { id: 'p', lesson: 'demo-module/eerste-les', completed: false, completedAt: '' })).toEqual([]);
		expect(b.lessonCompleted(who, { id: 'p', lesson: 'scenario/demo-casus', completed: true, completedAt: '2026-12-07 08:00:00Z' })).toEqual([]);
		expect(b.lessonCompleted(who, { id: 'p', lesson: 'weg/les', completed: true, completedAt: '2026-12-07 08:00:00Z' })).toEqual([]);
	});
	it('an attempt: one answered per item with response and success, passed with the score', () => {
		const attempt = {
			id: 'a1', assessment: 'demo-module', items: [{ id: 'een', options: ['a', 'b', 'c'] }, { id: 'twee', options: ['a', 'b', 'c'] }],
			answers: { een: ['b'], twee: ['a', 'c'] }, results: [{ item: 'een', right: true }, { item: 'twee', right: false }],
			correct: 1, total: 2, score: 50, passed: true, startedAt: '2026-12-07 08:00:00.000Z', submittedAt: '2026-12-07 08:05:00.000Z',
		};
		const bank = { items: [{ id: 'een', question: 'Vraag een?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }] };
		const out = b.attemptStatements(who, attempt, bank);
		expect(out.map((s: { verb: { id: string } }) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/answered', 'http://adlnet.gov/expapi/verbs/answered', 'http://adlnet.gov/expapi/verbs/passed']);
		expect(out[0].object.id).toBe(`${site}/modules/demo-module/toets/#een`);
		expect(out[0].object.definition.interactionType).toBe('choice');
		expect(out[0].object.definition.description).toEqual({ 'nl-BE': 'Vraag een?' });
		expect(out[0].result).toEqual({ success: true, response: 'b' });
		expect(out[1].result).toEqual({ success: false, response: 'a[,]c' });
		expect(out[2].result.score).toEqual({ scaled: 0.5, raw: 1, min: 0, max: 2 });
		expect(out[2].result.duration).toBe('PT300S');
		expect(out[2].context.registration).toBe(out[0].context.registration);
		expect(new Set(out.map((s: { id: string }) => s.id)).size).toBe(3);
		expect(b.attemptStatements(who, { ...attempt, passed: false }, bank).map((s: { verb: { id: string } }) => s.verb.id)).not.toContain('http://adlnet.gov/expapi/verbs/passed');
		expect(b.attemptStatements(who, { ...attempt, submittedAt: '' }, bank)).toEqual([]);
	});
	it('a run: one responded per decision with the option, completed with ending and outcome', () => {
		const run = { id: 'r1', scenario: 'demo-casus', choices: [{ node: 'keuze', option: 'a' }], ending: 'goed', outcome: 'good', startedAt: '2026-12-07T08:00:00Z', finishedAt: '2026-12-07T08:10:00Z' };
		const [decision, completed] = b.runStatements(who, run);
		expect(decision.verb.id).toBe('http://adlnet.gov/expapi/verbs/responded');
		expect(decision.object.id).toBe(`${site}/casussen/demo-casus/#keuze`);
		expect(decision.object.definition.name).toEqual({ 'nl-BE': 'Wat doe je?', 'en-US': 'What do you do?' });
		expect(decision.object.definition.choices).toEqual([{ id: 'a', description: { 'nl-BE': 'Luisteren', 'en-US': 'Listen' } }, { id: 'b', description: { 'nl-BE': 'Praten', 'en-US': 'Talk' } }]);
		expect(decision.result).toEqual({ response: 'a' });
		expect(completed.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
		expect(completed.result.extensions[`${site}/xapi/extensions/outcome`]).toBe('good');
		expect(completed.result.duration).toBe('PT600S');
	});
	it('a certificate: earned, without the verification code', () => {
		const [s] = b.certificateIssued(who, { id: 'c1', course: 'demo-cursus', issued: '2026-12-07 09:00:00.000Z', studyHours: 1.5 });
		expect(s.verb.id).toBe('http://id.tincanapi.com/verb/earned');
		expect(s.object.id).toBe(`${site}/cursussen/demo-cursus/#certificaat`);
		expect(s.object.definition.name).toEqual({ 'nl-BE': 'Certificaat: Democursus', 'en-US': 'Certificate: Demo course' });
	});
	it('a group’s statement: another id than the learner’s, the day only, no registration', () => {
		const run = { id: 'r1', scenario: 'demo-casus', choices: [{ node: 'keuze', option: 'b' }], ending: 'slecht', outcome: 'poor', startedAt: '2026-12-07T08:00:00Z', finishedAt: '2026-12-07T08:10:00Z' };
		const groupWho = { actor: X.group(site, 'g1'), idPrefix: 'cohort|c1|', asGroup: true };
		const [mine] = b.runStatements(who, run, { onlyDecisions: true });
		const [theirs] = b.runStatements(groupWho, run, { onlyDecisions: true });
		expect(theirs.id).not.toBe(mine.id);
		expect(theirs.actor.objectType).toBe('Group');
		expect(theirs.timestamp).toBe('2026-12-07T00:00:00.000Z');
		expect(theirs.context.registration).toBeUndefined();
	});
});

describe('the learning record store', () => {
	const env = (vars: Record<string, string>) => (name: string) => vars[name] ?? '';
	it('is off without an endpoint, and refuses credentials without one', () => {
		expect(X.lrsSettings(env({}))).toBeNull();
		expect(() => X.lrsSettings(env({ PW_LRS_USERNAME: 'u' }))).toThrow(/PW_LRS_ENDPOINT is missing/);
	});
	it('reads the endpoint, credentials and tick, and names a bad value', () => {
		expect(X.lrsSettings(env({ PW_LRS_ENDPOINT: 'https://lrs.example.be/xapi/', PW_LRS_USERNAME: 'key', PW_LRS_PASSWORD: 'secret' }))).toEqual({
			statementsUrl: 'https://lrs.example.be/xapi/statements', username: 'key', password: 'secret', tickSeconds: 60,
		});
		expect(() => X.lrsSettings(env({ PW_LRS_ENDPOINT: 'lrs.example.be' }))).toThrow(/PW_LRS_ENDPOINT must be/);
		expect(() => X.lrsSettings(env({ PW_LRS_ENDPOINT: 'https://lrs.example.be', PW_TEST_CRON_TICK_SECONDS: '0' }))).toThrow(/PW_TEST_CRON_TICK_SECONDS/);
		expect(X.lrsHeaders({ username: 'key', password: 'secret' })).toEqual({ 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` });
	});
	it('takes 2xx and a known id (409 for one) as sent, retries an unavailable LRS, splits a refused batch', () => {
		expect(X.lrsOutcome(200, 5)).toBe('sent');
		expect(X.lrsOutcome(204, 1)).toBe('sent');
		expect(X.lrsOutcome(409, 1)).toBe('sent');
		expect(X.lrsOutcome(409, 3)).toBe('split');
		expect(X.lrsOutcome(400, 3)).toBe('split');
		expect(X.lrsOutcome(400, 1)).toBe('refused');
		for (const status of [0, 401, 403, 404, 429, 500, 503]) expect(X.lrsOutcome(status, 3)).toBe('retry');
	});
	it('backs off doubling from one tick to 64 ticks', () => {
		expect([1, 2, 3, 7, 8, 20].map((n) => X.nextAttemptDelayMs(n, 60) / 60000)).toEqual([1, 2, 4, 64, 64, 64]);
	});
});
