import { islandTranslator } from '../../i18n';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VerifyKey } from './keys';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';

interface Props {
	strings: Record<VerifyKey, string>;
	locale: Locale;
}
type Answer = { valid: true; holderName: string; courseTitle: string; studyHours: number; issued: string } | { valid: false; reason: 'unknown' | 'malformed' | 'offline' };

/** Public check of a certificate code: from /verifieer/<code>/ or typed in. Shows only what a verifier needs. */
export default function VerifyView({ strings, locale }: Props) {
	const t = islandTranslator(strings);
	const [code, setCode] = useState('');
	const [answer, setAnswer] = useState<Answer | null>(null);
	const [busy, setBusy] = useState(false);
	const out = useRef<HTMLDivElement>(null);

	async function check(value: string) {
		const clean = value.trim().toLowerCase();
		setBusy(true);
		try {
			const response = await fetch(`/api/palliwijs/verify/${encodeURIComponent(clean || '-')}`);
			setAnswer((await response.json()) as Answer);
		} catch {
			setAnswer({ valid: false, reason: 'offline' });
		} finally {
			setBusy(false);
		}
	}

	useEffect(() => {
		const fromPath = location.pathname.split('/').filter(Boolean)[locale === 'en' ? 2 : 1];
		if (fromPath) {
			setCode(fromPath);
			void check(fromPath);
		}
	}, []);
	useEffect(() => {
		if (answer) out.current?.focus();
	}, [answer]);

	const submit = (e: FormEvent) => {
		e.preventDefault();
		void check(code);
	};
	const date = (iso: string) => formatDate(iso, locale);
	return (
		<>
			<form className="form" onSubmit={submit}>
				<div>
					<label htmlFor="verify-code">{t('verify.code')}</label>
					<input id="verify-code" type="text" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
				</div>
				<div>
					<button type="submit" disabled={busy}>
						{busy ? t('verify.busy') : t('verify.check')}
					</button>
				</div>
			</form>
			{answer && (
				<div ref={out} tabIndex={-1} role="status" className={`note ${answer.valid ? 'note--ok' : 'note--warn'}`}>
					{answer.valid ? (
						<>
							<p>
								<strong>{t('verify.valid')}</strong>
							</p>
							<dl>
								<dt>{t('verify.holder')}</dt>
								<dd>{answer.holderName}</dd>
								<dt>{t('verify.course')}</dt>
								<dd>{answer.courseTitle}</dd>
								<dt>{t('verify.hours')}</dt>
								<dd>{answer.studyHours}</dd>
								<dt>{t('verify.issued')}</dt>
								<dd>{date(answer.issued)}</dd>
							</dl>
						</>
					) : (
						<p>{answer.reason === 'malformed' ? t('verify.malformed') : answer.reason === 'offline' ? t('progress.offline') : t('verify.invalid')}</p>
					)}
				</div>
			)}
		</>
	);
}
