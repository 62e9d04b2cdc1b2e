import type { Db } from '@fakturo/db';
import { idempotency } from '@fakturo/domain';
import type { TaskList } from 'graphile-worker';

/**
 * Tasks are thin: check the payload at the door, call the domain. The recurring ones are listed in
 * CRONTAB below.
 */
export function createTaskList(db: Db): TaskList {
  return {
    purge_idempotency_keys: async (_payload, helpers) => {
      const removed = await idempotency.purgeExpired(db, new Date());
      helpers.logger.info(`removed ${removed} expired idempotency keys`);
    },
  };
}

/** graphile-worker crontab: minute hour day month weekday task. */
export const CRONTAB = ['17 * * * * purge_idempotency_keys'].join('\n');
