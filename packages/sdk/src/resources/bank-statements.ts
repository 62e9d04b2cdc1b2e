import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/** One statement of an imported file: account, period, balances, and how many entries it brought. */
export type BankStatement = Schema<'BankStatement'>;
/** What an import stored and skipped (already imported), per statement, with warnings. */
export type BankStatementImport = Schema<'BankStatementImport'>;
export type BankStatementListParams = QueryParams<'/v1/bank-statements', 'get'>;
export type BankStatementPage = SuccessBody<'/v1/bank-statements', 'get'>;
/** One booked entry: signed minor units (credits positive), counterparty, references, and its match. */
export type BankTransaction = Schema<'BankTransaction'>;
export type BankTransactionListParams = QueryParams<'/v1/bank-transactions', 'get'>;
export type BankTransactionPage = SuccessBody<'/v1/bank-transactions', 'get'>;
/** `acceptSuggestion: true`, or `allocations` on invoices, or `contactId` alone (all to its credit balance). */
export type BankTransactionMatchParams = RequestBody<'/v1/bank-transactions/{id}/match', 'post'>;
/** Optional `reason` for setting a transaction aside (at most 500 characters). */
export type BankTransactionIgnoreParams = RequestBody<'/v1/bank-transactions/{id}/ignore', 'post'>;
/** Optional `statementId`: only that statement's unmatched transactions. */
export type BankTransactionReconcileParams = RequestBody<'/v1/bank-transactions/reconcile', 'post'>;
/** The worker reconciles; results arrive as `bank_transaction.matched` / `.suggested` events. */
export type BankTransactionReconcileQueued = SuccessBody<'/v1/bank-transactions/reconcile', 'post'>;

/** The file's format and, for CSV, its column mapping (values are header names) and how to read it. */
export type BankStatementImportParams = QueryParams<'/v1/bank-statements', 'post'> & {
  /**
   * The file's media type, with its charset when known (`text/csv; charset=iso-8859-1`). By default
   * `text/csv` for CSV (`format: 'csv'` or a column given), `application/xml` for camt, `text/plain` for
   * MT940, else `application/octet-stream` (the server recognises camt and MT940 by their content).
   */
  contentType?: string;
};

/** The media type a file is sent as when the caller names none; the server reads the charset itself. */
function contentTypeOf(params: BankStatementImportParams): string {
  if (params.contentType) return params.contentType;
  const mapped = Object.entries(params).some(([key, value]) => key.endsWith('Column') && value !== undefined);
  if (params.format === 'csv' || mapped) return 'text/csv';
  if (params.format === 'camt') return 'application/xml';
  if (params.format === 'mt940') return 'text/plain';
  return 'application/octet-stream';
}

/** `fakturo.bankStatements`: statement files (camt.053/.054, MT940, CSV) imported into bank transactions. */
export class BankStatements extends Resource {
  /**
   * Imports a statement file, sent as it is: text, or the bytes as read from disk (German banks' MT940 and
   * CSV exports are often Windows-1252; the server decodes them). Idempotent: an entry already imported — the
   * same file again, an overlapping statement — is counted in `skipped`, never stored twice. The worker then
   * reconciles the new transactions. A file that cannot be read is a `ValidationError` naming the line or
   * element, and nothing is written.
   *
   * @example
   * ```ts
   * import { readFile } from 'node:fs/promises';
   * const camt = await fakturo.bankStatements.import(await readFile('2026-03.camt053.xml'));
   * const csv = await fakturo.bankStatements.import(await readFile('umsaetze.csv'), {
   *   delimiter: ';',
   *   decimalSeparator: ',',
   *   dateFormat: 'DD.MM.YYYY',
   *   bookingDateColumn: 'Buchungstag',
   *   amountColumn: 'Betrag',
   *   counterpartyNameColumn: 'Auftraggeber',
   *   remittanceInformationColumn: 'Verwendungszweck',
   *   currency: 'EUR',
   *   accountIban: 'DE89370400440532013000',
   * });
   * console.log(csv.imported, csv.skipped, csv.statements[0]?.id);
   * ```
   */
  import(
    file: string | Uint8Array,
    params: BankStatementImportParams = {},
    options?: RequestOptions,
  ): Promise<BankStatementImport> {
    const { contentType: _contentType, ...query } = params;
    // the transport sends a string or bytes as they are when a content type is given; the route's body type
    // (a string) cannot say that bytes are welcome too
    const body = file as string;
    return this.call(
      'post',
      '/v1/bank-statements',
      { body, contentType: contentTypeOf(params), query },
      options,
    ) as Promise<BankStatementImport>;
  }

  /**
   * Reads one imported statement.
   *
   * @example
   * ```ts
   * const statement = await fakturo.bankStatements.get('bst_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * console.log(statement.fromDate, statement.toDate, statement.closingBalance?.amount);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<BankStatement> {
    return this.call('get', '/v1/bank-statements/{id}', { params: { id } }, options);
  }

  /**
   * One page of imported statements, newest first; filter by `accountIban` and import time.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.bankStatements.list({ accountIban: 'DE89370400440532013000' });
   * ```
   */
  list(params: BankStatementListParams = {}, options?: RequestOptions): Promise<BankStatementPage> {
    return this.call('get', '/v1/bank-statements', { query: params }, options);
  }

  /**
   * Every matching statement, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const all = await fakturo.bankStatements.listAutoPaging({}, { maxItems: 500 }).toArray();
   * ```
   */
  listAutoPaging(
    params: BankStatementListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<BankStatement> {
    return autoPage((query: BankStatementListParams) => this.list(query, options), params ?? {}, bound);
  }
}

/**
 * `fakturo.bankTransactions`: imported bank entries, matched to invoices by the worker (applied when
 * certain, suggested with confidence and reason otherwise) and by a person (`match`, `unmatch`).
 */
export class BankTransactions extends Resource {
  /**
   * Reads one transaction with its match: `status`, `matchRule`, `matchConfidence`, `matchReason`,
   * `matchAllocations` and the `paymentId` it booked.
   *
   * @example
   * ```ts
   * const tx = await fakturo.bankTransactions.get('btx_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * if (tx.status === 'suggested') console.log(tx.matchReason, tx.matchConfidence, tx.matchAllocations);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<BankTransaction> {
    return this.call('get', '/v1/bank-transactions/{id}', { params: { id } }, options);
  }

  /**
   * One page of transactions, newest import first; filter by `status`, `statementId`, booking date, signed
   * amount, `creditDebit`, `currency`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.bankTransactions.list({ status: 'suggested' });
   * ```
   */
  list(params: BankTransactionListParams = {}, options?: RequestOptions): Promise<BankTransactionPage> {
    return this.call('get', '/v1/bank-transactions', { query: params }, options);
  }

  /**
   * Every matching transaction, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const tx of fakturo.bankTransactions.listAutoPaging({ status: 'unmatched' }, { maxItems: 1000 })) {
   *   review(tx);
   * }
   * ```
   */
  listAutoPaging(
    params: BankTransactionListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<BankTransaction> {
    return autoPage((query: BankTransactionListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Queues the worker's matching of unmatched transactions (all, or one statement's) — an import queues it
   * by itself. Results arrive as `bank_transaction.matched` and `bank_transaction.suggested` events.
   *
   * @example
   * ```ts
   * await fakturo.bankTransactions.reconcile({ statementId: statement.id });
   * ```
   */
  reconcile(
    params: BankTransactionReconcileParams = {},
    options?: RequestOptions,
  ): Promise<BankTransactionReconcileQueued> {
    return this.call('post', '/v1/bank-transactions/reconcile', { body: params }, options);
  }

  /**
   * A person's decision: take the suggestion, name the invoices the transfer pays (the rest becomes the
   * contact's credit balance), or book it all to a contact's credit balance. Books a payment with the match;
   * the transaction becomes `matched`.
   *
   * @example
   * ```ts
   * await fakturo.bankTransactions.match(tx.id, { acceptSuggestion: true });
   * await fakturo.bankTransactions.match(other.id, { allocations: [{ invoiceId: invoice.id, amount: 11_900 }] });
   * ```
   */
  match(id: string, params: BankTransactionMatchParams, options?: RequestOptions): Promise<BankTransaction> {
    return this.call('post', '/v1/bank-transactions/{id}/match', { params: { id }, body: params }, options);
  }

  /**
   * Rejects a suggestion (it is not suggested again for those invoices) or undoes a match: its payment is
   * refunded as a booking correction and the invoices reopen. A SEPA return cannot be unmatched
   * (`ConflictError`).
   *
   * @example
   * ```ts
   * const reopened = await fakturo.bankTransactions.unmatch(tx.id); // status 'unmatched'
   * ```
   */
  unmatch(id: string, options?: RequestOptions): Promise<BankTransaction> {
    return this.call('post', '/v1/bank-transactions/{id}/unmatch', { params: { id } }, options);
  }

  /**
   * Sets a transaction aside as no invoice payment (bank charges, a transfer between own accounts, an entry
   * shown twice): it becomes `ignored`, reconciliation leaves it alone, and `matchReason` keeps who ignored it
   * and why. `unmatch` makes it `unmatched` again. A matched transaction is unmatched first (`ConflictError`).
   *
   * @example
   * ```ts
   * await fakturo.bankTransactions.ignore(tx.id, { reason: 'Kontoführungsgebühr' });
   * ```
   */
  ignore(
    id: string,
    params: BankTransactionIgnoreParams = {},
    options?: RequestOptions,
  ): Promise<BankTransaction> {
    return this.call('post', '/v1/bank-transactions/{id}/ignore', { params: { id }, body: params }, options);
  }
}
