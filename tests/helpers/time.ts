// "Let N minutes pass for this learner": moves every time the server recorded for the learner back by N
// minutes (lesson openings and completions, case runs, test attempts), as if the learner had spent those
// minutes. Needs a superuser client: learners can never write these times. Usable from vitest and Playwright.
import type PocketBase from 'pocketbase';

const timeFields = {
	lesson_progress: ['openedAt', 'completedAt'],
	scenario_runs: ['startedAt', 'finishedAt'],
	assessment_attempts: ['startedAt', 'submittedAt'],
} as const;

const earlier = (value: string, minutes: number) => new Date(new Date(value.replace(' ', 'T')).getTime() - minutes * 60000).toISOString().replace('T', ' ');

export async function letMinutesPass(admin: PocketBase, user: string, minutes: number): Promise<void> {
	for (const [collection, fields] of Object.entries(timeFields)) {
		const records = await admin.collection(collection).getFullList({ filter: admin.filter('user = {:user}', { user }) });
		for (const record of records) {
			const changes: Record<string, string> = {};
			for (const field of fields) if (record[field]) changes[field] = earlier(record[field] as string, minutes);
			if (Object.keys(changes).length > 0) await admin.collection(collection).update(record.id, changes);
		}
	}
}
