import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/**
 * A checkout at Stripe or Mollie for an invoice's open amount: send the payer to `url`; once paid, the
 * provider's callback books the payment and the invoice turns `paid`.
 */
export type PaymentLink = Schema<'PaymentLink'>;
/** Optional: `provider` (default the organisation's default one) and `returnUrl`. */
export type PaymentLinkCreateParams = RequestBody<'/v1/invoices/{id}/payment-link', 'post'>;
export type PaymentLinkListParams = QueryParams<'/v1/payment-links', 'get'>;
export type PaymentLinkPage = SuccessBody<'/v1/payment-links', 'get'>;

/** `fakturo.paymentLinks`: online payment of invoices through the connected payment providers. */
export class PaymentLinks extends Resource {
  /**
   * A payment link for the issued invoice's open amount. An open link of the same provider and amount with
   * at least 10 minutes left is returned again; otherwise a new one is made. `ConflictError` when the invoice
   * is a draft, paid, cancelled, or no provider is connected (`payment_provider_not_configured`);
   * `ValidationError` `return_url_missing` when neither this call nor the provider settings name a return
   * URL.
   *
   * @example
   * ```ts
   * const link = await fakturo.paymentLinks.create(invoice.id, { returnUrl: 'https://shop.example/thanks' });
   * await mail(customer, `Pay online: ${link.url}`);
   * ```
   */
  create(
    invoiceId: string,
    params: PaymentLinkCreateParams = {},
    options?: RequestOptions,
  ): Promise<PaymentLink> {
    return this.call(
      'post',
      '/v1/invoices/{id}/payment-link',
      { params: { id: invoiceId }, body: params },
      options,
    );
  }

  /**
   * Reads one link: `status` is `open`, `processing`, `paid` (with `paymentId`), `failed`, `expired` or
   * `canceled`.
   *
   * @example
   * ```ts
   * const link = await fakturo.paymentLinks.get('plk_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<PaymentLink> {
    return this.call('get', '/v1/payment-links/{id}', { params: { id } }, options);
  }

  /**
   * One page of links, newest first; filter by `invoiceId` and `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.paymentLinks.list({ invoiceId: invoice.id, status: 'open' });
   * ```
   */
  list(params: PaymentLinkListParams = {}, options?: RequestOptions): Promise<PaymentLinkPage> {
    return this.call('get', '/v1/payment-links', { query: params }, options);
  }

  /**
   * Every matching link, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const open = await fakturo.paymentLinks.listAutoPaging({ status: 'open' }, { maxItems: 500 }).toArray();
   * ```
   */
  listAutoPaging(
    params: PaymentLinkListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<PaymentLink> {
    return autoPage((query: PaymentLinkListParams) => this.list(query, options), params ?? {}, bound);
  }
}
