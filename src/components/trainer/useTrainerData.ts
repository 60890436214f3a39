import PocketBase from 'pocketbase';
import { useEffect, useRef, useState } from 'react';
import type { Dashboard } from '../../lib/dashboard-csv';
import type { DashboardLabels } from '../../lib/dashboard-labels';
import type { TrainerT } from './keys';
import { dueValue } from './view';

export interface Cohort {
	id: string;
	name: string;
}
export type TrainerReady = 'checking' | 'anonymous' | 'learner' | 'trainer' | 'unreachable';
export interface Learner {
	id: string;
	name: string;
}

const pb = new PocketBase('/');
const noLabels: DashboardLabels = { assessments: {}, scenarios: {}, domains: {} };

/**
 * The trainer page's data: who is looking (trainer or not), their cohorts, the selected cohort's dashboard and
 * the labels that replace ids, with every action a trainer takes. Failures become `problem` (a message for the page)
 * or `dashboardFailed` (the dashboard alone could not be loaded; `retry` tries again); nothing else is lost.
 */
export function useTrainerData(t: TrainerT, labelsUrl: string) {
	const [ready, setReady] = useState<TrainerReady>('checking');
	const [cohorts, setCohorts] = useState<Cohort[]>([]);
	const [selected, setSelected] = useState<string>('');
	const [dashboard, setDashboard] = useState<Dashboard | null>(null);
	// A dashboard that cannot be loaded is said as such; the cohort selector and the rest of the page stay.
	const [dashboardFailed, setDashboardFailed] = useState(false);
	// Until the labels arrive (or if they cannot be fetched) the dashboard shows ids; a later dashboard load tries again.
	const [labels, setLabels] = useState<DashboardLabels>(noLabels);
	const labelsRequested = useRef(false);
	const [problem, setProblem] = useState('');
	const [notice, setNotice] = useState('');

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

	/** Makes a cohort and selects it; true when it was made (the form then empties its field). */
	async function createCohort(name: string): Promise<boolean> {
		if (name.trim().length < 2) {
			setProblem(t('trainer.nameMissing'));
			return false;
		}
		try {
			const c = await pb.collection('cohorts').create<Cohort>({ name: name.trim(), owner: pb.authStore.record!.id });
			setProblem('');
			await loadCohorts();
			setSelected(c.id);
			await loadDashboard(c.id);
			return true;
		} catch {
			fail();
			return false;
		}
	}
	function selectCohort(id: string) {
		setSelected(id);
		void loadDashboard(id);
	}
	function retry(id: string) {
		void loadDashboard(id);
	}
	async function assign(course: string, due: string) {
		try {
			await pb.collection('assignments').create({ cohort: selected, course, due: dueValue(due) });
			setProblem('');
			await loadDashboard(selected);
		} catch {
			setProblem(t('trainer.assignFailed'));
		}
	}
	async function changeCode(body: { open?: boolean; renew?: boolean }) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/code`, { method: 'POST', body });
			await loadCohorts();
			await loadDashboard(selected);
		} catch {
			fail();
		}
	}
	async function removeLearner(learner: Learner, block: boolean) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/members/${learner.id}/remove`, { method: 'POST', body: { block } });
			setProblem('');
			setNotice(t(block ? 'trainer.removedBlocked' : 'trainer.removed', { name: learner.name }));
		} catch {
			fail();
		}
		await loadDashboard(selected);
	}
	async function unblock(learner: Learner) {
		try {
			await pb.send(`/api/palliwijs/cohorts/${selected}/blocks/${learner.id}`, { method: 'DELETE' });
			setProblem('');
			setNotice(t('trainer.unblocked', { name: learner.name }));
		} catch {
			fail();
		}
		await loadDashboard(selected);
	}

	return { ready, cohorts, selected, dashboard, dashboardFailed, labels, problem, notice, createCohort, selectCohort, retry, assign, changeCode, removeLearner, unblock };
}
