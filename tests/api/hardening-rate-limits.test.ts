// Issue 18, point 6: PocketBase's own rate limiter is on, with rules for sign-up, log-in, password reset,
// joining a cohort, test attempts, certificate claims and verification; over the limit the answer is 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { startTestServer, type TestServer } from '../helpers/server';

const { LOGINS_PER_ADDRESS } = createRequire(import.meta.url)('../../pocketbase/pb_hooks/lib/rate-limits.js') as { LOGINS_PER_ADDRESS: number };

let server: TestServer;
// The learners the tests need are made first: the sign-up budget of this address is used up below.
let learners: Awaited<ReturnType<TestServer['learner']>>[] = [];
beforeAll(async () => {
	server = await startTestServer({ rateLimits: true });
	learners = [await server.learner('Slot Gevallen'), await server.learner('Raadt Codes'), await server.learner('Probeert Veel')];
});
afterAll(() => server?.stop());

const request = (method: string, path: string, body?: unknown, token?: string) =>
	fetch(`${server.url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });

/** Sends the request until the server answers 429; returns how many got through before that. */
async function throughBefore429(send: (i: number) => Promise<Response>, limit: number) {
	for (let i = 0; i <= limit + 5; i++) {
		const res = await send(i);
		if (res.status === 429) {
			expect((await res.json()).message).toMatch(/too many requests/i);
			return i;
		}
	}
	return Infinity;
}

let n = 0;
const email = () => `snel${++n}-${Date.now()}@test.local`;
const password = 'een-goed-wachtwoord';

describe('rate limits', () => {
	it('are switched on with a rule of 60 seconds for every sensitive route', async () => {
		const { rateLimits } = await server.admin.settings.getAll();
		expect(rateLimits.enabled).toBe(true);
		const labels = Object.fromEntries(rateLimits.rules.map((r: { label: string; duration: number; maxRequests: number }) => [r.label, r]));
		expect(LOGINS_PER_ADDRESS).toBeGreaterThanOrEqual(300);
		for (const label of ['users:create', '*:authWithPassword', '*:requestPasswordReset', 'POST /api/palliwijs/cohorts/join', 'POST /api/palliwijs/assessments/', 'POST /api/palliwijs/certificates/', '/api/palliwijs/verify/', 'POST /api/palliwijs/open-badges/']) {
			expect(labels[label], label).toBeTruthy();
			expect(labels[label].duration, label).toBe(60);
		}
	});

	it('stop sign-ups after 20 a minute from one address (three were made before)', async () => {
		expect(await throughBefore429(() => request('POST', '/api/collections/users/records', { email: email(), password, passwordConfirm: password, name: 'Snelle Jan' }), 20)).toBe(20 - learners.length);
	});

	it('let a class behind one school address log in: 600 log-ins a minute (three were made before), then 429', async () => {
		// Without a password: PocketBase refuses the form before any bcrypt (it even runs one for an unknown
		// address), so the count is quick, and the limiter counts these as log-ins all the same.
		expect(await throughBefore429((i) => request('POST', '/api/collections/users/auth-with-password', { identity: `klas-${i}@test.local`, password: '' }), LOGINS_PER_ADDRESS)).toBe(LOGINS_PER_ADDRESS - learners.length);
	}, 60_000);
	it('stop password-reset requests after 5 a minute', async () => {
		expect(await throughBefore429(() => request('POST', '/api/collections/users/request-password-reset', { email: 'niemand@test.local' }), 5)).toBe(5);
	});

	it('stop join-code guessing after 10 tries a minute', async () => {
		const l = learners[1]!;
		expect(await throughBefore429((i) => request('POST', '/api/palliwijs/cohorts/join', { code: `ZZZZZZ${'ABCDEFGHJKLMNPQ'[i % 15]}${'ABCDEFGH'[i % 8]}` }, l.pb.authStore.token), 10)).toBe(10);
	});

	it('stop test attempts, certificate claims and verifications at their limits', async () => {
		const l = learners[2]!;
		const token = l.pb.authStore.token;
		expect(await throughBefore429(() => request('POST', '/api/palliwijs/assessments/onbekend/attempts', { answers: {} }, token), 20)).toBe(20);
		expect(await throughBefore429(() => request('POST', '/api/palliwijs/certificates/onbekend/claim', {}, token), 10)).toBe(10);
		expect(await throughBefore429(() => request('GET', '/api/palliwijs/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa'), 30)).toBe(30);
		expect(await throughBefore429(() => request('POST', '/api/palliwijs/open-badges/verify', { type: ['VerifiableCredential'] }), 30)).toBe(30);
	});
});
