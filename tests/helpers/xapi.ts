// An independent check of xAPI statements: Learning Locker's validator (xapi-validation, conformance-tested with
// Learning Locker), not our own code. Returns its warnings as text; [] means the statement is valid xAPI.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validate = (require('xapi-validation') as { default: (statement: unknown) => unknown[] }).default;

export function xapiProblems(statement: unknown): string[] {
	return validate(statement).map((warning) => JSON.stringify(warning));
}
