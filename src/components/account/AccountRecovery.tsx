import PocketBase from 'pocketbase';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newPasswordProblem, recoveryError } from './errors';
import type { RecoveryKey } from './keys';

interface Props {
	strings: Record<RecoveryKey, string>;
	/** reset: a new password with the token from the mail; verify: confirm the e-mail address. */
	mode: 'reset' | 'verify';
	accountHref: string;
}
type Field = 'password' | 'passwordConfirm';
type State = { kind: 'form' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'noToken' } | { kind: 'error'; message: RecoveryKey; field?: Field };

const pb = new PocketBase('/');

/** The token the mail's link carries after #, read once. */
function tokenFromLocation(): string {
	const raw = window.location.hash.replace(/^#/, '');
	let token = raw;
	try {
		token = decodeURIComponent(raw);
	} catch {
		token = raw;
	}
	return /^[A-Za-z0-9._-]{20,}$/.test(token) ? token : '';
}

/** Completes PocketBase's password-reset or verification flow on a Palliwijs page. */
export default function AccountRecovery({ strings, mode, accountHref }: Props) {
	const t = (key: RecoveryKey) => strings[key];
	const [token, setToken] = useState('');
	const [state, setState] = useState<State>({ kind: 'busy' });
	const [values, setValues] = useState({ password: '', passwordConfirm: '' });
	const messageRef = useRef<HTMLDivElement>(null);

	useEffect(() => {
		const found = tokenFromLocation();
		setToken(found);
		if (!found) return setState({ kind: 'noToken' });
		if (mode === 'reset') return setState({ kind: 'form' });
		pb.collection('users')
			.confirmVerification(found)
			.then(() => setState({ kind: 'done' }))
			.catch((err) => setState({ kind: 'error', ...recoveryError(err, 'verify') }));
	}, []);

	useEffect(() => {
		if (state.kind === 'done' || state.kind === 'error' || state.kind === 'noToken') messageRef.current?.focus();
	}, [state]);

	async function submit(event: FormEvent) {
		event.preventDefault();
		const problem = newPasswordProblem(values.password, values.passwordConfirm);
		if (problem) return setState({ kind: 'error', ...problem });
		setState({ kind: 'busy' });
		try {
			await pb.collection('users').confirmPasswordReset(token, values.password, values.passwordConfirm);
			setValues({ password: '', passwordConfirm: '' });
			setState({ kind: 'done' });
		} catch (err) {
			setState({ kind: 'error', ...recoveryError(err, 'reset') });
		}
	}

	const toAccount = (
		<p className="link-list">
			<a href={accountHref}>{mode === 'reset' ? t('recovery.toLogin') : t('recovery.toAccount')}</a>
		</p>
	);
	if (state.kind === 'noToken') {
		return (
			<div>
				<div ref={messageRef} tabIndex={-1} role="alert" className="note note--warn">
					{t('recovery.noToken')}
				</div>
				{toAccount}
			</div>
		);
	}
	if (state.kind === 'done') {
		return (
			<div>
				<div ref={messageRef} tabIndex={-1} role="status" className="note note--ok">
					{mode === 'reset' ? t('recovery.resetDone') : t('recovery.verifyDone')}
				</div>
				{toAccount}
			</div>
		);
	}
	if (mode === 'verify') {
		if (state.kind === 'error') {
			return (
				<div>
					<div ref={messageRef} tabIndex={-1} role="alert" className="note note--warn">
						{t(state.message)}
					</div>
					{toAccount}
				</div>
			);
		}
		return <p role="status">{t('recovery.verifyBusy')}</p>;
	}

	// A link that no longer works cannot be fixed on this form: only the message and the way to a new link.
	const tokenDead = state.kind === 'error' && state.message === 'recovery.tokenInvalid';
	const errorField = state.kind === 'error' ? state.field : undefined;
	const field = (name: Field, label: RecoveryKey, hint?: RecoveryKey) => {
		const invalid = errorField === name;
		const describedBy = [hint ? `recovery-${name}-hint` : '', invalid ? 'recovery-error' : ''].filter(Boolean).join(' ') || undefined;
		return (
			<div>
				<label htmlFor={`recovery-${name}`}>{t(label)}</label>
				{hint && (
					<p className="hint" id={`recovery-${name}-hint`}>
						{t(hint)}
					</p>
				)}
				<input
					id={`recovery-${name}`}
					name={name}
					type="password"
					autoComplete="new-password"
					required
					value={values[name]}
					aria-invalid={invalid || undefined}
					aria-describedby={describedBy}
					onChange={(e) => setValues({ ...values, [name]: e.target.value })}
				/>
			</div>
		);
	};
	return (
		<div>
			{state.kind === 'error' && (
				<div ref={messageRef} tabIndex={-1} role="alert" id="recovery-error" className="note note--warn">
					<strong>{t('account.error.heading')}:</strong> {t(state.message)}
				</div>
			)}
			{tokenDead ? (
				toAccount
			) : (
				<>
					<p>{t('recovery.resetLead')}</p>
					<form className="form" onSubmit={submit} noValidate aria-label={t('recovery.save')}>
						{field('password', 'recovery.newPassword', 'account.passwordHint')}
						{field('passwordConfirm', 'account.passwordConfirm')}
						<div>
							<button type="submit" disabled={state.kind === 'busy'}>
								{state.kind === 'busy' ? t('account.busy') : t('recovery.save')}
							</button>
						</div>
					</form>
				</>
			)}
		</div>
	);
}
