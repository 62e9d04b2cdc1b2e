import type { Db } from '@fakturo/db';
import {
  audit,
  billingRuns,
  type Clock,
  documentService,
  idempotency,
  quotes,
  systemClock,
  systemContext,
  testClock,
  webhooks,
} from '@fakturo/domain';
import type { TaskList } from 'graphile-worker';
import { defineTask } from './typed-task';

/** What tasks need besides the database; tests inject a clock and an HTTP sender. */
export interface TaskDeps {
  clock?: Clock;
  /** Sends webhooks; `startWorker` creates one honouring FAKTURO_WEBHOOK_ALLOW_PRIVATE. */
  webhookSender: webhooks.WebhookSender;
  /** Test seams of billing batches (a crash mid-batch); never set in production. */
  billingBatchHooks?: billingRuns.BatchHooks;
}

/**
 * Tasks are thin: check the payload at the door, call the domain. The recurring ones are listed in
 * CRONTAB below.
 */
export function createTaskList(db: Db, deps: TaskDeps): TaskList {
  const clock = deps.clock ?? systemClock;
  return {
    webhooks_fan_out: defineTask('webhooks_fan_out', db, async ({ organizationId }) => {
      await webhooks.runFanOut(systemContext(db, organizationId, clock, 'worker'));
    }),
    webhooks_deliver: defineTask('webhooks_deliver', db, async ({ organizationId, endpointId }) => {
      await webhooks.runDeliveries(systemContext(db, organizationId, clock, 'worker'), endpointId, {
        sender: deps.webhookSender,
      });
    }),
    webhooks_sweep: defineTask('webhooks_sweep', db, async (_payload, helpers) => {
      const swept = await webhooks.sweep(db, clock);
      if (swept.fanOutJobs + swept.deliverJobs > 0) {
        helpers.logger.info('webhook sweep re-drove work', { swept });
      }
    }),
    // billing runs work on the organisation's clock (a sandbox's test clock): one read per job
    billing_run_plan: defineTask('billing_run_plan', db, async ({ organizationId, runId }) => {
      const orgClock = await testClock.clockOf(db, organizationId, clock);
      await billingRuns.plan(systemContext(db, organizationId, orgClock, 'worker'), runId);
    }),
    billing_run_batch: defineTask(
      'billing_run_batch',
      db,
      async ({ organizationId, runId, batch }, helpers) => {
        const orgClock = await testClock.clockOf(db, organizationId, clock);
        const ctx = systemContext(db, organizationId, orgClock, 'worker');
        try {
          await billingRuns.runBatch(ctx, runId, batch, deps.billingBatchHooks);
        } catch (error) {
          // retried with back-off (the batch rolled back whole); after the last attempt its contracts are
          // reported failed so the run can complete and say what is missing
          if (helpers.job.attempts < helpers.job.max_attempts) throw error;
          helpers.logger.error(`billing run ${runId} batch ${batch} failed for good: ${String(error)}`);
          await billingRuns.failBatch(ctx, runId, batch, error);
        }
      },
    ),
    // after finalize: the PDF and e-invoices, stored with their SHA-256 (rendering needs no clock)
    documents_render: defineTask('documents_render', db, async ({ organizationId, documentId, kinds }) => {
      await documentService.renderStored(
        systemContext(db, organizationId, clock, 'worker'),
        documentId,
        kinds,
      );
    }),
    quotes_expire: defineTask('quotes_expire', db, async (_payload, helpers) => {
      const expired = await quotes.expire(db, clock);
      if (expired > 0) helpers.logger.info(`${expired} quotes expired`);
    }),
    billing_runs_daily: defineTask('billing_runs_daily', db, async (_payload, helpers) => {
      const started = await billingRuns.startScheduled(db, clock);
      if (started.length > 0) helpers.logger.info(`started ${started.length} daily billing runs`);
    }),
    audit_seal: defineTask('audit_seal', db, async (_payload, helpers) => {
      const sealed = await audit.sealAll(db);
      if (sealed > 0) helpers.logger.info(`sealed ${sealed} audit entries left unsealed`);
    }),
    purge_idempotency_keys: async (_payload, helpers) => {
      const removed = await idempotency.purgeExpired(db, new Date());
      helpers.logger.info(`removed ${removed} expired idempotency keys`);
    },
  };
}

/** graphile-worker crontab: minute hour day month weekday task. */
export const CRONTAB = [
  '17 * * * * purge_idempotency_keys',
  '* * * * * webhooks_sweep',
  // hourly, so every organisation's run starts within the hour after midnight in its own time zone; one
  // run per organisation and day (a unique index), whenever the cron fires
  '5 * * * * billing_runs_daily',
  // hourly, so a quote expires within the hour after its last valid day ends in the organisation's time zone
  '12 * * * * quotes_expire',
  // entries are sealed right after their commit; this catches those of a process that died in between
  '* * * * * audit_seal',
].join('\n');
