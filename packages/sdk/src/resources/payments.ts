import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/**
 * Money received (`type: 'payment'`) or paid back (`type: 'refund'`), in integer minor units of its one
 * currency: `amount = amountAllocated + amountUnapplied + amountRefunded`.
 */
export type Payment = Schema<'Payment'>;
export type PaymentCreateParams = RequestBody<'/v1/payments', 'post'>;
export type PaymentListParams = QueryParams<'/v1/payments', 'get'>;
export type PaymentPage = SuccessBody<'/v1/payments', 'get'>;
/** All optional: without `amount` everything still refundable goes back. */
export type PaymentRefundParams = RequestBody<'/v1/payments/{id}/refund', 'post'>;
/** A contact's credit balance: what it paid beyond its invoices, per currency (positive balances only). */
export type CreditBalance = Schema<'CreditBalance'>;
/** One change of a credit balance (`overpayment`, `applied`, `refunded`, `released`) and the balance after it. */
export type BalanceTransaction = Schema<'BalanceTransaction'>;
export type BalanceTransactionListParams = QueryParams<
  '/v1/contacts/{id}/credit-balance/transactions',
  'get'
>;
export type BalanceTransactionPage = SuccessBody<'/v1/contacts/{id}/credit-balance/transactions', 'get'>;
/** Optional `amount`; by default as much as the balance and the invoice's open amount allow. */
export type ApplyCreditBalanceParams = RequestBody<'/v1/invoices/{id}/apply-credit-balance', 'post'>;

/**
 * `fakturo.payments`: money received and refunded. A contact's credit balance is read with
 * `fakturo.contacts.creditBalance` and spent with `fakturo.invoices.applyCreditBalance`.
 */
export class Payments extends Resource {
  /**
   * Records money received: on the `allocations` given, on `invoiceId` up to its open amount, or — neither
   * given — on the contact's open invoices, oldest due date first. What is left becomes the contact's credit
   * balance. With `provider` and `externalId` a repeat books nothing and returns the first payment.
   *
   * @example
   * ```ts
   * const payment = await fakturo.payments.create({
   *   invoiceId: invoice.id,
   *   amount: 11_900,
   *   method: 'bank_transfer',
   *   reference: 'Sparkasse 2026-03-16',
   * });
   * console.log(payment.amountAllocated, payment.amountUnapplied);
   * ```
   */
  create(params: PaymentCreateParams, options?: RequestOptions): Promise<Payment> {
    return this.call('post', '/v1/payments', { body: params }, options);
  }

  /**
   * Reads one payment or refund.
   *
   * @example
   * ```ts
   * const payment = await fakturo.payments.get('pay_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * for (const { invoiceId, amount } of payment.allocations) console.log(invoiceId, amount);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Payment> {
    return this.call('get', '/v1/payments/{id}', { params: { id } }, options);
  }

  /**
   * One page of payments and refunds, newest first; filter by `contactId`, `invoiceId` (everything that moved
   * money on it), `type`, `status`, `method`, and dates.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.payments.list({ invoiceId: invoice.id });
   * ```
   */
  list(params: PaymentListParams = {}, options?: RequestOptions): Promise<PaymentPage> {
    return this.call('get', '/v1/payments', { query: params }, options);
  }

  /**
   * Every matching payment, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const p of fakturo.payments.listAutoPaging({ paidAtGte: '2026-03-01T00:00:00Z' }, { maxItems: 5000 })) {
   *   book(p);
   * }
   * ```
   */
  listAutoPaging(
    params: PaymentListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Payment> {
    return autoPage((query: PaymentListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Pays money back: a refund of its own (`type: 'refund'`, `refundedPaymentId`), returned. It takes first
   * what of the payment sits in the credit balance, then reopens the invoices it paid (or exactly the
   * `allocations` given). Partial refunds may repeat; one more after the full amount is a `ConflictError`
   * (`payment_fully_refunded`).
   *
   * @example
   * ```ts
   * const refund = await fakturo.payments.refund(payment.id, { amount: 2_000, reason: 'Goodwill' });
   * const all = await fakturo.payments.refund(other.id); // everything still refundable
   * ```
   */
  refund(id: string, params: PaymentRefundParams = {}, options?: RequestOptions): Promise<Payment> {
    return this.call('post', '/v1/payments/{id}/refund', { params: { id }, body: params }, options);
  }
}
