import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fill } from '../../i18n/fill';
import { readSession, RemoteError } from '../../lib/progress/session';
import { recordFinishedCase, startRun } from '../../lib/progress/runs';
import { createScenarioMachine, currentNode, type Choice, type ScenarioMachine } from '../../lib/scenario/machine';
import { browserRunStore, fingerprint, localSeed, orderedOptions, usableSnapshot, type ScenarioPlay, type ScenarioRunStore } from '../../lib/scenario/run-store';
import type { DecisionNode, ScenarioData } from '../../schemas/scenario';
import type { ScenarioKey } from './keys';

interface Props {
	id: string;
	data: ScenarioData;
	strings: Record<ScenarioKey, string>;
}
type T = (key: ScenarioKey, params?: Record<string, string | number>) => string;

const store: ScenarioRunStore = browserRunStore();

function Paragraphs({ text }: { text: string }) {
	return (
		<>
			{text.split(/\n\s*\n/).map((p, i) => (
				<p key={i}>{p.trim()}</p>
			))}
		</>
	);
}

/** Plays any scenario. Loads a saved run first (a reload resumes), then hands over to the run itself. */
function ScenarioPlayerBody(props: Props) {
	const machine = useMemo(() => createScenarioMachine(props.id, props.data), [props.id, props.data]);
	const [boot, setBoot] = useState<{ key: number; snapshot?: unknown; play?: ScenarioPlay; notice?: ScenarioKey; classMode?: boolean }>({ key: 0 });
	useEffect(() => {
		// Class mode (?klas=1): a trainer projects the case; nothing is loaded, saved or recorded.
		if (new URLSearchParams(location.search).has('klas')) return setBoot({ key: 1, classMode: true, notice: 'scenario.classMode' });
		void store.load(props.id).then((run) => {
			if (!run) return;
			// A play of another learner on this device is not resumed (nor its ending shown as recorded).
			const session = readSession();
			const user = session && session !== 'expired' ? session.userId : undefined;
			if (run.play?.user && run.play.user !== user) return;
			const snapshot = usableSnapshot(props.data, run) as { value: string; context: { choices: unknown[] } } | null;
			if (snapshot && snapshot.value === props.data.start && snapshot.context.choices.length === 0) return;
			// A run saved before plays had seeds keeps a local one from now on (started on the server at its ending).
			if (snapshot) setBoot({ key: 1, snapshot, play: run.play ?? { seed: localSeed() }, notice: 'scenario.resumed' });
			else {
				void store.clear(props.id);
				setBoot({ key: 1, notice: 'scenario.changed' });
			}
		});
	}, [props.id, props.data]);
	return <Run key={boot.key} {...props} machine={machine} snapshot={boot.snapshot} initialPlay={boot.play} notice={boot.notice} classMode={boot.classMode ?? false} />;
}

function Run({
	id,
	data,
	strings,
	machine,
	snapshot,
	initialPlay,
	notice,
	classMode,
}: Props & { machine: ScenarioMachine; snapshot?: unknown; initialPlay?: ScenarioPlay; notice?: ScenarioKey; classMode: boolean }) {
	const t: T = (key, params) => fill(strings[key], params);
	const actor = useActorRef(machine, snapshot ? { snapshot: snapshot as never } : undefined);
	const nodeId = useSelector(actor, (s) => currentNode(s));
	const choices = useSelector(actor, (s) => s.context.choices);
	const [feedbackFor, setFeedbackFor] = useState<Choice | null>(null);
	const [saveStatus, setSaveStatus] = useState<string>('');
	const [message, setMessage] = useState<ScenarioKey | undefined>(notice);
	const heading = useRef<HTMLHeadingElement>(null);
	const moved = useRef(false);
	const node = data.nodes[nodeId]!;

	// This play (null before the first step and in class mode): its seed orders the options.
	const [play, setPlay] = useState<ScenarioPlay | null>(initialPlay ?? null);
	const playRef = useRef<ScenarioPlay | null>(initialPlay ?? null);
	const starting = useRef<Promise<ScenarioPlay | null> | null>(null);
	const [busy, setBusy] = useState(false);
	const usePlay = (next: ScenarioPlay | null) => {
		playRef.current = next;
		setPlay(next);
	};
	const persist = () =>
		void store.save(id, { fingerprint: fingerprint(data), snapshot: actor.getPersistedSnapshot(), savedAt: new Date().toISOString(), play: playRef.current ?? undefined });

	/**
	 * Starts a play at its first step: a run on the server when logged in (its seed orders the
	 * options), a local seed otherwise. When the server cannot be reached the play goes on with a
	 * local seed, and its run is started when the ending is recorded.
	 */
	const ensurePlay = (): Promise<ScenarioPlay | null> => {
		if (classMode) return Promise.resolve(null);
		if (playRef.current) return Promise.resolve(playRef.current);
		starting.current ??= (async () => {
			let next: ScenarioPlay = { seed: localSeed() };
			const session = readSession();
			if (session && session !== 'expired') {
				setBusy(true);
				try {
					const started = await startRun(session, id);
					next = { seed: started.seed, run: started.run, user: session.userId };
				} catch (err) {
					if (!(err instanceof RemoteError)) throw err;
				} finally {
					setBusy(false);
				}
			}
			usePlay(next);
			starting.current = null;
			return next;
		})();
		return starting.current;
	};

	/**
	 * A play without a server run while logged in (started as a guest, or when the server could not be
	 * reached) gets one now, so the time from here on counts; its seed, and so its order, stays.
	 */
	const attaching = useRef(false);
	const attachRun = () => {
		const current = playRef.current;
		if (classMode || !current || current.run || current.recorded || attaching.current) return;
		const session = readSession();
		if (!session || session === 'expired') return;
		attaching.current = true;
		startRun(session, id)
			.then(
				(started) => {
					const now = playRef.current;
					if (now && now.seed === current.seed && !now.run && !now.recorded) {
						usePlay({ ...now, run: started.run, user: session.userId });
						persist();
					}
				},
				() => undefined,
			)
			.finally(() => (attaching.current = false));
	};
	useEffect(() => {
		if (node.type !== 'ending') attachRun();
	}, []);

	// Keep the run after every step, so a reload resumes here (not before the first step: the
	// saved run, if any, is still being loaded then).
	useEffect(() => {
		if (!moved.current || classMode) return;
		persist();
	}, [nodeId, choices, play, actor, data, id]);

	// A decision shown before the play started (a case that opens with a decision) starts it.
	useEffect(() => {
		if (node.type === 'decision' && !play && !classMode) void ensurePlay();
	}, [node.type, play]);

	// Move focus to the new heading after every step (not on first render), so keyboard and screen reader follow.
	useEffect(() => {
		if (moved.current) heading.current?.focus();
	}, [nodeId, feedbackFor]);

	// Finishing the case counts as a step of the course, once per play: a reload or a revisit of a
	// recorded ending sends nothing again.
	useEffect(() => {
		if (node.type !== 'ending' || classMode) return;
		let cancelled = false;
		const current = playRef.current;
		const saved = (where: 'account' | 'local') => `${t('scenario.completed')} ${t(where === 'local' ? 'progress.savedLocal' : 'progress.savedAccount')}`;
		if (current?.recorded) {
			setSaveStatus(saved(current.recorded));
			return;
		}
		const finished = actor.getSnapshot().context.choices;
		const ended = current ?? { seed: localSeed() };
		void recordFinishedCase(id, finished, ended).then((status) => {
			if (status === 'local' || status === 'account') {
				usePlay({ ...ended, recorded: status });
				persist();
			}
			if (!cancelled) setSaveStatus(status === 'local' || status === 'account' ? saved(status) : `${t('scenario.completed')} ${t(`progress.${status}`)}`);
		});
		return () => {
			cancelled = true;
		};
	}, [node.type]);

	const step = async (event: Parameters<typeof actor.send>[0]) => {
		moved.current = true;
		setMessage(undefined);
		if (event.type === 'RESTART') {
			// "Opnieuw beginnen" is a new play: a new order, and a new run at its first step.
			starting.current = null;
			usePlay(null);
		} else {
			await ensurePlay();
			attachRun();
		}
		actor.send(event);
	};

	const quality = (q: 'good' | 'acceptable' | 'poor') => t(`scenario.quality.${q}`);
	const headingProps = { ref: heading, tabIndex: -1 } as const;
	const decisionsBefore = choices.length;

	if (feedbackFor) {
		const decision = data.nodes[feedbackFor.node] as DecisionNode;
		const option = decision.options.find((o) => o.id === feedbackFor.option)!;
		return (
			<section className={`scenario${classMode ? ' scenario--class' : ''}`} aria-label={t('scenario.player')}>
				<h2 {...headingProps}>
					{t('scenario.yourChoice')}: {option.text}
				</h2>
				<p className={`tag quality-${option.quality}`}>{quality(option.quality)}</p>
				<Paragraphs text={option.feedback} />
				<button type="button" onClick={() => ((moved.current = true), setFeedbackFor(null))}>
					{t('scenario.continue')}
				</button>
			</section>
		);
	}

	return (
		<section className={`scenario${classMode ? ' scenario--class' : ''}`} aria-label={t('scenario.player')}>
			{(message || classMode) && <p className="note">{t(message ?? 'scenario.classMode')}</p>}
			{node.type === 'scene' && (
				<>
					<h2 {...headingProps}>{node.title ?? t('scenario.step', { number: decisionsBefore + 1 })}</h2>
					<Paragraphs text={node.text} />
					<button type="button" disabled={busy} onClick={() => void step({ type: 'CONTINUE' })}>
						{t('scenario.continue')}
					</button>
				</>
			)}
			{node.type === 'decision' && (
				<>
					<h2 {...headingProps}>{node.title ?? t('scenario.question')}</h2>
					{node.text && <Paragraphs text={node.text} />}
					<p className="scenario__question" id={`q-${nodeId}`}>
						<strong>{node.question}</strong>
					</p>
					{!play && !classMode && <p role="status">{t('scenario.starting')}</p>}
					<ul className="scenario__options" aria-labelledby={`q-${nodeId}`} hidden={!play && !classMode}>
						{orderedOptions(node.options, classMode ? null : play, nodeId).map((o) => (
							<li key={o.id}>
								<button
									type="button"
									className="secondary"
									onClick={() => {
										setFeedbackFor({ node: nodeId, option: o.id });
										void step({ type: 'CHOOSE', option: o.id });
									}}
								>
									{o.text}
								</button>
							</li>
						))}
					</ul>
				</>
			)}
			{node.type === 'ending' && (
				<>
					<p className={`tag outcome-${node.outcome}`}>{t(`scenario.outcome.${node.outcome}`)}</p>
					<h2 {...headingProps}>{node.title}</h2>
					<Paragraphs text={node.text} />
					<h3>{t('scenario.learningPoints')}</h3>
					<ul>
						{node.learningPoints.map((p) => (
							<li key={p}>{p}</li>
						))}
					</ul>
					<h3>{t('scenario.debrief')}</h3>
					<ol className="scenario__debrief">
						{choices.map((c, i) => {
							const decision = data.nodes[c.node] as DecisionNode;
							const chosen = decision.options.find((o) => o.id === c.option)!;
							const recommended = decision.options.filter((o) => o.quality === 'good');
							return (
								<li key={i}>
									<p>
										<strong>{decision.question}</strong>
									</p>
									<dl>
										<dt>{t('scenario.yourChoice')}</dt>
										<dd>
											{chosen.text} <span className={`tag quality-${chosen.quality}`}>{quality(chosen.quality)}</span>
										</dd>
										{chosen.quality !== 'good' && (
											<>
												<dt>{t('scenario.recommended')}</dt>
												{recommended.map((o) => (
													<dd key={o.id}>{o.text}</dd>
												))}
											</>
										)}
									</dl>
								</li>
							);
						})}
					</ol>
					<p role="status">{saveStatus}</p>
				</>
			)}
			{(node.type === 'ending' || nodeId !== data.start) && (
				<p>
					<button
						type="button"
						className={node.type === 'ending' ? undefined : 'secondary'}
						onClick={() => {
							setSaveStatus('');
							void step({ type: 'RESTART' });
						}}
					>
						{t('scenario.restart')}
					</button>
				</p>
			)}
		</section>
	);
}

/** The island with the language of its text (a case or test not yet translated keeps its Dutch `lang`). The
 * wrapper lives inside the island, so Astro's hydration <style> is not put inside a <div> (invalid HTML). */
export default function ScenarioPlayer({ lang, ...props }: Props & { lang?: string }) {
	return (
		<div lang={lang}>
			<ScenarioPlayerBody {...props} />
		</div>
	);
}
