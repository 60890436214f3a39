import { useState } from 'react';
import PocketBase from 'pocketbase';
import { downloadBlob } from '../../lib/download';
import type { TrainerT } from './keys';

/**
 * Downloads the cohort's learning records as xAPI statements, one per line (NDJSON), built by the server
 * (GET /api/palliwijs/cohorts/{id}/xapi; README "Leerrecords (xAPI)"). Beside the CSV download.
 */
export function XapiButton({ t, cohort }: { t: TrainerT; cohort: string }) {
	const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
	async function download() {
		setState('busy');
		try {
			const pb = new PocketBase('/');
			const res = await fetch(`/api/palliwijs/cohorts/${encodeURIComponent(cohort)}/xapi`, { headers: { Authorization: pb.authStore.token } });
			if (!res.ok) throw new Error(String(res.status));
			const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'palliwijs-xapi.ndjson';
			downloadBlob(new Blob([await res.text()], { type: 'application/x-ndjson' }), name);
			setState('idle');
		} catch {
			setState('failed');
		}
	}
	return (
		<p>
			<button type="button" onClick={() => void download()} aria-busy={state === 'busy'} disabled={state === 'busy'}>
				{t('trainer.xapi')}
			</button>
			{state === 'failed' && (
				<span role="alert" className="note note--warn">
					{' '}
					{t('trainer.xapiFailed')}
				</span>
			)}
		</p>
	);
}
