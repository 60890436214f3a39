// Verifies a credential in a separate Node process that knows only the site's address (the public key comes from
// its /.well-known/did.json): tests/helpers/verify-open-badge.mjs. Nothing of the server's credential service,
// which runs inside the test process, is shared with it.
import { execFile } from 'node:child_process';
import path from 'node:path';

const script = path.join(import.meta.dirname, 'verify-open-badge.mjs');

export interface PublishedKeyVerification {
	verified: boolean;
	statusResult?: { verified: boolean; results?: { status: boolean }[] };
	refused: string[];
	error?: string;
}

export function verifyWithPublishedKey(siteUrl: string, credential: unknown, options: { status?: boolean } = {}): Promise<PublishedKeyVerification> {
	return new Promise((resolve, reject) => {
		const child = execFile(process.execPath, [script], { timeout: 60_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`the verifier process failed: ${stderr || error.message}`));
			else resolve(JSON.parse(stdout) as PublishedKeyVerification);
		});
		child.stdin!.end(JSON.stringify({ siteUrl, credential, status: options.status === true }));
	});
}
