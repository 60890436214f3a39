import { describe, expect, it } from 'vitest';
import { accountError, newPasswordProblem, recoveryError, signupProblem } from '../../src/components/account/errors';

describe('account errors', () => {
	it('maps server answers to messages in the reader’s language', () => {
		expect(accountError({ status: 0 }, 'login').message).toBe('account.error.unreachable');
		expect(accountError({ status: 400, response: { data: {} } }, 'login').message).toBe('account.error.wrongPassword');
		expect(accountError({ status: 400, response: { data: { email: { code: 'validation_not_unique' } } } }, 'signup')).toEqual({ message: 'account.error.emailTaken', field: 'email' });
		expect(accountError({ status: 400, response: { data: { password: { code: 'validation_min_text_constraint' } } } }, 'signup').message).toBe('account.error.weakPassword');
		expect(accountError({ status: 503 }, 'signup').message).toBe('account.error.unreachable');
	});
	it('checks a sign-up form before sending it', () => {
		const ok = { name: 'An', email: 'an@example.org', password: 'lang-genoeg-1', passwordConfirm: 'lang-genoeg-1' };
		expect(signupProblem(ok)).toBeNull();
		expect(signupProblem({ ...ok, name: ' ' })?.field).toBe('name');
		expect(signupProblem({ ...ok, email: 'an@' })?.field).toBe('email');
		expect(signupProblem({ ...ok, password: 'kort', passwordConfirm: 'kort' })?.message).toBe('account.error.weakPassword');
		expect(signupProblem({ ...ok, passwordConfirm: 'iets-anders-1' })?.message).toBe('account.error.passwordMismatch');
	});

	it('names every server field error in the reader’s language (issue 18)', () => {
		const field = (f: string, code: string) => accountError({ status: 400, response: { data: { [f]: { code } } } }, 'signup');
		expect(field('password', 'password_too_long')).toEqual({ message: 'account.error.passwordTooLong', field: 'password' });
		expect(field('name', 'name_required')).toEqual({ message: 'account.error.nameMissing', field: 'name' });
		expect(field('name', 'name_invalid')).toEqual({ message: 'account.error.nameInvalid', field: 'name' });
		expect(field('name', 'name_too_short')).toEqual({ message: 'account.error.nameTooShort', field: 'name' });
		expect(field('name', 'name_too_long')).toEqual({ message: 'account.error.nameTooLong', field: 'name' });
		expect(field('name', 'iets_nieuws')).toEqual({ message: 'account.error.nameInvalid', field: 'name' });
		for (const action of ['login', 'signup'] as const) expect(accountError({ status: 429 }, action).message).toBe('account.error.rateLimited');
		// The per-account guard (login-guard.pb.js) says which account is locked and points to the reset.
		expect(accountError({ status: 429, response: { data: { identity: { code: 'login_locked' } } } }, 'login')).toEqual({ message: 'account.error.loginLocked', field: 'password' });
	});
	it('refuses invisible names and passwords over 71 characters or 72 bytes before sending', () => {
		const ok = { name: 'An', email: 'an@example.org', password: 'lang-genoeg-1', passwordConfirm: 'lang-genoeg-1' };
		expect(signupProblem({ ...ok, name: '\u200b\u200b' })?.message).toBe('account.error.nameMissing');
		expect(signupProblem({ ...ok, name: 'An\u0000' })?.message).toBe('account.error.nameInvalid');
		expect(signupProblem({ ...ok, name: 'a'.repeat(121) })?.message).toBe('account.error.nameTooLong');
		const long = 'é'.repeat(37);
		expect(signupProblem({ ...ok, password: long, passwordConfirm: long })).toEqual({ message: 'account.error.passwordTooLong', field: 'password' });
		expect(signupProblem({ ...ok, password: 'a'.repeat(71), passwordConfirm: 'a'.repeat(71) })).toBeNull();
	});
});

describe('password recovery (issue 21)', () => {
	it('keeps the sign-up password rules for a new password', () => {
		expect(newPasswordProblem('kort', 'kort')).toEqual({ message: 'account.error.weakPassword', field: 'password' });
		expect(newPasswordProblem('é'.repeat(37), 'é'.repeat(37))).toEqual({ message: 'account.error.passwordTooLong', field: 'password' });
		expect(newPasswordProblem('een-goed-wachtwoord', 'een-ander-wachtwoord')).toEqual({ message: 'account.error.passwordMismatch', field: 'passwordConfirm' });
		expect(newPasswordProblem('een-goed-wachtwoord', 'een-goed-wachtwoord')).toBeNull();
	});

	it('names an expired or used link, a refused password, the rate limit and the connection', () => {
		const refused = (data: Record<string, { code: string }>) => ({ status: 400, response: { data } });
		expect(recoveryError(refused({ token: { code: 'validation_invalid_token' } }), 'reset')).toEqual({ message: 'recovery.tokenInvalid' });
		expect(recoveryError(refused({ token: { code: 'validation_invalid_token' } }), 'verify')).toEqual({ message: 'recovery.verifyInvalid' });
		expect(recoveryError(refused({ password: { code: 'password_too_long' } }), 'reset')).toEqual({ message: 'account.error.passwordTooLong', field: 'password' });
		expect(recoveryError(refused({ password: { code: 'validation_length_out_of_range' } }), 'reset')).toEqual({ message: 'account.error.weakPassword', field: 'password' });
		expect(recoveryError({ status: 429 }, 'reset')).toEqual({ message: 'account.error.rateLimited' });
		expect(recoveryError({ status: 0 }, 'verify')).toEqual({ message: 'account.error.unreachable' });
	});
});
