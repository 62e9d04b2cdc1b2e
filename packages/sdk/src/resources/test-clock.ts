import type { RequestOptions } from '../http';
import type { RequestBody, Schema } from '../types';
import { Resource } from './base';

/** A sandbox organisation's own time: the API, billing runs and the daily cron follow it. */
export type TestClock = Schema<'TestClock'>;
/** The clock after a move, with the daily billing runs started for the new date. */
export type TestClockAdvanceResult = Schema<'TestClockAdvanceResult'>;
/** Exactly one of `to`, `days` or `months`. */
export type TestClockAdvanceParams = RequestBody<'/v1/test-clock/advance', 'post'>;

/**
 * `fakturo.testClock`: the time of a sandbox organisation, to try billing over months in seconds. Other
 * organisations have none: their calls answer `ConflictError` (`test_clock_not_sandbox`).
 */
export class TestClockResource extends Resource {
  /**
   * Reads the sandbox's clock; `frozen` is false until it was first moved (it follows real time till then).
   *
   * @example
   * ```ts
   * const { today } = await fakturo.testClock.get();
   * ```
   */
  get(options?: RequestOptions): Promise<TestClock> {
    return this.call('get', '/v1/test-clock', {}, options);
  }

  /**
   * Moves the clock forward (never back) and freezes it there, then starts the daily billing run for the
   * new date as the cron would; with the worker running, the run bills what became due.
   *
   * @example
   * ```ts
   * const { today, billingRunIds } = await fakturo.testClock.advance({ months: 1 });
   * for (const id of billingRunIds) await fakturo.billingRuns.waitForCompletion(id);
   * ```
   */
  advance(params: TestClockAdvanceParams, options?: RequestOptions): Promise<TestClockAdvanceResult> {
    return this.call('post', '/v1/test-clock/advance', { body: params }, options);
  }
}
