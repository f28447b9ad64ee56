export {
	heroApiRequest,
	setRequestTimeout,
	resolveBaseUrl,
	CREDENTIAL_TYPE,
	MAX_ANSWER_BYTES,
} from './request';
export {
	MAX_PAGES,
	heroApiRequestAllItems,
	readList,
	readPage,
	recordsOf,
	type Paging,
} from './paging';
export { pathId } from './paths';
export { outcomeUnknown } from './errors';
export { abortableSleep } from './timer';
export type {
	HeroRequest,
	HeroContext,
	AnswerShape,
	RequestSupervisor,
	SupervisedContext,
} from './request';
export { INFERRED } from './inferred';
export { RETRY_POLICY } from './retry';
