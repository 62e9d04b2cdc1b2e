import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';
import { type RunWaitOptions, waitForRun } from './wait';

/** A run billing every contract period due on or before `asOf`, with its progress and per-contract errors. */
export type BillingRun = Schema<'BillingRun'>;
/** What a run would bill now (`dryRun`): invoices, lines and totals; nothing was written. */
export type BillingRunPreview = Schema<'BillingRunPreview'>;
export type BillingRunCreateParams = Omit<RequestBody<'/v1/billing-runs', 'post'>, 'dryRun'>;
export type BillingRunListParams = QueryParams<'/v1/billing-runs', 'get'>;
export type BillingRunPage = SuccessBody<'/v1/billing-runs', 'get'>;
export type BillingRunStatus = BillingRun['status'];

/**
 * Options of `billingRuns.waitForCompletion`: `maxWaitMs` (default 300 000; then `billing_run_wait_timeout`),
 * `intervalMs` (default 1 000) and `onProgress`, called with every read of the run: `processed` and
 * `failed` of `total`, `batchesDone`.
 */
export type BillingRunWaitOptions = RunWaitOptions<BillingRun>;

/** A run in one of these states does no more work. */
const FINISHED: readonly BillingRunStatus[] = ['completed', 'cancelled', 'failed'];

/** `fakturo.billingRuns`: turn due contract periods into invoices, in the background. */
export class BillingRuns extends Resource {
  /**
   * Starts a run billing every contract period due on or before `asOf` (default today), optionally only for
   * some contacts or contracts. It works in the worker: the answer is the `pending` run; follow it with
   * `get` or `waitForCompletion`. A period is never billed twice, even by concurrent runs.
   *
   * @example
   * ```ts
   * const run = await fakturo.billingRuns.create({ asOf: '2026-12-01', mode: 'finalize' });
   * const done = await fakturo.billingRuns.waitForCompletion(run.id);
   * console.log(done.invoicesCreated, done.errors);
   * ```
   */
  create(params: BillingRunCreateParams = {}, options?: RequestOptions): Promise<BillingRun> {
    // `dryRun` is `preview`'s; the 202 answer is the run itself
    const body = { ...params, dryRun: false };
    return this.call('post', '/v1/billing-runs', { body }, options) as Promise<BillingRun>;
  }

  /**
   * What a run with these parameters would bill now: the invoices with their lines and totals, per currency.
   * Nothing is written.
   *
   * @example
   * ```ts
   * const preview = await fakturo.billingRuns.preview({ asOf: '2026-12-01' });
   * for (const total of preview.totals) console.log(total.currency, total.invoices, total.grossTotal);
   * ```
   */
  preview(params: BillingRunCreateParams = {}, options?: RequestOptions): Promise<BillingRunPreview> {
    const body = { ...params, dryRun: true };
    return this.call('post', '/v1/billing-runs', { body }, options) as Promise<BillingRunPreview>;
  }

  /**
   * Reads a run with its progress: `total`, `processed`, `failed`, `invoicesCreated`, `batchesDone` of
   * `batchesTotal`, and the per-contract `errors`.
   *
   * @example
   * ```ts
   * const run = await fakturo.billingRuns.get('brun_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * console.log(`${run.processed}/${run.total}`, run.status);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<BillingRun> {
    return this.call('get', '/v1/billing-runs/{id}', { params: { id } }, options);
  }

  /**
   * One page of runs, newest first; filter by `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.billingRuns.list({ status: 'running' });
   * ```
   */
  list(params: BillingRunListParams = {}, options?: RequestOptions): Promise<BillingRunPage> {
    return this.call('get', '/v1/billing-runs', { query: params }, options);
  }

  /**
   * Every matching run, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const failed = await fakturo.billingRuns.listAutoPaging({ status: 'failed' }, { maxItems: 100 }).toArray();
   * ```
   */
  listAutoPaging(
    params: BillingRunListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<BillingRun> {
    return autoPage((query: BillingRunListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Asks a run to stop: batches not started bill nothing, batches in flight finish (each is one
   * transaction). The run is `cancelling` until then, `cancelled` after.
   *
   * @example
   * ```ts
   * await fakturo.billingRuns.cancel(run.id);
   * const stopped = await fakturo.billingRuns.waitForCompletion(run.id); // status 'cancelled'
   * ```
   */
  cancel(id: string, options?: RequestOptions): Promise<BillingRun> {
    return this.call('post', '/v1/billing-runs/{id}/cancel', { params: { id } }, options);
  }

  /**
   * Reads the run every `intervalMs` until it is `completed`, `cancelled` or `failed`, and resolves to that
   * last state; `onProgress` sees every read. A run still working after `maxWaitMs` rejects with a
   * `FakturoError` (`billing_run_wait_timeout`) — the run itself goes on. `signal` stops waiting.
   *
   * @example
   * ```ts
   * const done = await fakturo.billingRuns.waitForCompletion(run.id, {
   *   onProgress: (r) => console.log(`${r.processed}/${r.total} contracts`),
   * });
   * if (done.status !== 'completed' || done.failed > 0) console.error(done.failure, done.errors);
   * ```
   */
  waitForCompletion(id: string, options: BillingRunWaitOptions = {}): Promise<BillingRun> {
    return waitForRun(
      (call) => this.get(id, call),
      (run) => FINISHED.includes(run.status),
      {
        code: 'billing_run_wait_timeout',
        describe: (run, maxWaitMs) =>
          `Billing run ${id} is still ${run.status} after ${maxWaitMs} ms (${run.processed} of ${run.total} contracts processed).`,
      },
      options,
    );
  }
}
