import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';
import type {
  DocumentSend,
  DocumentSendListParams,
  DocumentSendPage,
  DocumentSendParams,
} from './document-sends';
import { downloadBytes, downloadText } from './downloads';
import type { EInvoiceFormat, EInvoiceXmlFormat } from './invoices';
import type { ShareLink, ShareLinkListParams, ShareLinkPage, ShareLinkParams } from './share-links';

/** A credit note (381) crediting part or all of an issued invoice; its amounts are negative. */
export type CreditNote = Schema<'CreditNote'>;
export type CreditNoteCreateParams = RequestBody<'/v1/credit-notes', 'post'>;
export type CreditNoteUpdateParams = RequestBody<'/v1/credit-notes/{id}', 'patch'>;
export type CreditNoteListParams = QueryParams<'/v1/credit-notes', 'get'>;
export type CreditNotePage = SuccessBody<'/v1/credit-notes', 'get'>;

/** `fakturo.creditNotes`: credits against issued invoices, issued like invoices, with PDF and e-invoices. */
export class CreditNotes extends Resource {
  /**
   * Creates a draft credit note for an issued invoice: the lines given (positive quantities: what is
   * credited), or without lines the whole invoice.
   *
   * @example
   * ```ts
   * const whole = await fakturo.creditNotes.create({ invoiceId: invoice.id });
   * const part = await fakturo.creditNotes.create({
   *   invoiceId: invoice.id,
   *   lines: [{ name: 'Goodwill', quantity: '1', unitAmount: 2_000 }],
   * });
   * ```
   */
  create(params: CreditNoteCreateParams, options?: RequestOptions): Promise<CreditNote> {
    return this.call('post', '/v1/credit-notes', { body: params }, options);
  }

  /**
   * Reads one credit note.
   *
   * @example
   * ```ts
   * const note = await fakturo.creditNotes.get('doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<CreditNote> {
    return this.call('get', '/v1/credit-notes/{id}', { params: { id } }, options);
  }

  /**
   * Changes a draft; once finalized only `sendDate` and `metadata` may change.
   *
   * @example
   * ```ts
   * await fakturo.creditNotes.update(note.id, { notes: ['Credited after complaint #4711'] });
   * ```
   */
  update(id: string, params: CreditNoteUpdateParams, options: UpdateOptions = {}): Promise<CreditNote> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/credit-notes/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * Deletes a draft; an issued credit note is kept (`ConflictError` `credit_note_not_draft`).
   *
   * @example
   * ```ts
   * await fakturo.creditNotes.del(note.id);
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/credit-notes/{id}', { params: { id } }, options);
  }

  /**
   * One page of credit notes, newest first, with the filters of `invoices.list`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.creditNotes.list({ contactId: contact.id });
   * ```
   */
  list(params: CreditNoteListParams = {}, options?: RequestOptions): Promise<CreditNotePage> {
    return this.call('get', '/v1/credit-notes', { query: params }, options);
  }

  /**
   * Every matching credit note, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const notes = await fakturo.creditNotes.listAutoPaging({ status: 'finalized' }, { maxItems: 1000 }).toArray();
   * ```
   */
  listAutoPaging(
    params: CreditNoteListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<CreditNote> {
    return autoPage((query: CreditNoteListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Issues a draft credit note: number, dates and VAT as for an invoice; the credit reduces what the
   * invoice's buyer owes.
   *
   * @example
   * ```ts
   * const issued = await fakturo.creditNotes.finalize(note.id);
   * ```
   */
  finalize(id: string, options?: RequestOptions): Promise<CreditNote> {
    return this.call('post', '/v1/credit-notes/{id}/finalize', { params: { id } }, options);
  }

  /**
   * The issued credit note as PDF bytes (its SHA-256 is `pdfSha256`).
   *
   * @example
   * ```ts
   * await writeFile(`${issued.number}.pdf`, await fakturo.creditNotes.pdf(issued.id));
   * ```
   */
  pdf(id: string, options?: RequestOptions): Promise<Uint8Array> {
    return downloadBytes(
      this.http,
      { path: '/v1/credit-notes/{id}/pdf', params: { id }, accept: 'application/pdf' },
      options,
    );
  }

  /**
   * The issued credit note as e-invoice: XRechnung XML as text, or the ZUGFeRD PDF as bytes.
   *
   * @example
   * ```ts
   * const xml = await fakturo.creditNotes.eInvoice(issued.id, { format: 'xrechnung-ubl' });
   * ```
   */
  eInvoice(id: string, params: { format: EInvoiceXmlFormat }, options?: RequestOptions): Promise<string>;
  eInvoice(id: string, params: { format: 'zugferd' }, options?: RequestOptions): Promise<Uint8Array>;
  eInvoice(
    id: string,
    params: { format: EInvoiceFormat },
    options?: RequestOptions,
  ): Promise<string | Uint8Array>;
  eInvoice(
    id: string,
    params: { format: EInvoiceFormat },
    options?: RequestOptions,
  ): Promise<string | Uint8Array> {
    const path = '/v1/credit-notes/{id}/e-invoice';
    const query = { format: params.format };
    return params.format === 'zugferd'
      ? downloadBytes(this.http, { path, params: { id }, query, accept: 'application/pdf' }, options)
      : downloadText(this.http, { path, params: { id }, query, accept: 'application/xml' }, options);
  }

  /**
   * E-mails the issued credit note to the contact's billing addresses (or `recipients`) with its PDF and the e-invoice the contact wants (or `eInvoiceFormat`) and a
   * link to the customer portal. The worker sends it; the answer is the `queued` send to follow with
   * `documentSends.get`. Once delivered the credit note is `sent`. A draft answers `ConflictError`; so does a
   * second send while one is on its way (`document_send_in_progress`).
   *
   * @example
   * ```ts
   * const send = await fakturo.creditNotes.send(note.id);
   * const later = await fakturo.documentSends.get(send.id); // queued → sending → sent (or failed)
   * ```
   */
  send(id: string, params: DocumentSendParams = {}, options?: RequestOptions): Promise<DocumentSend> {
    return this.call('post', '/v1/credit-notes/{id}/send', { params: { id }, body: params }, options);
  }

  /**
   * One page of the credit note's send log, newest first: every e-mail with its recipients, attachments,
   * attempts and the SMTP server's reply; filter by `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.creditNotes.listSends(note.id);
   * for (const send of data) console.log(send.status, send.recipients, send.smtpCode);
   * ```
   */
  listSends(
    id: string,
    params: DocumentSendListParams = {},
    options?: RequestOptions,
  ): Promise<DocumentSendPage> {
    return this.call('get', '/v1/credit-notes/{id}/sends', { params: { id }, query: params }, options);
  }

  /**
   * Every e-mail of the credit note, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const failed = await fakturo.creditNotes.listSendsAutoPaging(note.id, { status: 'failed' }, { maxItems: 100 }).toArray();
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
   * A customer portal link to the issued credit note, to hand to the customer yourself instead of by e-mail: its page
   * shows the credit note with its PDF and e-invoices. `url` is in this answer only; the link expires after
   * `expiresInDays` (default 180) and `fakturo.shareLinks.revoke` closes it. A draft is a `ConflictError`.
   *
   * @example
   * ```ts
   * const { url } = await fakturo.creditNotes.createShareLink(note.id, { expiresInDays: 30 });
   * ```
   */
  createShareLink(id: string, params: ShareLinkParams = {}, options?: RequestOptions): Promise<ShareLink> {
    return this.call('post', '/v1/credit-notes/{id}/share-link', { params: { id }, body: params }, options);
  }

  /** One page of the credit note's portal links, newest first, those of its e-mails included (`sendId`), without URLs. */
  listShareLinks(
    id: string,
    params: ShareLinkListParams = {},
    options?: RequestOptions,
  ): Promise<ShareLinkPage> {
    return this.call('get', '/v1/credit-notes/{id}/share-links', { params: { id }, query: params }, options);
  }
}
