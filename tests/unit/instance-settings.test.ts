// Production settings from the environment (pb_hooks/lib/instance-settings.js).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { instanceSettings } = require('../../pocketbase/pb_hooks/lib/instance-settings.js');
const from = (vars: Record<string, string>) => instanceSettings((name: string) => vars[name] ?? '');

describe('instance settings from PW_* variables', () => {
	it('leaves everything as it is when nothing is set (the local demo)', () => {
		expect(from({})).toEqual({ meta: {}, smtp: null });
	});
	it('takes name, public URL (without a trailing slash), sender and SMTP', () => {
		expect(
			from({ PW_APP_NAME: ' Palliwijs ', PW_APP_URL: 'https://leren.example.be/', PW_MAIL_FROM: 'noreply@example.be', PW_MAIL_FROM_NAME: 'Palliwijs', PW_SMTP_HOST: 'smtp.example.be', PW_SMTP_USERNAME: 'u', PW_SMTP_PASSWORD: ' p w ' }),
		).toEqual({
			meta: { appName: 'Palliwijs', appURL: 'https://leren.example.be', senderAddress: 'noreply@example.be', senderName: 'Palliwijs' },
			smtp: { enabled: true, host: 'smtp.example.be', port: 587, username: 'u', password: ' p w ', tls: false },
		});
		expect(from({ PW_SMTP_HOST: 'smtp.example.be', PW_SMTP_PORT: '465' }).smtp).toMatchObject({ port: 465, tls: true });
		expect(from({ PW_SMTP_HOST: 'smtp.example.be', PW_SMTP_PORT: '2525', PW_SMTP_TLS: 'true' }).smtp).toMatchObject({ port: 2525, tls: true });
	});
	it('refuses what it cannot mean, naming the variable', () => {
		expect(() => from({ PW_APP_URL: 'leren.example.be' })).toThrow(/PW_APP_URL/);
		expect(() => from({ PW_APP_URL: 'https://leren.example.be/?x=1' })).toThrow(/PW_APP_URL/);
		expect(() => from({ PW_MAIL_FROM: 'Palliwijs <noreply@example.be>' })).toThrow(/PW_MAIL_FROM/);
		expect(() => from({ PW_SMTP_HOST: 'h', PW_SMTP_PORT: '70000' })).toThrow(/PW_SMTP_PORT/);
		expect(() => from({ PW_SMTP_HOST: 'h', PW_SMTP_TLS: 'ja' })).toThrow(/PW_SMTP_TLS/);
		expect(() => from({ PW_SMTP_PASSWORD: 'x' })).toThrow(/PW_SMTP_HOST is missing/);
	});
});
