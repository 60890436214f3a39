import { readFileSync } from 'node:fs';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';

test('a learner downloads all their data and deletes their account after a clear warning', async ({ page }) => {
	tolerateFailedRequests(page);
	const email = uniqueEmail();
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill('Sam Gegevens');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-sterk-wachtwoord');
	await page.getByLabel('Herhaal je wachtwoord').fill('een-sterk-wachtwoord');
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText('Welkom, Sam Gegevens. Je bent ingelogd.')).toBeVisible();

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download al je gegevens (JSON)' }).click()]);
	const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(data.account).toMatchObject({ name: 'Sam Gegevens', email });

	await page.getByRole('button', { name: 'Account verwijderen' }).click();
	await expect(page.getByText(/Ook je certificaten verdwijnen/)).toBeVisible();
	const final = page.getByRole('button', { name: 'Verwijder mijn account definitief' });
	await expect(final).toBeDisabled();
	await page.getByLabel('Ik begrijp dit en wil mijn account verwijderen').check();
	await final.click();
	await expect(page.getByText('Je account en al je gegevens zijn verwijderd.')).toBeVisible();

	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-sterk-wachtwoord');
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Dat e-mailadres en wachtwoord passen niet bij elkaar.');
});

test('a certificate claim stopped by the rate limiter says to wait a minute, not that the server is gone', async ({ page }) => {
	tolerateFailedRequests(page);
	// The page offers the claim once the course counts as complete; the server (here: its rate limiter) still decides.
	await page.route('**/api/palliwijs/courses/*/progress', (route) =>
		route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ complete: true, done: 1, total: 1, missingSteps: [], missingAssessments: [], notCounted: [] }) }),
	);
	await page.route('**/api/palliwijs/certificates/*/claim', (route) =>
		route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ status: 429, message: 'Too Many Requests.', data: {} }) }),
	);
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill('Rita Rustig');
	await page.getByLabel('E-mailadres', { exact: true }).fill(uniqueEmail());
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-sterk-wachtwoord');
	await page.getByLabel('Herhaal je wachtwoord').fill('een-sterk-wachtwoord');
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText('Welkom, Rita Rustig. Je bent ingelogd.')).toBeVisible();
	const card = page.locator('.card').filter({ hasText: 'Basis palliatieve zorg' });
	await card.getByRole('button', { name: 'Certificaat aanvragen' }).click();
	await expect(card.getByRole('alert')).toHaveText('Te veel pogingen kort na elkaar. Wacht een minuut en probeer het dan opnieuw.');
});

test('after ten wrong passwords the log-in form says the account is locked for a while and points to the reset', async ({ page }) => {
	tolerateFailedRequests(page);
	const email = uniqueEmail();
	const password = 'een-sterk-wachtwoord';
	expect((await page.request.post('/api/collections/users/records', { data: { name: 'Rita Raadsel', email, password, passwordConfirm: password } })).status()).toBe(200);
	for (let i = 0; i < 10; i++) expect((await page.request.post('/api/collections/users/auth-with-password', { data: { identity: email, password: `fout-${i}-wachtwoord` } })).status()).toBe(400);
	await page.goto('/account/');
	await hydrated(page);
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Voor dit account werd te vaak een verkeerd wachtwoord ingevuld. Wacht een kwartier');
	await expect(page.getByRole('button', { name: 'Wachtwoord vergeten?' })).toBeVisible();
});
