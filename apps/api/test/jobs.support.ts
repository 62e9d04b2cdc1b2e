import type { TestApp } from '@fakturo/testing';
import { Logger, runOnce, type TaskList } from 'graphile-worker';

const silent = new Logger(() => () => {});

/**
 * Runs the given tasks of the real worker against the test database until no job is due, and returns only
 * once every job's completion (or failure) is written. graphile-worker 0.17 completes a job without waiting
 * for it unless completions are batched; batched, the pool waits for the batch before `runOnce` resolves —
 * so a test that looks at the queue right after sees it settled (a finished job gone, a failed one with its
 * error), not a finished job still locked.
 */
export function runJobsOnce(t: TestApp, taskList: TaskList, concurrency = 1): Promise<void> {
  return runOnce({
    connectionString: t.database.url,
    taskList,
    concurrency,
    logger: silent,
    noHandleSignals: true,
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
}
