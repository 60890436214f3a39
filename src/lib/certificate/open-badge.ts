// The Open Badge of a certificate (issue 23), as the browser saves it: the signed credential the server made,
// unchanged (JSON whitespace does not touch the signature), named after the certificate's code.
import { downloadBlob } from '../download';

export const openBadgePath = (certificateId: string) => `/api/palliwijs/certificates/${certificateId}/open-badge`;
export const openBadgeFilename = (code: string) => `palliwijs-open-badge-${code}.json`;

export function saveOpenBadge(credential: unknown, code: string): void {
	downloadBlob(new Blob([JSON.stringify(credential, null, 2)], { type: 'application/json' }), openBadgeFilename(code));
}

/** Why a download failed, from the server's answer: the certificate was withdrawn, or anything else. */
export const openBadgeProblem = (body: unknown): 'revoked' | 'failed' => ((body as { data?: { problem?: string } } | null)?.data?.problem === 'revoked' ? 'revoked' : 'failed');
