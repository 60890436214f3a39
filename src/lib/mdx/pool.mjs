// A few worker threads (worker.mjs) that compile MDX. A job goes to the worker with the fewest jobs
// waiting; a worker that dies rejects its jobs and takes no more, so the caller can compile those
// itself. Workers are unref'd: a build that forgets close() still exits.
import { Worker } from 'node:worker_threads';

/** @typedef {import('./transform.mjs').MdxSpec} MdxSpec */
/** @typedef {{ code: string; map?: unknown; meta: unknown }} MdxResult */
/** @typedef {{ resolve: (result: MdxResult | undefined) => void; reject: (error: Error) => void }} Pending */

const workerFile = new URL('./worker.mjs', import.meta.url);

export class MdxWorkerPool {
	/** @type {{ worker: Worker; pending: Map<number, Pending>; alive: boolean }[]} */
	#workers;
	#nextJob = 0;

	/** @param {MdxSpec} spec @param {number} size */
	constructor(spec, size) {
		this.#workers = Array.from({ length: size }, () => this.#start(spec));
	}

	/** @param {MdxSpec} spec */
	#start(spec) {
		const slot = { worker: new Worker(workerFile, { workerData: spec }), pending: new Map(), alive: true };
		slot.worker.unref();
		slot.worker.on('message', (/** @type {{ job: number; result?: MdxResult; error?: string }} */ { job, result, error }) => {
			const pending = slot.pending.get(job);
			slot.pending.delete(job);
			if (error !== undefined) pending?.reject(new Error(error));
			else pending?.resolve(result);
		});
		const stop = (/** @type {Error} */ error) => {
			slot.alive = false;
			for (const pending of slot.pending.values()) pending.reject(error);
			slot.pending.clear();
		};
		slot.worker.on('error', (error) => stop(new Error(`An MDX worker failed: ${error.message}`, { cause: error })));
		slot.worker.on('exit', (code) => stop(new Error(`An MDX worker stopped (exit code ${code}).`)));
		return slot;
	}

	/**
	 * Compiles one MDX module in a worker; rejects if the worker cannot (a broken lesson, a dead worker).
	 * @param {string} code @param {string} id @returns {Promise<MdxResult | undefined>}
	 */
	transform(code, id) {
		const alive = this.#workers.filter((slot) => slot.alive);
		if (alive.length === 0) return Promise.reject(new Error('No MDX worker is running.'));
		const slot = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
		const job = this.#nextJob++;
		return new Promise((resolve, reject) => {
			slot.pending.set(job, { resolve, reject });
			slot.worker.postMessage({ job, code, id });
		});
	}

	async close() {
		await Promise.all(this.#workers.map((slot) => slot.worker.terminate()));
	}
}
