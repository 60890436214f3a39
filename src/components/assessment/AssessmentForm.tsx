import { useEffect, useRef, useState, type FormEvent } from 'react';
import { islandTranslator } from '../../i18n';
import { call } from '../../lib/progress/remote-store';
import { readSession, RemoteError, type Session } from '../../lib/progress/session';
import type { AssessmentKey } from './keys';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';

/** One question of an attempt, as the server handed it out (drawn and shuffled there). */
interface Item {
	id: string;
	question: string;
	multiple: boolean;
	options: { id: string; text: string }[];
}
interface Attempt {
	id: string;
	assessment: string;
	startedAt: string;
	items: Item[];
}
interface Result {
	attempt: string;
	score: number;
	correct: number;
	total: number;
	passed: boolean;
	passPercentage: number;
	attemptsLeft: number;
	nextAttemptAt: string | number | null;
	/** Questions answered wrong and the lesson to reread; never the right option. */
	wrong: { item: string; question: string; lesson: string; lessonTitle: string | null }[];
	/** Right answers with explanations: only after a pass or after the last attempt of a series. */
	review: { item: string; question: string; options: { id: string; text: string }[]; chosen: string[]; correct: string[]; explanation: string }[] | null;
}
interface Status {
	passPercentage: number;
	attemptsAllowed: number;
	attemptsUsed: number;
	attemptsLeft: number;
	nextAttemptAt: string | number | null;
	passed: boolean;
	bestScore: number | null;
	open: Attempt | null;
	last: Result | null;
}
interface Props {
	assessment: string;
	strings: Record<AssessmentKey, string>;
	accountHref: string;
	/** Lesson key ("<module>/<slug>") → its page and title, to link the lessons to reread. */
	lessons: Record<string, { href: string; title: string }>;
	/** BCP 47 tag of the page, for dates and times. */
	locale: Locale;
}
type Answers = Record<string, string[]>;

/** Answers given in an open attempt stay on this device until it is submitted, so a reload keeps them. */
const answersKey = (attempt: string) => `palliwijs.attempt.${attempt}.v1`;
function savedAnswers(attempt: string): Answers {
	try {
		const value = JSON.parse(localStorage.getItem(answersKey(attempt)) ?? '{}') as unknown;
		return value && typeof value === 'object' ? (value as Answers) : {};
	} catch {
		return {};
	}
}
function keepAnswers(attempt: string, answers: Answers | null) {
	try {
		if (answers) localStorage.setItem(answersKey(attempt), JSON.stringify(answers));
		else localStorage.removeItem(answersKey(attempt));
	} catch {
		/* not kept: the answers stay in the form as long as the page is open */
	}
}

/**
 * A summative assessment. The server decides everything: it draws and orders the questions of an
 * attempt, scores it, limits the attempts and decides when the right answers may be shown. This island
 * shows the status, the attempt and the result.
 */
function AssessmentFormBody({ assessment, strings, accountHref, lessons, locale }: Props) {
	const t = islandTranslator(strings);
	const [session, setSession] = useState<Session | 'expired' | null | undefined>(undefined);
	const [status, setStatus] = useState<Status | null>(null);
	const [attempt, setAttempt] = useState<Attempt | null>(null);
	const [answers, setAnswers] = useState<Answers>({});
	const [result, setResult] = useState<Result | null>(null);
	const [problem, setProblem] = useState('');
	const [busy, setBusy] = useState(false);
	const resultRef = useRef<HTMLDivElement>(null);
	const problemRef = useRef<HTMLDivElement>(null);
	const attemptRef = useRef<HTMLHeadingElement>(null);
	/** Set when the learner starts an attempt: its heading gets the focus once it is shown. */
	const focusAttempt = useRef(false);

	const when = (at: string | number) => formatDate(at, locale, 'dateTime');

	/** A failed call in the reader's words; the answers in the form are never lost. */
	const explain = (err: unknown, context: 'start' | 'submit' | 'status'): string => {
		if (!(err instanceof RemoteError)) throw err;
		if (err.failure === 'offline') return t('assessment.error.offline');
		if (err.failure === 'expired') return t('assessment.error.expired');
		const body = (err.body ?? {}) as { status?: number; data?: { nextAttemptAt?: string | number } };
		if (body.data?.nextAttemptAt) return t('assessment.error.wait', { when: when(body.data.nextAttemptAt) });
		if (body.status === 409) return t('assessment.error.passed');
		// PocketBase's rate limiter (not the attempt limit, which names when the next attempt opens).
		if (body.status === 429) return t('assessment.error.rateLimited');
		if (context === 'submit') return t('assessment.error.submitRefused');
		return t('assessment.error.refused');
	};

	async function loadStatus(current: Session) {
		const next = (await call(current, `/api/palliwijs/assessments/${assessment}`)) as Status;
		setStatus(next);
		if (next.open) {
			setAttempt(next.open);
			setAnswers(savedAnswers(next.open.id));
		} else setAttempt(null);
		return next;
	}

	useEffect(() => {
		const current = readSession();
		setSession(current);
		if (!current || current === 'expired') return;
		loadStatus(current).catch((err: unknown) => setProblem(explain(err, 'status')));
	}, []);
	useEffect(() => {
		if (result) resultRef.current?.focus();
	}, [result]);
	useEffect(() => {
		if (problem) problemRef.current?.focus();
	}, [problem]);
	useEffect(() => {
		if (attempt && focusAttempt.current) {
			focusAttempt.current = false;
			attemptRef.current?.focus();
		}
	}, [attempt]);

	const activeSession = (): Session | null => {
		const current = readSession();
		if (current === null || current === 'expired') {
			setSession(current);
			setProblem(current === null ? t('assessment.loginFirst') : t('assessment.error.expired'));
			return null;
		}
		return current;
	};

	async function start() {
		setProblem('');
		const current = activeSession();
		if (!current) return;
		setBusy(true);
		try {
			const next = (await call(current, `/api/palliwijs/assessments/${assessment}/attempts`, { method: 'POST', body: '{}' })) as Attempt;
			setResult(null);
			setAttempt(next);
			setAnswers(savedAnswers(next.id));
			focusAttempt.current = true;
		} catch (err) {
			setProblem(explain(err, 'start'));
			await loadStatus(current).catch(() => undefined);
		} finally {
			setBusy(false);
		}
	}

	const toggle = (item: Item, option: string, checked: boolean) =>
		setAnswers((a) => {
			const current = a[item.id] ?? [];
			const next = { ...a, [item.id]: item.multiple ? (checked ? [...current, option] : current.filter((o) => o !== option)) : [option] };
			if (attempt) keepAnswers(attempt.id, next);
			return next;
		});

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!attempt) return;
		setProblem('');
		const current = activeSession();
		if (!current) return;
		const open = attempt.items.filter((i) => !answers[i.id]?.length);
		if (open.length > 0) return setProblem(t('assessment.unanswered', { count: open.length }));
		setBusy(true);
		try {
			const scored = (await call(current, `/api/palliwijs/assessments/${assessment}/attempts/${attempt.id}`, { method: 'POST', body: JSON.stringify({ answers }) })) as Result;
			keepAnswers(attempt.id, null);
			setAttempt(null);
			setResult(scored);
			await loadStatus(current).catch(() => undefined);
		} catch (err) {
			// The answers stay in the form and on this device, so nothing is lost.
			setProblem(explain(err, 'submit'));
		} finally {
			setBusy(false);
		}
	}

	const problemNote = problem && (
		<div ref={problemRef} tabIndex={-1} role="alert" className="note note--warn">
			{problem}{' '}
			{(problem === t('assessment.loginFirst') || problem === t('assessment.error.expired')) && <a href={accountHref}>{t('assessment.loginLink')}</a>}
		</div>
	);

	if (session === undefined) return null;
	if (session === null || session === 'expired')
		return (
			<div className="assessment">
				<p className="note">
					{session === null ? t('assessment.loginFirst') : t('assessment.error.expired')} <a href={accountHref}>{t('assessment.loginLink')}</a>
				</p>
			</div>
		);

	if (attempt)
		return (
			<form className="assessment" onSubmit={submit} noValidate aria-labelledby="attempt-heading">
				<h2 id="attempt-heading" ref={attemptRef} tabIndex={-1}>
					{t('assessment.attemptHeading')}
				</h2>
				<p>{t('assessment.attemptHint')}</p>
				<ol className="assessment__items">
					{attempt.items.map((item, n) => (
						<li key={item.id}>
							<fieldset>
								<legend>
									<span className="kc__label">{t('assessment.question', { number: n + 1, total: attempt.items.length })}</span>
									{item.question}
								</legend>
								<p className="kc__hint">{item.multiple ? t('assessment.chooseAll') : t('assessment.chooseOne')}</p>
								<ul className="kc__options">
									{item.options.map((o) => (
										<li key={o.id} className="kc__option">
											<label>
												<input
													type={item.multiple ? 'checkbox' : 'radio'}
													name={item.id}
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
				{problemNote}
				<button type="submit" disabled={busy}>
					{busy ? t('assessment.busy') : t('assessment.submit')}
				</button>
			</form>
		);

	const shown = result ?? status?.last ?? null;
	const canStart = status !== null && !status.passed && status.attemptsLeft > 0;
	return (
		<div className="assessment">
			{shown && <ResultView result={shown} fresh={result !== null} t={t} when={when} lessons={lessons} resultRef={resultRef} />}
			{status && (
				<div className="assessment__status">
					<h2>{t('assessment.statusHeading')}</h2>
					<ul>
						{status.passed && <li>{t('assessment.statusPassed')}</li>}
						{status.bestScore !== null && <li>{t('assessment.best', { score: status.bestScore })}</li>}
						{!status.passed && <li>{t('assessment.attemptsLeft', { left: status.attemptsLeft, allowed: status.attemptsAllowed })}</li>}
						{!status.passed && status.nextAttemptAt !== null && <li>{t('assessment.nextAttempt', { when: when(status.nextAttemptAt) })}</li>}
					</ul>
				</div>
			)}
			{problemNote}
			{canStart && (
				<button type="button" onClick={() => void start()} disabled={busy}>
					{busy ? t('assessment.starting') : status.last ? t('assessment.retry') : t('assessment.start')}
				</button>
			)}
		</div>
	);
}

function ResultView({
	result,
	fresh,
	t,
	when,
	lessons,
	resultRef,
}: {
	result: Result;
	fresh: boolean;
	t: (key: AssessmentKey, params?: Record<string, string | number>) => string;
	when: (at: string | number) => string;
	lessons: Record<string, { href: string; title: string }>;
	resultRef: React.RefObject<HTMLDivElement | null>;
}) {
	return (
		<section className="assessment__result" aria-labelledby="result-heading">
			<div ref={resultRef} tabIndex={-1} role="status" aria-live="polite" className={`note ${result.passed ? 'note--ok' : 'note--warn'}`}>
				<h2 id="result-heading">{fresh ? t('assessment.resultHeading') : t('assessment.lastHeading')}</h2>
				<p>
					<strong>{t('assessment.score', { score: result.score, correct: result.correct, total: result.total })}</strong>
				</p>
				<p>{result.passed ? t('assessment.passed') : t('assessment.failed', { pass: result.passPercentage })}</p>
				{!result.passed && (
					<p>
						{result.attemptsLeft > 0
							? t('assessment.attemptsLeftAfter', { left: result.attemptsLeft })
							: result.nextAttemptAt !== null
								? t('assessment.noAttemptsLeft', { when: when(result.nextAttemptAt) })
								: ''}
					</p>
				)}
			</div>
			{result.wrong.length > 0 && (
				<>
					<h3>{t('assessment.wrongHeading')}</h3>
					<ul className="assessment__wrong">
						{result.wrong.map((w) => (
							<li key={w.item}>
								<p>{w.question}</p>
								<p>
									{t('assessment.reread')}{' '}
									{lessons[w.lesson] ? <a href={lessons[w.lesson]!.href}>{lessons[w.lesson]!.title}</a> : (w.lessonTitle ?? w.lesson)}
								</p>
							</li>
						))}
					</ul>
				</>
			)}
			{result.review && (
				<>
					<h3>{t('assessment.reviewHeading')}</h3>
					<ol className="assessment__results">
						{result.review.map((r) => {
							const right = r.correct.length === r.chosen.length && r.correct.every((c) => r.chosen.includes(c));
							const texts = (ids: string[]) => r.options.filter((o) => ids.includes(o.id)).map((o) => o.text).join(' · ');
							return (
								<li key={r.item}>
									<p>
										<strong>{r.question}</strong>
									</p>
									<p className={`tag ${right ? 'quality-good' : 'quality-poor'}`}>{right ? t('assessment.right') : t('assessment.wrong')}</p>
									<dl>
										<dt>{t('assessment.yourAnswer')}</dt>
										<dd>{texts(r.chosen) || '—'}</dd>
										<dt>{t('assessment.rightAnswer')}</dt>
										<dd>{texts(r.correct)}</dd>
									</dl>
									<p className="assessment__explanation">{r.explanation}</p>
								</li>
							);
						})}
					</ol>
				</>
			)}
		</section>
	);
}

/** The island with the language of its text (a case or test not yet translated keeps its Dutch `lang`). The
 * wrapper lives inside the island, so Astro's hydration <style> is not put inside a <div> (invalid HTML). */
export default function AssessmentForm({ lang, ...props }: Props & { lang?: string }) {
	return (
		<div lang={lang}>
			<AssessmentFormBody {...props} />
		</div>
	);
}
