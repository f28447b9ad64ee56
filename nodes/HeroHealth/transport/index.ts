export { heroApiRequest, heroApiRequestAllItems, recordsOf, setRequestGate, setRequestTimeout, resolveBaseUrl, CREDENTIAL_TYPE, MAX_ANSWER_BYTES, MAX_PAGES } from './request';
export { pathId } from './paths';
export { outcomeUnknown } from './errors';
export { abortableSleep } from './timer';
export type { HeroRequest, HeroContext, AnswerShape } from './request';
export { INFERRED } from './inferred';
export { RETRY_POLICY } from './retry';
