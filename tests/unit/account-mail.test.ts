// The mails' links and the site's routes name the same pages (issue 21), and each language gets its own text.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { href } from '../../src/lib/routes';

const require = createRequire(import.meta.url);
const { accountMail, accountLink } = require('../../pocketbase/pb_hooks/lib/account-mail.js');

describe('account mails', () => {
	it('link to the pages of src/lib/routes.ts in both languages, token after #', () => {
		for (const locale of ['nl', 'en'] as const) {
			expect(accountLink('passwordReset', locale, 'https://leren.example.be/', 'abc.def')).toBe(`https://leren.example.be${href(locale, { kind: 'passwordReset' })}#abc.def`);
			expect(accountLink('emailVerification', locale, 'https://leren.example.be', 'abc')).toBe(`https://leren.example.be${href(locale, { kind: 'emailVerification' })}#abc`);
		}
	});

	it('write Dutch unless the learner chose English, with the name and URL, and escape the name in HTML', () => {
		const nl = accountMail('passwordReset', { locale: '', appName: 'Palliwijs <Gent>', appURL: 'https://leren.example.be', token: 't0k' });
		expect(nl.subject).toBe('Nieuw wachtwoord voor Palliwijs <Gent>');
		expect(nl.html).toContain('Palliwijs &lt;Gent&gt;');
		expect(nl.html).not.toContain('<Gent>');
		expect(nl.text).toContain('https://leren.example.be/account/wachtwoord-herstellen/#t0k');
		const en = accountMail('emailVerification', { locale: 'en', appName: 'Palliwijs', appURL: 'https://leren.example.be', token: 't0k' });
		expect(en.subject).toBe('Confirm your e-mail address for Palliwijs');
		expect(en.html).toContain('href="https://leren.example.be/en/account/confirm-email/#t0k"');
	});
});
