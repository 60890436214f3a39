import type PocketBase from 'pocketbase';
import { useEffect, useState, type FormEvent } from 'react';
import { interpolate } from '../../i18n';
import { clearLocal } from '../../lib/progress/local-store';
import type { AccountKey } from './keys';
import { downloadBlob } from '../../lib/download';

export interface CourseSummary {
	id: string;
	title: string;
	steps: string[];
	assessments: string[];
}
interface Props {
	pb: PocketBase;
	strings: Record<AccountKey, string>;
	courses: CourseSummary[];
	/** Lessons and cases done, as the progress sync found them. */
	completed: Set<string>;
	certificateHref: string;
	onDeleted: () => void;
}
interface Certificate {
	id: string;
	course: string;
	courseTitle: string;
	issued: string;
}

/** The logged-in part of "My account": progress per course, certificates, my data, deleting the account. */
export default function AccountOverview({ pb, strings, courses, completed, certificateHref, onDeleted }: Props) {
	const t = (key: AccountKey, params?: Record<string, string | number>) => interpolate(strings[key], params);
	const [passed, setPassed] = useState<Set<string>>(new Set());
	const [certificates, setCertificates] = useState<Certificate[]>([]);
	const [claimProblem, setClaimProblem] = useState<Record<string, string>>({});
	const [confirming, setConfirming] = useState(false);
	const [understood, setUnderstood] = useState(false);
	const [problem, setProblem] = useState('');
	const [groups, setGroups] = useState<{ id: string; name: string; assignments: { course: string; due: string }[] }[]>([]);
	const [code, setCode] = useState(() => new URLSearchParams(globalThis.location?.search ?? '').get('code') ?? '');
	const [joinMessage, setJoinMessage] = useState<{ ok: boolean; text: string } | null>(null);

	const loadGroups = async () => {
		const me = pb.authStore.record!.id;
		const [cohorts, assignments] = await Promise.all([
			pb.collection('cohorts').getFullList<{ id: string; name: string }>({ filter: pb.filter('owner != {:me}', { me }), fields: 'id,name' }),
			pb.collection('assignments').getFullList<{ cohort: string; course: string; due: string }>({ fields: 'cohort,course,due', sort: 'due' }),
		]);
		setGroups(cohorts.map((c) => ({ ...c, assignments: assignments.filter((a) => a.cohort === c.id) })));
	};
	async function join(e: FormEvent) {
		e.preventDefault();
		try {
			const result = (await pb.send('/api/palliwijs/cohorts/join', { method: 'POST', body: { code } })) as { cohort: { name: string } };
			setJoinMessage({ ok: true, text: t('account.joined', { name: result.cohort.name }) });
			setCode('');
			await loadGroups();
		} catch (err) {
			const status = (err as { status?: number }).status;
			const message = status === 400 ? 'account.joinFailed' : status === 403 ? 'account.joinBlocked' : status === 429 ? 'account.error.rateLimited' : 'account.error.unreachable';
			setJoinMessage({ ok: false, text: t(message) });
		}
	}

	const load = async () => {
		const [attempts, certs] = await Promise.all([
			pb.collection('assessment_attempts').getFullList({ filter: 'passed = true', fields: 'assessment' }),
			pb.collection('certificates').getFullList<Certificate>({ sort: '-issued', fields: 'id,course,courseTitle,issued' }),
		]);
		setPassed(new Set(attempts.map((a) => String(a.assessment))));
		setCertificates(certs);
	};
	useEffect(() => {
		load().catch(() => setProblem(t('account.error.unreachable')));
		loadGroups().catch(() => setProblem(t('account.error.unreachable')));
	}, []);

	async function claim(course: string) {
		try {
			await pb.send(`/api/palliwijs/certificates/${course}/claim`, { method: 'POST' });
			setClaimProblem((p) => ({ ...p, [course]: '' }));
			await load();
		} catch (err) {
			const e = err as { status?: number; response?: { data?: { missingSteps?: string[]; missingAssessments?: string[] } } };
			const data = e.response?.data;
			const message = e.status === 400 && data?.missingSteps ? t('account.claimMissing', { steps: data.missingSteps.length, tests: data.missingAssessments?.length ?? 0 }) : t('account.error.unreachable');
			setClaimProblem((p) => ({ ...p, [course]: message }));
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
									{due && ` — ${t('account.due', { date: due.toLocaleDateString('nl-BE') })}`}
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
					const done = c.steps.filter((s) => completed.has(s)).length;
					const tests = c.assessments.filter((a) => passed.has(a)).length;
					const certificate = certificates.find((x) => x.course === c.id);
					return (
						<li key={c.id} className="card">
							<h3>{c.title}</h3>
							<p>{t('account.courseProgress', { done, total: c.steps.length, passed: tests, tests: c.assessments.length })}</p>
							{certificate ? (
								<a href={`${certificateHref}?id=${certificate.id}`}>{t('account.viewCertificate')}</a>
							) : (
								<button type="button" className="secondary" onClick={() => claim(c.id)}>
									{t('account.claim')}
								</button>
							)}
							{claimProblem[c.id] && (
								<p className="note note--warn" role="alert">
									{claimProblem[c.id]}
								</p>
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
							<a href={`${certificateHref}?id=${c.id}`}>{c.courseTitle}</a> ({new Date(c.issued).toLocaleDateString('nl-BE')})
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
