import { type FakturoOptions, HttpClient, type RequestOptions } from './http';
import { ApiKeys } from './resources/api-keys';
import { Articles } from './resources/articles';
import { AuditLog } from './resources/audit-log';
import { BankStatements, BankTransactions } from './resources/bank-statements';
import { type CallInput, callApi } from './resources/base';
import { BillingRuns } from './resources/billing-runs';
import { Connectors } from './resources/connectors';
import { ContactGroups } from './resources/contact-groups';
import { Contacts } from './resources/contacts';
import { Contracts } from './resources/contracts';
import { CreditNotes } from './resources/credit-notes';
import { DocumentSends } from './resources/document-sends';
import { DunningLevels, DunningNotices, DunningRuns } from './resources/dunning';
import { Events } from './resources/events';
import { Invoices } from './resources/invoices';
import { OrganizationResource } from './resources/organization';
import { PaymentLinks } from './resources/payment-links';
import { PaymentProviders } from './resources/payment-providers';
import { Payments } from './resources/payments';
import { Quotes } from './resources/quotes';
import { Reports } from './resources/reports';
import { SepaCollections } from './resources/sepa-collections';
import { ShareLinks } from './resources/share-links';
import { TestClockResource } from './resources/test-clock';
import { WebhookDeliveries, WebhookEndpoints } from './resources/webhook-endpoints';
import type { ApiPath, MethodsOf, SuccessBody } from './types';

/** `request`'s input and options: the input optional when nothing in it is required. */
type RequestArgs<P extends ApiPath, M extends MethodsOf<P>> =
  Record<never, never> extends CallInput<P, M>
    ? [input?: CallInput<P, M>, options?: RequestOptions]
    : [input: CallInput<P, M>, options?: RequestOptions];

/**
 * The Fakturo API client. Every method returns the API's own objects, typed from its OpenAPI spec.
 * POSTs carry an automatic `Idempotency-Key`; 429, 5xx and network failures are retried with back-off
 * (honouring `Retry-After`); failures throw `FakturoError` subclasses.
 *
 * @example
 * ```ts
 * import { Fakturo } from '@fakturo/sdk';
 *
 * const fakturo = new Fakturo({ apiKey: process.env.FAKTURO_API_KEY!, baseUrl: 'http://127.0.0.1:3000' });
 * const contact = await fakturo.contacts.create({ kind: 'person', firstName: 'Erika', lastName: 'Mustermann' });
 * const { data } = await fakturo.contacts.list({ limit: 10 });
 * ```
 */
export class Fakturo {
  readonly contacts: Contacts;
  readonly contactGroups: ContactGroups;
  readonly organization: OrganizationResource;
  readonly apiKeys: ApiKeys;
  readonly events: Events;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly webhookDeliveries: WebhookDeliveries;
  readonly articles: Articles;
  readonly contracts: Contracts;
  readonly billingRuns: BillingRuns;
  readonly testClock: TestClockResource;
  readonly invoices: Invoices;
  readonly creditNotes: CreditNotes;
  readonly quotes: Quotes;
  readonly auditLog: AuditLog;
  readonly payments: Payments;
  readonly bankStatements: BankStatements;
  readonly bankTransactions: BankTransactions;
  readonly sepaCollections: SepaCollections;
  readonly reports: Reports;
  readonly documentSends: DocumentSends;
  readonly shareLinks: ShareLinks;
  readonly connectors: Connectors;
  readonly paymentProviders: PaymentProviders;
  readonly paymentLinks: PaymentLinks;
  readonly dunningLevels: DunningLevels;
  readonly dunningRuns: DunningRuns;
  readonly dunningNotices: DunningNotices;
  private readonly http: HttpClient;

  constructor(options: FakturoOptions) {
    this.http = new HttpClient(options);
    // A new resource: a class in resources/ and one line here.
    this.contacts = new Contacts(this.http);
    this.contactGroups = new ContactGroups(this.http);
    this.organization = new OrganizationResource(this.http);
    this.apiKeys = new ApiKeys(this.http);
    this.events = new Events(this.http);
    this.webhookEndpoints = new WebhookEndpoints(this.http);
    this.webhookDeliveries = new WebhookDeliveries(this.http);
    this.articles = new Articles(this.http);
    this.contracts = new Contracts(this.http);
    this.billingRuns = new BillingRuns(this.http);
    this.testClock = new TestClockResource(this.http);
    this.invoices = new Invoices(this.http);
    this.creditNotes = new CreditNotes(this.http);
    this.quotes = new Quotes(this.http);
    this.auditLog = new AuditLog(this.http);
    this.payments = new Payments(this.http);
    this.bankStatements = new BankStatements(this.http);
    this.bankTransactions = new BankTransactions(this.http);
    this.sepaCollections = new SepaCollections(this.http);
    this.reports = new Reports(this.http);
    this.documentSends = new DocumentSends(this.http);
    this.shareLinks = new ShareLinks(this.http);
    this.connectors = new Connectors(this.http);
    this.paymentProviders = new PaymentProviders(this.http);
    this.paymentLinks = new PaymentLinks(this.http);
    this.dunningLevels = new DunningLevels(this.http);
    this.dunningRuns = new DunningRuns(this.http);
    this.dunningNotices = new DunningNotices(this.http);
  }

  /**
   * Calls any route of the API, typed by its path and method — for routes that have no namespace yet.
   * Same retries, idempotency and errors as the namespaced methods.
   *
   * @example
   * ```ts
   * const contact = await fakturo.request('get', '/v1/contacts/{id}', { params: { id: 'con_01JD…' } });
   * const page = await fakturo.request('get', '/v1/events', { query: { type: 'contact.*' } });
   * const organization = await fakturo.request('get', '/v1/organization');
   * ```
   * The input may be left out when the route needs no path parameters and no body.
   */
  request<P extends ApiPath, M extends MethodsOf<P>>(
    method: M,
    path: P,
    ...[input, options]: RequestArgs<P, M>
  ): Promise<SuccessBody<P, M>> {
    return callApi(this.http, method, path, (input ?? {}) as CallInput<P, M>, options);
  }
}
