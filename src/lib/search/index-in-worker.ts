// Runs src/lib/search/index-worker.mjs: the index files of several languages, built off the main thread.
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../i18n/locales';
import type { Synonyms } from './query';
import type { SearchDoc } from './search-doc';

export interface IndexJob {
	locale: Locale;
	docs: SearchDoc[];
	synonyms: Synonyms;
}

/** The index file (JSON text) of each job's language; rejects with a readable message if the worker fails. */
export function indexFilesInWorker(workerPath: string, jobs: IndexJob[]): Promise<Map<Locale, string>> {
	return new Promise((resolve, reject) => {
		const files = new Map<Locale, string>();
		const worker = new Worker(workerPath, { workerData: { jobs } });
		worker.on('message', ({ locale, json }: { locale: Locale; json: string }) => files.set(locale, json));
		worker.on('error', (error) => reject(new Error(`Building the search index failed: ${error.message}`, { cause: error })));
		worker.on('exit', (code) => {
			if (files.size === jobs.length) resolve(files);
			else reject(new Error(`The search index worker stopped (exit code ${code}) before it finished.`));
		});
	});
}
