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
import type { ApplyCreditBalanceParams } from './payments';
import type { ShareLink, ShareLinkListParams, ShareLinkPage, ShareLinkParams } from './share-links';

/**
 * An invoice, pro-forma, corrected invoice or cancellation (Storno). Amounts are integer minor units; a
 * draft has no number until `finalize`.
 */
export type Invoice = Schema<'Invoice'>;
export type InvoiceCreateParams = RequestBody<'/v1/invoices', 'post'>;
export type InvoiceUpdateParams = RequestBody<'/v1/invoices/{id}', 'patch'>;
export type InvoiceListParams = QueryParams<'/v1/invoices', 'get'>;
export type InvoicePage = SuccessBody<'/v1/invoices', 'get'>;
export type InvoiceMergeParams = RequestBody<'/v1/invoices/merge', 'post'>;
/** `xrechnung-cii` and `xrechnung-ubl` (XRechnung 3.0 XML), or `zugferd` (Factur-X: a PDF/A-3 with the XML inside). */
export type EInvoiceFormat = QueryParams<'/v1/invoices/{id}/e-invoice', 'get'>['format'];
/** The e-invoice formats that are XML documents, downloaded as text. */
export type EInvoiceXmlFormat = Exclude<EInvoiceFormat, 'zugferd'>;

/** `fakturo.invoices`: drafts, issuing (GoBD: immutable once finalized), cancellation, PDF and e-invoices. */
export class Invoices extends Resource {
  /**
   * Creates a draft invoice for a contact. Lines may refer to articles; VAT category and rate of each line
   * follow from seller, buyer, supply kind and date. Every broken rule is reported at once.
   *
   * @example
   * ```ts
   * const draft = await fakturo.invoices.create({
   *   contactId: contact.id,
   *   lines: [
   *     { articleId: hosting.id, quantity: '1' },
   *     { name: 'Consulting', quantity: '2.5', unitCode: 'HUR', unitAmount: 12_000 },
   *   ],
   * });
   * ```
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<Invoice> {
    return this.call('post', '/v1/invoices', { body: params }, options);
  }

  /**
   * Reads one invoice.
   *
   * @example
   * ```ts
   * const invoice = await fakturo.invoices.get('doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * console.log(invoice.number, invoice.status, invoice.amountDue);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Invoice> {
    return this.call('get', '/v1/invoices/{id}', { params: { id } }, options);
  }

  /**
   * Changes a draft (`lines` replaces all lines; VAT and totals are computed again). Once finalized only
   * `sendDate` and `metadata` may change; anything else is a `ConflictError` (`document_immutable`).
   *
   * @example
   * ```ts
   * const draft = await fakturo.invoices.get(id);
   * await fakturo.invoices.update(id, { notes: ['Thank you!'] }, { ifMatch: draft.version });
   * ```
   */
  update(id: string, params: InvoiceUpdateParams, options: UpdateOptions = {}): Promise<Invoice> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/invoices/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * Deletes a draft. An issued invoice is kept for its retention period: `cancel` it instead
   * (`ConflictError` `invoice_not_draft`).
   *
   * @example
   * ```ts
   * await fakturo.invoices.del(draft.id);
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/invoices/{id}', { params: { id } }, options);
  }

  /**
   * One page of invoices, newest first; filter by `status`, `contactId`, `type`, dates, or part of the
   * number (`q`).
   *
   * @example
   * ```ts
   * const { data } = await fakturo.invoices.list({ status: 'overdue', limit: 20 });
   * ```
   */
  list(params: InvoiceListParams = {}, options?: RequestOptions): Promise<InvoicePage> {
    return this.call('get', '/v1/invoices', { query: params }, options);
  }

  /**
   * Every matching invoice, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const invoice of fakturo.invoices.listAutoPaging({ issueDateGte: '2026-01-01' }, { maxItems: 10_000 })) {
   *   console.log(invoice.number, invoice.grossTotal);
   * }
   * ```
   */
  listAutoPaging(
    params: InvoiceListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Invoice> {
    return autoPage((query: InvoiceListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * The drafts that need a decision: no send date, so nothing would ever send them (e.g. a billing run's
   * drafts). One page, newest first; the same as `list({ needsAttention: true })`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.invoices.listNeedingAttention({ limit: 50 });
   * for (const draft of data) await fakturo.invoices.finalize(draft.id);
   * ```
   */
  listNeedingAttention(
    params: Omit<InvoiceListParams, 'needsAttention'> = {},
    options?: RequestOptions,
  ): Promise<InvoicePage> {
    return this.list({ ...params, needsAttention: true }, options);
  }

  /**
   * Merges drafts of one contact and currency into one collective invoice (Sammelrechnung): a new draft with
   * all their lines in the order given; the merged drafts are deleted — in one transaction.
   *
   * @example
   * ```ts
   * const collective = await fakturo.invoices.merge({ invoiceIds: [first.id, second.id] });
   * ```
   */
  merge(params: InvoiceMergeParams, options?: RequestOptions): Promise<Invoice> {
    return this.call('post', '/v1/invoices/merge', { body: params }, options);
  }

  /**
   * Issues a draft: checks what an invoice must contain (`ValidationError` `document_incomplete` lists every
   * gap), decides VAT, sets issue and due date, takes the next gap-free number. From now on the content is
   * immutable; the worker renders PDF and e-invoices.
   *
   * @example
   * ```ts
   * const invoice = await fakturo.invoices.finalize(draft.id);
   * console.log(invoice.number, invoice.dueDate); // RE-2026-00001 2026-12-11
   * ```
   */
  finalize(id: string, options?: RequestOptions): Promise<Invoice> {
    return this.call('post', '/v1/invoices/{id}/finalize', { params: { id } }, options);
  }

  /**
   * Cancels an issued invoice by a cancellation document (Storno) with its own number and the negated
   * amounts; the invoice becomes `cancelled` and `cancelledByDocumentId` names the Storno. An invoice with
   * payments or credit notes answers `ConflictError`: credit or refund instead.
   *
   * @example
   * ```ts
   * const cancelled = await fakturo.invoices.cancel(invoice.id);
   * const storno = await fakturo.invoices.get(cancelled.cancelledByDocumentId!);
   * ```
   */
  cancel(id: string, options?: RequestOptions): Promise<Invoice> {
    return this.call('post', '/v1/invoices/{id}/cancel', { params: { id } }, options);
  }

  /**
   * Pays the invoice from the contact's credit balance in its currency: as much as the balance and the open
   * amount allow, or `amount`. A new invoice is paid so by itself at finalize; this is for invoices issued
   * before the credit arose. `ConflictError` `invoice_not_open` when it owes nothing, `credit_balance_empty`
   * when there is no balance.
   *
   * @example
   * ```ts
   * const paid = await fakturo.invoices.applyCreditBalance(invoice.id);
   * console.log(paid.status, paid.amountPaid, paid.amountOpen);
   * ```
   */
  applyCreditBalance(
    id: string,
    params: ApplyCreditBalanceParams = {},
    options?: RequestOptions,
  ): Promise<Invoice> {
    return this.call(
      'post',
      '/v1/invoices/{id}/apply-credit-balance',
      { params: { id }, body: params },
      options,
    );
  }

  /**
   * The issued invoice as PDF (PDF/A-3b): the same bytes every time, their SHA-256 is the invoice's
   * `pdfSha256`. A draft answers `ConflictError`.
   *
   * @example
   * ```ts
   * import { writeFile } from 'node:fs/promises';
   * await writeFile(`${invoice.number}.pdf`, await fakturo.invoices.pdf(invoice.id));
   * ```
   */
  pdf(id: string, options?: RequestOptions): Promise<Uint8Array> {
    return downloadBytes(
      this.http,
      { path: '/v1/invoices/{id}/pdf', params: { id }, accept: 'application/pdf' },
      options,
    );
  }

  /**
   * The issued invoice as EN 16931 e-invoice: XRechnung XML as text, or the ZUGFeRD/Factur-X PDF as bytes.
   * An invoice breaking an EN 16931 or XRechnung rule answers `ValidationError` (`einvoice_rules_violated`)
   * with the rule ids in `errors` (e.g. BR-DE-15: set the contact's `buyerReference`).
   *
   * @example
   * ```ts
   * const xml = await fakturo.invoices.eInvoice(invoice.id, { format: 'xrechnung-cii' }); // string
   * const pdf = await fakturo.invoices.eInvoice(invoice.id, { format: 'zugferd' }); // Uint8Array
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
    const path = '/v1/invoices/{id}/e-invoice';
    const query = { format: params.format };
    return params.format === 'zugferd'
      ? downloadBytes(this.http, { path, params: { id }, query, accept: 'application/pdf' }, options)
      : downloadText(this.http, { path, params: { id }, query, accept: 'application/xml' }, options);
  }

  /**
   * E-mails the issued invoice to the contact's billing addresses (or `recipients`) with its PDF and the e-invoice the contact wants (or `eInvoiceFormat`) and a
   * link to the customer portal. The worker sends it; the answer is the `queued` send to follow with
   * `documentSends.get`. Once delivered the invoice is `sent`. A draft answers `ConflictError`; so does a
   * second send while one is on its way (`document_send_in_progress`).
   *
   * @example
   * ```ts
   * const send = await fakturo.invoices.send(invoice.id);
   * const later = await fakturo.documentSends.get(send.id); // queued → sending → sent (or failed)
   * ```
   */
  send(id: string, params: DocumentSendParams = {}, options?: RequestOptions): Promise<DocumentSend> {
    return this.call('post', '/v1/invoices/{id}/send', { params: { id }, body: params }, options);
  }

  /**
   * One page of the invoice's send log, newest first: every e-mail with its recipients, attachments,
   * attempts and the SMTP server's reply; filter by `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.invoices.listSends(invoice.id);
   * for (const send of data) console.log(send.status, send.recipients, send.smtpCode);
   * ```
   */
  listSends(
    id: string,
    params: DocumentSendListParams = {},
    options?: RequestOptions,
  ): Promise<DocumentSendPage> {
    return this.call('get', '/v1/invoices/{id}/sends', { params: { id }, query: params }, options);
  }

  /**
   * Every e-mail of the invoice, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const failed = await fakturo.invoices.listSendsAutoPaging(invoice.id, { status: 'failed' }, { maxItems: 100 }).toArray();
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
   * A customer portal link to the issued invoice, to hand to the customer yourself instead of by e-mail: its page
   * shows the invoice with its PDF and e-invoices, and paying online when a payment provider is connected. `url` is in this answer only; the link expires after
   * `expiresInDays` (default 180) and `fakturo.shareLinks.revoke` closes it. A draft is a `ConflictError`.
   *
   * @example
   * ```ts
   * const { url } = await fakturo.invoices.createShareLink(invoice.id, { expiresInDays: 30 });
   * ```
   */
  createShareLink(id: string, params: ShareLinkParams = {}, options?: RequestOptions): Promise<ShareLink> {
    return this.call('post', '/v1/invoices/{id}/share-link', { params: { id }, body: params }, options);
  }

  /** One page of the invoice's portal links, newest first, those of its e-mails included (`sendId`), without URLs. */
  listShareLinks(
    id: string,
    params: ShareLinkListParams = {},
    options?: RequestOptions,
  ): Promise<ShareLinkPage> {
    return this.call('get', '/v1/invoices/{id}/share-links', { params: { id }, query: params }, options);
  }
}
