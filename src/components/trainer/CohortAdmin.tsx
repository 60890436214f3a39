import { useRef, useState, type FormEvent } from 'react';
import type { Locale } from '../../i18n/locales';
import { dueDate, type Dashboard } from '../../lib/dashboard-csv';
import type { TrainerT } from './keys';
import { copyText } from './view';

/**
 * One text to hand out (the join code or link) in a read-only field, with a button that copies it and says
 * "Gekopieerd" beside it. When the browser refuses the clipboard, the text is selected and the reader is told
 * how to copy it by hand.
 */
function CopyField({ t, id, label, value, copyLabel, className }: { t: TrainerT; id: string; label: string; value: string; copyLabel: string; className?: string }) {
	const field = useRef<HTMLInputElement>(null);
	const [said, setSaid] = useState<'' | 'copied' | 'manual'>('');
	async function copy() {
		if (await copyText(value)) return setSaid('copied');
		field.current?.focus();
		field.current?.select();
		setSaid('manual');
	}
	return (
		<div className="trainer__copy">
			<label htmlFor={id}>{label}</label>
			<div className="trainer__copyrow">
				<input ref={field} id={id} className={className} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
				<button type="button" className="secondary" onClick={() => void copy()}>
					{copyLabel}
				</button>
			</div>
			<p role="status" className="trainer__copied">
				{said === 'copied' && <span className="status status--done">{t('trainer.copied')}</span>}
				{said === 'manual' && t('trainer.copyManual')}
			</p>
		</div>
	);
}

/** The cohort's join code and link, each with a copy button, and closing, reopening and renewing the code. */
export function JoinCode({ t, cohort, link, onChange }: { t: TrainerT; cohort: Dashboard['cohort']; link: string; onChange: (body: { open?: boolean; renew?: boolean }) => void }) {
	return (
		<section className="trainer__part" aria-labelledby="join-title">
			<h3 id="join-title">{t('trainer.join')}</h3>
			<p>
				<span className={`status ${cohort.codeOpen ? 'status--done' : 'status--poor'}`}>{cohort.codeOpen ? t('trainer.open') : t('trainer.closed')}</span>
			</p>
			<CopyField t={t} id="join-code" label={t('trainer.code')} value={cohort.joinCode} copyLabel={t('trainer.copyCode')} className="trainer__code" />
			<CopyField t={t} id="join-link" label={t('trainer.link')} value={link} copyLabel={t('trainer.copyLink')} />
			<p className="trainer__actions">
				<button type="button" className="secondary" onClick={() => onChange({ open: !cohort.codeOpen })}>
					{cohort.codeOpen ? t('trainer.close') : t('trainer.reopen')}
				</button>
				<button type="button" className="secondary" onClick={() => onChange({ renew: true, open: true })}>
					{t('trainer.renew')}
				</button>
			</p>
		</section>
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
		<section className="trainer__part" aria-labelledby="assignments-title">
			<h3 id="assignments-title">{t('trainer.assignments')}</h3>
			{assignments.length === 0 ? (
				<p className="trainer__empty">{t('trainer.noAssignments')}</p>
			) : (
				<ul>
					{assignments.map((a) => (
						<li key={a.id}>
							{courseTitles[a.course] ?? a.course}
							{a.due && ` — ${t('trainer.due')} ${dueDate(a.due, locale)}`}
						</li>
					))}
				</ul>
			)}
			<form className="trainer__assign" onSubmit={assign}>
				<div>
					<label htmlFor="assign-course">{t('trainer.course')}</label>
					<select id="assign-course" value={course} onChange={(e) => setCourse(e.target.value)}>
						{courses.map((c) => (
							<option key={c.id} value={c.id}>
								{c.title}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="assign-due">{t('trainer.due')}</label>
					<input id="assign-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
				</div>
				<div>
					<button type="submit">{t('trainer.assign')}</button>
				</div>
			</form>
		</section>
	);
}
