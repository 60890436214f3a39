// Issue 18, points 8 and 10: members never see the join code, a trainer removes a member and can block
// rejoining, a renewed code replaces the old one for everyone; unknown ids are 404 with a message.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/learning';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server?.stop());

type Client = { authStore: { token: string } };
const call = (pb: Client | null, method: string, path: string, body?: unknown) => api(server).send(pb as PocketBase | null, method, path, body);

async function trainer() {
	const t = await server.learner('Trainer Tine');
	await server.admin.collection('users').update(t.id, { role: 'trainer' });
	await t.pb.collection('users').authRefresh();
	return t;
}
async function dashboard(t: Client, id: string) {
	const res = await call(t, 'GET', `/api/palliwijs/cohorts/${id}/dashboard`);
	expect(res.status).toBe(200);
	return res.json();
}
const join = (pb: Client, code: string) => call(pb, 'POST', '/api/palliwijs/cohorts/join', { code });

describe('join codes', () => {
	it('are never readable by members, not even through a filter, also right after a renewal', async () => {
		const t = await trainer();
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Code', owner: t.id });
		const code: string = (await dashboard(t.pb, cohort.id)).cohort.joinCode;
		const member = await server.learner();
		expect((await join(member.pb, code)).status).toBe(200);
		await t.pb.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' });
		const renewed: string = (await (await call(t.pb, 'POST', `/api/palliwijs/cohorts/${cohort.id}/code`, { renew: true })).json()).joinCode;
		for (const secret of [code, renewed]) {
			const seen = JSON.stringify([
				await member.pb.collection('cohorts').getOne(cohort.id),
				await member.pb.collection('cohorts').getFullList(),
				await member.pb.collection('assignments').getFullList({ expand: 'cohort' }),
				await member.pb.collection('cohort_members').getFullList({ expand: 'cohort' }),
			]);
			expect(seen).toContain('Groep Code');
			expect(seen).not.toContain(secret);
		}
		// Guessing letter by letter through a filter finds nothing.
		for (const filter of [`joinCode ~ "${renewed[0]}%"`, `cohort.joinCode ~ "${renewed[0]}%"`]) {
			const cohorts = await member.pb.collection('cohorts').getList(1, 10, { filter }).catch((e) => e);
			const assignments = await member.pb.collection('assignments').getList(1, 10, { filter }).catch((e) => e);
			for (const result of [cohorts, assignments]) expect(result.status === 400 || result.items?.length === 0, filter).toBe(true);
		}
		for (const m of ['getFullList', 'getFirstListItem'] as const) {
			const res = await (m === 'getFullList' ? member.pb.collection('cohort_codes').getFullList() : member.pb.collection('cohort_codes').getFirstListItem('')).catch((e) => e);
			expect(JSON.stringify(res)).not.toContain(renewed);
		}
		expect((await member.pb.collection('cohort_codes').getFullList().catch((e) => e)).status).toBe(403);
	});

	it('once renewed, the old code no longer works for anyone', async () => {
		const t = await trainer();
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Vernieuwd', owner: t.id });
		const old: string = (await dashboard(t.pb, cohort.id)).cohort.joinCode;
		const renewed = await (await call(t.pb, 'POST', `/api/palliwijs/cohorts/${cohort.id}/code`, { renew: true })).json();
		expect(renewed.joinCode).not.toBe(old);
		const newcomer = await server.learner();
		const refused = await join(newcomer.pb, old);
		expect(refused.status).toBe(400);
		expect((await refused.json()).data.code.code).toBe('code_unknown');
		expect((await join(newcomer.pb, renewed.joinCode)).status).toBe(200);
	});
});

describe('a trainer', () => {
	it('removes a member, who can rejoin unless blocked; a blocked learner stays out until unblocked', async () => {
		const t = await trainer();
		const cohort = await t.pb.collection('cohorts').create({ name: 'Groep Weg', owner: t.id });
		const code: string = (await dashboard(t.pb, cohort.id)).cohort.joinCode;
		const l = await server.learner('Lotte Weg');
		expect((await join(l.pb, code)).status).toBe(200);
		const remove = (user: string, block: boolean, who: Client = t.pb) => call(who, 'POST', `/api/palliwijs/cohorts/${cohort.id}/members/${user}/remove`, { block });

		// Only the owner removes: another trainer or the learner get 404.
		const other = await trainer();
		expect((await remove(l.id, true, other.pb)).status).toBe(404);
		expect((await remove(l.id, true, l.pb)).status).toBe(404);

		expect((await remove(l.id, false)).status).toBe(200);
		expect((await dashboard(t.pb, cohort.id)).learners).toEqual([]);
		expect((await join(l.pb, code)).status).toBe(200);
		expect((await dashboard(t.pb, cohort.id)).learners.map((x: { name: string }) => x.name)).toEqual(['Lotte Weg']);

		expect((await remove(l.id, true)).status).toBe(200);
		const data = await dashboard(t.pb, cohort.id);
		expect(data.learners).toEqual([]);
		expect(data.blocked).toEqual([{ id: l.id, name: 'Lotte Weg' }]);
		expect((await l.pb.collection('cohorts').getList()).items).toEqual([]);
		const again = await join(l.pb, code);
		expect(again.status).toBe(403);
		expect((await again.json()).data.code.code).toBe('code_blocked');
		// Not with a renewed code either.
		const renewed = (await (await call(t.pb, 'POST', `/api/palliwijs/cohorts/${cohort.id}/code`, { renew: true })).json()).joinCode;
		expect((await join(l.pb, renewed)).status).toBe(403);
		// Removing someone who is not a member is a 404 with a message.
		const missing = await remove(l.id, true);
		expect(missing.status).toBe(404);
		expect((await missing.json()).message).toMatch(/not a member/);

		expect((await call(t.pb, 'DELETE', `/api/palliwijs/cohorts/${cohort.id}/blocks/${l.id}`)).status).toBe(204);
		expect((await join(l.pb, renewed)).status).toBe(200);
	});
});

describe('unknown ids', () => {
	it('are 404 with a message in every cohort route, also ids like constructor, toString and __proto__', async () => {
		const t = await trainer();
		const l = await server.learner();
		for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'zzzzzzzzzzzzzzz', 'valueOf']) {
			for (const [method, path, body] of [
				['GET', `/api/palliwijs/cohorts/${id}/dashboard`, undefined],
				['POST', `/api/palliwijs/cohorts/${id}/code`, { renew: true }],
				['POST', `/api/palliwijs/cohorts/${id}/members/${l.id}/remove`, { block: true }],
				['DELETE', `/api/palliwijs/cohorts/${id}/blocks/${l.id}`, undefined],
				['POST', `/api/palliwijs/assessments/${id}/attempts`, {}],
				['POST', `/api/palliwijs/assessments/${id}/attempts/${id}`, { answers: {} }],
				['POST', `/api/palliwijs/scenarios/${id}/runs`, {}],
				['POST', `/api/palliwijs/scenarios/${id}/runs/${id}`, { choices: [] }],
				['POST', `/api/palliwijs/certificates/${id}/claim`, {}],
			] as const) {
				const res = await call(path.includes('/cohorts/') ? t.pb : l.pb, method, path, body);
				expect(res.status, `${method} ${path}`).toBe(404);
				expect((await res.json()).message, `${method} ${path}`).toMatch(/^(Unknown|This learner)/);
			}
		}
	});
});
