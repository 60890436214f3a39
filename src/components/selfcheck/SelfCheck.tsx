import { useEffect, useRef, useState, type FormEvent } from 'react';
import { islandTranslator } from '../../i18n';
import type { SelfCheckKey } from './keys';
import { barWidth } from '../../lib/bars';
import { queueOffline } from '../../lib/offline/load';
import { readSession, RemoteError } from '../../lib/progress/session';
import { domainScores, readSelfChecks, saveSelfCheckRemote, writeSelfCheck, type SelfCheckKind, type SelfCheckStore } from '../../lib/self-check';
import type { SelfCheckData } from '../../schemas/self-check';

interface Props {
	data: SelfCheckData;
	locale: 'nl' | 'en';
	strings: Record<SelfCheckKey, string>;
}

/**
 * Saves in the account too when logged in (the device copy is the one shown). When the server cannot
 * be reached, the self-check waits in the offline queue and is sent when the connection returns.
 */
async function saveToAccount(kind: SelfCheckKind, answers: Record<string, number>, scores: Record<string, number>): Promise<'account' | 'queued' | 'local'> {
	const session = readSession();
	if (!session || session === 'expired') return 'local';
	try {
		await saveSelfCheckRemote(session, kind, answers, scores);
		return 'account';
	} catch (err) {
		if (!(err instanceof RemoteError) || err.failure !== 'offline') return 'local';
		return (await queueOffline({ kind: 'selfCheck', selfCheck: kind, answers, scores }, session.userId)) ? 'queued' : 'local';
	}
}

/** The self-check before and after the citizen course, with a chart of both. */
export default function SelfCheck({ data, locale, strings }: Props) {
	const t = islandTranslator(strings);
	const [saved, setSaved] = useState<SelfCheckStore>({});
	const [answers, setAnswers] = useState<Record<string, number>>({});
	const [editing, setEditing] = useState<SelfCheckKind | null>(null);
	const [message, setMessage] = useState('');
	const resultRef = useRef<HTMLHeadingElement>(null);

	useEffect(() => {
		const stored = readSelfChecks();
		setSaved(stored);
		setEditing(stored.before ? (stored.after ? null : 'after') : 'before');
	}, []);

	const items = data.domains.flatMap((d) => d.items);
	async function submit(e: FormEvent) {
		e.preventDefault();
		if (!editing) return;
		const open = items.filter((i) => !answers[i.id]).length;
		if (open > 0) return setMessage(t('selfCheck.open', { count: open }));
		const scores = domainScores(data, answers);
		setSaved(writeSelfCheck(editing, { answers, scores, at: new Date().toISOString() }));
		const where = await saveToAccount(editing, answers, scores);
		setMessage(t(where === 'account' ? 'progress.savedAccount' : where === 'queued' ? 'progress.offline' : 'progress.savedLocal'));
		setEditing(null);
		setAnswers({});
		setTimeout(() => resultRef.current?.focus(), 0);
	}

	const bar = (value: number | undefined, kind: SelfCheckKind) =>
		value ? (
			<>
				<span className="selfcheck__value">{value.toLocaleString(locale === 'en' ? 'en' : 'nl-BE')}</span>
				{/* A fixed track, so the bar's length is the score's share of 5 (3, 4 and 5 differ); the number above is the text. */}
				<span className="selfcheck__track" aria-hidden="true">
					<span className={`selfcheck__bar selfcheck__bar--${kind}`} style={{ width: `${barWidth(value, 5)}%` }} />
				</span>
			</>
		) : (
			<span className="muted">{t('selfCheck.notYet')}</span>
		);

	return (
		<div className="selfcheck">
			{(saved.before || saved.after) && (
				<section aria-labelledby="selfcheck-result">
					<h2 id="selfcheck-result" ref={resultRef} tabIndex={-1}>
						{t('selfCheck.results')}
					</h2>
					{message && <p role="status" className="note note--ok">{message}</p>}
					<table className="coverage selfcheck__table">
						<caption>{t('selfCheck.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('selfCheck.domain')}</th>
								<th scope="col">{t('selfCheck.before')}</th>
								<th scope="col">{t('selfCheck.after')}</th>
							</tr>
						</thead>
						<tbody>
							{data.domains.map((d) => (
								<tr key={d.id}>
									<th scope="row">{d.title[locale]}</th>
									<td>{bar(saved.before?.scores[d.id], 'before')}</td>
									<td>{bar(saved.after?.scores[d.id], 'after')}</td>
								</tr>
							))}
						</tbody>
					</table>
					{!editing && (
						<p>
							<button type="button" className="secondary" onClick={() => setEditing(saved.after ? 'after' : 'after')}>
								{t('selfCheck.again')}
							</button>
						</p>
					)}
				</section>
			)}
			{editing && (
				<form onSubmit={submit} noValidate>
					<h2>{editing === 'before' ? t('selfCheck.fillBefore') : t('selfCheck.fillAfter')}</h2>
					{data.domains.map((d) => (
						<section key={d.id} aria-labelledby={`domain-${d.id}`}>
							<h3 id={`domain-${d.id}`}>{d.title[locale]}</h3>
							<p className="muted">{d.description[locale]}</p>
							{d.items.map((item) => (
								<fieldset key={item.id} className="selfcheck__item">
									<legend>{item.text[locale]}</legend>
									<div className="selfcheck__scale">
										{data.scale[locale].map((label, i) => (
											<label key={label}>
												<input type="radio" name={item.id} value={i + 1} checked={answers[item.id] === i + 1} onChange={() => setAnswers({ ...answers, [item.id]: i + 1 })} /> {label}
											</label>
										))}
									</div>
								</fieldset>
							))}
						</section>
					))}
					{message && (
						<p role="alert" className="note note--warn">
							{message}
						</p>
					)}
					<button type="submit">{t('selfCheck.save')}</button>
				</form>
			)}
		</div>
	);
}
