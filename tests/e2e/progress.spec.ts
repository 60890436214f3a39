import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';
import type { Page } from '@playwright/test';
import { learnerId, superuser } from './play';

const module = '/modules/wat-is-palliatieve-zorg/';
const first = `${module}definitie-en-dimensies/`;
const second = `${module}fasen/`;
const password = 'mijn-wachtwoord-123';

async function markDone(page: Page, path: string) {
	await page.goto(path);
	const button = page.getByRole('button', { name: 'Markeer als gedaan' });
	await button.click();
	await expect(page.getByRole('button', { name: 'Toch niet gedaan' })).toHaveAttribute('aria-pressed', 'true');
}

async function signUp(page: Page, email: string, name = 'Lien Testers') {
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill(name);
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByLabel('Herhaal je wachtwoord').fill(password);
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
}

test('without an account, progress stays on this device across reloads', async ({ page }) => {
	await markDone(page, first);
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard op dit toestel' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Toch niet gedaan' })).toBeVisible();
	await page.goto(module);
	await expect(page.getByText(/^1 van \d+ onderdelen gedaan$/)).toBeVisible();
	await expect(page.locator('[data-step="wat-is-palliatieve-zorg/definitie-en-dimensies"] .task__status')).toHaveText('Gedaan');
});

test('signing up merges what was done before, and the account keeps it on another device', async ({ page, browser }) => {
	await markDone(page, first);
	await markDone(page, second);
	const email = uniqueEmail();
	await signUp(page, email);
	await expect(page.getByText('Welkom, Lien Testers. Je bent ingelogd.')).toBeVisible();
	await expect(page.getByText('2 lessen die je op dit toestel had gedaan, staan nu ook in je account.')).toBeVisible();
	// They are in the account, but do not count for a certificate: they were not opened while logged in.
	const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Basis palliatieve zorg', exact: true }) });
	await expect(card.getByText('Afgevinkt, maar telt nog niet mee voor je certificaat (2):')).toBeVisible();
	await expect(card.getByRole('listitem').filter({ hasText: 'nog niet geopend terwijl je aangemeld was' })).toHaveCount(2);
	await expect(card.getByText(/^0 van \d+ onderdelen gedaan/)).toBeVisible();

	// Another browser: log in, and the lessons are done there too.
	const other = await browser.newContext({ baseURL: process.env.PW_BASE_URL });
	const page2 = await other.newPage();
	await page2.goto('/account/');
	await hydrated(page2);
	await page2.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page2.getByLabel('Wachtwoord').fill(password);
	await page2.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page2.getByText('In je account: 2 lessen gedaan.')).toBeVisible();
	// The module's task list counts as the certificate does: done, but not counted yet.
	await page2.goto(module);
	await expect(page2.getByText(/^0 van \d+ onderdelen gedaan$/)).toBeVisible();
	await expect(page2.locator('[data-step="wat-is-palliatieve-zorg/fasen"] .task__status')).toHaveText('Gedaan, telt nog niet mee');
	// Undo on the second device is saved in the account.
	await page2.goto(second);
	await page2.getByRole('button', { name: 'Toch niet gedaan' }).click();
	await expect(page2.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();
	await expect(page2.getByRole('button', { name: 'Markeer als gedaan' })).toHaveAttribute('aria-pressed', 'false');
	await other.close();

	// Back on the first device, whose own copy still says done: the later undo wins, here and after a reload.
	// (The button shows once the progress is read; before the fix it came back as "Toch niet gedaan".)
	await page.goto(second);
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).toHaveAttribute('aria-pressed', 'false');
	await page.goto(module);
	await expect(page.locator('[data-step="wat-is-palliatieve-zorg/fasen"] .task__status')).toHaveText('Niet begonnen');
	await expect(page.locator('[data-step="wat-is-palliatieve-zorg/definitie-en-dimensies"] .task__status')).toHaveText('Gedaan, telt nog niet mee');
	await page.goto(second);
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).toHaveAttribute('aria-pressed', 'false');
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('palliwijs.progress.v1') ?? '{}') as { lessons: Record<string, { completed: boolean }> });
	expect(stored.lessons['wat-is-palliatieve-zorg/fasen']?.completed).toBe(false);
});

test('a wrong password and a taken e-mail address get clear messages', async ({ page }) => {
	tolerateFailedRequests(page);
	const email = uniqueEmail();
	await signUp(page, email);
	await expect(page.getByText('Welkom, Lien Testers. Je bent ingelogd.')).toBeVisible();
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();

	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('helemaal-fout-123');
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Dat e-mailadres en wachtwoord passen niet bij elkaar.');
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	await signUp(page, email, 'Tweede Persoon');
	await expect(page.getByRole('alert')).toContainText('Er bestaat al een account met dit e-mailadres.');

	await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
	await page.getByLabel('Herhaal je wachtwoord').fill('kort');
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('alert')).toContainText('Kies een wachtwoord van minstens 10 tekens.');
});

test('an expired session keeps the progress on this device and says so', async ({ page }) => {
	tolerateFailedRequests(page);
	await page.goto(first);
	// A session whose token the server does not accept (revoked, or from an old server).
	await page.evaluate(() => {
		const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, id: 'x' }));
		localStorage.setItem('pocketbase_auth', JSON.stringify({ token: `e30.${payload}.sig`, record: { id: 'abc123', name: 'X', collectionName: 'users' } }));
	});
	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'Je sessie is verlopen.' })).toBeVisible();
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Je sessie is verlopen.' })).toBeVisible();
	const stored = await page.evaluate(() => localStorage.getItem('palliwijs.progress.v1'));
	expect(stored).toContain('wat-is-palliatieve-zorg/definitie-en-dimensies');
});

test('a lost connection keeps the progress on this device and it reaches the account later', async ({ page }) => {
	tolerateFailedRequests(page);
	await signUp(page, uniqueEmail());
	await expect(page.getByText('Welkom, Lien Testers. Je bent ingelogd.')).toBeVisible();
	await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
	await page.goto(first);
	await expect(page.getByRole('status').filter({ hasText: 'De server is niet bereikbaar.' })).toBeVisible();
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'De server is niet bereikbaar.' })).toBeVisible();
	await page.unroute('**/api/**');
	await page.goto('/account/');
	// Whoever sends it first (the lesson page's retry, the offline queue or the account page's merge), the account
	// then holds the lesson once, done.
	const admin = await superuser();
	const user = await learnerId(page);
	await expect
		.poll(async () => (await admin.collection('lesson_progress').getFullList({ filter: admin.filter('user = {:user}', { user }) })).map((r) => `${r.lesson}:${r.completed}`))
		.toEqual(['wat-is-palliatieve-zorg/definitie-en-dimensies:true']);
});
