import PocketBase from 'pocketbase';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { islandTranslator } from '../../i18n';
import { clearLocal } from '../../lib/progress/local-store';
import { syncProgress } from '../../lib/progress/sync';
import { accountError, isRateLimited, signupProblem, type Field, type FormError } from './errors';
import AccountOverview, { type CourseSummary } from './AccountOverview';
import type { AccountKey } from './keys';
import type { Locale } from '../../i18n/locales';

interface Props {
	strings: Record<AccountKey, string>;
	coursesHref: string;
	courses: CourseSummary[];
	certificateHref: string;
	/** The privacy page: what is stored, why, who sees it, how long, export and delete. */
	privacyHref: string;
	locale: Locale;
}
type Mode = 'login' | 'signup' | 'forgot';
interface User {
	name: string;
	email: string;
}
interface Notice {
	kind: 'ok' | 'warn';
	lines: string[];
}

const pb = new PocketBase('/');
const emptyForm: Record<Field, string> = { name: '', email: '', password: '', passwordConfirm: '' };

function currentUser(): User | null {
	const record = pb.authStore.record;
	return pb.authStore.isValid && record ? { name: String(record.name ?? ''), email: String(record.email ?? '') } : null;
}

/** Sign up, log in, log out; after each log-in the progress on this device is merged into the account. */
export default function AccountApp({ strings, coursesHref, courses, certificateHref, privacyHref, locale }: Props) {
	const t = islandTranslator(strings);
	const [user, setUser] = useState<User | null>(null);
	const [mode, setMode] = useState<Mode>('login');
	const [values, setValues] = useState(emptyForm);
	const [error, setError] = useState<FormError | null>(null);
	const [notice, setNotice] = useState<Notice | null>(null);
	const [busy, setBusy] = useState(false);
	const [completed, setCompleted] = useState<Set<string>>(new Set());
	const errorRef = useRef<HTMLDivElement>(null);
	const noticeRef = useRef<HTMLDivElement>(null);

	async function afterLogin(welcome: boolean) {
		const state = await syncProgress();
		setCompleted(state.completed);
		const lines = welcome ? [t('account.welcome', { name: String(pb.authStore.record?.name ?? '') })] : [];
		if (state.merged > 0) lines.push(t('account.merged', { count: state.merged }));
		if (state.status === 'account') lines.push(t('progress.summaryAccount', { done: state.completed.size }));
		if (state.status === 'offline') lines.push(t('progress.offline'));
		if (state.status === 'expired') lines.push(t('progress.expired'));
		setNotice({ kind: state.status === 'account' ? 'ok' : 'warn', lines });
	}

	useEffect(() => {
		const known = currentUser();
		setUser(known);
		if (!known) return;
		// Check the stored session with the server; an expired one is cleared with a clear message.
		pb.collection('users')
			.authRefresh()
			.then(() => {
				setUser(currentUser());
				return afterLogin(false);
			})
			.catch((err: { status?: number }) => {
				if (err.status === 401 || err.status === 403 || err.status === 404) {
					pb.authStore.clear();
					setUser(null);
					setNotice({ kind: 'warn', lines: [t('progress.expired')] });
				} else {
					setNotice({ kind: 'warn', lines: [t('account.error.unreachable')] });
				}
			});
	}, []);

	useEffect(() => {
		if (error) errorRef.current?.focus();
	}, [error]);
	useEffect(() => {
		if (notice) noticeRef.current?.focus();
	}, [notice]);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setError(null);
		setNotice(null);
		if (mode === 'forgot') return requestReset();
		if (mode === 'signup') {
			const problem = signupProblem(values);
			if (problem) return setError(problem);
		} else if (!values.email.trim() || !values.password) {
			return setError({ message: 'account.error.wrongPassword', field: values.email.trim() ? 'password' : 'email' });
		}
		setBusy(true);
		// Addresses are case-insensitive: the server stores them lower-case.
		const email = values.email.trim().toLowerCase();
		try {
			if (mode === 'signup') {
				try {
					await pb.collection('users').create({ name: values.name.normalize('NFC').trim(), email, password: values.password, passwordConfirm: values.passwordConfirm, locale });
				} catch (err) {
					return setError(accountError(err, 'signup'));
				}
			}
			try {
				await pb.collection('users').authWithPassword(email, values.password);
			} catch (err) {
				return setError(accountError(err, 'login'));
			}
			setValues(emptyForm);
			setUser(currentUser());
			await afterLogin(true);
		} finally {
			setBusy(false);
		}
	}

	/** Asks PocketBase for a reset mail. The answer is the same whether the address has an account or not. */
	async function requestReset() {
		const email = values.email.trim().toLowerCase();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setError({ message: 'account.error.emailInvalid', field: 'email' });
		setBusy(true);
		try {
			await pb.collection('users').requestPasswordReset(email);
		} catch (err) {
			const status = (err as { status?: number }).status;
			if (isRateLimited(err)) return setError({ message: 'account.error.rateLimited' });
			if (!status || status >= 500) return setError({ message: 'account.error.unreachable' });
			// Any other refusal says nothing about the address either.
		} finally {
			setBusy(false);
		}
		setMode('login');
		setValues({ ...emptyForm, email });
		setNotice({ kind: 'ok', lines: [t('account.forgotSent')] });
	}

	async function logout() {
		setBusy(true);
		const state = await syncProgress();
		// Forget this device's copy only when it is safe in the account.
		if (state.status === 'account') clearLocal();
		pb.authStore.clear();
		setUser(null);
		setMode('login');
		setBusy(false);
		setNotice({ kind: 'ok', lines: [t('account.loggedOut')] });
	}

	const noticeBox = notice && (
		<div ref={noticeRef} tabIndex={-1} role="status" className={`note note--${notice.kind}`}>
			{notice.lines.map((line) => (
				<p key={line}>{line}</p>
			))}
		</div>
	);

	const privacyNote = (
		<p className="hint">
			{t('account.privacy')} <a href={privacyHref}>{t('account.privacyLink')}</a>
		</p>
	);
	if (user) {
		return (
			<div>
				{noticeBox}
				<p>{t('account.loggedInAs', { name: user.name, email: user.email })}</p>
				<p>
					<a href={coursesHref}>{t('account.toCourses')}</a>
				</p>
				<button type="button" className="secondary" onClick={logout} disabled={busy}>
					{busy ? t('account.busy') : t('account.logout')}
				</button>
				<AccountOverview
					pb={pb}
					strings={strings}
					courses={courses}
					completed={completed}
					certificateHref={certificateHref}
					locale={locale}
					onDeleted={() => {
						setUser(null);
						setMode('login');
						setNotice({ kind: 'ok', lines: [t('account.deleted')] });
					}}
				/>
				{privacyNote}
			</div>
		);
	}

	const field = (name: Field, label: AccountKey, type: string, autoComplete: string, hint?: AccountKey) => {
		const invalid = error?.field === name;
		const describedBy = [hint ? `${name}-hint` : '', invalid ? 'account-error' : ''].filter(Boolean).join(' ') || undefined;
		return (
			<div>
				<label htmlFor={`account-${name}`}>{t(label)}</label>
				{hint && (
					<p className="hint" id={`${name}-hint`}>
						{t(hint)}
					</p>
				)}
				<input
					id={`account-${name}`}
					name={name}
					type={type}
					autoComplete={autoComplete}
					required
					value={values[name]}
					aria-invalid={invalid || undefined}
					aria-describedby={describedBy}
					onChange={(e) => setValues({ ...values, [name]: e.target.value })}
				/>
			</div>
		);
	};

	const errorBox = error && (
		<div ref={errorRef} tabIndex={-1} role="alert" id="account-error" className="note note--warn">
			<strong>{t('account.error.heading')}:</strong> {t(error.message)}
		</div>
	);
	const heading = mode === 'login' ? t('account.login') : mode === 'signup' ? t('account.signup') : t('account.forgot');
	if (mode === 'forgot') {
		return (
			<div>
				{noticeBox}
				<h2>{heading}</h2>
				{errorBox}
				<p>{t('account.forgotIntro')}</p>
				<form className="form" onSubmit={submit} noValidate aria-label={heading}>
					{field('email', 'account.email', 'email', 'email')}
					<div>
						<button type="submit" disabled={busy}>
							{busy ? t('account.busy') : t('account.forgotSend')}
						</button>
					</div>
				</form>
				<p>
					<button
						type="button"
						className="secondary"
						onClick={() => {
							setMode('login');
							setError(null);
						}}
					>
						{t('account.backToLogin')}
					</button>
				</p>
			</div>
		);
	}
	return (
		<div>
			{noticeBox}
			<h2>{heading}</h2>
			{errorBox}
			<form className="form" onSubmit={submit} noValidate aria-label={heading}>
				{mode === 'signup' && field('name', 'account.name', 'text', 'name', 'account.nameHint')}
				{field('email', 'account.email', 'email', 'email')}
				{field('password', 'account.password', 'password', mode === 'signup' ? 'new-password' : 'current-password', mode === 'signup' ? 'account.passwordHint' : undefined)}
				{mode === 'signup' && field('passwordConfirm', 'account.passwordConfirm', 'password', 'new-password')}
				{mode === 'signup' && privacyNote}
				<div>
					<button type="submit" disabled={busy}>
						{busy ? t('account.busy') : heading}
					</button>
				</div>
			</form>
			{mode === 'login' && (
				<p>
					<button
						type="button"
						className="secondary"
						onClick={() => {
							setMode('forgot');
							setError(null);
							setNotice(null);
						}}
					>
						{t('account.forgot')}
					</button>
				</p>
			)}
			<p>
				{mode === 'login' ? t('account.noAccount') : t('account.haveAccount')}{' '}
				<button
					type="button"
					className="secondary"
					onClick={() => {
						setMode(mode === 'login' ? 'signup' : 'login');
						setError(null);
					}}
				>
					{mode === 'login' ? t('account.signup') : t('account.login')}
				</button>
			</p>
		</div>
	);
}
