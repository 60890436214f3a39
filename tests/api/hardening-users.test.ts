// Issue 18, points 7, 9 and 10 for accounts: e-mail addresses are case-insensitive, names are clean and
// cannot be emptied later, a password over 72 bytes gets a clear field error, the avatar field is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

const password = 'een-goed-wachtwoord';
const signUp = (body: Record<string, unknown>) =>
	fetch(`${server.url}/api/collections/users/records`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password, passwordConfirm: password, name: 'Iemand', ...body }) });
const logIn = (identity: string, pw = password) =>
	fetch(`${server.url}/api/collections/users/auth-with-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity, password: pw }) });
let n = 0;
const address = (local = 'student') => `${local}${++n}-${Date.now()}@palliwijs.test`;

describe('e-mail addresses', () => {
	it('are stored lower-case, unique regardless of case, and work for log-in in any case', async () => {
		const email = address();
		const res = await signUp({ email: `  ${email[0]!.toUpperCase()}${email.slice(1)} ` });
		expect(res.status).toBe(200);
		const created = await server.admin.collection('users').getOne((await res.json()).id);
		expect(created.email).toBe(email);
		for (const variant of [email.toUpperCase(), `${email[0]!.toUpperCase()}${email.slice(1)}`, email]) {
			const again = await signUp({ email: variant });
			expect(again.status, variant).toBe(400);
			expect((await again.json()).data.email.code).toBe('validation_not_unique');
		}
		for (const variant of [email, email.toUpperCase(), ` ${email[0]!.toUpperCase()}${email.slice(1)}`]) expect((await logIn(variant)).status, variant).toBe(200);
		expect((await logIn(email.toUpperCase(), 'verkeerd-wachtwoord')).status).toBe(400);
		expect((await server.admin.collection('users').getFullList({ filter: `email ~ "${email.split('@')[0]}"` })).length).toBe(1);
	});

	it('are unique regardless of case in the database too (an administrator cannot add a second one)', async () => {
		const email = address();
		expect((await signUp({ email })).status).toBe(200);
		await expect(server.admin.collection('users').create({ email: email.toUpperCase(), password, passwordConfirm: password, name: 'Dubbel' })).rejects.toMatchObject({ status: 400 });
	});
});

describe('names', () => {
	it('refuse invisible, control-character and over-long names on sign-up, naming the field', async () => {
		const cases: [string, string][] = [
			['\u200b\u200b\u200b', 'name_required'],
			['\u200b \u2060\ufeff', 'name_required'],
			['   ', 'name_required'],
			['An\u0000Peeters', 'name_invalid'],
			['An\u0007Peeters', 'name_invalid'],
			['\u202eAn Peeters', 'name_invalid'],
			['=1+1', 'name_invalid'],
			['x'.repeat(121), 'name_too_long'],
		];
		for (const [name, code] of cases) {
			const res = await signUp({ email: address(), name });
			expect(res.status, JSON.stringify(name)).toBe(400);
			expect((await res.json()).data.name.code, JSON.stringify(name)).toBe(code);
		}
	});

	it('are stored in NFC with single spaces', async () => {
		const res = await signUp({ email: address(), name: '  Zoe\u0308   Van  Damme ' });
		expect(res.status).toBe(200);
		expect((await res.json()).name).toBe('Zoë Van Damme');
	});

	it('cannot be emptied or made invisible after sign-up', async () => {
		const l = await server.learner('Lies Peeters');
		for (const name of ['', '\u200b', 'Lies\u0000', ' ']) {
			const err = await l.pb.collection('users').update(l.id, { name }).catch((e) => e);
			expect(err.status, JSON.stringify(name)).toBe(400);
			expect(Object.keys(err.response.data)).toEqual(['name']);
		}
		expect((await l.pb.collection('users').update(l.id, { name: ' Lies  Janssens ' })).name).toBe('Lies Janssens');
		expect((await l.pb.collection('users').update(l.id, { locale: 'en' })).name).toBe('Lies Janssens');
	});
});

describe('passwords', () => {
	it('over 72 bytes or 71 characters are refused with a field error, not a bare failure', async () => {
		const long = 'é'.repeat(37); // 37 characters, 74 bytes
		const res = await fetch(`${server.url}/api/collections/users/records`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: address(), name: 'Lang Wachtwoord', password: long, passwordConfirm: long }) });
		expect(res.status).toBe(400);
		expect((await res.json()).data.password.code).toBe('password_too_long');
		const tooMany = 'a'.repeat(72); // 72 bytes, but PocketBase allows 71 characters
		const many = await fetch(`${server.url}/api/collections/users/records`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: address(), name: 'Lang Wachtwoord', password: tooMany, passwordConfirm: tooMany }) });
		expect((await many.json()).data.password.code).toBe('password_too_long');
		const ok = 'a'.repeat(71);
		expect((await fetch(`${server.url}/api/collections/users/records`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: address(), name: 'Net Goed', password: ok, passwordConfirm: ok }) })).status).toBe(200);
	});
});

describe('the users collection', () => {
	it('has no avatar field (no public file storage per learner)', async () => {
		const users = await server.admin.collections.getOne('users');
		expect(users.fields.map((f: { name: string }) => f.name)).not.toContain('avatar');
		expect(users.fields.filter((f: { type: string }) => f.type === 'file')).toEqual([]);
	});
});
