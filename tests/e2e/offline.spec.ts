// Offline at the bedside (issue 24), with the real service worker (dist/sw.js) and real PocketBase servers:
// install data, a course kept on the device, lessons and a case done without a connection and found in the
// account afterwards, a server that dies while the device sends what waited (each record once), and a new
// build that offers itself and renews the kept course as a whole.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { freePort, migrate, projectRoot, startServer } from '../../scripts/lib/pocketbase.mjs';
import { writeAnswerKeys } from '../../scripts/lib/answer-keys.mjs';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';
import { learnerId, playCase, signUp, superuser } from './play';

test.use({ serviceWorkers: 'allow' });

const course = '/cursussen/basis-palliatieve-zorg/';
const lessons = ['wat-is-palliatieve-zorg/definitie-en-dimensies', 'wat-is-palliatieve-zorg/fasen', 'wat-is-palliatieve-zorg/drie-lagen'];
const dist = path.join(projectRoot, 'dist');

/**
 * Waits until the service worker controls the page (it claims the page on its first activation, after precaching
 * the shell: slow on a busy machine). An install that failed (a precache request lost under load) leaves the
 * registration without any worker (or none was made yet); the site registers again on the next page load, as a learner’s next
 * click would: the test reloads once in that state. What it saw is printed when it gives up.
 */
async function controlled(page: Page) {
	const state = () =>
		page.evaluate(async () => {
			const r = await navigator.serviceWorker.getRegistration();
			return { controlled: !!navigator.serviceWorker.controller, registered: !!r, worker: r?.installing?.state ?? r?.waiting?.state ?? r?.active?.state ?? null };
		});
	const isControlled = () => page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30000 }).then(() => true, () => false);
	if (await isControlled()) return;
	const first = await state();
	if (first.worker === null) {
		await page.reload();
		if (await isControlled()) return;
	} else if (await isControlled()) return;
	throw new Error(`The service worker did not control ${page.url()} within 60 s: first ${JSON.stringify(first)}, then ${JSON.stringify(await state())}`);
}

/** Keeps the course on this device with its button and waits until the page says it is stored. */
async function keepCourse(page: Page, base = '', at = course) {
	await page.goto(`${base}${at}`);
	await controlled(page);
	const box = page.locator('.keep-offline');
	await box.getByRole('button', { name: /^Bewaar offline \(\d+(,\d)? MB\)$/ }).click();
	await expect(box.getByRole('status')).toHaveText(/^Bewaard op dit toestel: \d+ pagina’s van deze cursus, met alles wat ze nodig hebben \(\d+(,\d)? MB\)\.$/, { timeout: 60000 });
	await expect(box.getByRole('button', { name: 'Verwijder van dit toestel' })).toBeVisible();
}

/**
 * Marks a lesson done without a connection and waits until it is in the queue: the page counts what waits
 * (the page says the server cannot be reached as soon as it loads, so that alone says nothing about the click).
 */
async function markDoneOffline(page: Page, url: string, waiting: number) {
	await page.goto(url);
	await expect(page.locator('h1')).toBeVisible();
	const button = page.getByRole('button', { name: 'Markeer als gedaan' });
	await button.click();
	await expect(page.locator('[data-progress-box] button')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('[data-progress-box] button')).toBeEnabled();
	await expect(page.locator('[data-progress-status]')).toContainText('De server is niet bereikbaar. Je voortgang is op dit toestel bewaard');
	await expect(page.locator('[data-outbox]')).toContainText(waiting === 1 ? 'Eén wijziging van dit toestel wacht op verbinding.' : `${waiting} wijzigingen van dit toestel wachten op verbinding.`);
}

/** What waits in the offline queue on this device (IndexedDB, src/lib/offline/outbox.ts), oldest first. */
async function queued(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('palliwijs-outbox');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('items')) return resolve([]);
					const all = db.transaction('items').objectStore('items').getAll();
					all.onsuccess = () => resolve((all.result as { entry: { kind: string; lesson?: string; scenario?: string; selfCheck?: string } }[]).map((i) => `${i.entry.kind} ${i.entry.lesson ?? i.entry.scenario ?? i.entry.selfCheck}`));
					all.onerror = () => reject(all.error);
				};
			}),
	);
}

/** What the server holds for a learner: progress records per lesson key, and finished case runs. */
async function stored(admin: PocketBase, user: string) {
	const progress = await admin.collection('lesson_progress').getFullList({ filter: admin.filter('user = {:user}', { user }) });
	const runs = await admin.collection('scenario_runs').getFullList({ filter: admin.filter('user = {:user} && finishedAt != ""', { user }) });
	const count = (lesson: string) => progress.filter((p) => p.lesson === lesson).length;
	return { progress, runs, count, completed: (lesson: string) => progress.some((p) => p.lesson === lesson && p.completed) };
}

/** A PocketBase of its own for a test that stops and restarts it, on a fixed port (the same origin for the browser). */
async function ownServer(publicDir = dist) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'palliwijs-offline-'));
	const admin = { email: 'admin@offline.local', password: 'offline-admin-password' };
	await migrate(dataDir, { firstAccounts: { superuser: admin } });
	const answerKeys = writeAnswerKeys(path.join(dataDir, 'answer-keys.json'));
	const port = (await freePort()) as number;
	const start = () => startServer({ dataDir, port, publicDir, answerKeys });
	let server = await start();
	const superuser = async () => {
		const pb = new PocketBase(server.url);
		await pb.collection('_superusers').authWithPassword(admin.email, admin.password);
		return pb;
	};
	return {
		url: server.url,
		superuser,
		stop: () => server.stop(),
		restart: async () => {
			server = await start();
		},
		remove: async () => {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

test('the site is an installable app in both languages: manifest, icons, service worker', async ({ page, request }) => {
	for (const [home, manifestUrl, lang] of [['/', '/manifest.webmanifest', 'nl-BE'], ['/en/', '/en/manifest.webmanifest', 'en']] as const) {
		await page.goto(home);
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', manifestUrl);
		const manifest = (await (await request.get(manifestUrl)).json()) as { lang: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };
		expect(manifest).toMatchObject({ lang, start_url: home, display: 'standalone', theme_color: '#2f5d62' });
		for (const icon of manifest.icons.filter((i) => i.src.endsWith('.png'))) {
			const png = await (await request.get(icon.src)).body();
			// The PNG header holds width and height at bytes 16-23: the file is what the manifest says.
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
		}
		expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
	}
	await controlled(page);
	// The service worker never answers for the API: a call under /api/ goes to the server (and is never cached).
	const cached = await page.evaluate(async () => {
		await fetch('/api/health');
		const names = await caches.keys();
		const hits = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).filter((r) => new URL(r.url).pathname.startsWith('/api/')).length));
		return hits.reduce((a, b) => a + b, 0);
	});
	expect(cached).toBe(0);
});

test('a kept course works without a connection: lessons and a case done offline reach the account when it returns', async ({ page, context }) => {
	test.setTimeout(90000);
	tolerateFailedRequests(page);
	await signUp(page, 'Offline Lerende', uniqueEmail());
	const user = await learnerId(page);
	await keepCourse(page);

	await context.setOffline(true);
	await markDoneOffline(page, `/modules/${lessons[0]}/`, 1);
	await markDoneOffline(page, `/modules/${lessons[1]}/`, 2);
	// The case plays from the device; finishing it says it waits for the connection.
	await page.goto('/casussen/maria/');
	await hydrated(page);
	await playCase(page, 'maria');
	await expect(page.locator('.scenario').getByRole('status')).toContainText('De server is niet bereikbaar');
	// A test needs the server and says so.
	await page.goto('/modules/wat-is-palliatieve-zorg/toets/');
	await hydrated(page);
	await expect(page.locator('.assessment')).toContainText('De server is niet bereikbaar');
	// A page that was never stored: the offline page, which points to the kept course.
	await page.goto('/begrippen/');
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
	await page.getByRole('link', { name: 'Basis palliatieve zorg' }).click();
	await expect(page).toHaveURL(new RegExp(`${course}$`));

	// Nothing reached the server yet. The device holds it in its queue, in the order it was done, and every page says so.
	const admin = await superuser();
	expect((await stored(admin, user)).progress.filter((p) => p.completed)).toEqual([]);
	expect(await queued(page)).toEqual([`lesson ${lessons[0]}`, `lesson ${lessons[1]}`, 'run maria']);
	await expect(page.locator('[data-outbox]')).toHaveText('3 wijzigingen van dit toestel wachten op verbinding. Ze gaan vanzelf naar je account, in de volgorde waarin je ze deed.');

	// Back online on an open lesson page: it sends what waited without a reload, and says so.
	await page.goto(`/modules/${lessons[1]}/`);
	await expect(page.locator('[data-progress-status]')).toContainText('De server is niet bereikbaar');
	await context.setOffline(false);
	await expect(page.locator('[data-progress-status]')).toHaveText('De verbinding is terug: je voortgang van dit toestel staat nu in je account.', { timeout: 20000 });
	await expect(page.locator('[data-outbox]')).toHaveText(/^Alles wat je zonder verbinding deed, staat nu in je account \(bewaard om \d\d:\d\d\)\.$/, { timeout: 20000 });
	expect(await queued(page)).toEqual([]);
	const after = await stored(admin, user);
	for (const key of [...lessons.slice(0, 2), 'scenario/maria']) {
		expect(after.completed(key), key).toBe(true);
		expect(after.count(key), key).toBe(1);
	}
	// The case played offline is one run, started and finished by the server with the key of that play.
	const runs = after.runs.filter((r) => r.scenario === 'maria');
	expect(runs).toHaveLength(1);
	expect(runs[0]!.clientKey).toMatch(/^play-\w+$/);
	expect(runs[0]!.ending).not.toBe('');
	// A reload (which syncs this device's progress again, once it has read the account) sends nothing again.
	const synced = page.waitForResponse((r) => r.url().includes('/api/collections/lesson_progress/records?page=1'));
	await page.reload();
	await synced;
	await expect(page.locator('[data-progress-box] button')).toHaveAttribute('aria-pressed', 'true');
	expect((await stored(admin, user)).runs).toHaveLength(1);
	// Done offline counts for progress, not (yet) for a certificate: the server never saw the lessons opened.
	await page.goto('/account/');
	await hydrated(page);
	const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Basis palliatieve zorg', exact: true }) });
	await expect(card.getByRole('listitem').filter({ hasText: 'nog niet geopend terwijl je aangemeld was' }).first()).toBeVisible();
});

test('a server that dies while the device sends what waited: after its restart every record is there once', async ({ browser }) => {
	test.setTimeout(120000);
	const server = await ownServer();
	const context: BrowserContext = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
	const page = await context.newPage();
	try {
		await signUp(page, 'Lerende Zonder Bereik', uniqueEmail());
		const user = await learnerId(page);
		await keepCourse(page);
		await context.setOffline(true);
		for (const [i, lesson] of lessons.entries()) await markDoneOffline(page, `/modules/${lesson}/`, i + 1);
		await page.goto('/casussen/maria/');
		await hydrated(page);
		await playCase(page, 'maria');
		await expect(page.locator('.scenario').getByRole('status')).toContainText('De server is niet bereikbaar');

		// The first record the device sends reaches the server, which then dies before it can answer.
		// (The queue and the open page's own retry may both send: only the first write is let through.)
		let died: Promise<void> | undefined;
		let first = true;
		await context.route('**/api/collections/lesson_progress/records**', async (route) => {
			if (route.request().method() === 'GET' || !first) return route.continue().catch(() => undefined);
			first = false;
			const response = await route.fetch();
			expect(response.status()).toBe(200);
			died = server.stop();
			await died;
			await route.abort('connectionreset');
		});
		await page.goto(`/modules/${lessons[2]}/`);
		await context.setOffline(false);
		await expect.poll(() => died !== undefined, { timeout: 20000 }).toBe(true);
		await died;
		await expect(page.locator('[data-progress-status]')).toContainText('De server is niet bereikbaar');

		// The server comes back; the open page tries again by itself and sends the rest, once.
		await server.restart();
		await expect(page.locator('[data-progress-status]')).toHaveText('De verbinding is terug: je voortgang van dit toestel staat nu in je account.', { timeout: 45000 });
		await expect(page.locator('[data-outbox]')).toHaveText(/^Alles wat je zonder verbinding deed, staat nu in je account/, { timeout: 45000 });
		expect(await queued(page)).toEqual([]);
		const after = await stored(await server.superuser(), user);
		for (const key of [...lessons, 'scenario/maria']) {
			expect(after.completed(key), key).toBe(true);
			expect(after.count(key), key).toBe(1);
		}
		expect(after.runs.filter((r) => r.scenario === 'maria')).toHaveLength(1);
	} finally {
		await context.close();
		await server.remove();
	}
});

test('a self-check filled in offline in a kept citizen course reaches the account, once, when the connection returns', async ({ page, context }) => {
	test.setTimeout(90000);
	tolerateFailedRequests(page);
	await signUp(page, 'Offline Buurvrouw', uniqueEmail());
	const user = await learnerId(page);
	await keepCourse(page, '', '/cursussen/iedereen-kundig/');
	await context.setOffline(true);
	await page.goto('/zelftest/');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'Voor de cursus', level: 2 })).toBeVisible();
	for (const group of await page.locator('fieldset.selfcheck__item').all()) await group.getByLabel('Redelijk', { exact: true }).check();
	await page.getByRole('button', { name: 'Bewaar mijn antwoorden' }).click();
	await expect(page.locator('.selfcheck')).toContainText('De server is niet bereikbaar. Je voortgang is op dit toestel bewaard en wordt later aan je account toegevoegd.');
	expect(await queued(page)).toEqual(['selfCheck before']);
	await expect(page.locator('[data-outbox]')).toHaveText('Eén wijziging van dit toestel wacht op verbinding. Ze gaat vanzelf naar je account.');
	const admin = await superuser();
	const selfChecks = () => admin.collection('self_checks').getFullList({ filter: admin.filter('user = {:user}', { user }) });
	expect(await selfChecks()).toEqual([]);
	await context.setOffline(false);
	await expect(page.locator('[data-outbox]')).toHaveText(/^Alles wat je zonder verbinding deed, staat nu in je account/, { timeout: 20000 });
	expect(await queued(page)).toEqual([]);
	const saved = await selfChecks();
	expect(saved).toHaveLength(1);
	expect(saved[0]).toMatchObject({ kind: 'before' });
	expect(Object.values(saved[0]!.answers as Record<string, number>).every((a) => a === 3)).toBe(true);
});

test('on an iPhone, where the browser offers no install prompt, the course page says how to add Palliwijs to the home screen', async ({ browser, baseURL }) => {
	const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
	for (const [userAgent, shown] of [[iphone, true], [undefined, false]] as const) {
		const context = await browser.newContext({ baseURL, serviceWorkers: 'allow', ...(userAgent ? { userAgent } : {}) });
		const page = await context.newPage();
		await page.goto(course);
		await expect(page.locator('.keep-offline')).toBeVisible();
		const hint = page.getByText('Op een iPhone of iPad: tik onderaan op Deel en kies “Zet op beginscherm”. Dan opent Palliwijs als een app.');
		if (shown) await expect(hint).toBeVisible();
		else await expect(hint).toBeHidden();
		await context.close();
	}
});

test('a new build is offered on the open page, and the kept course is renewed as a whole', async ({ browser }) => {
	test.setTimeout(120000);
	// A copy of the site that can be "published again": the same files with another build id.
	const site = mkdtempSync(path.join(tmpdir(), 'palliwijs-site-'));
	cpSync(dist, site, { recursive: true });
	const server = await ownServer(site);
	const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
	const page = await context.newPage();
	tolerateFailedRequests(page);
	try {
		await keepCourse(page);
		const oldBuild = /"build":"([0-9a-f]+)"/.exec(readFileSync(path.join(site, 'offline/nl-basis-palliatieve-zorg.json'), 'utf8'))![1]!;
		const keptBuilds = () => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('palliwijs-keep-')).map((n) => n.split('-')[2]));
		expect(await keptBuilds()).toEqual([oldBuild]);
		await expect(page.locator('[data-sw-update]')).toBeHidden();

		// Publish: a changed lesson, and a new service worker and course lists under a new build id.
		const lesson = path.join(site, 'modules/wat-is-palliatieve-zorg/fasen/index.html');
		writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<h1>Fasen in de palliatieve zorg</h1>', '<h1>Fasen in de palliatieve zorg (herziene versie)</h1>'));
		const newBuild = 'b0b0b0b0b0b0';
		for (const file of ['sw.js', ...['nl', 'en'].flatMap((l) => ['basis-palliatieve-zorg', 'iedereen-kundig', 'palliatieve-zorg-in-de-praktijk'].map((c) => `offline/${l}-${c}.json`))]) {
			writeFileSync(path.join(site, file), readFileSync(path.join(site, file), 'utf8').replaceAll(oldBuild, newBuild));
		}
		// The open page looks for a new version when the learner comes back to it.
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		const bar = page.locator('[data-sw-update]');
		await expect(bar.getByText('Nieuwe versie van Palliwijs beschikbaar.')).toBeVisible({ timeout: 30000 });
		// The new version stored the kept course again, as a whole, before it offered itself; the old copy went after that.
		expect(await keptBuilds()).toEqual([newBuild]);
		await Promise.all([page.waitForEvent('load'), bar.getByRole('button', { name: 'Vernieuwen' }).click()]);
		await controlled(page);
		await expect(page.locator('[data-sw-update]')).toBeHidden();
		expect(await keptBuilds()).toEqual([newBuild]);
		await expect(page.locator('.keep-offline').getByRole('status')).toContainText('Bewaard op dit toestel');
		// Offline, the kept course is the new version.
		await context.setOffline(true);
		await page.goto('/modules/wat-is-palliatieve-zorg/fasen/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fasen in de palliatieve zorg (herziene versie)');
		await context.setOffline(false);
	} finally {
		await context.close();
		await server.remove();
		rmSync(site, { recursive: true, force: true });
	}
});
