/**
 * True when `key` is the object's own key: never for a name every object answers to through its prototype
 * ('constructor', 'toString'), and never for a text's letters or length. Ids in stored data and in the
 * catalogue are looked up with it, so a learner's value cannot reach the prototype.
 */
export function isOwn(object: unknown, key: string): boolean {
	return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
}
