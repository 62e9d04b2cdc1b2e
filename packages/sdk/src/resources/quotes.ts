import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';
import type {
  DocumentSend,
  DocumentSendListParams,
  DocumentSendPage,
  QuoteSendParams,
} from './document-sends';
import { downloadBytes } from './downloads';
import type { Invoice } from './invoices';
import type { ShareLink, ShareLinkListParams, ShareLinkPage, ShareLinkParams } from './share-links';

/** A quote (offer): `validUntil` is the last day it holds; an accepted quote converts into a draft invoice. */
export type Quote = Schema<'Quote'>;
export type QuoteCreateParams = RequestBody<'/v1/quotes', 'post'>;
export type QuoteUpdateParams = RequestBody<'/v1/quotes/{id}', 'patch'>;
export type QuoteListParams = QueryParams<'/v1/quotes', 'get'>;
export type QuotePage = SuccessBody<'/v1/quotes', 'get'>;
/** Who answered and why; both optional. */
export type QuoteDecisionParams = RequestBody<'/v1/quotes/{id}/accept', 'post'>;

/** `fakturo.quotes`: offers — draft, issue, record the buyer's answer, convert into an invoice. */
export class Quotes extends Resource {
  /**
   * Creates a draft quote for a contact; without `validUntil` it holds 30 days from its issue date.
   *
   * @example
   * ```ts
   * const quote = await fakturo.quotes.create({
   *   contactId: contact.id,
   *   validUntil: '2026-12-31',
   *   lines: [{ name: 'Website relaunch', quantity: '1', unitAmount: 450_000 }],
   * });
   * ```
   */
  create(params: QuoteCreateParams, options?: RequestOptions): Promise<Quote> {
    return this.call('post', '/v1/quotes', { body: params }, options);
  }

  /**
   * Reads one quote, with the buyer's `decision` once answered.
   *
   * @example
   * ```ts
   * const quote = await fakturo.quotes.get('doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Quote> {
    return this.call('get', '/v1/quotes/{id}', { params: { id } }, options);
  }

  /**
   * Changes a draft; once finalized only `sendDate` and `metadata` may change.
   *
   * @example
   * ```ts
   * await fakturo.quotes.update(quote.id, { validUntil: '2027-01-15' }, { ifMatch: quote.version });
   * ```
   */
  update(id: string, params: QuoteUpdateParams, options: UpdateOptions = {}): Promise<Quote> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/quotes/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * Deletes a draft; an issued quote is kept (`ConflictError` `quote_not_draft`).
   *
   * @example
   * ```ts
   * await fakturo.quotes.del(quote.id);
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/quotes/{id}', { params: { id } }, options);
  }

  /**
   * One page of quotes, newest first; e.g. `status: 'accepted'` for those waiting to be converted.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.quotes.list({ status: 'accepted' });
   * ```
   */
  list(params: QuoteListParams = {}, options?: RequestOptions): Promise<QuotePage> {
    return this.call('get', '/v1/quotes', { query: params }, options);
  }

  /**
   * Every matching quote, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const open = await fakturo.quotes.listAutoPaging({ status: 'finalized' }, { maxItems: 500 }).toArray();
   * ```
   */
  listAutoPaging(
    params: QuoteListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Quote> {
    return autoPage((query: QuoteListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Issues a draft quote: number, issue date and `validUntil`; the worker renders its PDF.
   *
   * @example
   * ```ts
   * const issued = await fakturo.quotes.finalize(quote.id);
   * ```
   */
  finalize(id: string, options?: RequestOptions): Promise<Quote> {
    return this.call('post', '/v1/quotes/{id}/finalize', { params: { id } }, options);
  }

  /**
   * The issued quote as PDF bytes — the document the buyer answers.
   *
   * @example
   * ```ts
   * await writeFile(`${issued.number}.pdf`, await fakturo.quotes.pdf(issued.id));
   * ```
   */
  pdf(id: string, options?: RequestOptions): Promise<Uint8Array> {
    return downloadBytes(
      this.http,
      { path: '/v1/quotes/{id}/pdf', params: { id }, accept: 'application/pdf' },
      options,
    );
  }

  /**
   * Records that the buyer accepted an open quote within its validity, with the time, signer and the
   * SHA-256 of the exact PDF answered (`decision`). Any other state answers `ConflictError` naming it
   * (`quote_expired`, `quote_already_accepted`, …).
   *
   * @example
   * ```ts
   * const accepted = await fakturo.quotes.accept(quote.id, { signerName: 'Erika Muster' });
   * ```
   */
  accept(id: string, params: QuoteDecisionParams = {}, options?: RequestOptions): Promise<Quote> {
    return this.call('post', '/v1/quotes/{id}/accept', { params: { id }, body: params }, options);
  }

  /**
   * Records that the buyer declined an open quote, optionally with a reason.
   *
   * @example
   * ```ts
   * await fakturo.quotes.decline(quote.id, { reason: 'Budget moved to next year' });
   * ```
   */
  decline(id: string, params: QuoteDecisionParams = {}, options?: RequestOptions): Promise<Quote> {
    return this.call('post', '/v1/quotes/{id}/decline', { params: { id }, body: params }, options);
  }

  /**
   * Turns an accepted quote into a draft invoice with its lines and marks the quote `converted`; resolves to
   * the new invoice. A quote not accepted answers `ConflictError` (`quote_not_accepted`).
   *
   * @example
   * ```ts
   * const draft = await fakturo.quotes.convert(quote.id);
   * const invoice = await fakturo.invoices.finalize(draft.id);
   * ```
   */
  convert(id: string, options?: RequestOptions): Promise<Invoice> {
    return this.call('post', '/v1/quotes/{id}/convert', { params: { id } }, options);
  }

  /**
   * E-mails the issued quote to the contact's billing addresses (or `recipients`) with its PDF and a
   * link to the customer portal. The worker sends it; the answer is the `queued` send to follow with
   * `documentSends.get`. Once delivered the quote is `sent`. A draft answers `ConflictError`; so does a
   * second send while one is on its way (`document_send_in_progress`).
   *
   * @example
   * ```ts
   * const send = await fakturo.quotes.send(quote.id);
   * const later = await fakturo.documentSends.get(send.id); // queued → sending → sent (or failed)
   * ```
   */
  send(id: string, params: QuoteSendParams = {}, options?: RequestOptions): Promise<DocumentSend> {
    return this.call('post', '/v1/quotes/{id}/send', { params: { id }, body: params }, options);
  }

  /**
   * One page of the quote's send log, newest first: every e-mail with its recipients, attachments,
   * attempts and the SMTP server's reply; filter by `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.quotes.listSends(quote.id);
   * for (const send of data) console.log(send.status, send.recipients, send.smtpCode);
   * ```
   */
  listSends(
    id: string,
    params: DocumentSendListParams = {},
    options?: RequestOptions,
  ): Promise<DocumentSendPage> {
    return this.call('get', '/v1/quotes/{id}/sends', { params: { id }, query: params }, options);
  }

  /**
   * Every e-mail of the quote, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const failed = await fakturo.quotes.listSendsAutoPaging(quote.id, { status: 'failed' }, { maxItems: 100 }).toArray();
   * ```
   */
  listSendsAutoPaging(
    id: string,
    params: DocumentSendListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<DocumentSend> {
    return autoPage(
      (query: DocumentSendListParams) => this.listSends(id, query, options),
      params ?? {},
      bound,
    );
  }

  /**
   * A customer portal link to the issued quote, to hand to the customer yourself instead of by e-mail: its page
   * shows the quote with its PDF, and the form to accept it with a drawn signature or decline it. `url` is in this answer only; the link expires after
   * `expiresInDays` (default 180) and `fakturo.shareLinks.revoke` closes it. A draft is a `ConflictError`.
   *
   * @example
   * ```ts
   * const { url } = await fakturo.quotes.createShareLink(quote.id, { expiresInDays: 30 });
   * ```
   */
  createShareLink(id: string, params: ShareLinkParams = {}, options?: RequestOptions): Promise<ShareLink> {
    return this.call('post', '/v1/quotes/{id}/share-link', { params: { id }, body: params }, options);
  }

  /** One page of the quote's portal links, newest first, those of its e-mails included (`sendId`), without URLs. */
  listShareLinks(
    id: string,
    params: ShareLinkListParams = {},
    options?: RequestOptions,
  ): Promise<ShareLinkPage> {
    return this.call('get', '/v1/quotes/{id}/share-links', { params: { id }, query: params }, options);
  }
}
