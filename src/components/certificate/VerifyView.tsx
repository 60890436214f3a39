import { islandTranslator } from '../../i18n';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { VerifyKey } from './keys';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';
import { courseTitleIn } from '../../lib/certificate/titles';

interface Props {
	strings: Record<VerifyKey, string>;
	locale: Locale;
}
type Facts = { holderName?: string; courseTitle?: string; courseTitleEn?: string; studyHours?: number; issued?: string };
type Answer =
	| ({ valid: true } & Required<Facts>)
	| ({ valid: false; reason: 'revoked'; revokedAt: string; revocationReason: string } & Facts)
	| { valid: false; reason: 'unknown' | 'malformed' | 'offline' };
/** What the server says of an Open Badge handed in (POST /api/palliwijs/open-badges/verify). */
type BadgeAnswer =
	| { result: 'valid'; certifies: Required<Facts> & { competences: string[] } }
	| { result: 'revoked'; certifies: Required<Facts> & { competences: string[] }; revokedAt?: string; reason?: string }
	| { result: 'tampered' | 'foreign' | 'malformed' | 'unavailable' | 'empty' };

/**
 * Public check of a certificate: its code (from /verifieer/<code>/ or typed in), or its Open Badge (pasted or
 * chosen as a file), which the server verifies (signature, issuer, status list). Shows only what a verifier needs.
 */
export default function VerifyView({ strings, locale }: Props) {
	const t = islandTranslator(strings);
	const [code, setCode] = useState('');
	const [answer, setAnswer] = useState<Answer | null>(null);
	const [busy, setBusy] = useState(false);
	const out = useRef<HTMLDivElement>(null);
	const [badge, setBadge] = useState('');
	const [badgeAnswer, setBadgeAnswer] = useState<BadgeAnswer | null>(null);
	const [badgeBusy, setBadgeBusy] = useState(false);
	const badgeOut = useRef<HTMLDivElement>(null);

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

	async function checkBadge(text: string) {
		if (!text.trim()) return setBadgeAnswer({ result: 'empty' });
		try {
			JSON.parse(text);
		} catch {
			return setBadgeAnswer({ result: 'malformed' });
		}
		setBadgeBusy(true);
		try {
			const response = await fetch('/api/palliwijs/open-badges/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
			const body = (await response.json().catch(() => null)) as BadgeAnswer | null;
			setBadgeAnswer(body && ['valid', 'revoked', 'tampered', 'foreign', 'malformed'].includes(body.result) ? body : { result: 'unavailable' });
		} catch {
			setBadgeAnswer({ result: 'unavailable' });
		} finally {
			setBadgeBusy(false);
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
	useEffect(() => {
		if (badgeAnswer) badgeOut.current?.focus();
	}, [badgeAnswer]);

	const submit = (e: FormEvent) => {
		e.preventDefault();
		void check(code);
	};
	const submitBadge = (e: FormEvent) => {
		e.preventDefault();
		void checkBadge(badge);
	};
	const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
		const file = e.target.files?.[0];
		if (!file) return;
		// A Palliwijs badge is a few kilobytes; a large file is something else and is not sent.
		if (file.size > 100_000) return setBadgeAnswer({ result: 'foreign' });
		const text = await file.text();
		setBadge(text);
		void checkBadge(text);
	};
	const date = (iso: string) => formatDate(iso, locale);
	const reason = (text: string) => (text === 'account-deleted' ? t('verify.accountDeleted') : text);
	const facts = (f: Facts, competences?: string[]) => (
		<dl>
			{f.holderName && (
				<>
					<dt>{t('verify.holder')}</dt>
					<dd>{f.holderName}</dd>
				</>
			)}
			{f.courseTitle && (
				<>
					<dt>{t('verify.course')}</dt>
					<dd>{courseTitleIn({ courseTitle: f.courseTitle, courseTitleEn: f.courseTitleEn }, locale)}</dd>
				</>
			)}
			{f.studyHours !== undefined && (
				<>
					<dt>{t('verify.hours')}</dt>
					<dd>{f.studyHours}</dd>
				</>
			)}
			{f.issued && (
				<>
					<dt>{t('verify.issued')}</dt>
					<dd>{date(f.issued)}</dd>
				</>
			)}
			{competences && competences.length > 0 && (
				<>
					<dt>{t('verify.competences')}</dt>
					<dd>
						<ul>
							{competences.map((c) => (
								<li key={c}>{c}</li>
							))}
						</ul>
					</dd>
				</>
			)}
		</dl>
	);
	const withdrawal = (at: string | undefined, why: string | undefined) => (
		<dl>
			{at && (
				<>
					<dt>{t('verify.revokedOn')}</dt>
					<dd>{date(at)}</dd>
				</>
			)}
			{why && (
				<>
					<dt>{t('verify.reason')}</dt>
					<dd>{reason(why)}</dd>
				</>
			)}
		</dl>
	);
	const badgeMessage: Record<BadgeAnswer['result'], VerifyKey> = {
		valid: 'verify.badgeValid',
		revoked: 'verify.badgeRevoked',
		tampered: 'verify.badgeTampered',
		foreign: 'verify.badgeForeign',
		malformed: 'verify.badgeMalformed',
		unavailable: 'verify.badgeUnavailable',
		empty: 'verify.badgeEmpty',
	};
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
							{facts(answer)}
						</>
					) : answer.reason === 'revoked' ? (
						<>
							<p>
								<strong>{t('verify.revoked')}</strong>
							</p>
							{withdrawal(answer.revokedAt, answer.revocationReason)}
							{facts(answer)}
						</>
					) : (
						<p>{answer.reason === 'malformed' ? t('verify.malformed') : answer.reason === 'offline' ? t('progress.offline') : t('verify.invalid')}</p>
					)}
				</div>
			)}
			<h2>{t('verify.badgeTitle')}</h2>
			<p>{t('verify.badgeLead')}</p>
			<form className="form" onSubmit={submitBadge}>
				<div>
					<label htmlFor="verify-badge">{t('verify.badgePaste')}</label>
					<textarea id="verify-badge" rows={6} value={badge} onChange={(e) => setBadge(e.target.value)} spellCheck={false} autoComplete="off" />
				</div>
				<div>
					<label htmlFor="verify-badge-file">{t('verify.badgeFile')}</label>
					<input id="verify-badge-file" type="file" accept=".json,application/json,application/ld+json" onChange={(e) => void chooseFile(e)} />
				</div>
				<div>
					<button type="submit" disabled={badgeBusy}>
						{badgeBusy ? t('verify.busy') : t('verify.badgeCheck')}
					</button>
				</div>
			</form>
			{badgeAnswer && (
				<div ref={badgeOut} tabIndex={-1} role="status" className={`note ${badgeAnswer.result === 'valid' ? 'note--ok' : 'note--warn'}`} data-result={badgeAnswer.result}>
					<p>
						<strong>{t(badgeMessage[badgeAnswer.result])}</strong>
					</p>
					{badgeAnswer.result === 'revoked' && withdrawal(badgeAnswer.revokedAt, badgeAnswer.reason)}
					{(badgeAnswer.result === 'valid' || badgeAnswer.result === 'revoked') && facts(badgeAnswer.certifies, badgeAnswer.certifies.competences)}
				</div>
			)}
		</>
	);
}
