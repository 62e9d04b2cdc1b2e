/**
 * When a failed delivery is tried again. After the n-th failure the next attempt comes RETRY_DELAYS_MS[n-1]
 * later: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — nine attempts over about 27.6 hours —
 * then the delivery has failed (it can still be retried by hand or replayed). The first, immediate retry
 * absorbs a dropped keep-alive connection; the long tail rides out a receiver's outage of a day.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** An endpoint whose deliveries fail without a single success for this long is disabled. */
export const DISABLE_FAILING_AFTER_MS = 5 * 24 * 3_600_000;

/**
 * The next attempt after a failure at `failedAt`, or null when the delivery has finally failed.
 * `failures` counts the failures since the delivery was armed, this one included. A manual retry
 * (`autoRetry` false) is a single attempt.
 */
export function nextAttemptAt(failedAt: Date, failures: number, autoRetry = true): Date | null {
  if (!autoRetry || failures < 1) return null;
  const delay = RETRY_DELAYS_MS[failures - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

export type AttemptOutcome = 'succeeded' | 'gone' | 'failed';

/** 2xx succeeds; 410 Gone means the receiver wants no more webhooks; anything else (3xx too) fails. */
export function outcomeOf(statusCode: number | null): AttemptOutcome {
  if (statusCode !== null && statusCode >= 200 && statusCode <= 299) return 'succeeded';
  if (statusCode === 410) return 'gone';
  return 'failed';
}

/** True when an endpoint has been failing since `failingSince` for long enough to be disabled at `now`. */
export function failingTooLong(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_FAILING_AFTER_MS;
}
