import { useEffect, useRef, useState, type FormEvent } from 'react';
import { interpolate } from '../../i18n';
import { call } from '../../lib/progress/remote-store';
import { readSession, RemoteError } from '../../lib/progress/session';
import type { AssessmentKey } from './keys';

interface Item {
	id: string;
	question: string;
	multiple: boolean;
	options: { id: string; text: string }[];
}
interface Props {
	assessment: string;
	passPercentage: number;
	items: Item[];
	strings: Record<AssessmentKey, string>;
	accountHref: string;
}
interface Result {
	score: number;
	correct: number;
	total: number;
	passed: boolean;
	bestScore: number;
	items: { id: string; right: boolean; correct: string[]; explanation: string }[];
}

/** A summative assessment: the learner answers, the server scores and explains. Nothing is scored here. */
export default function AssessmentForm({ assessment, passPercentage, items, strings, accountHref }: Props) {
	const t = (key: AssessmentKey, params?: Record<string, string | number>) => interpolate(strings[key], params);
	const [answers, setAnswers] = useState<Record<string, string[]>>({});
	const [result, setResult] = useState<Result | null>(null);
	const [problem, setProblem] = useState<string>('');
	const [busy, setBusy] = useState(false);
	const [loggedIn, setLoggedIn] = useState(true);
	const summary = useRef<HTMLDivElement>(null);
	const problemRef = useRef<HTMLDivElement>(null);

	useEffect(() => setLoggedIn(readSession() !== null), []);
	useEffect(() => {
		if (result) summary.current?.focus();
	}, [result]);
	useEffect(() => {
		if (problem) problemRef.current?.focus();
	}, [problem]);

	const toggle = (item: Item, option: string, checked: boolean) =>
		setAnswers((a) => {
			const current = a[item.id] ?? [];
			const next = item.multiple ? (checked ? [...current, option] : current.filter((o) => o !== option)) : [option];
			return { ...a, [item.id]: next };
		});

	async function submit(event: FormEvent) {
		event.preventDefault();
		setProblem('');
		const session = readSession();
		if (session === null) return setProblem(t('assessment.loginFirst'));
		if (session === 'expired') return setProblem(t('progress.expired'));
		const open = items.filter((i) => !(answers[i.id]?.length));
		if (open.length > 0) return setProblem(t('assessment.unanswered', { count: open.length }));
		setBusy(true);
		try {
			setResult((await call(session, `/api/palliwijs/assessments/${assessment}/attempts`, { method: 'POST', body: JSON.stringify({ answers }) })) as Result);
		} catch (err) {
			// The answers stay in the form, so nothing is lost.
			if (err instanceof RemoteError) setProblem(err.failure === 'offline' ? t('progress.offline') : err.failure === 'expired' ? t('progress.expired') : t('account.error.generic'));
			else throw err;
		} finally {
			setBusy(false);
		}
	}

	if (result) {
		const byId = new Map(result.items.map((r) => [r.id, r]));
		return (
			<div className="assessment">
				<div ref={summary} tabIndex={-1} role="status" className={`note ${result.passed ? 'note--ok' : 'note--warn'}`}>
					<p>
						<strong>{t('assessment.score', { score: result.score, correct: result.correct, total: result.total })}</strong>
					</p>
					<p>{result.passed ? t('assessment.passed') : t('assessment.failed', { pass: passPercentage })}</p>
					<p>{t('assessment.best', { score: result.bestScore })}</p>
				</div>
				<ol className="assessment__results">
					{items.map((item) => {
						const r = byId.get(item.id)!;
						return (
							<li key={item.id}>
								<p>
									<strong>{item.question}</strong>
								</p>
								<p className={`tag ${r.right ? 'quality-good' : 'quality-poor'}`}>{r.right ? t('assessment.right') : t('assessment.wrong')}</p>
								<p>
									{t('assessment.rightAnswer')}: {item.options.filter((o) => r.correct.includes(o.id)).map((o) => o.text).join(' · ')}
								</p>
								<p>{r.explanation}</p>
							</li>
						);
					})}
				</ol>
				<button
					type="button"
					onClick={() => {
						setResult(null);
						setAnswers({});
					}}
				>
					{t('assessment.retry')}
				</button>
			</div>
		);
	}

	return (
		<form className="assessment" onSubmit={submit} noValidate>
			{!loggedIn && (
				<p className="note">
					{t('assessment.loginFirst')} <a href={accountHref}>{t('assessment.loginLink')}</a>
				</p>
			)}
			<ol className="assessment__items">
				{items.map((item, n) => (
					<li key={item.id}>
						<fieldset>
							<legend>
								<span className="kc__label">{t('assessment.question', { number: n + 1, total: items.length })}</span>
								{item.question}
							</legend>
							<p className="kc__hint">{item.multiple ? t('assessment.chooseAll') : t('assessment.chooseOne')}</p>
							<ul className="kc__options">
								{item.options.map((o) => (
									<li key={o.id} className="kc__option">
										<label>
											<input
												type={item.multiple ? 'checkbox' : 'radio'}
												name={`${item.id}`}
												value={o.id}
												checked={answers[item.id]?.includes(o.id) ?? false}
												onChange={(e) => toggle(item, o.id, e.target.checked)}
											/>
											<span>{o.text}</span>
										</label>
									</li>
								))}
							</ul>
						</fieldset>
					</li>
				))}
			</ol>
			{problem && (
				<div ref={problemRef} tabIndex={-1} role="alert" className="note note--warn">
					{problem} {problem === t('assessment.loginFirst') && <a href={accountHref}>{t('assessment.loginLink')}</a>}
				</div>
			)}
			<button type="submit" disabled={busy}>
				{busy ? t('assessment.busy') : t('assessment.submit')}
			</button>
		</form>
	);
}
