import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Prefixes of the public ids; the body is a ULID, so ids sort by creation time. */
export const ID_PREFIX = {
  organization: 'org',
  apiKey: 'key',
  contact: 'con',
  contactGroup: 'grp',
  bankAccount: 'bac',
  sepaMandate: 'mdt',
  document: 'doc',
  event: 'evt',
  webhookEndpoint: 'we',
  webhookDelivery: 'whd',
  request: 'req',
  article: 'art',
  contract: 'ctr',
  contractItem: 'cti',
  priceChange: 'cpc',
  contractPause: 'cps',
  installmentPlan: 'ipl',
  contractCharge: 'chg',
  billingRun: 'brun',
  documentLine: 'dli',
  auditEntry: 'aud',
  bankStatement: 'bst',
  bankTransaction: 'btx',
  sepaCollection: 'sepc',
  sepaCollectionItem: 'sepi',
  payment: 'pay',
  paymentAllocation: 'pal',
  balanceTransaction: 'cbt',
  documentSend: 'dsnd',
  documentAccessToken: 'dtok',
  paymentLink: 'plk',
  dunningRun: 'drun',
  dunningNotice: 'dun',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

export function newId(kind: IdKind): string {
  return `${ID_PREFIX[kind]}_${ulid()}`;
}

const ID_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `id` has the shape of an id of that kind (not whether it exists). */
export function isId(kind: IdKind, id: string): boolean {
  const prefix = `${ID_PREFIX[kind]}_`;
  return id.startsWith(prefix) && ID_BODY.test(id.slice(prefix.length));
}
