import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { islandTranslator } from '../../i18n';
import { call } from '../../lib/progress/remote-store';
import { readSession, RemoteError } from '../../lib/progress/session';
import type { CertificateData } from '../../lib/certificate/pdf';
import type { CertificateKey } from './keys';
import { certificateLabels } from '../../lib/certificate/labels';
import { downloadBlob } from '../../lib/download';
import { openBadgePath, openBadgeProblem, saveOpenBadge } from '../../lib/certificate/open-badge';
import { formatDate, formatNumber } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';
import { titlesIn, type CertificateTitles } from '../../lib/certificate/titles';

interface Props {
	strings: Record<CertificateKey, string>;
	/** Path of the verification page without the code, e.g. "/verifieer/". */
	verifyPath: string;
	accountHref: string;
	locale: Locale;
}
type State = { kind: 'loading' } | { kind: 'problem'; message: string; login?: boolean } | { kind: 'ready'; cert: CertificateData & { id: string }; qr: string };
/** The record as the server gives it: the titles in both languages. */
type CertificateRecord = CertificateData & CertificateTitles & { id: string };
/** The PDF download: nothing yet, being made (fonts and pdf-lib load on the first click), or failed. */
type PdfState = 'idle' | 'busy' | 'failed';

/** One of my certificates (?id=<record id>): printable, with a QR code and a PDF download. */
export default function CertificateView({ strings, verifyPath, accountHref, locale }: Props) {
	const t = islandTranslator(strings);
	const [state, setState] = useState<State>({ kind: 'loading' });
	const [badgeProblem, setBadgeProblem] = useState<string>('');
	const [badgeBusy, setBadgeBusy] = useState(false);
	const [pdf, setPdf] = useState<PdfState>('idle');
	const verifyUrl = (code: string) => `${location.origin}${verifyPath}${code}/`;

	useEffect(() => {
		const id = new URLSearchParams(location.search).get('id') ?? '';
		const session = readSession();
		if (session === null) return setState({ kind: 'problem', message: t('assessment.loginFirst'), login: true });
		if (session === 'expired') return setState({ kind: 'problem', message: t('progress.expired'), login: true });
		if (!/^[a-z0-9]{15}$/.test(id)) return setState({ kind: 'problem', message: t('certificate.notFound') });
		call(session, `/api/collections/certificates/records/${id}`)
			.then(async (record) => {
				const stored = record as CertificateRecord;
				// The page's language decides the course title and competences shown and printed.
				const cert = { ...stored, ...titlesIn(stored, locale) };
				setState({ kind: 'ready', cert, qr: await QRCode.toString(verifyUrl(cert.code), { type: 'svg', margin: 1 }) });
			})
			.catch((err: unknown) => {
				if (err instanceof RemoteError && err.failure === 'offline') setState({ kind: 'problem', message: t('progress.offline') });
				else setState({ kind: 'problem', message: t('certificate.notFound') });
			});
	}, []);

	if (state.kind === 'loading') return <p role="status">{t('certificate.loading')}</p>;
	if (state.kind === 'problem')
		return (
			<p className="note note--warn" role="alert">
				{state.message} {state.login && <a href={accountHref}>{t('assessment.loginLink')}</a>}
			</p>
		);

	const { cert, qr } = state;
	const download = async () => {
		if (pdf === 'busy') return;
		setPdf('busy');
		try {
			const { certificatePdfInBrowser } = await import('../../lib/certificate/browser-pdf');
			const bytes = await certificatePdfInBrowser(cert, verifyUrl(cert.code), certificateLabels(t), locale);
			downloadBlob(new Blob([bytes as BlobPart], { type: 'application/pdf' }), `${t('certificate.fileName')}-${cert.code.slice(0, 8)}.pdf`);
			setPdf('idle');
		} catch {
			setPdf('failed');
		}
	};
	const downloadBadge = async () => {
		const session = readSession();
		if (session === null || session === 'expired') return setBadgeProblem(t('progress.expired'));
		setBadgeBusy(true);
		setBadgeProblem('');
		try {
			saveOpenBadge(await call(session, openBadgePath(cert.id)), cert.code);
		} catch (err: unknown) {
			if (err instanceof RemoteError && err.failure === 'expired') setBadgeProblem(t('progress.expired'));
			else setBadgeProblem(err instanceof RemoteError && err.failure === 'rejected' && openBadgeProblem(err.body) === 'revoked' ? t('certificate.openBadgeRevoked') : t('certificate.openBadgeFailed'));
		} finally {
			setBadgeBusy(false);
		}
	};
	const issued = formatDate(cert.issued, locale);
	return (
		<>
			<article className="certificate" aria-labelledby="certificate-title">
				<p className="certificate__brand">Palliwijs</p>
				<h2 id="certificate-title">{t('certificate.heading')}</h2>
				<p>{t('certificate.intro')}</p>
				<p className="certificate__name">{cert.holderName}</p>
				<p>{t('certificate.completed')}</p>
				<p className="certificate__course">{cert.courseTitle}</p>
				<dl>
					<dt>{t('certificate.hours')}</dt>
					<dd>{formatNumber(cert.studyHours, locale)}</dd>
					<dt>{t('certificate.issued')}</dt>
					<dd>{issued}</dd>
					<dt>{t('certificate.code')}</dt>
					<dd>{cert.code}</dd>
				</dl>
				{cert.competences.length > 0 && (
					<>
						<h3>{t('certificate.competences')}</h3>
						<ul>
							{cert.competences.map((c) => (
								<li key={c}>{c}</li>
							))}
						</ul>
					</>
				)}
				<div className="certificate__verify">
					<div className="certificate__qr" role="img" aria-label={t('certificate.qr')} dangerouslySetInnerHTML={{ __html: qr }} />
					<p>
						{t('certificate.verify')}: <a href={verifyUrl(cert.code)}>{verifyUrl(cert.code)}</a>
					</p>
				</div>
			</article>
			<div className="certificate__actions">
				<p>
					<button type="button" onClick={download} aria-disabled={pdf === 'busy'}>
						{t('certificate.download')}
					</button>{' '}
					<button type="button" className="secondary" onClick={downloadBadge} disabled={badgeBusy}>
						{t('certificate.openBadge')}
					</button>{' '}
					<button type="button" className="secondary" onClick={() => print()}>
						{t('certificate.print')}
					</button>
				</p>
				<p role="status" className={pdf === 'failed' ? 'note note--warn' : undefined}>
					{pdf === 'busy' ? t('certificate.pdfBusy') : pdf === 'failed' ? t('certificate.pdfFailed') : ''}
				</p>
			</div>
			<p className="certificate__actions">{t('certificate.openBadgeHelp')}</p>
			{badgeProblem && (
				<p className="note note--warn" role="alert">
					{badgeProblem}
				</p>
			)}
		</>
	);
}
