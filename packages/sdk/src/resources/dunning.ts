import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';
import { downloadBytes } from './downloads';
import { type RunWaitOptions, waitForRun } from './wait';

/** The dunning levels in effect (the defaults until you save your own: `isDefault`) and your base rates. */
export type DunningSettings = Schema<'DunningSettings'>;
/** Every level at once (an empty list switches dunning off), and optionally your own base rates. */
export type DunningSettingsUpdateParams = RequestBody<'/v1/dunning-levels', 'put'>;
/** A run issuing the letters of every level reached on `asOf`, with its progress and per-contact errors. */
export type DunningRun = Schema<'DunningRun'>;
/** The letters a run would issue now (`dryRun`); nothing was written. */
export type DunningRunPreview = Schema<'DunningRunPreview'>;
export type DunningRunCreateParams = Omit<RequestBody<'/v1/dunning-runs', 'post'>, 'dryRun'>;
export type DunningRunListParams = QueryParams<'/v1/dunning-runs', 'get'>;
export type DunningRunPage = SuccessBody<'/v1/dunning-runs', 'get'>;
/** `maxWaitMs` (default 300 000; then `dunning_run_wait_timeout`), `intervalMs` (default 1 000), `onProgress`. */
export type DunningRunWaitOptions = RunWaitOptions<DunningRun>;
/** One letter (payment reminder or dunning notice) to a contact: its invoices, fee, interest and e-mail. */
export type DunningNotice = Schema<'DunningNotice'>;
export type DunningNoticeListParams = QueryParams<'/v1/dunning-notices', 'get'>;
export type DunningNoticePage = SuccessBody<'/v1/dunning-notices', 'get'>;

/** A run in one of these states does no more work. */
const FINISHED: readonly DunningRun['status'][] = ['completed', 'failed'];

/** `fakturo.dunningLevels`: when reminders and dunning notices go out, with which fee and interest. */
export class DunningLevels extends Resource {
  /**
   * The levels in effect: until you save your own, a free reminder at +7 days, the 1st notice at +14 with a
   * fee of 5.00, the 2nd at +28 with 10.00 and default interest (`isDefault: true`).
   *
   * @example
   * ```ts
   * const { levels, version } = await fakturo.dunningLevels.get();
   * for (const l of levels) console.log(l.level, l.daysAfterDue, l.fee, l.titles.de);
   * ```
   */
  get(options?: RequestOptions): Promise<DunningSettings> {
    return this.call('get', '/v1/dunning-levels', {}, options);
  }

  /**
   * Replaces every level (numbered 1, 2, 3 … with rising `daysAfterDue`; fees in minor units, no VAT). A
   * broken rule is a `ValidationError` naming every field, and nothing is written; `ifMatch` refuses to
   * overwrite a change made meanwhile. Letters already issued keep what they were issued with.
   *
   * @example
   * ```ts
   * const current = await fakturo.dunningLevels.get();
   * await fakturo.dunningLevels.update(
   *   {
   *     levels: [
   *       { level: 1, daysAfterDue: 10, fee: 0, interest: false },
   *       { level: 2, daysAfterDue: 30, fee: 1_000, interest: true, name: 'Letzte Mahnung' },
   *     ],
   *   },
   *   { ifMatch: current.version },
   * );
   * ```
   */
  update(params: DunningSettingsUpdateParams, options: UpdateOptions = {}): Promise<DunningSettings> {
    const { ifMatch, ...rest } = options;
    return this.call('put', '/v1/dunning-levels', { body: params, ifMatch }, rest);
  }
}

/** `fakturo.dunningRuns`: issue the letters of every level reached, in the background (daily by itself). */
export class DunningRuns extends Resource {
  /**
   * Starts a run over every open invoice past its due date on `asOf` (default today; never later): per
   * contact, level and currency one letter for the invoices that reached a level not dunned before — PDF,
   * e-mail, a `dunning.level_reached` event per invoice. The answer is the `pending` run; follow it with
   * `get` or `waitForCompletion`.
   *
   * @example
   * ```ts
   * const run = await fakturo.dunningRuns.create();
   * const done = await fakturo.dunningRuns.waitForCompletion(run.id);
   * console.log(done.noticesCreated, done.invoicesDunned, done.errors);
   * ```
   */
  create(params: DunningRunCreateParams = {}, options?: RequestOptions): Promise<DunningRun> {
    // `dryRun` is `preview`'s; the 202 answer is the run itself
    const body = { ...params, dryRun: false };
    return this.call('post', '/v1/dunning-runs', { body }, options) as Promise<DunningRun>;
  }

  /**
   * The letters a run with these parameters would issue now, with fees, interest and totals. Nothing is
   * written.
   *
   * @example
   * ```ts
   * const preview = await fakturo.dunningRuns.preview({ contactIds: [contact.id] });
   * for (const n of preview.notices) console.log(n.contactId, n.title, n.total);
   * ```
   */
  preview(params: DunningRunCreateParams = {}, options?: RequestOptions): Promise<DunningRunPreview> {
    const body = { ...params, dryRun: true };
    return this.call('post', '/v1/dunning-runs', { body }, options) as Promise<DunningRunPreview>;
  }

  /**
   * Reads a run with its progress: contacts processed and failed, letters issued, per-contact errors.
   *
   * @example
   * ```ts
   * const run = await fakturo.dunningRuns.get('drun_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<DunningRun> {
    return this.call('get', '/v1/dunning-runs/{id}', { params: { id } }, options);
  }

  /**
   * One page of runs, newest first; filter by `status`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.dunningRuns.list({ status: 'failed' });
   * ```
   */
  list(params: DunningRunListParams = {}, options?: RequestOptions): Promise<DunningRunPage> {
    return this.call('get', '/v1/dunning-runs', { query: params }, options);
  }

  /**
   * Every matching run, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const runs = await fakturo.dunningRuns.listAutoPaging({}, { maxItems: 100 }).toArray();
   * ```
   */
  listAutoPaging(
    params: DunningRunListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<DunningRun> {
    return autoPage((query: DunningRunListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Reads the run every `intervalMs` until it is `completed` or `failed`, and resolves to that last state;
   * `onProgress` sees every read. A run still working after `maxWaitMs` rejects with a `FakturoError`
   * (`dunning_run_wait_timeout`) — the run itself goes on. `signal` stops waiting.
   *
   * @example
   * ```ts
   * const done = await fakturo.dunningRuns.waitForCompletion(run.id, { maxWaitMs: 60_000 });
   * if (done.status === 'failed' || done.contactsFailed > 0) console.error(done.failure, done.errors);
   * ```
   */
  waitForCompletion(id: string, options: DunningRunWaitOptions = {}): Promise<DunningRun> {
    return waitForRun(
      (call) => this.get(id, call),
      (run) => FINISHED.includes(run.status),
      {
        code: 'dunning_run_wait_timeout',
        describe: (run, maxWaitMs) =>
          `Dunning run ${id} is still ${run.status} after ${maxWaitMs} ms (${run.contactsProcessed} of ${run.contactsTotal} contacts processed).`,
      },
      options,
    );
  }
}

/** `fakturo.dunningNotices`: the letters the runs issued, with their PDF and e-mail status. */
export class DunningNotices extends Resource {
  /**
   * Reads one letter: level, title, the invoices it covers with interest per period, fee, totals, and how
   * its e-mail went.
   *
   * @example
   * ```ts
   * const notice = await fakturo.dunningNotices.get('dun_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * console.log(notice.title, notice.total, notice.payBy, notice.email.status);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<DunningNotice> {
    return this.call('get', '/v1/dunning-notices/{id}', { params: { id } }, options);
  }

  /**
   * One page of letters, newest first; filter by `contactId`, `invoiceId` (the letters that covered it),
   * `level`, `runId` or `status` (`open`, or `closed` once its invoices are settled).
   *
   * @example
   * ```ts
   * const { data } = await fakturo.dunningNotices.list({ invoiceId: invoice.id });
   * ```
   */
  list(params: DunningNoticeListParams = {}, options?: RequestOptions): Promise<DunningNoticePage> {
    return this.call('get', '/v1/dunning-notices', { query: params }, options);
  }

  /**
   * Every matching letter, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const open = await fakturo.dunningNotices.listAutoPaging({ status: 'open' }, { maxItems: 1000 }).toArray();
   * ```
   */
  listAutoPaging(
    params: DunningNoticeListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<DunningNotice> {
    return autoPage((query: DunningNoticeListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * The letter as PDF, as it was e-mailed: the same bytes every time, their SHA-256 the notice's
   * `pdfSha256`.
   *
   * @example
   * ```ts
   * await writeFile(`${notice.id}.pdf`, await fakturo.dunningNotices.pdf(notice.id));
   * ```
   */
  pdf(id: string, options?: RequestOptions): Promise<Uint8Array> {
    return downloadBytes(
      this.http,
      { path: '/v1/dunning-notices/{id}/pdf', params: { id }, accept: 'application/pdf' },
      options,
    );
  }
}
