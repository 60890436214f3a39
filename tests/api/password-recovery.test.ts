// Password recovery by e-mail (issue 21): a real SMTP server receives PocketBase's mail; the link goes to
// Palliwijs's page in the learner's language and carries a token that works once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { accountLinkIn, startSmtp, type Inbox } from '../helpers/smtp';

const APP_URL = 'https://leren.palliwijs.test';
let server: TestServer;
let inbox: Inbox;

beforeAll(async () => {
	inbox = await startSmtp();
	server = await startTestServer({
		env: { PW_APP_URL: APP_URL, PW_APP_NAME: 'Palliwijs Test', PW_MAIL_FROM: 'palliwijs@test.local', PW_SMTP_HOST: inbox.host, PW_SMTP_PORT: String(inbox.port), PW_SMTP_TLS: 'false' },
	});
}, 30000);
afterAll(async () => {
	await server?.stop();
	await inbox?.stop();
});

describe('password reset by e-mail', () => {
	it('mails a Dutch link to the Palliwijs page; the token sets a new password once and the old password stops working', async () => {
		const { email, password } = await server.learner();
		await server.client().collection('users').requestPasswordReset(email);
		const mail = await inbox.waitFor(email);
		expect(mail.subject).toBe('Nieuw wachtwoord voor Palliwijs Test');
		expect(mail.from?.value[0]?.address).toBe('palliwijs@test.local');
		const { url, token } = accountLinkIn(mail, APP_URL);
		expect(url.startsWith(`${APP_URL}/account/wachtwoord-herstellen/#`)).toBe(true);
		expect(mail.html).toContain(url.replace(/&/g, '&amp;'));

		const newPassword = 'een-nieuw-wachtwoord-9';
		await server.client().collection('users').confirmPasswordReset(token, newPassword, newPassword);
		await expect(server.client().collection('users').authWithPassword(email, password)).rejects.toMatchObject({ status: 400 });
		const auth = await server.client().collection('users').authWithPassword(email, newPassword);
		expect(auth.record.email).toBe(email);

		// The same link a second time: refused, and the password stays the new one.
		await expect(server.client().collection('users').confirmPasswordReset(token, 'nog-een-wachtwoord-1', 'nog-een-wachtwoord-1')).rejects.toMatchObject({ status: 400 });
		await server.client().collection('users').authWithPassword(email, newPassword);
	});

	it('writes to an English-speaking learner in English, with the English page', async () => {
		const pb = server.client();
		const email = `english-${Date.now()}@test.local`;
		await pb.collection('users').create({ name: 'Ann Learner', email, password: 'a-good-password', passwordConfirm: 'a-good-password', locale: 'en' });
		await pb.collection('users').requestPasswordReset(email);
		const mail = await inbox.waitFor(email);
		expect(mail.subject).toBe('New password for Palliwijs Test');
		expect(accountLinkIn(mail, APP_URL).url.startsWith(`${APP_URL}/en/account/reset-password/#`)).toBe(true);
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const unknown = `nobody-${Date.now()}@test.local`;
		await expect(server.client().collection('users').requestPasswordReset(unknown)).resolves.toBe(true);
		// A known address's mail sent afterwards arrives, so the unknown one had its chance to arrive first.
		const { email } = await server.learner();
		await server.client().collection('users').requestPasswordReset(email);
		await inbox.waitFor(email);
		expect(inbox.count(unknown)).toBe(0);
	});
});

describe('e-mail verification', () => {
	it('mails a link to the Palliwijs page; the token verifies the account once', async () => {
		const { email, id } = await server.learner();
		await server.client().collection('users').requestVerification(email);
		const mail = await inbox.waitFor(email);
		expect(mail.subject).toBe('Bevestig je e-mailadres voor Palliwijs Test');
		const { url, token } = accountLinkIn(mail, APP_URL);
		expect(url.startsWith(`${APP_URL}/account/e-mail-bevestigen/#`)).toBe(true);
		await server.client().collection('users').confirmVerification(token);
		expect((await server.admin.collection('users').getOne(id)).verified).toBe(true);
	});
});
