import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The hooks' pure helpers are CommonJS files that PocketBase's JS runtime loads; Node can load them too.
const require = createRequire(import.meta.url);
const { progressProblem } = require('../../pocketbase/pb_hooks/lib/progress.js') as {
	progressProblem: (input: { lesson: unknown }, lessons: Record<string, boolean> | null) => string | null;
};

describe('progressProblem', () => {
	const catalog = { 'm/a': true, 'm/b': true };
	it('accepts a known lesson', () => expect(progressProblem({ lesson: 'm/a' }, catalog)).toBeNull());
	it('leaves cases to the server, which replays them', () => expect(progressProblem({ lesson: 'scenario/maria' }, catalog)).toMatch(/server records it/));
	it('refuses an unknown lesson, naming it', () => expect(progressProblem({ lesson: 'm/z' }, catalog)).toBe('lesson: unknown lesson "m/z".'));
	it('refuses an empty lesson', () => expect(progressProblem({ lesson: '' }, catalog)).toBe('lesson: a lesson id is required.'));
	it('refuses everything when the server has no catalogue', () => expect(progressProblem({ lesson: 'm/a' }, null)).toMatch(/catalogue/));
});
