/** UI strings the search island needs. */
export const searchKeys = [
	'search.label',
	'search.submit',
	'search.audience',
	'search.loading',
	'search.failed',
	'search.none',
	'search.count',
	'search.didYouMean',
	'search.terms',
	'search.shown',
	'search.more',
	'search.type.lesson',
	'search.type.case',
	'search.type.course',
	'search.type.term',
	'catalogue.all',
] as const;
export type SearchKey = (typeof searchKeys)[number];
