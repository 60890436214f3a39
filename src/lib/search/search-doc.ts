/** One thing search can find: a lesson, case, course or glossary term, in one language. */
export interface SearchDoc {
	id: string;
	type: 'lesson' | 'case' | 'course' | 'term';
	title: string;
	/** Course(s) it belongs to, for the result line. */
	course: string;
	href: string;
	audiences: string[];
	/** A short text for the result snippet (description and the start of the body). */
	snippet: string;
	keywords: string;
	body: string;
	/** Glossary terms only: the other names of the term, for suggestions when a search finds nothing. */
	aliases?: string[];
}
