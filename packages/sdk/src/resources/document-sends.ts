import type { RequestOptions } from '../http';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/**
 * One e-mail of an invoice, credit note or quote and how its delivery went: `queued` (also while waiting
 * out a transient failure), `sending`, `sent` or `failed`, with attempts, the last error and the SMTP reply.
 */
export type DocumentSend = Schema<'DocumentSend'>;
export type DocumentSendPage = SuccessBody<'/v1/invoices/{id}/sends', 'get'>;
/** Filters of a document's send log (`status`) and paging. */
export type DocumentSendListParams = QueryParams<'/v1/invoices/{id}/sends', 'get'>;
/** Optional: `recipients` instead of the contact's billing addresses, and the e-invoice to attach. */
export type DocumentSendParams = RequestBody<'/v1/invoices/{id}/send', 'post'>;
/** Optional: `recipients` instead of the contact's billing addresses. */
export type QuoteSendParams = RequestBody<'/v1/quotes/{id}/send', 'post'>;
/** Optional: corrected `recipients` (after a bounce). */
export type DocumentSendRetryParams = RequestBody<'/v1/document-sends/{id}/retry', 'post'>;

/**
 * `fakturo.documentSends`: the e-mails queued by `invoices.send`, `creditNotes.send` and `quotes.send`
 * (their logs: `listSends` there).
 */
export class DocumentSends extends Resource {
  /**
   * Reads one send: its status, recipients, attachments with their SHA-256, attempts and the SMTP reply.
   *
   * @example
   * ```ts
   * const send = await fakturo.documentSends.get(queued.id);
   * if (send.status === 'failed') console.error(send.lastErrorCode, send.smtpCode, send.smtpResponse);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<DocumentSend> {
    return this.call('get', '/v1/document-sends/{id}', { params: { id } }, options);
  }

  /**
   * Queues a failed send once more, to corrected `recipients` if given, with a new portal link. Only a
   * `failed` send: anything else is a `ConflictError` (`document_send_not_failed`).
   *
   * @example
   * ```ts
   * await fakturo.documentSends.retry(send.id, { recipients: ['buchhaltung@muster.example'] });
   * ```
   */
  retry(id: string, params: DocumentSendRetryParams = {}, options?: RequestOptions): Promise<DocumentSend> {
    return this.call('post', '/v1/document-sends/{id}/retry', { params: { id }, body: params }, options);
  }
}
