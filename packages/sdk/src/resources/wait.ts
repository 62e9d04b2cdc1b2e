import { FakturoError } from '../errors';
import { type RequestOptions, sleep } from '../http';

/** Options of the `waitForCompletion` methods of runs the worker works off (billing runs, dunning runs). */
export interface RunWaitOptions<Run> extends RequestOptions {
  /** How long to wait in all before giving up with a `…_wait_timeout` error; default 300 000 ms. */
  maxWaitMs?: number;
  /** Time between two reads of the run; default 1 000 ms. */
  intervalMs?: number;
  /** Called with every read of the run, the last included. */
  onProgress?: (run: Run) => void;
}

const DEFAULT_WAIT_MS = 300_000;
const DEFAULT_INTERVAL_MS = 1_000;

/**
 * Reads a run every `intervalMs` until `finished` says so, and resolves to that last read. A run still working
 * after `maxWaitMs` rejects with a `FakturoError` whose code `timeoutCode` and message (`describe`) say how far
 * it got — the run itself goes on. `signal` stops waiting.
 */
export async function waitForRun<Run>(
  read: (options: RequestOptions) => Promise<Run>,
  finished: (run: Run) => boolean,
  timeout: { code: string; describe: (run: Run, maxWaitMs: number) => string },
  options: RunWaitOptions<Run>,
): Promise<Run> {
  const { maxWaitMs = DEFAULT_WAIT_MS, intervalMs = DEFAULT_INTERVAL_MS, onProgress, ...call } = options;
  // a zero or broken interval would read the run in a tight loop
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1)
    throw new TypeError('Fakturo: `intervalMs` must be a whole number ≥ 1.');
  if (!Number.isSafeInteger(maxWaitMs) || maxWaitMs < 0)
    throw new TypeError('Fakturo: `maxWaitMs` must be a whole number ≥ 0.');
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const run = await read(call);
    onProgress?.(run);
    if (finished(run)) return run;
    if (Date.now() + intervalMs > deadline) {
      throw new FakturoError(timeout.describe(run, maxWaitMs), { code: timeout.code });
    }
    await sleep(intervalMs, call.signal);
  }
}
