import { useState, type FormEvent } from 'react';
import { formatDate } from '../../i18n/dates';
import type { Locale } from '../../i18n/locales';
import type { Dashboard } from '../../lib/dashboard-csv';
import type { TrainerT } from './keys';

/** The cohort's join code and link, with closing, reopening and renewing it. */
export function JoinCode({ t, cohort, link, onChange }: { t: TrainerT; cohort: Dashboard['cohort']; link: string; onChange: (body: { open?: boolean; renew?: boolean }) => void }) {
	return (
		<>
			<p>
				{t('trainer.code')}: <strong className="trainer__code">{cohort.joinCode}</strong> ({cohort.codeOpen ? t('trainer.open') : t('trainer.closed')}) · {t('trainer.link')}: <code>{link}</code>
			</p>
			<p>
				<button type="button" className="secondary" onClick={() => onChange({ open: !cohort.codeOpen })}>
					{cohort.codeOpen ? t('trainer.close') : t('trainer.reopen')}
				</button>{' '}
				<button type="button" className="secondary" onClick={() => onChange({ renew: true, open: true })}>
					{t('trainer.renew')}
				</button>
			</p>
		</>
	);
}

/** The courses assigned to the cohort with their due dates, and the form to assign one more. */
export function Assignments({
	t,
	locale,
	assignments,
	courses,
	courseTitles,
	onAssign,
}: {
	t: TrainerT;
	locale: Locale;
	assignments: Dashboard['assignments'];
	courses: { id: string; title: string }[];
	courseTitles: Record<string, string>;
	onAssign: (course: string, due: string) => void;
}) {
	const [course, setCourse] = useState(courses[0]?.id ?? '');
	const [due, setDue] = useState('');
	function assign(e: FormEvent) {
		e.preventDefault();
		onAssign(course, due);
	}
	return (
		<>
			<h3>{t('trainer.assignments')}</h3>
			<ul>
				{assignments.map((a) => (
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
		</>
	);
}
