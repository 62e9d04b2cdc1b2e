import type { Db } from '@fakturo/db';
import {
  audit,
  billingRuns,
  type Clock,
  documentService,
  dunning,
  idempotency,
  quotes,
  reconciliation,
  reports,
  sending,
  sepa,
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
  /**
   * The mailer and addresses documents are sent with; `startWorker` creates them from the environment
   * (SMTP_URL, FAKTURO_MAIL_FROM, FAKTURO_PUBLIC_URL). Without them the task list creates its own from the
   * environment the first time a send runs.
   */
  sending?: sending.SendingDeps;
}

/**
 * Tasks are thin: check the payload at the door, call the domain. The recurring ones are listed in
 * CRONTAB below.
 */
export function createTaskList(db: Db, deps: TaskDeps): TaskList {
  const clock = deps.clock ?? systemClock;
  let sendingDeps = deps.sending;
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
    // after finalize: the PDF and e-invoices, stored with their SHA-256 (rendering needs no clock). A billing
    // run queues graphile-worker batch jobs (an array payload): one result per entry goes back, so the worker
    // retries only the documents that failed (their entries alone make up the retry's payload).
    documents_render: defineTask('documents_render', db, async (payload) => {
      const outcomes = await documentService.renderBatch(
        db,
        clock,
        Array.isArray(payload) ? payload : [payload],
      );
      if (!Array.isArray(payload)) {
        const [outcome] = outcomes;
        if (outcome && 'error' in outcome) throw outcome.error;
        return;
      }
      return outcomes.map((outcome) => {
        if (!('error' in outcome)) return Promise.resolve(outcome.stored);
        const failure = Promise.reject(outcome.error);
        failure.catch(() => {}); // handled: graphile-worker reads it with Promise.allSettled
        return failure;
      });
    }),
    // one e-mail of a document; a transient SMTP failure throws, so graphile-worker retries with back-off
    documents_send: defineTask('documents_send', db, async ({ organizationId, sendId }, helpers) => {
      sendingDeps ??= sending.sendingDepsFromEnv();
      const orgClock = await testClock.clockOf(db, organizationId, clock);
      const ctx = systemContext(db, organizationId, orgClock, 'worker');
      const final = helpers.job.attempts >= helpers.job.max_attempts;
      try {
        const outcome = await sending.deliver(ctx, sendId, sendingDeps, {
          number: helpers.job.attempts,
          final,
        });
        if (outcome === 'failed') helpers.logger.warn(`document send ${sendId} failed for good`);
      } catch (error) {
        // retried with back-off; after the last attempt the send is failed, so it does not stay in flight
        if (!final) throw error;
        helpers.logger.error(`document send ${sendId} gave up: ${String(error)}`);
        await sending.abandon(ctx, sendId, error);
      }
    }),
    documents_send_due: defineTask('documents_send_due', db, async (_payload, helpers) => {
      const queued = await sending.queueDue(db, clock);
      if (queued > 0) helpers.logger.info(`queued ${queued} document sends whose send date arrived`);
    }),
    reports_mrr_rebuild: defineTask('reports_mrr_rebuild', db, async ({ organizationId }, helpers) => {
      const result = await reports.rebuild(systemContext(db, organizationId, clock, 'worker'));
      helpers.logger.info(
        `MRR of ${organizationId} rebuilt: ${result.entries} entries, ${result.customers} customers`,
      );
    }),
    invoices_mark_overdue: defineTask('invoices_mark_overdue', db, async (_payload, helpers) => {
      const marked = await documentService.markOverdue(db, clock);
      if (marked > 0) helpers.logger.info(`${marked} invoices became overdue`);
    }),
    quotes_expire: defineTask('quotes_expire', db, async (_payload, helpers) => {
      const expired = await quotes.expire(db, clock);
      if (expired > 0) helpers.logger.info(`${expired} quotes expired`);
    }),
    sepa_mandates_expire: defineTask('sepa_mandates_expire', db, async (_payload, helpers) => {
      const expired = await sepa.expireMandates(db, clock);
      if (expired > 0) helpers.logger.info(`${expired} SEPA mandates lapsed after 36 months unused`);
    }),
    billing_runs_daily: defineTask('billing_runs_daily', db, async (_payload, helpers) => {
      const started = await billingRuns.startScheduled(db, clock);
      if (started.length > 0) helpers.logger.info(`started ${started.length} daily billing runs`);
    }),
    // imported bank transactions against open invoices (on the organisation's clock, like billing)
    bank_reconcile: defineTask('bank_reconcile', db, async ({ organizationId, statementId }, helpers) => {
      const orgClock = await testClock.clockOf(db, organizationId, clock);
      const summary = await reconciliation.reconcile(
        systemContext(db, organizationId, orgClock, 'worker'),
        statementId ? { statementId } : {},
      );
      helpers.logger.info(`reconciled ${organizationId}: ${JSON.stringify(summary)}`);
    }),
    audit_seal: defineTask('audit_seal', db, async (_payload, helpers) => {
      const sealed = await audit.sealAll(db);
      if (sealed > 0) helpers.logger.info(`sealed ${sealed} audit entries left unsealed`);
    }),
    // dunning works on the organisation's clock (a sandbox's test clock): one read per job
    dunning_run: defineTask('dunning_run', db, async ({ organizationId, runId }, helpers) => {
      const orgClock = await testClock.clockOf(db, organizationId, clock);
      const ctx = systemContext(db, organizationId, orgClock, 'worker');
      try {
        await dunning.process(ctx, runId);
      } catch (error) {
        // retried with back-off (what was issued stays issued); after the last attempt the run says it failed
        if (helpers.job.attempts < helpers.job.max_attempts) throw error;
        helpers.logger.error(`dunning run ${runId} failed for good: ${String(error)}`);
        await dunning.fail(ctx, runId, error);
      }
    }),
    dunning_runs_daily: defineTask('dunning_runs_daily', db, async (_payload, helpers) => {
      const started = await dunning.startScheduled(db, clock);
      if (started.length > 0) helpers.logger.info(`started ${started.length} daily dunning runs`);
    }),
    // one dunning letter by e-mail, with the mailer documents are sent with
    dunning_notice_send: defineTask(
      'dunning_notice_send',
      db,
      async ({ organizationId, noticeId }, helpers) => {
        sendingDeps ??= sending.sendingDepsFromEnv();
        const orgClock = await testClock.clockOf(db, organizationId, clock);
        const ctx = systemContext(db, organizationId, orgClock, 'worker');
        const { attempts, max_attempts } = helpers.job;
        const attempt = { number: attempts, final: attempts >= max_attempts };
        const outcome = await dunning.deliver(ctx, noticeId, sendingDeps, attempt);
        if (outcome === 'failed') helpers.logger.warn(`dunning letter ${noticeId} could not be e-mailed`);
      },
    ),
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
  // hourly, so an invoice turns overdue within the hour after its due date ends in the organisation's time zone
  '14 * * * * invoices_mark_overdue',
  // daily: a mandate lapses 36 months after its last use; collections check the date themselves, the sweep
  // makes the state visible on the contact
  '23 1 * * * sepa_mandates_expire',
  // every 5 minutes: a document whose send date is today goes out soon after it is finalized (or the day
  // begins in the organisation's time zone)
  '*/5 * * * * documents_send_due',
  // hourly like billing, after it: each organisation's dunning run starts within the hour after its midnight;
  // one run per organisation and day (a unique index)
  '35 * * * * dunning_runs_daily',
  // entries are sealed right after their commit; this catches those of a process that died in between
  '* * * * * audit_seal',
].join('\n');
