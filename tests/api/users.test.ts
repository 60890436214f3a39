// Account rules, tested as an attacker would: over HTTP against a real PocketBase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

describe('users', () => {
	it('makes every new account a learner with locale nl', async () => {
		const { pb, id } = await server.learner('An');
		const me = await pb.collection('users').getOne(id);
		expect(me.role).toBe('learner');
		expect(me.locale).toBe('nl');
	});

	it('refuses a sign-up that asks for the trainer or admin role', async () => {
		for (const role of ['trainer', 'admin']) {
			const attempt = server.client().collection('users').create({ name: 'Eve', email: `eve-${role}@test.local`, password: 'een-goed-wachtwoord', passwordConfirm: 'een-goed-wachtwoord', role });
			await expect(attempt).rejects.toMatchObject({ status: 400 });
		}
		const found = await server.admin.collection('users').getList(1, 10, { filter: 'email ~ "eve-"' });
		expect(found.totalItems).toBe(0);
	});

	it('never lets a learner change their own role', async () => {
		const { pb, id } = await server.learner();
		await expect(pb.collection('users').update(id, { role: 'trainer' })).rejects.toMatchObject({ status: 404 });
		expect((await server.admin.collection('users').getOne(id)).role).toBe('learner');
		// but the name and language are theirs to change
		const updated = await pb.collection('users').update(id, { name: 'Nieuwe Naam', locale: 'en' });
		expect(updated.name).toBe('Nieuwe Naam');
	});

	it('hides other users entirely', async () => {
		const a = await server.learner();
		const b = await server.learner();
		await expect(a.pb.collection('users').getOne(b.id)).rejects.toMatchObject({ status: 404 });
		const list = await a.pb.collection('users').getFullList();
		expect(list.map((u) => u.id)).toEqual([a.id]);
		expect((await server.client().collection('users').getList()).totalItems).toBe(0);
	});

	it('needs a name and a password of at least 10 characters', async () => {
		const users = server.client().collection('users');
		await expect(users.create({ name: '', email: 'noname@test.local', password: 'een-goed-wachtwoord', passwordConfirm: 'een-goed-wachtwoord' })).rejects.toMatchObject({ status: 400 });
		await expect(users.create({ name: 'Kort', email: 'short@test.local', password: 'kort12345', passwordConfirm: 'kort12345' })).rejects.toMatchObject({
			status: 400,
			response: { data: { password: expect.anything() } },
		});
	});
});
