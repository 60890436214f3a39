import type { AccountKey, RecoveryKey } from './keys';

export type Field = 'name' | 'email' | 'password' | 'passwordConfirm';
export interface FormError {
	message: AccountKey;
	field?: Field;
}

interface ResponseLike {
	status?: number;
	response?: { data?: Record<string, { code?: string } | undefined> };
}

/** The server's name codes (pocketbase/pb_hooks/lib/names.js) and the message each gets. */
const nameMessages: Record<string, AccountKey> = {
	name_required: 'account.error.nameMissing',
	name_invalid: 'account.error.nameInvalid',
	name_too_short: 'account.error.nameTooShort',
	name_too_long: 'account.error.nameTooLong',
};

/** True when the server refused because of its rate limit (429): the reader waits a minute and tries again. */
export function isRateLimited(err: unknown): boolean {
	return (err as ResponseLike | null)?.status === 429;
}

/** Turns a failed PocketBase call into a message the reader understands (never the raw server text). */
export function accountError(err: unknown, action: 'login' | 'signup'): FormError {
	const e = (err ?? {}) as ResponseLike;
	// Ten wrong passwords for this account (pocketbase/pb_hooks/login-guard.pb.js): a quarter of an hour, or a reset.
	if (e.status === 429 && e.response?.data?.identity?.code === 'login_locked') return { message: 'account.error.loginLocked', field: 'password' };
	if (e.status === 429) return { message: 'account.error.rateLimited' };
	if (e.status === 0 || e.status === undefined || e.status >= 500) return { message: 'account.error.unreachable' };
	const data = e.response?.data ?? {};
	if (action === 'login') return { message: 'account.error.wrongPassword', field: 'password' };
	if (data.email?.code === 'validation_not_unique') return { message: 'account.error.emailTaken', field: 'email' };
	if (data.email) return { message: 'account.error.emailInvalid', field: 'email' };
	if (data.password?.code === 'password_too_long' || data.password?.code === 'validation_max_text_constraint') return { message: 'account.error.passwordTooLong', field: 'password' };
	if (data.password || data.passwordConfirm) return { message: 'account.error.weakPassword', field: 'password' };
	if (data.name) return { message: nameMessages[data.name.code ?? ''] ?? 'account.error.nameInvalid', field: 'name' };
	return { message: 'account.error.generic' };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** bcrypt reads 72 bytes and PocketBase allows 71 characters (the server checks the same). */
export const PASSWORD_MAX_CHARACTERS = 71;
export const PASSWORD_MAX_BYTES = 72;
export const NAME_MAX = 120;

export function passwordTooLong(password: string): boolean {
	return [...password].length > PASSWORD_MAX_CHARACTERS || new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES;
}

/** A name with nothing visible in it: only white space and zero-width or other invisible characters. */
function invisible(name: string): boolean {
	return name.replace(/[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g, '') === '';
}

/** Checks a sign-up form before it is sent; the server checks again. */
export function signupProblem(values: Record<Field, string>): FormError | null {
	if (invisible(values.name)) return { message: 'account.error.nameMissing', field: 'name' };
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(values.name)) return { message: 'account.error.nameInvalid', field: 'name' };
	if (values.name.normalize('NFC').trim().length > NAME_MAX) return { message: 'account.error.nameTooLong', field: 'name' };
	if (!emailPattern.test(values.email.trim())) return { message: 'account.error.emailInvalid', field: 'email' };
	return newPasswordProblem(values.password, values.passwordConfirm);
}

/** The password rules, for sign-up and for a new password after a reset (the server checks the same). */
export function newPasswordProblem(password: string, passwordConfirm: string): { message: AccountKey & RecoveryKey; field: 'password' | 'passwordConfirm' } | null {
	if (password.length < 10) return { message: 'account.error.weakPassword', field: 'password' };
	if (passwordTooLong(password)) return { message: 'account.error.passwordTooLong', field: 'password' };
	if (password !== passwordConfirm) return { message: 'account.error.passwordMismatch', field: 'passwordConfirm' };
	return null;
}

/** A refused confirm-password-reset or confirm-verification: an expired or used link, a password rule, or the connection. */
export function recoveryError(err: unknown, action: 'reset' | 'verify'): { message: RecoveryKey; field?: 'password' | 'passwordConfirm' } {
	const e = (err ?? {}) as ResponseLike;
	if (e.status === 429) return { message: 'account.error.rateLimited' };
	if (e.status === 0 || e.status === undefined || e.status >= 500) return { message: 'account.error.unreachable' };
	const data = e.response?.data ?? {};
	if (data.token || action === 'verify') return { message: action === 'verify' ? 'recovery.verifyInvalid' : 'recovery.tokenInvalid' };
	if (data.password?.code === 'password_too_long' || data.password?.code === 'validation_max_text_constraint') return { message: 'account.error.passwordTooLong', field: 'password' };
	if (data.password) return { message: 'account.error.weakPassword', field: 'password' };
	if (data.passwordConfirm) return { message: 'account.error.passwordMismatch', field: 'passwordConfirm' };
	return { message: 'account.error.generic' };
}
