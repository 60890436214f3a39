import { describe, expect, it } from 'vitest';
import { accountError, signupProblem } from '../../src/components/account/errors';

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
});
