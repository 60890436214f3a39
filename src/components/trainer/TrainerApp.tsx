import PocketBase from 'pocketbase';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { interpolate } from '../../i18n';
import { dashboardCsv, type Dashboard } from '../../lib/dashboard-csv';
import type { DashboardLabels } from '../../lib/dashboard-labels';
import { downloadBlob } from '../../lib/download';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';

interface Props {
	strings: Record<string, string>;
	courses: { id: string; title: string }[];
	scenarios: { id: string; title: string; href: string }[];
	accountHref: string;
	lessonTitles: Record<string, string>;
	/** JSON with the texts of test questions, case decisions and self-check domains, fetched with the first dashboard */
	labelsUrl: string;
	locale: Locale;
}
interface Cohort {
	id: string;
	name: string;
}

const pb = new PocketBase('/');

const noLabels: DashboardLabels = { assessments: {}, scenarios: {}, domains: {} };

/** The trainer's page: cohorts, join codes, assignments, the dashboard and its CSV, cases for class. */
export default function TrainerApp({ strings, courses, scenarios, accountHref, lessonTitles, labelsUrl, locale }: Props) {
	const t = (key: string, params?: Record<string, string | number>) => interpolate(strings[key] ?? key, params);
	const [ready, setReady] = useState<'checking' | 'anonymous' | 'learner' | 'trainer' | 'unreachable'>('checking');
	const [cohorts, setCohorts] = useState<Cohort[]>([]);
	const [selected, setSelected] = useState<string>('');
	const [dashboard, setDashboard] = useState<Dashboard | null>(null);
	// A dashboard that cannot be loaded is said as such; the cohort selector and the rest of the page stay.
	const [dashboardFailed, setDashboardFailed] = useState(false);
	// Until the labels arrive (or if they cannot be fetched) the dashboard shows ids; a later dashboard load tries again.
	const [labels, setLabels] = useState<DashboardLabels>(noLabels);
	const labelsRequested = useRef(false);
	const [name, setName] = useState('');
	const [course, setCourse] = useState(courses[0]?.id ?? '');
	const [due, setDue] = useState('');
	const [problem, setProblem] = useState('');
	const [notice, setNotice] = useState('');
	const courseTitles = Object.fromEntries(courses.map((c) => [c.id, c.title]));

	const loadCohorts = async () => {
		const me = pb.authStore.record!.id;
		const list = await pb.collection('cohorts').getFullList<Cohort>({ filter: pb.filter('owner = {:me}', { me }), sort: '-created' });
		setCohorts(list);
		return list;
	};
	const loadDashboard = async (id: string) => {
		try {
			setDashboard((await pb.send(`/api/palliwijs/cohorts/${id}/dashboard`, { method: 'GET' })) as Dashboard);
			setDashboardFailed(false);
		} catch {
			setDashboard(null);
			setDashboardFailed(true);
		}
	};
	const fail = () => setProblem(t('trainer.error'));

	useEffect(() => {
		if (!pb.authStore.isValid || !pb.authStore.record) return setReady('anonymous');
		pb.collection('users')
			.authRefresh()
			.then(
				async () => {
					if (pb.authStore.record?.role !== 'trainer') return setReady('learner');
					setReady('trainer');
					const list = await loadCohorts().catch(() => {
						fail();
						return [];
					});
					if (list[0]) {
						setSelected(list[0].id);
						await loadDashboard(list[0].id);
					}
				},
				// Only a refused session means "log in"; a server that cannot be reached is said as such.
				(err: { status?: number }) => setReady(err?.status === 401 || err?.status === 403 || err?.status === 404 ? 'anonymous' : 'unreachable'),
			);
	}, []);

	useEffect(() => {
		if (!dashboard || labelsRequested.current) return;
		labelsRequested.current = true;
		fetch(labelsUrl)
			.then((response) => (response.ok ? (response.json() as Promise<DashboardLabels>) : Promise.reject(new Error(String(response.status)))))
			.then(setLabels)
			.catch(() => (labelsRequested.current = false));
	}, [dashboard, labelsUrl]);

	async function create(e: FormEvent) {
		e.preventDefault();
		if (name.trim().length < 2) return setProblem(t('trainer.nameMissing'));
		try {
			const c = await pb.collection('cohorts').create<Cohort>({ name: name.trim(), owner: pb.authStore.record!.id });
			setName('');
			setProblem('');
			await loadCohorts();
			setSelected(c.id);
			await loadDashboard(c.id);
		} catch {
			fail();
		}
	}
	async function assign(e: FormEvent) {
		e.preventDefault();
		try {
			await pb.collection('assignments').create({ cohort: selected, course, due: due ? `${due} 23:59:59.000Z` : '' });
			setProblem('');
			await loadDashboard(selected);
		} catch {
			setProblem(t('trainer.assignFailed'));
		}
	}
	async function code(body: { open?: boolean; renew?: boolean }) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/code`, { method: 'POST', body });
			await loadCohorts();
			await loadDashboard(selected);
		} catch {
			fail();
		}
	}
	async function removeLearner(learner: { id: string; name: string }, block: boolean) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/members/${learner.id}/remove`, { method: 'POST', body: { block } });
			setProblem('');
			setNotice(t(block ? 'trainer.removedBlocked' : 'trainer.removed', { name: learner.name }));
		} catch {
			fail();
		}
		await loadDashboard(selected);
	}
	async function unblock(learner: { id: string; name: string }) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/blocks/${learner.id}`, { method: 'DELETE' });
			setProblem('');
			setNotice(t('trainer.unblocked', { name: learner.name }));
		} catch {
			fail();
		}
		await loadDashboard(selected);
	}
	function downloadCsv() {
		if (!dashboard) return;
		const csv = dashboardCsv(dashboard, courseTitles, { learner: t('trainer.learner'), lastActivity: t('trainer.lastActivity'), certificate: t('trainer.certificate'), yes: t('trainer.yes'), no: t('trainer.no') }, locale);
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `palliwijs-${dashboard.cohort.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`);
	}

	if (ready === 'checking') return <p role="status">{t('trainer.loading')}</p>;
	if (ready === 'unreachable')
		return (
			<p role="alert" className="note note--warn">
				{t('trainer.error')}
			</p>
		);
	if (ready !== 'trainer')
		return (
			<p className="note">
				{ready === 'anonymous' ? t('trainer.loginFirst') : t('trainer.notTrainer')} <a href={accountHref}>{t('trainer.toAccount')}</a>
			</p>
		);

	const cohort = cohorts.find((c) => c.id === selected);
	// The join code comes with the dashboard: only the cohort's owner can read it.
	const joinCode = dashboard?.cohort.id === selected ? dashboard.cohort : null;
	const joinLink = joinCode ? `${location.origin}${accountHref}?code=${joinCode.joinCode}` : '';
	const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '–');
	return (
		<div className="trainer">
			{problem && (
				<p role="alert" className="note note--warn">
					{problem}
				</p>
			)}
			<p role="status" className={notice ? 'note' : 'visually-hidden'}>
				{notice}
			</p>
			<h2>{t('trainer.cohorts')}</h2>
			<form className="form" onSubmit={create}>
				<div>
					<label htmlFor="cohort-name">{t('trainer.newCohort')}</label>
					<input id="cohort-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
				</div>
				<div>
					<button type="submit">{t('trainer.create')}</button>
				</div>
			</form>
			{cohorts.length > 0 && (
				<p>
					<label htmlFor="cohort-select">{t('trainer.choose')}</label>{' '}
					<select
						id="cohort-select"
						value={selected}
						onChange={(e) => {
							setSelected(e.target.value);
							void loadDashboard(e.target.value);
						}}
					>
						{cohorts.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</p>
			)}
			{cohort && dashboardFailed && (
				<div role="alert" className="note note--warn" data-testid="dashboard-error">
					<p>{t('trainer.dashboardFailed', { name: cohort.name })}</p>
					<p>
						<button type="button" className="secondary" onClick={() => void loadDashboard(cohort.id)}>
							{t('trainer.retry')}
						</button>
					</p>
				</div>
			)}
			{cohort && dashboard && joinCode && (
				<section aria-labelledby="cohort-title">
					<h2 id="cohort-title">{cohort.name}</h2>
					<p>
						{t('trainer.code')}: <strong className="trainer__code">{joinCode.joinCode}</strong> ({joinCode.codeOpen ? t('trainer.open') : t('trainer.closed')}) · {t('trainer.link')}: <code>{joinLink}</code>
					</p>
					<p>
						<button type="button" className="secondary" onClick={() => code({ open: !joinCode.codeOpen })}>
							{joinCode.codeOpen ? t('trainer.close') : t('trainer.reopen')}
						</button>{' '}
						<button type="button" className="secondary" onClick={() => code({ renew: true, open: true })}>
							{t('trainer.renew')}
						</button>
					</p>
					<h3>{t('trainer.assignments')}</h3>
					<ul>
						{dashboard.assignments.map((a) => (
							<li key={a.id}>
								{courseTitles[a.course] ?? a.course}
								{a.due && ` — ${t('trainer.due')} ${formatDate(a.due, locale, 'numeric')}`}
							</li>
						))}
					</ul>
					<form className="trainer__assign" onSubmit={assign}>
						<label htmlFor="assign-course">{t('trainer.course')}</label>
						<select id="assign-course" value={course} onChange={(e) => setCourse(e.target.value)}>
							{courses.map((c) => (
								<option key={c.id} value={c.id}>
									{c.title}
								</option>
							))}
						</select>
						<label htmlFor="assign-due">{t('trainer.due')}</label>
						<input id="assign-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
						<button type="submit">{t('trainer.assign')}</button>
					</form>

					<h3>{t('trainer.learners')}</h3>
					{dashboard.learners.length === 0 ? (
						<p>{t('trainer.noLearners')}</p>
					) : (
						<table className="coverage">
							<caption className="visually-hidden">{t('trainer.learners')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('trainer.learner')}</th>
									<th scope="col">{t('trainer.lastActivity')}</th>
									{dashboard.assignments.map((a) => (
										<th scope="col" key={a.id}>
											{courseTitles[a.course] ?? a.course}
										</th>
									))}
									<th scope="col">{t('trainer.membership')}</th>
								</tr>
							</thead>
							<tbody>
								{dashboard.learners.map((l) => (
									<tr key={l.id}>
										<th scope="row">{l.name}</th>
										<td>{formatDate(l.lastActivity, locale, 'numeric') || '–'}</td>
										{dashboard.assignments.map((a) => (
											<td key={a.id}>
												{l.courses[a.course]?.percent ?? 0}%{l.courses[a.course]?.certificate ? ` · ${t('trainer.certificate')}` : ''}
											</td>
										))}
										<td>
											<button type="button" className="secondary" aria-label={t('trainer.removeLabel', { name: l.name })} onClick={() => void removeLearner(l, false)}>
												{t('trainer.remove')}
											</button>{' '}
											<button type="button" className="secondary" aria-label={t('trainer.removeBlockLabel', { name: l.name })} onClick={() => void removeLearner(l, true)}>
												{t('trainer.removeBlock')}
											</button>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					)}
					{dashboard.blocked.length > 0 && (
						<>
							<h3>{t('trainer.blocked')}</h3>
							<ul>
								{dashboard.blocked.map((b) => (
									<li key={b.id}>
										{b.name}{' '}
										<button type="button" className="secondary" aria-label={t('trainer.unblockLabel', { name: b.name })} onClick={() => void unblock(b)}>
											{t('trainer.unblock')}
										</button>
									</li>
								))}
							</ul>
						</>
					)}
					<p>
						<button type="button" onClick={downloadCsv}>
							{t('trainer.csv')}
						</button>
					</p>
					<h3>{t('trainer.lessons')}</h3>
					<ul>
						{Object.entries(dashboard.lessons).map(([k, n]) => (
							<li key={k}>
								{lessonTitles[k] ?? k}: {n} / {dashboard.learners.length} ({pct(n, dashboard.learners.length)})
							</li>
						))}
					</ul>
					<h3>{t('trainer.items')}</h3>
					{Object.keys(dashboard.items).length === 0 && <p>{t('trainer.noAnswers')}</p>}
					{Object.entries(dashboard.items).map(([assessment, stats]) => (
						<div key={assessment}>
							<h4>{labels.assessments[assessment]?.title ?? assessment}</h4>
							{stats.items === null ? (
								<p>{t('trainer.tooFew', { n: stats.learners, min: dashboard.minGroup })}</p>
							) : (
								<ul>
									{Object.entries(stats.items).map(([item, s]) => (
										<li key={item}>
											{s.question ?? item} — {t('trainer.correctShare', { share: pct(s.correct, s.answered), n: s.answered })}
										</li>
									))}
								</ul>
							)}
						</div>
					))}
					<h3>{t('trainer.choices')}</h3>
					{Object.keys(dashboard.choices).length === 0 && <p>{t('trainer.noRuns')}</p>}
					{Object.entries(dashboard.choices).map(([scenario, stats]) => (
						<div key={scenario}>
							<h4>{labels.scenarios[scenario]?.title ?? scenario}</h4>
							{stats.decisions === null && <p>{t('trainer.tooFew', { n: stats.learners, min: dashboard.minGroup })}</p>}
							<ul>
								{Object.entries(stats.decisions ?? {}).map(([node, options]) => {
									const decision = labels.scenarios[scenario]?.decisions[node];
									return (
										<li key={node}>
											{decision?.question ?? node}
											<ul>
												{Object.entries(options).map(([option, n]) => (
													<li key={option}>
														{decision?.options[option] ?? option.toUpperCase()} — {t('trainer.chosen', { n })}
													</li>
												))}
											</ul>
										</li>
									);
								})}
							</ul>
						</div>
					))}
					<h3>{t('trainer.selfCheck')}</h3>
					{Object.keys(dashboard.selfCheck).length === 0 && <p>{t('trainer.noSelfChecks')}</p>}
					<ul>
						{Object.entries(dashboard.selfCheck).map(([kind, s]) => (
							<li key={kind}>
								{kind === 'before' ? t('selfCheck.before') : t('selfCheck.after')} ({s.count}):{' '}
								{s.averages === null
									? t('trainer.tooFew', { n: s.count, min: dashboard.minGroup })
									: Object.entries(s.averages)
											.map(([d, v]) => `${labels.domains[d] ?? d} ${v}`)
											.join(', ')}
							</li>
						))}
					</ul>
				</section>
			)}
			<h2>{t('trainer.classMode')}</h2>
			<p>{t('trainer.classModeText')}</p>
			<ul>
				{scenarios.map((s) => (
					<li key={s.id}>
						<a href={`${s.href}?klas=1`}>{s.title}</a>
					</li>
				))}
			</ul>
		</div>
	);
}
