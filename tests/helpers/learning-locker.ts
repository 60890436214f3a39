// A real learning record store for tests: Learning Locker's LRS (@learninglocker/xapi-statements, a dev dependency
// pinned exactly), run as a child process on 127.0.0.1 with its in-memory store (tests/helpers/learning-locker-server.cjs).
// What it holds is read back through its own xAPI API (GET /statements, following `more`), never from our side.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const launcher = path.resolve(import.meta.dirname, 'learning-locker-server.cjs');

export interface StoredStatement {
	id: string;
	actor: { objectType: string; account: { homePage: string; name: string } };
	verb: { id: string };
	object: { id: string };
	stored: string;
	[key: string]: unknown;
}

export interface LearningLocker {
	port: number;
	/** The LRS's xAPI address (statements are at `<xapiUrl>statements`). */
	xapiUrl: string;
	/** Every statement the LRS holds, as its GET /statements gives them (all pages). */
	statements: () => Promise<StoredStatement[]>;
	/** What the LRS printed (for a failure message). */
	output: () => string;
	/** Stops the process; its in-memory store goes with it. */
	stop: () => Promise<void>;
}

/**
 * Starts Learning Locker's LRS on 127.0.0.1 (`port` 0: a free one). Its configuration is the package's own, from the
 * environment: statements in memory, its test authentication (it accepts any credentials: Basic authentication is
 * not checked by this LRS) and test events; no MongoDB or Redis is needed. The process gets only this environment,
 * in a throw-away working directory (the package reads a `.env` from there).
 */
export async function startLearningLocker(port = 0): Promise<LearningLocker> {
	const dir = mkdtempSync(path.join(tmpdir(), 'palliwijs-lrs-'));
	const child: ChildProcess = spawn(process.execPath, [launcher], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH ?? '',
			LANG: 'en',
			LRS_PORT: String(port),
			MODELS_REPO: 'memory',
			AUTH_REPO: 'test',
			EVENTS_REPO: 'test',
			STORAGE_REPO: 'local',
			FS_LOCAL_STORAGE_DIR: path.join(dir, 'storage'),
			EXPRESS_MORGAN_DIRECTORY: path.join(dir, 'access-logs'),
			// the package opens a MongoDB connection when it loads, whatever the store: point it at a closed port
			// so that it gives up (it logs the failure and carries on) and never reaches a real database
			MONGO_URL: 'mongodb://127.0.0.1:1/unused',
			WINSTON_CONSOLE_LEVEL: 'warn',
			NODE_NO_WARNINGS: '1',
		},
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const cleanUp = () => rmSync(dir, { recursive: true, force: true });

	const listening = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`Learning Locker's LRS did not start within 30 s:\n${output}`)), 30000);
		const onData = () => {
			const match = /^listening (\d+)$/m.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Learning Locker's LRS stopped at its start (exit ${code}):\n${output}`));
		});
	}).catch((err) => {
		child.kill('SIGKILL');
		cleanUp();
		throw err;
	});

	const base = `http://127.0.0.1:${listening}`;
	const headers = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('palliwijs-test:lrs').toString('base64')}` };
	return {
		port: listening,
		xapiUrl: `${base}/xAPI/`,
		async statements() {
			const all: StoredStatement[] = [];
			for (let next = '/xAPI/statements?limit=100'; next; ) {
				const res = await fetch(base + next, { headers });
				if (res.status !== 200) throw new Error(`GET ${next}: HTTP ${res.status} ${await res.text()}`);
				const page = (await res.json()) as { statements: StoredStatement[]; more: string };
				all.push(...page.statements);
				next = page.more;
			}
			return all;
		},
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await exited;
			}
			cleanUp();
		},
	};
}
