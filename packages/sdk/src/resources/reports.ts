import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, Schema, SuccessBody } from '../types';
import { Resource } from './base';
import { downloadText } from './downloads';

/** MRR, ARR, customers and the period's movements and rates, one row per currency and period. */
export type MrrReport = Schema<'MrrReport'>;
export type MrrReportParams = QueryParams<'/v1/reports/mrr', 'get'>;
/** One change of a contract's MRR (a metric entry) and what it did to the customer (`movement`). */
export type MrrEntry = Schema<'MrrEntry'>;
export type MrrMovementListParams = QueryParams<'/v1/reports/mrr/movements', 'get'>;
export type MrrEntryPage = SuccessBody<'/v1/reports/mrr/movements', 'get'>;
/** The filters of the movements without paging: as CSV every matching entry comes at once. */
export type MrrMovementCsvParams = Omit<MrrMovementListParams, 'limit' | 'startingAfter'>;
export type MrrRebuild = SuccessBody<'/v1/reports/mrr/rebuild', 'post'>;
/** Invoiced net, VAT and gross per period, currency, VAT category and rate. */
export type RevenueReport = Schema<'RevenueReport'>;
export type RevenueReportParams = QueryParams<'/v1/reports/revenue', 'get'>;
/** Open receivables per contact in buckets by days past due, with totals and DSO per currency. */
export type AgingReport = Schema<'AgingReport'>;
export type AgingReportParams = QueryParams<'/v1/reports/receivables-aging', 'get'>;
/** Net and VAT per period, category and rate, with the German advance VAT return's fields (Kennzahlen). */
export type VatReport = Schema<'VatReport'>;
export type VatReportParams = QueryParams<'/v1/reports/vat', 'get'>;

/**
 * `fakturo.reports`: MRR, revenue, receivables aging and VAT. Each report comes as JSON, or as CSV text
 * (the same rows and field names, minor units, RFC 4180) from its `…Csv` twin. Amounts of different
 * currencies are never added up.
 */
export class Reports extends Resource {
  /**
   * MRR at the end of every period from `from` to `to` (default the 12 months up to today) with ARR,
   * customer counts, new/expansion/contraction/churn/reactivation and the rates. Derived from the contracts'
   * history, so a past month reads the same every time.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.reports.mrr({ from: '2026-01-01', to: '2026-12-31', currency: 'EUR' });
   * for (const row of data) console.log(row.period, row.mrr, row.arr, row.netChurnRate);
   * ```
   */
  mrr(params: MrrReportParams = {}, options?: RequestOptions): Promise<MrrReport> {
    return this.call('get', '/v1/reports/mrr', { query: params }, options);
  }

  /**
   * The MRR report as CSV text.
   *
   * @example
   * ```ts
   * await writeFile('mrr-2026.csv', await fakturo.reports.mrrCsv({ from: '2026-01-01', to: '2026-12-31' }));
   * ```
   */
  mrrCsv(params: MrrReportParams = {}, options?: RequestOptions): Promise<string> {
    return downloadText(this.http, { path: '/v1/reports/mrr', query: params, accept: 'text/csv' }, options);
  }

  /**
   * One page of MRR entries, oldest first: every change of a contract's MRR; filter by `contactId`,
   * `contractId`, `currency`, `from`/`to` and `movement`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.reports.mrrMovements({ movement: 'churn', from: '2026-01-01' });
   * ```
   */
  mrrMovements(params: MrrMovementListParams = {}, options?: RequestOptions): Promise<MrrEntryPage> {
    return this.call('get', '/v1/reports/mrr/movements', { query: params }, options);
  }

  /**
   * Every matching MRR entry, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const entry of fakturo.reports.mrrMovementsAutoPaging({ contactId }, { maxItems: 1000 })) {
   *   console.log(entry.date, entry.change, entry.movement);
   * }
   * ```
   */
  mrrMovementsAutoPaging(
    params: MrrMovementListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<MrrEntry> {
    return autoPage((query: MrrMovementListParams) => this.mrrMovements(query, options), params ?? {}, bound);
  }

  /**
   * Every matching MRR entry as CSV text, streamed by the server without a page limit.
   *
   * @example
   * ```ts
   * const csv = await fakturo.reports.mrrMovementsCsv({ from: '2026-01-01', to: '2026-12-31' });
   * ```
   */
  mrrMovementsCsv(params: MrrMovementCsvParams = {}, options?: RequestOptions): Promise<string> {
    return downloadText(
      this.http,
      { path: '/v1/reports/mrr/movements', query: params, accept: 'text/csv' },
      options,
    );
  }

  /**
   * Queues a recomputation of every MRR entry from the contracts (for repairs: the entries are kept up to
   * date by every contract change anyway). A second request while one is queued queues nothing more.
   *
   * @example
   * ```ts
   * const { status } = await fakturo.reports.rebuildMrr(); // 'queued'
   * ```
   */
  rebuildMrr(options?: RequestOptions): Promise<MrrRebuild> {
    return this.call('post', '/v1/reports/mrr/rebuild', {}, options);
  }

  /**
   * Invoiced revenue per period by issue date (default the 12 months up to today): invoices and corrected
   * invoices less credit notes and cancellations, per currency and VAT rate.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.reports.revenue({ from: '2026-01-01', to: '2026-03-31', interval: 'quarter' });
   * console.log(data[0]?.net, data[0]?.tax, data[0]?.gross, data[0]?.byTaxRate);
   * ```
   */
  revenue(params: RevenueReportParams = {}, options?: RequestOptions): Promise<RevenueReport> {
    return this.call('get', '/v1/reports/revenue', { query: params }, options);
  }

  /**
   * The revenue report as CSV text: one line per currency, period, VAT category and rate.
   *
   * @example
   * ```ts
   * const csv = await fakturo.reports.revenueCsv({ from: '2026-01-01', to: '2026-12-31' });
   * ```
   */
  revenueCsv(params: RevenueReportParams = {}, options?: RequestOptions): Promise<string> {
    return downloadText(
      this.http,
      { path: '/v1/reports/revenue', query: params, accept: 'text/csv' },
      options,
    );
  }

  /**
   * What every contact still owes, in buckets by days past due on the organisation's clock (current, 1–30,
   * 31–60, 61–90, over 90), with totals and DSO per currency.
   *
   * @example
   * ```ts
   * const aging = await fakturo.reports.receivablesAging({ currency: 'EUR' });
   * for (const row of aging.data) console.log(row.contactName, row.over90, row.total);
   * ```
   */
  receivablesAging(params: AgingReportParams = {}, options?: RequestOptions): Promise<AgingReport> {
    return this.call('get', '/v1/reports/receivables-aging', { query: params }, options);
  }

  /**
   * The aging report's contact rows as CSV text.
   *
   * @example
   * ```ts
   * const csv = await fakturo.reports.receivablesAgingCsv();
   * ```
   */
  receivablesAgingCsv(params: AgingReportParams = {}, options?: RequestOptions): Promise<string> {
    return downloadText(
      this.http,
      { path: '/v1/reports/receivables-aging', query: params, accept: 'text/csv' },
      options,
    );
  }

  /**
   * Net and VAT per period, category and rate from every issued document — the figures of a German advance
   * VAT return, each row naming its field (Kennzahl). Default: the previous month (or quarter/year with
   * `interval`); `dateBasis: 'supply_date'` assigns invoices by their date of supply.
   *
   * @example
   * ```ts
   * const vat = await fakturo.reports.vat({ interval: 'quarter' });
   * for (const row of vat.data) console.log(row.elsterNetField, row.net, row.elsterTaxField, row.tax);
   * ```
   */
  vat(params: VatReportParams = {}, options?: RequestOptions): Promise<VatReport> {
    return this.call('get', '/v1/reports/vat', { query: params }, options);
  }

  /**
   * The VAT report's rows as CSV text.
   *
   * @example
   * ```ts
   * const csv = await fakturo.reports.vatCsv({ from: '2026-03-01', to: '2026-03-31' });
   * ```
   */
  vatCsv(params: VatReportParams = {}, options?: RequestOptions): Promise<string> {
    return downloadText(this.http, { path: '/v1/reports/vat', query: params, accept: 'text/csv' }, options);
  }
}
