// Worker thread of the build: turns the search documents of each language into its index file, so
// lunr's few seconds of work run on the second core while the main thread renders pages (issue 10).
// Receives { jobs: [{ locale, docs, synonyms }] } as workerData; posts { locale, json } per job.
import { parentPort, workerData } from 'node:worker_threads';
import { indexFileJson } from './lunr-setup.js';

for (const { locale, docs, synonyms } of workerData.jobs) {
	parentPort.postMessage({ locale, json: indexFileJson(locale, docs, synonyms) });
}
