// Password recovery in the browser (issue 21): the reset mail goes to the real SMTP server that global-setup
// started (every message lands in PW_MAIL_DIR); the test opens the mail's link and sets a new password.
import { accountLinkIn, waitForMailIn } from '../helpers/smtp';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';

test('a learner who forgot the password gets a mail, sets a new password from its link and logs in with it; the old one and the used link are refused', async ({ page }) => {
	tolerateFailedRequests(page);
	const email = uniqueEmail();
	const oldPassword = 'het-oude-wachtwoord';
	const newPassword = 'het-nieuwe-wachtwoord';
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill('Vera Vergeten');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(oldPassword);
	await page.getByLabel('Herhaal je wachtwoord').fill(oldPassword);
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText('Welkom, Vera Vergeten. Je bent ingelogd.')).toBeVisible();
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();

	await page.getByRole('button', { name: 'Wachtwoord vergeten?' }).click();
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres bestaat');

	const mail = await waitForMailIn(process.env.PW_MAIL_DIR!, email);
	const { url } = accountLinkIn(mail, process.env.PW_BASE_URL!);
	expect(new URL(url).pathname).toBe('/account/wachtwoord-herstellen/');

	await page.goto(url);
	await hydrated(page);
	// The language switch keeps the token: the English page shows the form, not "open the link from the mail".
	await page.getByRole('link', { name: /English/ }).click();
	await hydrated(page);
	await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
	await page.goto(url);
	await hydrated(page);
	await page.getByLabel('Nieuw wachtwoord').fill('kort');
	await page.getByLabel('Herhaal je wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Bewaar mijn nieuwe wachtwoord' }).click();
	await expect(page.getByRole('alert')).toContainText('Kies een wachtwoord van minstens 10 tekens.');
	await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
	await page.getByLabel('Herhaal je wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Bewaar mijn nieuwe wachtwoord' }).click();
	await expect(page.getByRole('status')).toContainText('Je nieuwe wachtwoord is bewaard.');

	// The same link again: it no longer works, and the page says so.
	await page.goto('/');
	await page.goto(url);
	await hydrated(page);
	await page.getByLabel('Nieuw wachtwoord').fill('nog-een-ander-wachtwoord');
	await page.getByLabel('Herhaal je wachtwoord').fill('nog-een-ander-wachtwoord');
	await page.getByRole('button', { name: 'Bewaar mijn nieuwe wachtwoord' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze link werkt niet meer');

	await page.getByRole('link', { name: 'Naar inloggen' }).click();
	await hydrated(page);
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(oldPassword);
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Dat e-mailadres en wachtwoord passen niet bij elkaar.');
	await page.getByLabel('Wachtwoord', { exact: true }).fill(newPassword);
	await page.getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText('Welkom, Vera Vergeten. Je bent ingelogd.')).toBeVisible();
});

test('the reset page without a token, in English, says to open the link from the mail', async ({ page }) => {
	await page.goto('/en/account/reset-password/');
	await hydrated(page);
	await expect(page.getByRole('alert')).toContainText('This page opens from the link in your e-mail.');
});
