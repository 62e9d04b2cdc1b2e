import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';
import { downloadText } from './downloads';

/**
 * A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts'
 * mandates, with its items, batches (per date, scheme and sequence type) and the invoices `skipped`.
 */
export type SepaCollection = Schema<'SepaCollection'>;
/** One invoice collected: amount, end-to-end id, mandate, collection date and pre-notification. */
export type SepaCollectionItem = Schema<'SepaCollectionItem'>;
/** All optional: `dueBy`, exactly `invoiceIds`, or a later `collectionDate`. */
export type SepaCollectionCreateParams = RequestBody<'/v1/sepa/collections', 'post'>;
export type SepaCollectionListParams = QueryParams<'/v1/sepa/collections', 'get'>;
export type SepaCollectionPage = SuccessBody<'/v1/sepa/collections', 'get'>;

/** `fakturo.sepaCollections`: direct debits of invoices issued for SEPA, as pain.008 files for the bank. */
export class SepaCollections extends Resource {
  /**
   * Collects the open direct-debit invoices due by `dueBy` (default: the earliest possible collection
   * date), or exactly `invoiceIds`. Collection dates keep the mandate's pre-notification period and TARGET2
   * business days. Due invoices left out are listed in `skipped` with the reason; with `invoiceIds`, one that
   * cannot be collected is a `ValidationError` naming it, and nothing is written. Nothing due:
   * `ValidationError` `sepa_nothing_to_collect`.
   *
   * @example
   * ```ts
   * const collection = await fakturo.sepaCollections.create({ dueBy: '2026-03-31' });
   * console.log(collection.itemCount, collection.controlSum, collection.skipped);
   * ```
   */
  create(params: SepaCollectionCreateParams = {}, options?: RequestOptions): Promise<SepaCollection> {
    return this.call('post', '/v1/sepa/collections', { body: params }, options);
  }

  /**
   * Reads one collection with its items.
   *
   * @example
   * ```ts
   * const collection = await fakturo.sepaCollections.get('sepc_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<SepaCollection> {
    return this.call('get', '/v1/sepa/collections/{id}', { params: { id } }, options);
  }

  /**
   * One page of collections, newest first; filter by `status`, `invoiceId`, `contactId`, creation time.
   *
   * @example
   * ```ts
   * const pending = await fakturo.sepaCollections.list({ invoiceId: invoice.id, status: 'pending' });
   * const isCollectionPending = pending.data.length > 0;
   * ```
   */
  list(params: SepaCollectionListParams = {}, options?: RequestOptions): Promise<SepaCollectionPage> {
    return this.call('get', '/v1/sepa/collections', { query: params }, options);
  }

  /**
   * Every matching collection, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const submitted = await fakturo.sepaCollections.listAutoPaging({ status: 'submitted' }, { maxItems: 200 }).toArray();
   * ```
   */
  listAutoPaging(
    params: SepaCollectionListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<SepaCollection> {
    return autoPage((query: SepaCollectionListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * The collection as pain.008.001.08 XML, the file to hand to the bank: the same text on every download. A
   * cancelled collection answers `ConflictError` (`sepa_collection_cancelled`).
   *
   * @example
   * ```ts
   * import { writeFile } from 'node:fs/promises';
   * await writeFile(`${collection.messageId}.xml`, await fakturo.sepaCollections.xml(collection.id));
   * ```
   */
  xml(id: string, options?: RequestOptions): Promise<string> {
    return downloadText(
      this.http,
      { path: '/v1/sepa/collections/{id}/xml', params: { id }, accept: 'application/xml' },
      options,
    );
  }

  /**
   * Records that the file is with the bank: the collection and its items become `submitted`, mandates record
   * their use (FRST continues as RCUR). When something changed since it was made (an invoice paid or
   * cancelled, a mandate revoked, a date no longer reachable) the answer is `ConflictError`
   * `sepa_collection_stale`: cancel it and create a new one.
   *
   * @example
   * ```ts
   * const submitted = await fakturo.sepaCollections.submit(collection.id);
   * ```
   */
  submit(id: string, options?: RequestOptions): Promise<SepaCollection> {
    return this.call('post', '/v1/sepa/collections/{id}/submit', { params: { id } }, options);
  }

  /**
   * Cancels a pending collection: its invoices may be collected again. A submitted one is with the bank
   * (`ConflictError` `sepa_collection_not_pending`).
   *
   * @example
   * ```ts
   * await fakturo.sepaCollections.cancel(collection.id);
   * ```
   */
  cancel(id: string, options?: RequestOptions): Promise<SepaCollection> {
    return this.call('post', '/v1/sepa/collections/{id}/cancel', { params: { id } }, options);
  }
}
