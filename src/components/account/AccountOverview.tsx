import type PocketBase from 'pocketbase';
import { useEffect, useState, type FormEvent } from 'react';
import { islandTranslator } from '../../i18n';
import { clearLocal } from '../../lib/progress/local-store';
import type { AccountKey } from './keys';
import { formatDate, formatNumber } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';
import { courseTitleIn } from '../../lib/certificate/titles';
import { downloadBlob } from '../../lib/download';
import { finished, nextStepIndex, stepStatuses } from '../../lib/course-status';
import { openBadgePath, openBadgeProblem, saveOpenBadge } from '../../lib/certificate/open-badge';

export interface CourseSummary {
	id: string;
	title: string;
	/** The course page. */
	href: string;
	/** Every step in course order: lessons, cases and tests ("assessment/<module>"). */
	order: string[];
	steps: string[];
	assessments: string[];
	/** Title and page of each step and of each test ("assessment/<module>"). */
	links: Record<string, { title: string; href: string }>;
}

/** Why the server refuses a certificate (or what the course's progress still lacks), as it says it. */
export interface Refusal {
	missingSteps: string[];
	missingAssessments: string[];
	notCounted: { step: string; reason: 'too-fast' | 'not-opened'; neededMinutes: number; creditedMinutes: number }[];
}
type ClaimProblem = { text: string } | { refusal: Refusal };
interface CourseProgress extends Refusal {
	complete: boolean;
}

/** What a refused claim still lacks, each with a link: steps not done, lessons that do not count yet and why, tests not passed. */
function RefusalList({ refusal, course, t, locale, intro = true }: { refusal: Refusal; course: CourseSummary; t: (key: AccountKey, params?: Record<string, string | number>) => string; locale: Locale; intro?: boolean }) {
	const link = (key: string) => course.links[key] ?? { title: key, href: '#' };
	const notCounted = new Set(refusal.notCounted.map((n) => n.step));
	// Minutes as the page's language writes them (7,5 in Dutch), at most one decimal.
	const minutes = (value: number) => formatNumber(value, locale);
	return (
		<>
			{/* Only the summary is announced; the list (up to every step of a course) is read at will. */}
			<p role={intro ? 'alert' : undefined}>{intro ? t('account.claimMissing', { steps: new Set([...refusal.missingSteps, ...notCounted]).size, tests: refusal.missingAssessments.length }) : t('account.notCountedIntro', { count: refusal.notCounted.length })}</p>
			<ul>
				{refusal.notCounted.map((n) => (
					<li key={n.step}>
						<a href={link(n.step).href}>{link(n.step).title}</a>
						{': '}
						{n.reason === 'not-opened'
							? t('account.notCounted.notOpened')
							: t(n.step.startsWith('scenario/') ? 'account.notCounted.caseTooFast' : 'account.notCounted.tooFast', { credited: minutes(n.creditedMinutes), needed: minutes(n.neededMinutes) })}
					</li>
				))}
				{refusal.missingSteps
					.filter((s) => !notCounted.has(s))
					.map((s) => (
						<li key={s}>
							<a href={link(s).href}>{link(s).title}</a>
							{': '}
							{s.startsWith('scenario/') ? t('account.missingCase') : t('account.missingLesson')}
						</li>
					))}
				{refusal.missingAssessments.map((m) => (
					<li key={m}>
						<a href={link(`assessment/${m}`).href}>{link(`assessment/${m}`).title}</a>
						{': '}
						{t('account.missingTest')}
					</li>
				))}
			</ul>
		</>
	);
}
interface Props {
	pb: PocketBase;
	strings: Record<AccountKey, string>;
	courses: CourseSummary[];
	/** Lessons and cases done, as the progress sync found them. */
	completed: Set<string>;
	certificateHref: string;
	locale: Locale;
	onDeleted: () => void;
}
interface Certificate {
	id: string;
	code: string;
	course: string;
	courseTitle: string;
	courseTitleEn?: string;
	issued: string;
}

/** The logged-in part of "My account": progress per course, certificates, my data, deleting the account. */
export default function AccountOverview({ pb, strings, courses, completed, certificateHref, locale, onDeleted }: Props) {
	const t = islandTranslator(strings);
	const [progress, setProgress] = useState<Record<string, CourseProgress>>({});
	const [certificates, setCertificates] = useState<Certificate[]>([]);
	const [claimProblem, setClaimProblem] = useState<Record<string, ClaimProblem | null>>({});
	const [confirming, setConfirming] = useState(false);
	const [understood, setUnderstood] = useState(false);
	const [problem, setProblem] = useState('');
	const [groups, setGroups] = useState<{ id: string; name: string; assignments: { course: string; due: string }[] }[]>([]);
	const [code, setCode] = useState(() => new URLSearchParams(globalThis.location?.search ?? '').get('code') ?? '');
	const [joinMessage, setJoinMessage] = useState<{ ok: boolean; text: string } | null>(null);
	// Whether the trainer of the group may see my e-mail address: my choice, off unless I tick it.
	const [shareEmail, setShareEmail] = useState(false);
	const [badgeProblem, setBadgeProblem] = useState<Record<string, string>>({});

	const loadGroups = async () => {
		const me = pb.authStore.record!.id;
		const [cohorts, assignments] = await Promise.all([
			pb.collection('cohorts').getFullList<{ id: string; name: string }>({ filter: pb.filter('owner != {:me}', { me }), fields: 'id,name', requestKey: null }),
			pb.collection('assignments').getFullList<{ cohort: string; course: string; due: string }>({ fields: 'cohort,course,due', sort: 'due', requestKey: null }),
		]);
		setGroups(cohorts.map((c) => ({ ...c, assignments: assignments.filter((a) => a.cohort === c.id) })));
	};
	async function join(e: FormEvent) {
		e.preventDefault();
		try {
			const result = (await pb.send('/api/palliwijs/cohorts/join', { method: 'POST', body: { code, shareEmail } })) as { cohort: { name: string } };
			setJoinMessage({ ok: true, text: t('account.joined', { name: result.cohort.name }) });
			setCode('');
			await loadGroups();
		} catch (err) {
			const status = (err as { status?: number }).status;
			const message = status === 400 ? 'account.joinFailed' : status === 403 ? 'account.joinBlocked' : status === 429 ? 'account.error.rateLimited' : 'account.error.unreachable';
			setJoinMessage({ ok: false, text: t(message) });
		}
	}

	// requestKey: null — the SDK would cancel an earlier identical request when the page loads again after a
	// sync, and the cancelled one would read as "server unreachable".
	const load = async () => {
		// Progress as the server counts it for the certificate (time on task included), so this page never
		// shows a course as done while a claim would be refused. Without it, what the sync found.
		const [certs, counted] = await Promise.all([
			pb.collection('certificates').getFullList<Certificate>({ sort: '-issued', fields: 'id,code,course,courseTitle,courseTitleEn,issued', requestKey: null }),
			Promise.all(courses.map((c) => pb.send(`/api/palliwijs/courses/${c.id}/progress`, { method: 'GET', requestKey: null }).then((p: CourseProgress) => [c.id, p] as const, () => null))),
		]);
		setProgress(Object.fromEntries(counted.filter((x) => x !== null)));
		setCertificates(certs);
	};
	/**
	 * A load that failed says so, unless the SDK cancelled it because the same request started again
	 * (a sync finishing right after the page opened): that later request brings the data.
	 */
	const unlessSuperseded = (err: unknown) => {
		if ((err as { isAbort?: boolean } | null)?.isAbort) return;
		setProblem(t('account.error.unreachable'));
	};
	useEffect(() => {
		loadGroups().catch(unlessSuperseded);
	}, []);
	// Again after every sync: what this device merged into the account changes the course progress.
	useEffect(() => {
		load().catch(unlessSuperseded);
	}, [completed]);

	async function claim(course: string) {
		try {
			await pb.send(`/api/palliwijs/certificates/${course}/claim`, { method: 'POST' });
			setClaimProblem((p) => ({ ...p, [course]: null }));
			await load();
		} catch (err) {
			const e = err as { status?: number; response?: { message?: string; data?: Partial<Refusal> } };
			const data = e.response?.data;
			let problem: ClaimProblem;
			if (e.status === 400 && data && Array.isArray(data.missingSteps))
				problem = { refusal: { missingSteps: data.missingSteps, missingAssessments: data.missingAssessments ?? [], notCounted: data.notCounted ?? [] } };
			else if (!e.status || e.status >= 500) problem = { text: t('account.claimOffline') };
			else if (e.status === 401 || e.status === 403) problem = { text: t('progress.expired') };
			else if (e.status === 429) problem = { text: t('account.error.rateLimited') };
			else problem = { text: t('account.claimRefused', { reason: e.response?.message ?? `HTTP ${e.status}` }) };
			setClaimProblem((p) => ({ ...p, [course]: problem }));
		}
	}

	async function downloadBadge(certificate: Certificate) {
		setBadgeProblem((p) => ({ ...p, [certificate.id]: '' }));
		try {
			saveOpenBadge(await pb.send(openBadgePath(certificate.id), { method: 'GET', requestKey: null }), certificate.code);
		} catch (err) {
			const e = err as { status?: number; response?: unknown };
			const text = e.status === 401 || e.status === 403 ? t('progress.expired') : e.status === 410 && openBadgeProblem(e.response) === 'revoked' ? t('certificate.openBadgeRevoked') : t('certificate.openBadgeFailed');
			setBadgeProblem((p) => ({ ...p, [certificate.id]: text }));
		}
	}

	async function exportData() {
		try {
			const data = await pb.send('/api/palliwijs/me/export', { method: 'GET' });
			downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'palliwijs-mijn-gegevens.json');
		} catch {
			setProblem(t('account.error.unreachable'));
		}
	}

	async function deleteAccount() {
		try {
			await pb.collection('users').delete(pb.authStore.record!.id);
			pb.authStore.clear();
			clearLocal();
			onDeleted();
		} catch {
			setProblem(t('account.error.unreachable'));
		}
	}

	return (
		<>
			{problem && (
				<p className="note note--warn" role="alert">
					{problem}
				</p>
			)}
			<h2>{t('account.cohorts')}</h2>
			<form className="form" onSubmit={join}>
				<div>
					<label htmlFor="join-code">{t('account.joinCode')}</label>
					<input id="join-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" maxLength={20} />
				</div>
				<div>
					<label className="form__check">
						<input type="checkbox" checked={shareEmail} onChange={(e) => setShareEmail(e.target.checked)} /> {t('account.shareEmail')}
					</label>
				</div>
				<div>
					<button type="submit" className="secondary">
						{t('account.join')}
					</button>
				</div>
			</form>
			{joinMessage && (
				<p role={joinMessage.ok ? 'status' : 'alert'} className={`note ${joinMessage.ok ? 'note--ok' : 'note--warn'}`}>
					{joinMessage.text}
				</p>
			)}
			{groups.map((g) => (
				<div key={g.id}>
					<h3>{g.name}</h3>
					<ul>
						{g.assignments.map((a) => {
							const due = a.due ? new Date(a.due.replace(' ', 'T')) : null;
							const title = courses.find((c) => c.id === a.course)?.title ?? a.course;
							return (
								<li key={a.course}>
									{title}
									{due && ` — ${t('account.due', { date: formatDate(due, locale) })}`}
									{due && due < new Date() && <strong className="tag quality-poor"> {t('account.overdue')}</strong>}
								</li>
							);
						})}
					</ul>
				</div>
			))}
			<h2>{t('account.courses')}</h2>
			<ul className="cards">
				{courses.map((c) => {
					const counted = progress[c.id];
					const done = counted ? c.steps.length - counted.missingSteps.length - counted.notCounted.length : c.steps.filter((s) => completed.has(s)).length;
					const tests = counted ? c.assessments.length - counted.missingAssessments.length : 0;
					const certificate = certificates.find((x) => x.course === c.id);
					// Where to go on: the first step in course order that is not done (or does not count yet).
					const statuses = counted ? stepStatuses(c.order, counted) : undefined;
					const next = statuses ? c.order[nextStepIndex(statuses)] : undefined;
					return (
						<li key={c.id} className="card">
							<h3>
								<a href={c.href}>{c.title}</a>
							</h3>
							<p>{t('account.courseProgress', { done, total: c.steps.length, passed: tests, tests: c.assessments.length })}</p>
							{statuses && <progress aria-hidden="true" max={statuses.length} value={statuses.filter(finished).length} />}
							{next && c.links[next] && (
								<p>
									<a className="button" href={c.links[next].href}>
										{t('task.continueTo', { title: c.links[next].title })}
									</a>
								</p>
							)}
							{counted && counted.notCounted.length > 0 && !claimProblem[c.id] && (
								<div className="note">
									<RefusalList refusal={{ missingSteps: [], missingAssessments: [], notCounted: counted.notCounted }} course={c} t={t} locale={locale} intro={false} />
								</div>
							)}
							{certificate ? (
								<a href={`${certificateHref}?id=${certificate.id}`}>{t('account.viewCertificate')}</a>
							) : counted?.complete ? (
								<button type="button" onClick={() => claim(c.id)}>
									{t('account.claim')}
								</button>
							) : (
								counted && <p className="muted">{t('account.notYetClaimable')}</p>
							)}
							{claimProblem[c.id] && (
								<div className="note note--warn claim-problem">
									{'refusal' in claimProblem[c.id]! ? <RefusalList refusal={(claimProblem[c.id] as { refusal: Refusal }).refusal} course={c} t={t} locale={locale} /> : <p role="alert">{(claimProblem[c.id] as { text: string }).text}</p>}
								</div>
							)}
						</li>
					);
				})}
			</ul>
			<h2>{t('account.certificates')}</h2>
			{certificates.length === 0 ? (
				<p>{t('account.noCertificates')}</p>
			) : (
				<ul>
					{certificates.map((c) => (
						<li key={c.id}>
							<a href={`${certificateHref}?id=${c.id}`}>{courseTitleIn(c, locale)}</a> ({formatDate(c.issued, locale)}){' '}
							<button type="button" className="secondary" onClick={() => void downloadBadge(c)} aria-label={`${t('certificate.openBadge')}: ${courseTitleIn(c, locale)}`}>
								{t('certificate.openBadge')}
							</button>
							{badgeProblem[c.id] && (
								<p className="note note--warn" role="alert">
									{badgeProblem[c.id]}
								</p>
							)}
						</li>
					))}
				</ul>
			)}
			<h2>{t('account.data')}</h2>
			<p>
				<button type="button" className="secondary" onClick={exportData}>
					{t('account.export')}
				</button>
			</p>
			<h3>{t('account.delete')}</h3>
			{!confirming ? (
				<button type="button" className="secondary" onClick={() => setConfirming(true)}>
					{t('account.delete')}
				</button>
			) : (
				<div className="note note--warn">
					<p>{t('account.deleteExplain')}</p>
					<p>
						<label>
							<input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> {t('account.deleteConfirm')}
						</label>
					</p>
					<button type="button" disabled={!understood} onClick={deleteAccount}>
						{t('account.deleteFinal')}
					</button>
				</div>
			)}
		</>
	);
}
