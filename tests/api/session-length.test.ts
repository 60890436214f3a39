// A learner's session lasts 14 days and every lesson page renews it (migration 1795400606_users_session_length.js;
// issue 21: a class that returns within two weeks needs no password log-in, the server's most expensive call).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

const expiry = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;
const days = (ms: number) => ms / 86_400_000;

describe('learner sessions', () => {
	it('last 14 days from a log-in and again from each renewal', async () => {
		const { pb } = await server.learner();
		const loggedIn = Date.now();
		expect(days(expiry(pb.authStore.token) - loggedIn)).toBeCloseTo(14, 2);
		const renewed = await fetch(`${server.url}/api/collections/users/auth-refresh`, { method: 'POST', headers: { Authorization: pb.authStore.token } });
		expect(renewed.status).toBe(200);
		const { token } = (await renewed.json()) as { token: string };
		expect(days(expiry(token) - Date.now())).toBeCloseTo(14, 2);
	});

	it('end at once when the password changes', async () => {
		const { pb, id, password } = await server.learner();
		const old = pb.authStore.token;
		await server.admin.collection('users').update(id, { password: 'een-nieuw-wachtwoord', passwordConfirm: 'een-nieuw-wachtwoord', oldPassword: password });
		const refused = await fetch(`${server.url}/api/collections/users/auth-refresh`, { method: 'POST', headers: { Authorization: old } });
		expect(refused.status).toBe(401);
	});
});
