export * as apiKeys from './api-keys/service';
export * as articles from './articles/service';
export * from './articles/types';
export * as audit from './audit/service';
export type {
  CsvColumnMapping,
  CsvDateFormat,
  CsvOptions,
  FormatHint,
  ParseWarning,
  StatementFormat,
} from './bank-statements/parse/index';
export * as bankStatementFiles from './bank-statements/parse/index';
export * as bankStatements from './bank-statements/service';
export * from './bank-statements/types';
export * as billing from './billing/index';
export * as billingRuns from './billing-runs/service';
export * from './billing-runs/types';
export * from './clock';
export * as connectors from './connectors/service';
export * as contactGroups from './contact-groups/service';
export * as contactsCsv from './contacts/csv';
export * as contacts from './contacts/service';
export * from './contacts/types';
export * from './context';
export * as contracts from './contracts/service';
export * from './contracts/types';
export * as secrets from './crypto/secrets';
export * as creditNotes from './documents/credit-notes';
export * as documents from './documents/index';
export * as invoices from './documents/invoices';
export * as quotes from './documents/quotes';
export * from './documents/resource';
export * as documentService from './documents/service';
export * as dunning from './dunning/index';
export * from './dunning/types';
export * from './errors';
export * as events from './events/service';
export * as idempotency from './idempotency/service';
export * from './ids';
export * as jobs from './jobs';
export * as money from './money';
export * as numbering from './numbering/service';
export * as organizations from './organizations/service';
export * from './organizations/types';
export * from './pagination';
export * as paymentRules from './payments/rules';
export * as payments from './payments/service';
export * from './payments/types';
export * as portal from './portal/index';
export * as pspRules from './psp/rules';
export * as psp from './psp/service';
export * from './psp/types';
export * as reconciliationRules from './reconciliation/match';
export * as reconciliation from './reconciliation/service';
export * as reports from './reports/index';
export * as sending from './sending/index';
export * as sepa from './sepa/index';
export * from './sepa/types';
export * as testClock from './test-clock/service';
export { hasNonXmlCharacter, NON_XML_CHARACTER_MESSAGE } from './validation/text';
export * as webhooks from './webhooks/index';
export * from './webhooks/types';
