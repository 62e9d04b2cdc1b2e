import type { Db } from '@fakturo/db';
import { jobs } from '@fakturo/domain';
import type { JobHelpers, Task } from 'graphile-worker';

/**
 * Wraps a task executor with the check at the door: the payload is validated against the task's TypeBox
 * schema (packages/domain/src/jobs.ts) before any work. A payload that does not fit can never succeed, so
 * instead of 25 retries over days it is a permanent failure — logged, recorded in `job_failures` for an
 * operator, and taken off the queue (graphile-worker's advice: keep the jobs table small). The executor's
 * result is passed through (a batch job's one promise per entry).
 */
export function defineTask<K extends jobs.TaskName>(
  name: K,
  db: Db,
  // biome-ignore lint/suspicious/noConfusingVoidType: graphile-worker's own Task type: most executors return nothing
  work: (payload: jobs.TaskPayloads[K], helpers: JobHelpers) => Promise<void | Promise<unknown>[]>,
): Task<K> {
  return async (payload, helpers) => {
    let checked: jobs.TaskPayloads[K];
    try {
      checked = jobs.checkPayload(name, payload);
    } catch (error) {
      if (!jobs.isPermanentJobFailure(error)) throw error;
      helpers.logger.error(
        `${name} job ${helpers.job.id}: ${error.message} Recorded in job_failures; not retried.`,
        {
          failure: { errors: error.errors },
        },
      );
      await jobs.recordFailure(db, {
        task: name,
        jobId: String(helpers.job.id),
        payload,
        error: error.message,
        details: error.errors,
      });
      return;
    }
    // a batch job's executor answers one promise per entry: graphile-worker retries the failed entries alone
    return work(checked, helpers);
  };
}
