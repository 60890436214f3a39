import type { Condition, Next } from '../../schemas/scenario';

/** The values of a scenario's variables during one run. */
export type Variables = Record<string, number | boolean>;

/** Numbers are added, booleans are set. Unknown variables are ignored (the checker refuses them). */
export function applyEffects(variables: Variables, effects: Variables | undefined): Variables {
	if (!effects) return variables;
	const result = { ...variables };
	for (const [name, value] of Object.entries(effects)) {
		const current = result[name];
		if (typeof value === 'number' && typeof current === 'number') result[name] = current + value;
		else if (typeof value === 'boolean') result[name] = value;
	}
	return result;
}

/** Whether the variables meet a condition (no condition: always). */
export function matches(variables: Variables, when: Condition | undefined): boolean {
	if (!when) return true;
	return Object.entries(when).every(([name, test]) => {
		const value = variables[name];
		if (typeof test === 'boolean') return value === test;
		if (typeof value !== 'number') return false;
		return (test.min === undefined || value >= test.min) && (test.max === undefined || value <= test.max) && (test.equals === undefined || value === test.equals);
	});
}

/** The branches of a `next`, as a list (a plain node id is one unconditional branch). */
export function branches(next: Next): { when?: Condition; to: string }[] {
	return typeof next === 'string' ? [{ to: next }] : next;
}

/** Where a `next` leads with these variables. */
export function resolveNext(next: Next, variables: Variables): string {
	return branches(next).find((b) => matches(variables, b.when))!.to;
}
