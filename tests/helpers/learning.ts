// What a learner does over HTTP, for the API tests: open and finish lessons, play cases, take tests.
import { readFileSync } from 'node:fs';
import type PocketBase from 'pocketbase';
import { fixtureKeys, type TestServer } from './server';
import { letMinutesPass } from './time';

export const keys = JSON.parse(readFileSync(fixtureKeys, 'utf8')) as Record<string, Record<string, { correct: string[]; explanation: string }>>;

export interface AttemptView {
	id: string;
	assessment: string;
	startedAt: string;
	items: { id: string; question: string; multiple: boolean; options: { id: string; text: string }[] }[];
}

export function api(server: TestServer) {
	const send = (pb: PocketBase | null, method: string, path: string, body?: unknown, raw?: string) =>
		fetch(`${server.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...(pb ? { Authorization: pb.authStore.token } : {}) },
			body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
		});
	const json = async (pb: PocketBase | null, method: string, path: string, body?: unknown) => {
		const response = await send(pb, method, path, body);
		return { status: response.status, headers: response.headers, body: response.status === 204 ? null : await response.json() };
	};
	return {
		send,
		json,
		startAttempt: (pb: PocketBase, assessment = 'demo-module') => json(pb, 'POST', `/api/palliwijs/assessments/${assessment}/attempts`),
		submit: (pb: PocketBase, attempt: string, answers: unknown, assessment = 'demo-module') => json(pb, 'POST', `/api/palliwijs/assessments/${assessment}/attempts/${attempt}`, { answers }),
		/** The right answers to the items of an attempt (from the fixture key). */
		rightAnswers: (attempt: AttemptView) => Object.fromEntries(attempt.items.map((i) => [i.id, keys[attempt.assessment]![i.id]!.correct])),
		/** Wrong answers: the first option that is not right. */
		wrongAnswers: (attempt: AttemptView) => Object.fromEntries(attempt.items.map((i) => [i.id, [i.options.find((o) => !keys[attempt.assessment]![i.id]!.correct.includes(o.id))!.id]])),
		open: (pb: PocketBase, lesson: string) => json(pb, 'POST', '/api/palliwijs/lessons/opened', { lesson }),
		startRun: (pb: PocketBase, scenario = 'demo-casus') => json(pb, 'POST', `/api/palliwijs/scenarios/${scenario}/runs`),
		finishRun: (pb: PocketBase, run: string, choices: unknown, scenario = 'demo-casus') => json(pb, 'POST', `/api/palliwijs/scenarios/${scenario}/runs/${run}`, { choices }),
		claim: (pb: PocketBase, course = 'demo-cursus') => json(pb, 'POST', `/api/palliwijs/certificates/${course}/claim`),
		/** Completes the demo course as an honest learner: reading each lesson and playing the case long enough, then passing the test. */
		async completeCourse(pb: PocketBase, user: string) {
			for (const [lesson, minutes] of [['demo-module/eerste-les', 6], ['demo-module/tweede-les', 4]] as const) {
				await this.open(pb, lesson);
				await letMinutesPass(server.admin, user, minutes);
				const [record] = await pb.collection('lesson_progress').getFullList({ filter: pb.filter('lesson = {:lesson}', { lesson }) });
				await pb.collection('lesson_progress').update(record!.id, { completed: true });
			}
			const run = await this.startRun(pb);
			await letMinutesPass(server.admin, user, 6);
			await this.finishRun(pb, run.body.run, [{ node: 'keuze', option: 'a' }]);
			const attempt = await this.startAttempt(pb);
			const result = await this.submit(pb, attempt.body.id, this.rightAnswers(attempt.body));
			if (!result.body.passed) throw new Error('the right answers did not pass');
		},
	};
}
