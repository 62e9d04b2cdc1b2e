import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';
import type {
  BalanceTransaction,
  BalanceTransactionListParams,
  BalanceTransactionPage,
  CreditBalance,
} from './payments';

/** A customer: person or company, with e-mails, addresses, bank accounts and SEPA mandates. */
export type Contact = Schema<'Contact'>;
export type ContactCreateParams = RequestBody<'/v1/contacts', 'post'>;
export type ContactUpdateParams = RequestBody<'/v1/contacts/{id}', 'patch'>;
export type ContactListParams = QueryParams<'/v1/contacts', 'get'>;
export type ContactPage = SuccessBody<'/v1/contacts', 'get'>;
export type ContactImportParams = QueryParams<'/v1/contacts/import', 'post'>;
/** What a CSV import did: counts, the created ids in file order, and every refused row with its field errors. */
export type ContactImportReport = SuccessBody<'/v1/contacts/import', 'post'>;
export type ContactExportParams = QueryParams<'/v1/contacts/export', 'get'>;

/** `fakturo.contacts`: the customers you bill. */
export class Contacts extends Resource {
  /**
   * Creates a person or company. The customer number comes from your number range unless given; IBANs,
   * BICs and VAT ids are checked, and every broken rule is reported at once (`ValidationError.errors`).
   *
   * @example
   * ```ts
   * const contact = await fakturo.contacts.create({
   *   kind: 'company',
   *   companyName: 'Muster GmbH',
   *   emails: [{ email: 'billing@muster.example', type: 'billing' }],
   *   billingAddress: { line1: 'Musterstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
   * });
   * console.log(contact.id, contact.customerNumber);
   * ```
   */
  create(params: ContactCreateParams, options?: RequestOptions): Promise<Contact> {
    return this.call('post', '/v1/contacts', { body: params }, options);
  }

  /**
   * Reads one contact; `NotFoundError` when it does not exist in your organisation.
   *
   * @example
   * ```ts
   * const contact = await fakturo.contacts.get('con_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Contact> {
    return this.call('get', '/v1/contacts/{id}', { params: { id } }, options);
  }

  /**
   * Changes the fields you send (arrays are replaced whole). Pass `ifMatch: contact.version` so a change
   * someone made since you read it is not overwritten: you get `PreconditionFailedError` instead.
   *
   * @example
   * ```ts
   * const contact = await fakturo.contacts.get(id);
   * await fakturo.contacts.update(id, { notes: 'Pays by SEPA' }, { ifMatch: contact.version });
   * ```
   */
  update(id: string, params: ContactUpdateParams, options: UpdateOptions = {}): Promise<Contact> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/contacts/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * Deletes a contact that has no documents; one with documents gives `ConflictError`
   * (`contact_has_documents`): archive it instead.
   *
   * @example
   * ```ts
   * await fakturo.contacts.del('con_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/contacts/{id}', { params: { id } }, options);
  }

  /**
   * Archives a contact: it keeps its documents and history but leaves default lists and billing.
   *
   * @example
   * ```ts
   * const archived = await fakturo.contacts.archive(id);
   * console.log(archived.archivedAt);
   * ```
   */
  archive(id: string, options?: RequestOptions): Promise<Contact> {
    return this.call('post', '/v1/contacts/{id}/archive', { params: { id } }, options);
  }

  /**
   * Brings an archived contact back into lists.
   *
   * @example
   * ```ts
   * await fakturo.contacts.unarchive(id);
   * ```
   */
  unarchive(id: string, options?: RequestOptions): Promise<Contact> {
    return this.call('post', '/v1/contacts/{id}/unarchive', { params: { id } }, options);
  }

  /**
   * One page of contacts, newest first, with filters (`q`, `city`, `source` + `externalId`, dates, …).
   *
   * @example
   * ```ts
   * const page = await fakturo.contacts.list({ limit: 10, country: 'DE' });
   * if (page.hasMore) await fakturo.contacts.list({ limit: 10, country: 'DE', startingAfter: page.nextCursor! });
   * ```
   */
  list(params: ContactListParams = {}, options?: RequestOptions): Promise<ContactPage> {
    return this.call('get', '/v1/contacts', { query: params }, options);
  }

  /**
   * Every matching contact, page after page, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const contact of fakturo.contacts.listAutoPaging({ limit: 50 }, { maxItems: 1000 })) {
   *   console.log(contact.displayName);
   * }
   * ```
   */
  listAutoPaging(
    params: ContactListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Contact> {
    return autoPage((query: ContactListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Imports contacts from a CSV file (the columns of `export`). With `atomic: true` one bad row refuses the
   * whole file (`ValidationError`, nothing written); otherwise valid rows are imported and bad ones listed.
   *
   * @example
   * ```ts
   * import { readFile } from 'node:fs/promises';
   * const report = await fakturo.contacts.import(await readFile('customers.csv', 'utf8'), { delimiter: ';' });
   * console.log(report.imported, report.failed);
   * for (const row of report.errors) console.log(row.line, row.errors.map((e) => e.path));
   * ```
   */
  import(
    csv: string,
    params: ContactImportParams = {},
    options?: RequestOptions,
  ): Promise<ContactImportReport> {
    return this.call(
      'post',
      '/v1/contacts/import',
      { body: csv, contentType: 'text/csv', query: params },
      options,
    );
  }

  /**
   * The contact's credit balance: money it paid beyond what its invoices asked, per currency (only positive
   * balances). It pays the contact's next invoice at finalize, or one you name with
   * `invoices.applyCreditBalance`, or goes back by refunding the payment.
   *
   * @example
   * ```ts
   * const { balances } = await fakturo.contacts.creditBalance(contact.id);
   * const eur = balances.find((b) => b.currency === 'EUR')?.amount ?? 0;
   * ```
   */
  creditBalance(id: string, options?: RequestOptions): Promise<CreditBalance> {
    return this.call('get', '/v1/contacts/{id}/credit-balance', { params: { id } }, options);
  }

  /**
   * One page of the credit balance's ledger, newest first: every change with the balance after it.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.contacts.listCreditBalanceTransactions(contact.id, { currency: 'EUR' });
   * for (const tx of data) console.log(tx.kind, tx.amount, tx.balanceAfter, tx.paymentId);
   * ```
   */
  listCreditBalanceTransactions(
    id: string,
    params: BalanceTransactionListParams = {},
    options?: RequestOptions,
  ): Promise<BalanceTransactionPage> {
    return this.call(
      'get',
      '/v1/contacts/{id}/credit-balance/transactions',
      { params: { id }, query: params },
      options,
    );
  }

  /**
   * Every entry of the credit balance's ledger, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const ledger = await fakturo.contacts
   *   .listCreditBalanceTransactionsAutoPaging(contact.id, {}, { maxItems: 1000 })
   *   .toArray();
   * ```
   */
  listCreditBalanceTransactionsAutoPaging(
    id: string,
    params: BalanceTransactionListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<BalanceTransaction> {
    return autoPage(
      (query: BalanceTransactionListParams) => this.listCreditBalanceTransactions(id, query, options),
      params ?? {},
      bound,
    );
  }

  /**
   * Exports the matching contacts as CSV text (the same filters as `list`, without paging).
   *
   * @example
   * ```ts
   * import { writeFile } from 'node:fs/promises';
   * await writeFile('berlin.csv', await fakturo.contacts.export({ city: 'Berlin', delimiter: ';' }));
   * ```
   */
  export(params: ContactExportParams = {}, options?: RequestOptions): Promise<string> {
    return this.call('get', '/v1/contacts/export', { query: params, accept: 'text/csv' }, options);
  }
}
