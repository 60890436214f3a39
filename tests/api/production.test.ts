// Production mode (issue 21): `npm run serve` serves the built site and the API without demo accounts; the first
// administrator comes through PocketBase's one-time installer link; application name, public URL, sender and
// SMTP come from the environment on every start; it refuses to start without what a real instance needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, projectRoot } from '../../scripts/lib/pocketbase.mjs';
import { fixtureCatalog } from '../helpers/server';

const work = mkdtempSync(path.join(tmpdir(), 'palliwijs-serve-'));
const dataDir = path.join(work, 'data');
const site = path.join(work, 'dist');
mkdirSync(site);
copyFileSync(fixtureCatalog, path.join(site, 'catalog.json'));
writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Palliwijs</title><h1>Welkom bij Palliwijs</h1>');
writeFileSync(path.join(site, '404.html'), '<!doctype html><title>Niet gevonden</title>');

const production = {
	PW_DATA_DIR: dataDir,
	PW_PUBLIC_DIR: site,
	PW_APP_NAME: 'Palliwijs Hogeschool',
	PW_APP_URL: 'https://leren.example.be/',
	PW_MAIL_FROM: 'palliwijs@example.be',
	PW_MAIL_FROM_NAME: 'Palliwijs',
	PW_SMTP_HOST: 'smtp.example.be',
	PW_SMTP_PORT: '465',
	PW_SMTP_USERNAME: 'palliwijs',
	PW_SMTP_PASSWORD: 'smtp-secret-from-the-environment',
};

interface Served {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}
const running: Served[] = [];

/** Starts `npm run serve` (node scripts/serve.mjs) with this environment (nothing on its command line). */
function serve(env: Record<string, string>): Served {
	const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/serve.mjs')], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let text = '';
	child.stdout!.on('data', (c) => (text += c));
	child.stderr!.on('data', (c) => (text += c));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const served = { child, output: () => text, exited };
	running.push(served);
	return served;
}

/** Waits until the output holds a match (or the process ended). */
async function waitFor(served: Served, pattern: RegExp, ms = 20000) {
	const deadline = Date.now() + ms;
	let ended = false;
	void served.exited.then(() => (ended = true));
	while (Date.now() < deadline) {
		const match = served.output().match(pattern);
		if (match) return match;
		if (ended) break;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`not found: ${pattern}\n${served.output()}`);
}

async function stop(served: Served) {
	served.child.kill('SIGTERM');
	await served.exited;
}

afterAll(async () => {
	for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await stop(s);
	rmSync(work, { recursive: true, force: true });
});

describe('npm run serve', () => {
	it('refuses to start without a public URL and sender, on the demo data directory, or with a setting it cannot mean', async () => {
		const { PW_APP_URL: _url, ...noUrl } = production;
		const a = serve({ ...noUrl, PORT: String(await freePort()) });
		expect(await a.exited).toBe(1);
		expect(a.output()).toContain('PW_APP_URL is not set');

		const b = serve({ ...production, PW_SMTP_PORT: 'smtp', PORT: String(await freePort()) });
		expect(await b.exited).toBe(1);
		expect(b.output()).toContain('PW_SMTP_PORT must be a port number');

		const demo = path.join(work, 'demo-data');
		mkdirSync(demo);
		writeFileSync(path.join(demo, 'demo-accounts.json'), '{}');
		const c = serve({ ...production, PW_DATA_DIR: demo, PORT: String(await freePort()) });
		expect(await c.exited).toBe(1);
		expect(c.output()).toContain("is the local demo's data directory");
	});

	it('serves site and API without demo accounts; the first administrator comes through the one-time installer link', async () => {
		const port = await freePort();
		const first = serve({ ...production, PORT: String(port) });
		const [, token] = await waitFor(first, /\/_\/#\/pbinstall\/([A-Za-z0-9_.-]+)/);
		await waitFor(first, /Palliwijs serves/);
		const url = `http://127.0.0.1:${port}`;
		const home = await fetch(`${url}/`);
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Welkom bij Palliwijs');
		expect(first.output()).not.toContain(production.PW_SMTP_PASSWORD);

		const made = await fetch(`${url}/api/collections/_superusers/records`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: token! },
			body: JSON.stringify({ email: 'beheer@example.be', password: 'een-lang-beheerwachtwoord', passwordConfirm: 'een-lang-beheerwachtwoord' }),
		});
		expect(made.status).toBe(200);
		const admin = new PocketBase(url);
		await admin.collection('_superusers').authWithPassword('beheer@example.be', 'een-lang-beheerwachtwoord');

		expect((await admin.collection('users').getList(1, 1)).totalItems).toBe(0);
		const superusers = (await admin.collection('_superusers').getFullList()).map((r) => r.email);
		expect(superusers.filter((e) => !e.startsWith('__pbinstaller'))).toEqual(['beheer@example.be']);
		const settings = await admin.settings.getAll();
		expect(settings.meta).toMatchObject({ appName: 'Palliwijs Hogeschool', appURL: 'https://leren.example.be', senderAddress: 'palliwijs@example.be', senderName: 'Palliwijs' });
		expect(settings.smtp).toMatchObject({ enabled: true, host: 'smtp.example.be', port: 465, username: 'palliwijs', tls: true });
		await stop(first);

		// Every start applies the environment again; the installer link is not offered once an administrator exists.
		const second = serve({ ...production, PW_APP_NAME: 'Palliwijs Campus Gent', PW_SMTP_PORT: '587', PORT: String(port) });
		await waitFor(second, /Palliwijs serves/);
		expect(second.output()).not.toContain('pbinstall');
		await admin.collection('_superusers').authWithPassword('beheer@example.be', 'een-lang-beheerwachtwoord');
		const again = await admin.settings.getAll();
		expect(again.meta.appName).toBe('Palliwijs Campus Gent');
		expect(again.smtp).toMatchObject({ port: 587, tls: false });
		await stop(second);
	});
});
