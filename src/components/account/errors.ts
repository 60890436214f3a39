import type { AccountKey } from './keys';

export type Field = 'name' | 'email' | 'password' | 'passwordConfirm';
export interface FormError {
	message: AccountKey;
	field?: Field;
}

interface ResponseLike {
	status?: number;
	response?: { data?: Record<string, { code?: string } | undefined> };
}

/** Turns a failed PocketBase call into a message the reader understands (never the raw server text). */
export function accountError(err: unknown, action: 'login' | 'signup'): FormError {
	const e = (err ?? {}) as ResponseLike;
	if (e.status === 0 || e.status === undefined || e.status >= 500) return { message: 'account.error.unreachable' };
	const data = e.response?.data ?? {};
	if (action === 'login') return { message: 'account.error.wrongPassword', field: 'password' };
	if (data.email?.code === 'validation_not_unique') return { message: 'account.error.emailTaken', field: 'email' };
	if (data.email) return { message: 'account.error.emailInvalid', field: 'email' };
	if (data.password || data.passwordConfirm) return { message: 'account.error.weakPassword', field: 'password' };
	if (data.name) return { message: 'account.error.nameMissing', field: 'name' };
	return { message: 'account.error.generic' };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a sign-up form before it is sent; the server checks again. */
export function signupProblem(values: Record<Field, string>): FormError | null {
	if (values.name.trim() === '') return { message: 'account.error.nameMissing', field: 'name' };
	if (!emailPattern.test(values.email.trim())) return { message: 'account.error.emailInvalid', field: 'email' };
	if (values.password.length < 10) return { message: 'account.error.weakPassword', field: 'password' };
	if (values.password !== values.passwordConfirm) return { message: 'account.error.passwordMismatch', field: 'passwordConfirm' };
	return null;
}
