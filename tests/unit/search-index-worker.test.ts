// The build makes the search index files in a worker thread: same files as in-process, clear failures.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexFilesInWorker, type IndexJob } from '../../src/lib/search/index-in-worker';
import { indexFileJson } from '../../src/lib/search/lunr-setup';

const workerPath = fileURLToPath(new URL('../../src/lib/search/index-worker.mjs', import.meta.url));
const doc = (id: string, title: string, body: string) => ({ id, type: 'lesson' as const, title, course: 'Cursus', href: `/${id}/`, audiences: ['citizen'], snippet: body.slice(0, 40), keywords: '', body });
const jobs: IndexJob[] = [
	{ locale: 'nl', docs: [doc('a', 'Gesprekken over het levenseinde', 'Hoe begin je een gesprek over sterven?'), doc('b', 'Rouw', 'Rouw verloopt bij iedereen anders.')], synonyms: { acp: ['zorgplanning'] } },
	{ locale: 'en', docs: [doc('c', 'Conversations', 'How to start a conversation about dying.')], synonyms: {} },
];

describe('search index worker', () => {
	it('writes the same index files as the main thread would', async () => {
		const files = await indexFilesInWorker(workerPath, jobs);
		for (const job of jobs) expect(files.get(job.locale)).toBe(indexFileJson(job.locale, job.docs, job.synonyms));
		const nl = JSON.parse(files.get('nl')!);
		expect(nl.docs[0]).not.toHaveProperty('body');
		expect(nl.synonyms).toEqual({ acp: ['zorgplanning'] });
	});
	it('fails with a message that says the search index could not be built', async () => {
		await expect(indexFilesInWorker(workerPath, [{ ...jobs[0]!, docs: [null as unknown as IndexJob['docs'][number]] }])).rejects.toThrow(/search index failed/);
		await expect(indexFilesInWorker('/nonexistent/index-worker.mjs', jobs)).rejects.toThrow(/search index/);
	});
});
