// The trainer dashboard for a cohort of 300 learners, on a real PocketBase (127.0.0.1, free port,
// throw-away data directory). Returns median and worst response time over repeated requests.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { benchPassword as password, withBenchServer } from './server.mjs';

export async function measureDashboard(learners = 300) {
	const fixtures = path.join(projectRoot, 'tests/fixtures');
	return withBenchServer({ catalog: path.join(fixtures, 'catalog.json'), answerKeys: path.join(fixtures, 'answer-keys.json') }, async (server) => {
		const { admin } = server;
		const trainer = await admin.collection('users').create({ name: 'Trainer', email: 'trainer@bench.local', password, passwordConfirm: password, role: 'trainer' });
		const cohort = await admin.collection('cohorts').create({ name: 'Groot', owner: trainer.id, joinCode: 'BENCHABC', codeOpen: true });
		await admin.collection('assignments').create({ cohort: cohort.id, course: 'demo-cursus' });
		const batchSize = 50;
		for (let start = 0; start < learners; start += batchSize) {
			await Promise.all(
				Array.from({ length: Math.min(batchSize, learners - start) }, async (_, j) => {
					const i = start + j;
					const u = await admin.collection('users').create({ name: `Cursist ${i}`, email: `c${i}@bench.local`, password, passwordConfirm: password });
					await admin.collection('cohort_members').create({ cohort: cohort.id, user: u.id });
					// Times as the server records them (issue 17): opened and completed lessons, a submitted attempt
					// with its per-item results, a finished run.
					const at = (minutes) => new Date(Date.now() - minutes * 60000).toISOString();
					await admin.collection('lesson_progress').create({ user: u.id, lesson: 'demo-module/eerste-les', completed: true, openedAt: at(60), completedAt: at(50) });
					if (i % 2) await admin.collection('lesson_progress').create({ user: u.id, lesson: 'demo-module/tweede-les', completed: true, openedAt: at(49), completedAt: at(40) });
					const items = [{ id: 'een', options: ['a', 'b', 'c'] }, { id: 'twee', options: ['a', 'b', 'c'] }, { id: 'drie', options: ['a', 'b'] }];
					const results = [{ item: 'een', right: true }, { item: 'twee', right: false }, { item: 'drie', right: true }];
					await admin.collection('assessment_attempts').create({ user: u.id, assessment: 'demo-module', items, answers: { een: ['b'], twee: ['a'], drie: ['a'] }, results, correct: 2, total: 3, score: 66.7, passed: false, startedAt: at(30), submittedAt: at(25) });
					await admin.collection('scenario_runs').create({ user: u.id, scenario: 'demo-casus', seed: 'bench', choices: [{ node: 'keuze', option: i % 3 ? 'a' : 'b' }], ending: 'goed', outcome: 'good', startedAt: at(20), finishedAt: at(10) });
				}),
			);
		}
		const pb = new PocketBase(server.url);
		await pb.collection('users').authWithPassword('trainer@bench.local', password);
		const times = [];
		let size = 0;
		for (let r = 0; r < 12; r++) {
			const t0 = performance.now();
			const response = await fetch(`${server.url}/api/palliwijs/cohorts/${cohort.id}/dashboard`, { headers: { Authorization: pb.authStore.token } });
			const body = await response.text();
			times.push(performance.now() - t0);
			size = body.length;
			if (!response.ok) throw new Error(`dashboard answered ${response.status}`);
			if (r === 0 && JSON.parse(body).learners.length !== learners) throw new Error('dashboard does not list every learner');
		}
		times.shift(); // the first request warms the JS runtime
		times.sort((a, b) => a - b);
		return { learners, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1], bytes: size };
	});
}
