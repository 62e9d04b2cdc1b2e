/**
 * @fakturo/sdk — the TypeScript client of the Fakturo billing API.
 * Works wherever `fetch` exists; the webhook helpers use `node:crypto` (Node.js ≥ 20).
 */
export { Fakturo } from './client';
export {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  FakturoError,
  type FieldError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  type Problem,
  RateLimitError,
  ValidationError,
  WebhookVerificationError,
} from './errors';
export type { FakturoOptions, RequestOptions, ResponseBodyType } from './http';
export { AutoPaginator, type PagingBound } from './pagination';
export type {
  ApiKey,
  ApiKeyCreateParams,
  ApiKeyListParams,
  ApiKeyPage,
  ApiKeys,
  ApiKeyWithSecret,
} from './resources/api-keys';
export type {
  Article,
  ArticleCreateParams,
  ArticleListParams,
  ArticlePage,
  Articles,
  ArticleUpdateParams,
} from './resources/articles';
export type {
  AuditEntry,
  AuditEntryPage,
  AuditLog,
  AuditLogListParams,
  AuditVerification,
} from './resources/audit-log';
export type {
  BankStatement,
  BankStatementImport,
  BankStatementImportParams,
  BankStatementListParams,
  BankStatementPage,
  BankStatements,
  BankTransaction,
  BankTransactionIgnoreParams,
  BankTransactionListParams,
  BankTransactionMatchParams,
  BankTransactionPage,
  BankTransactionReconcileParams,
  BankTransactionReconcileQueued,
  BankTransactions,
} from './resources/bank-statements';
export type { CallInput, UpdateOptions } from './resources/base';
export type {
  BillingRun,
  BillingRunCreateParams,
  BillingRunListParams,
  BillingRunPage,
  BillingRunPreview,
  BillingRunStatus,
  BillingRuns,
  BillingRunWaitOptions,
} from './resources/billing-runs';
export type {
  ConnectorArticleParams,
  ConnectorContactParams,
  ConnectorOrderParams,
  Connectors,
} from './resources/connectors';
export type {
  ContactGroup,
  ContactGroupCreateParams,
  ContactGroupListParams,
  ContactGroupPage,
  ContactGroups,
  ContactGroupUpdateParams,
} from './resources/contact-groups';
export type {
  Contact,
  ContactCreateParams,
  ContactExportParams,
  ContactImportParams,
  ContactImportReport,
  ContactListParams,
  ContactPage,
  Contacts,
  ContactUpdateParams,
} from './resources/contacts';
export type {
  Contract,
  ContractCancelParams,
  ContractCreateParams,
  ContractInstallmentPlanParams,
  ContractListParams,
  ContractPage,
  ContractPauseParams,
  ContractPriceChangeParams,
  ContractResumeParams,
  Contracts,
  ContractUpdateParams,
} from './resources/contracts';
export type {
  CreditNote,
  CreditNoteCreateParams,
  CreditNoteListParams,
  CreditNotePage,
  CreditNotes,
  CreditNoteUpdateParams,
} from './resources/credit-notes';
export type {
  DocumentSend,
  DocumentSendListParams,
  DocumentSendPage,
  DocumentSendParams,
  DocumentSendRetryParams,
  DocumentSends,
  QuoteSendParams,
} from './resources/document-sends';
export type {
  DunningLevels,
  DunningNotice,
  DunningNoticeListParams,
  DunningNoticePage,
  DunningNotices,
  DunningRun,
  DunningRunCreateParams,
  DunningRunListParams,
  DunningRunPage,
  DunningRunPreview,
  DunningRuns,
  DunningRunWaitOptions,
  DunningSettings,
  DunningSettingsUpdateParams,
} from './resources/dunning';
export type { Event, EventListParams, EventPage, Events } from './resources/events';
export type {
  EInvoiceFormat,
  EInvoiceXmlFormat,
  Invoice,
  InvoiceCreateParams,
  InvoiceListParams,
  InvoiceMergeParams,
  InvoicePage,
  Invoices,
  InvoiceUpdateParams,
} from './resources/invoices';
export type { Organization, OrganizationResource, OrganizationUpdateParams } from './resources/organization';
export type {
  PaymentLink,
  PaymentLinkCreateParams,
  PaymentLinkListParams,
  PaymentLinkPage,
  PaymentLinks,
} from './resources/payment-links';
export type {
  PaymentProvider,
  PaymentProviderConfigureParams,
  PaymentProviderList,
  PaymentProviderName,
  PaymentProviders,
} from './resources/payment-providers';
export type {
  ApplyCreditBalanceParams,
  BalanceTransaction,
  BalanceTransactionListParams,
  BalanceTransactionPage,
  CreditBalance,
  Payment,
  PaymentCreateParams,
  PaymentListParams,
  PaymentPage,
  PaymentRefundParams,
  Payments,
} from './resources/payments';
export type {
  Quote,
  QuoteCreateParams,
  QuoteDecisionParams,
  QuoteListParams,
  QuotePage,
  Quotes,
  QuoteUpdateParams,
} from './resources/quotes';
export type {
  AgingReport,
  AgingReportParams,
  MrrEntry,
  MrrEntryPage,
  MrrMovementCsvParams,
  MrrMovementListParams,
  MrrRebuild,
  MrrReport,
  MrrReportParams,
  Reports,
  RevenueReport,
  RevenueReportParams,
  VatReport,
  VatReportParams,
} from './resources/reports';
export type {
  SepaCollection,
  SepaCollectionCreateParams,
  SepaCollectionItem,
  SepaCollectionListParams,
  SepaCollectionPage,
  SepaCollections,
} from './resources/sepa-collections';
export type {
  ShareLink,
  ShareLinkListParams,
  ShareLinkPage,
  ShareLinkParams,
  ShareLinks,
} from './resources/share-links';
export type {
  TestClock,
  TestClockAdvanceParams,
  TestClockAdvanceResult,
  TestClockResource,
} from './resources/test-clock';
export type {
  WebhookDeliveries,
  WebhookDelivery,
  WebhookDeliveryListParams,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointCreateParams,
  WebhookEndpointListParams,
  WebhookEndpointPage,
  WebhookEndpoints,
  WebhookEndpointUpdateParams,
  WebhookEndpointWithSecret,
  WebhookReplayParams,
  WebhookReplayResult,
  WebhookSecretRotationParams,
} from './resources/webhook-endpoints';
export type {
  ApiPath,
  components,
  HttpMethod,
  MethodsOf,
  Operation,
  Page,
  PathParams,
  paths,
  QueryParams,
  RequestBody,
  Schema,
  Schemas,
  SuccessBody,
} from './types';
export { VERSION } from './version';
export {
  type SignTestWebhookOptions,
  signTestWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookRequestHeaders,
  type WebhookSignatureHeaders,
} from './webhooks';
