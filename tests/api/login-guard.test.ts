// Issue 21, point 6: with a class behind one address allowed to log in together, what stops someone guessing
// one learner's password is a guard per account (pocketbase/pb_hooks/login-guard.pb.js): ten wrong passwords
// within fifteen minutes lock password log-ins for that address, also with the right password; other
// accounts behind the same address are not touched; a successful log-in clears the count.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

const { FAILURES_ALLOWED, LOCK_MS } = createRequire(import.meta.url)('../../pocketbase/pb_hooks/lib/login-guard.js') as { FAILURES_ALLOWED: number; LOCK_MS: number };

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

const logIn = (identity: string, password: string, collection = 'users') =>
	fetch(`${server.url}/api/collections/${collection}/auth-with-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity, password }) });

async function wrongPasswords(identity: string, count: number, collection = 'users') {
	for (let i = 0; i < count; i++) expect((await logIn(identity, `fout-wachtwoord-${i}`, collection)).status, `wrong password ${i + 1}`).toBe(400);
}

describe('the log-in guard per account', () => {
	it('locks an account after ten wrong passwords, also for the right one and whatever case the address is typed in', async () => {
		const victim = await server.learner('Geraden Wachtwoord');
		await wrongPasswords(victim.email, FAILURES_ALLOWED);
		for (const identity of [victim.email, victim.email.toUpperCase(), ` ${victim.email} `]) {
			const res = await logIn(identity, victim.password);
			expect(res.status, identity).toBe(429);
			const retryAfter = Number(res.headers.get('retry-after'));
			expect(retryAfter).toBeGreaterThan(LOCK_MS / 1000 - 60);
			expect(retryAfter).toBeLessThanOrEqual(LOCK_MS / 1000);
			const body = await res.json();
			expect(body.data.identity.code).toBe('login_locked');
			expect(JSON.stringify(body)).not.toContain(victim.password);
		}
	});

	it('leaves other accounts behind the same address alone', async () => {
		const victim = await server.learner('Nog Een Doelwit');
		const classmate = await server.learner('Gewone Klasgenoot');
		await wrongPasswords(victim.email, FAILURES_ALLOWED);
		expect((await logIn(victim.email, victim.password)).status).toBe(429);
		expect((await logIn(classmate.email, classmate.password)).status).toBe(200);
	});

	it('does not lock after nine wrong passwords, and a successful log-in starts the count again', async () => {
		const learner = await server.learner('Vergeetachtige Typist');
		await wrongPasswords(learner.email, FAILURES_ALLOWED - 1);
		expect((await logIn(learner.email, learner.password)).status).toBe(200);
		await wrongPasswords(learner.email, FAILURES_ALLOWED - 1);
		expect((await logIn(learner.email, learner.password)).status).toBe(200);
	});

	it('answers an address without an account exactly as one with an account, locked included', async () => {
		const unknown = `niemand-${Date.now()}@test.local`;
		await wrongPasswords(unknown, FAILURES_ALLOWED);
		const res = await logIn(unknown, 'een-goed-wachtwoord');
		expect(res.status).toBe(429);
		expect((await res.json()).data.identity.code).toBe('login_locked');
	});

	it('guards the dashboard superusers too', async () => {
		const address = `beheer-${Date.now()}@test.local`;
		await server.admin.collection('_superusers').create({ email: address, password: 'een-lang-beheerwachtwoord', passwordConfirm: 'een-lang-beheerwachtwoord' });
		await wrongPasswords(address, FAILURES_ALLOWED, '_superusers');
		expect((await logIn(address, 'een-lang-beheerwachtwoord', '_superusers')).status).toBe(429);
	});
});
