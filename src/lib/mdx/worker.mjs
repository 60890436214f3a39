// Worker thread of the build: compiles lessons (MDX) with the transform of @astrojs/mdx, so that
// both cores compile while the main thread bundles (issue 10). workerData is an MdxSpec; each
// message { job, code, id } is answered with { job, result } or { job, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { createMdxTransform } from './transform.mjs';

const transform = createMdxTransform(workerData);

parentPort?.on('message', async ({ job, code, id }) => {
	try {
		const result = await (await transform)(code, id);
		parentPort?.postMessage({ job, result });
	} catch (error) {
		parentPort?.postMessage({ job, error: error instanceof Error ? error.message : String(error) });
	}
});
