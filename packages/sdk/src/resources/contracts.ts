import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';

/** A service contract or subscription: items billed every `intervalMonths` by billing runs. */
export type Contract = Schema<'Contract'>;
export type ContractCreateParams = RequestBody<'/v1/contracts', 'post'>;
export type ContractUpdateParams = RequestBody<'/v1/contracts/{id}', 'patch'>;
export type ContractListParams = QueryParams<'/v1/contracts', 'get'>;
export type ContractPage = SuccessBody<'/v1/contracts', 'get'>;
export type ContractCancelParams = RequestBody<'/v1/contracts/{id}/cancel', 'post'>;
export type ContractPauseParams = RequestBody<'/v1/contracts/{id}/pause', 'post'>;
export type ContractResumeParams = RequestBody<'/v1/contracts/{id}/resume', 'post'>;
export type ContractPriceChangeParams = RequestBody<'/v1/contracts/{id}/price-changes', 'post'>;
export type ContractInstallmentPlanParams = RequestBody<'/v1/contracts/{id}/installment-plans', 'post'>;

/** `fakturo.contracts`: recurring billing — what is billed, how often, and until when. */
export class Contracts extends Resource {
  /**
   * Creates a contract for a contact. Article items take the article's price now (or `priceModel` to
   * override it); free-text items bring `name` and `priceModel`. Billing runs bill it from `startDate`.
   *
   * @example
   * ```ts
   * const contract = await fakturo.contracts.create({
   *   contactId: contact.id,
   *   startDate: '2026-01-01',
   *   intervalMonths: 1,
   *   minimumTermMonths: 12,
   *   noticePeriod: { amount: 3, unit: 'months' },
   *   items: [{ articleId: hosting.id, quantity: '2' }],
   * });
   * ```
   */
  create(params: ContractCreateParams, options?: RequestOptions): Promise<Contract> {
    return this.call('post', '/v1/contracts', { body: params }, options);
  }

  /**
   * Reads one contract with its items, price changes, pauses, installment plans and cancellation.
   *
   * @example
   * ```ts
   * const contract = await fakturo.contracts.get('ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Contract> {
    return this.call('get', '/v1/contracts/{id}', { params: { id } }, options);
  }

  /**
   * Changes the fields you send; `items` replaces the open items (give an item's `id` to keep it).
   * `applyChange: 'immediate_prorated'` applies a change of items today, with a credit and a charge for the
   * rest of the current period. Pass `ifMatch` so someone else's change is not overwritten.
   *
   * @example
   * ```ts
   * const contract = await fakturo.contracts.get(id);
   * await fakturo.contracts.update(
   *   id,
   *   { items: [{ id: contract.items[0]!.id, quantity: '3' }], applyChange: 'immediate_prorated' },
   *   { ifMatch: contract.version },
   * );
   * ```
   */
  update(id: string, params: ContractUpdateParams, options: UpdateOptions = {}): Promise<Contract> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/contracts/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * One page of contracts, newest first; filter by `status` and `contactId`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.contracts.list({ contactId: contact.id, status: 'active' });
   * ```
   */
  list(params: ContractListParams = {}, options?: RequestOptions): Promise<ContractPage> {
    return this.call('get', '/v1/contracts', { query: params }, options);
  }

  /**
   * Every matching contract, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const active = await fakturo.contracts.listAutoPaging({ status: 'active' }, { maxItems: 5000 }).toArray();
   * ```
   */
  listAutoPaging(
    params: ContractListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Contract> {
    return autoPage((query: ContractListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Records a cancellation that arrived on `receivedOn` (default today). The contract ends at the first
   * period end after both the (renewed) minimum term and the notice period; see `endDate` and `cancellation`.
   *
   * @example
   * ```ts
   * const cancelled = await fakturo.contracts.cancel(id, { receivedOn: '2026-05-02' });
   * console.log(cancelled.endDate, cancelled.cancellation?.noticeEnd);
   * ```
   */
  cancel(id: string, params: ContractCancelParams = {}, options?: RequestOptions): Promise<Contract> {
    return this.call('post', '/v1/contracts/{id}/cancel', { params: { id }, body: params }, options);
  }

  /**
   * Pauses billing: periods starting from `startsOn` (default today) to `endsOn` (or until resumed) are not
   * billed.
   *
   * @example
   * ```ts
   * await fakturo.contracts.pause(id, { startsOn: '2026-07-01', endsOn: '2026-08-31' });
   * ```
   */
  pause(id: string, params: ContractPauseParams = {}, options?: RequestOptions): Promise<Contract> {
    return this.call('post', '/v1/contracts/{id}/pause', { params: { id }, body: params }, options);
  }

  /**
   * Ends a pause: billing continues with the first period starting on or after `resumesOn` (default today).
   *
   * @example
   * ```ts
   * await fakturo.contracts.resume(id, { resumesOn: '2026-08-01' });
   * ```
   */
  resume(id: string, params: ContractResumeParams = {}, options?: RequestOptions): Promise<Contract> {
    return this.call('post', '/v1/contracts/{id}/resume', { params: { id }, body: params }, options);
  }

  /**
   * Schedules a price change: a new price for one item, or a percentage for one item or all, from the first
   * period starting on or after `effectiveDate`. The announcement date is kept.
   *
   * @example
   * ```ts
   * await fakturo.contracts.addPriceChange(id, {
   *   kind: 'percent',
   *   percent: '5',
   *   effectiveDate: '2027-01-01',
   *   announcedOn: '2026-10-01',
   * });
   * ```
   */
  addPriceChange(id: string, params: ContractPriceChangeParams, options?: RequestOptions): Promise<Contract> {
    return this.call('post', '/v1/contracts/{id}/price-changes', { params: { id }, body: params }, options);
  }

  /**
   * Splits a one-time amount (minor units) into `count` parts due every `intervalMonths`; the parts add up to
   * the total, and billing runs bill each part when it is due.
   *
   * @example
   * ```ts
   * await fakturo.contracts.addInstallmentPlan(id, { name: 'Setup fee', total: 100_000, count: 3 });
   * ```
   */
  addInstallmentPlan(
    id: string,
    params: ContractInstallmentPlanParams,
    options?: RequestOptions,
  ): Promise<Contract> {
    return this.call(
      'post',
      '/v1/contracts/{id}/installment-plans',
      { params: { id }, body: params },
      options,
    );
  }
}
