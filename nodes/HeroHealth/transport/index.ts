export { heroApiRequest, heroApiRequestAllItems, recordsOf, setRequestGate, setRequestTimeout, resolveBaseUrl, CREDENTIAL_TYPE } from './request';
export type { HeroRequest, HeroContext } from './request';
export { INFERRED } from './inferred';
export { RETRY_POLICY } from './retry';
