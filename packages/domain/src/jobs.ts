import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Knex } from 'knex';
import { DomainError } from './errors';

/**
 * Background jobs (graphile-worker). This module owns the payload of every task — one TypeBox schema per
 * task is both the static type (`GraphileWorker.Tasks`, so `addJob`/`enqueue` and the task executors are
 * typed) and the check at the task's door — and adds jobs inside the caller's transaction, so a follow-up
 * job exists exactly when the change that asked for it committed.
 */

const Id = (prefix: string) => Type.String({ pattern: `^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$` });

/** graphile-worker adds `_cron` to the payload of jobs its crontab schedules. */
const CronPayload = Type.Object({
  _cron: Type.Optional(Type.Object({ ts: Type.String(), backfilled: Type.Optional(Type.Boolean()) })),
});

const RenderRequest = Type.Object(
  {
    organizationId: Id('org'),
    documentId: Id('doc'),
    kinds: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Literal('pdf'),
          Type.Literal('xrechnung-cii'),
          Type.Literal('xrechnung-ubl'),
          Type.Literal('zugferd'),
        ]),
        { minItems: 1, maxItems: 4 },
      ),
    ),
  },
  { additionalProperties: false },
);

/** One document of a `documents_render` job. */
export type RenderRequestPayload = Static<typeof RenderRequest>;

/**
 * Documents per `documents_render` job queued in bulk. 25 keeps a job of PDFs under a second of rendering
 * (~30 ms each) and a 500-invoice billing batch spread over 20 jobs, so every worker slot gets work, while
 * the per-job cost (fetch, completion, load, store and its commit) is shared by 25 documents.
 */
export const RENDER_BATCH_SIZE = 25;
/**
 * What the payload check accepts: above `RENDER_BATCH_SIZE`, because graphile-worker concatenates the array
 * payloads of two pending jobs that share a job key (none of ours do; the check must not fail such a merge).
 */
const RENDER_BATCH_SIZE_LIMIT = 1000;

export const TASK_PAYLOADS = {
  /** Turn an organisation's events that are not yet fanned out into webhook deliveries. */
  webhooks_fan_out: Type.Object({ organizationId: Id('org') }, { additionalProperties: false }),
  /** Send what is due for one webhook endpoint. */
  webhooks_deliver: Type.Object(
    { organizationId: Id('org'), endpointId: Id('we') },
    { additionalProperties: false },
  ),
  /** Cron: re-drive events and deliveries a crashed process left behind; drop expired rotated secrets. */
  webhooks_sweep: CronPayload,
  purge_idempotency_keys: CronPayload,
  /** Find a billing run's due contracts and add one batch job per slice (billing-runs/service.plan). */
  billing_run_plan: Type.Object(
    { organizationId: Id('org'), runId: Id('brun') },
    { additionalProperties: false },
  ),
  /** Bill one slice of a run in one transaction (billing-runs/service.runBatch). */
  billing_run_batch: Type.Object(
    { organizationId: Id('org'), runId: Id('brun'), batch: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  /** Cron: start each organisation's daily billing run for its clock's date. */
  billing_runs_daily: CronPayload,
  /**
   * Render and store issued documents' files (documents/service.renderBatch): by default the PDF and each
   * XRechnung the document qualifies for; `kinds` narrows it (re-rendering one kind, the benchmark). One
   * document (what finalize and cancel queue) or a graphile-worker batch job of up to `RENDER_BATCH_SIZE`
   * (what billing runs queue, see `renderJobs`): the batch is loaded and stored with one statement each, and
   * a document that fails is retried alone (the task returns one result per entry; graphile-worker keeps only
   * the failed entries in the payload of the retry).
   */
  documents_render: Type.Union([
    RenderRequest,
    Type.Array(RenderRequest, { minItems: 1, maxItems: RENDER_BATCH_SIZE_LIMIT }),
  ]),
  /** Recompute an organisation's MRR entries and monthly sums from its contracts (reports.rebuild). */
  reports_mrr_rebuild: Type.Object({ organizationId: Id('org') }, { additionalProperties: false }),
  /** Cron: mark open quotes past their validity as expired. */
  quotes_expire: CronPayload,
  /** Cron: mark SEPA mandates unused for 36 months as expired (sepa/service.expireMandates). */
  sepa_mandates_expire: CronPayload,
  /** E-mail one queued document send (sending/service.deliver); transient SMTP failures retry with back-off. */
  documents_send: Type.Object(
    { organizationId: Id('org'), sendId: Id('dsnd') },
    { additionalProperties: false },
  ),
  /** Cron: queue the sends of issued documents whose send date arrived on their organisation's clock. */
  documents_send_due: CronPayload,
  /** Match an organisation's unmatched bank transactions to open invoices (reconciliation/service.reconcile). */
  bank_reconcile: Type.Object(
    { organizationId: Id('org'), statementId: Type.Optional(Id('bst')) },
    { additionalProperties: false },
  ),
  /** Cron: issued invoices past their due date that still owe something become overdue. */
  invoices_mark_overdue: CronPayload,
  /** Cron: seal audit entries a process left unsealed when it died between commit and seal. */
  audit_seal: CronPayload,
  /** Work one dunning run: one transaction per contact (dunning/service.process). */
  dunning_run: Type.Object({ organizationId: Id('org'), runId: Id('drun') }, { additionalProperties: false }),
  /** Cron: start each organisation's daily dunning run for its clock's date. */
  dunning_runs_daily: CronPayload,
  /** E-mail one dunning letter (dunning/service.deliver); transient SMTP failures retry with back-off. */
  dunning_notice_send: Type.Object(
    { organizationId: Id('org'), noticeId: Id('dun') },
    { additionalProperties: false },
  ),
} satisfies Record<string, TSchema>;

export type TaskName = keyof typeof TASK_PAYLOADS;
export type TaskPayloads = { [K in TaskName]: Static<(typeof TASK_PAYLOADS)[K]> };

declare global {
  // graphile-worker's documented way to type task payloads: its TaskList and addJob read this interface
  namespace GraphileWorker {
    interface Tasks extends TaskPayloads {}
  }
}

/**
 * Checks a job's payload at the task's door. A payload that does not match can never succeed, so this is a
 * permanent failure (`job_payload_invalid`): the worker records it and does not retry.
 */
export function checkPayload<T extends TaskName>(task: T, payload: unknown): TaskPayloads[T] {
  const schema = TASK_PAYLOADS[task];
  if (Value.Check(schema, payload)) return payload as TaskPayloads[T];
  const errors = [...Value.Errors(schema, payload)].map((e) => ({
    path: e.path.split('/').filter(Boolean).join('.') || 'payload',
    message: e.message,
    code: 'invalid',
  }));
  throw new DomainError(
    'invalid_request',
    'job_payload_invalid',
    `The payload of a '${task}' job is invalid.`,
    {
      errors,
    },
  );
}

export function isPermanentJobFailure(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'job_payload_invalid';
}

export interface EnqueueOptions {
  /** De-duplicates: a pending job with the same key is replaced instead of added twice. */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at';
  runAt?: Date;
  /** Jobs of one queue run one at a time, in order. */
  queueName?: string;
  maxAttempts?: number;
  priority?: number;
}

/** Anything holding a knex handle: a `Ctx` (inside its transaction) or `{ db }` for system work. */
export interface DbHolder {
  db: Knex | Knex.Transaction;
}

/**
 * Adds a job with SQL (`graphile_worker.add_job`) on the caller's handle: inside a transaction the job
 * commits or rolls back with the change. graphile-worker's schema must exist (`runMigrations` at start-up).
 */
export async function enqueue<T extends TaskName>(
  tx: DbHolder,
  task: T,
  payload: TaskPayloads[T],
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.db.raw(
    `SELECT FROM graphile_worker.add_job(?::text, ?::json, queue_name => ?::text, run_at => ?::timestamptz,
       max_attempts => ?::int, job_key => ?::text, priority => ?::int, job_key_mode => ?::text)`,
    [
      task,
      JSON.stringify(payload),
      options.queueName ?? null,
      options.runAt ?? null,
      options.maxAttempts ?? null,
      options.jobKey ?? null,
      options.priority ?? null,
      options.jobKeyMode ?? 'replace',
    ],
  );
}

export interface JobSpec<T extends TaskName = TaskName> extends EnqueueOptions {
  task: T;
  payload: TaskPayloads[T];
}

/** Adds many jobs in one statement (`graphile_worker.add_jobs`); job keys must be distinct. */
export async function enqueueMany(tx: DbHolder, specs: JobSpec[]): Promise<void> {
  if (specs.length === 0) return;
  const rows = specs.map((s) => ({
    identifier: s.task,
    payload: s.payload,
    queue_name: s.queueName ?? null,
    run_at: s.runAt?.toISOString() ?? null,
    max_attempts: s.maxAttempts ?? null,
    job_key: s.jobKey ?? null,
    priority: s.priority ?? null,
    flags: null,
  }));
  await tx.db.raw(
    `SELECT FROM graphile_worker.add_jobs(
       array(SELECT json_populate_recordset(null::graphile_worker.job_spec, ?::json)))`,
    [JSON.stringify(rows)],
  );
}

/**
 * The `documents_render` jobs for many issued documents of one organisation: batch jobs of up to
 * `RENDER_BATCH_SIZE` documents, in the given order, without a job key. A key would add nothing — the jobs
 * are added in the transaction that issues the documents, so a retried transaction never adds them twice —
 * and it would cost safety: re-adding a key whose job is running takes that job's retries away.
 */
export function renderJobs(
  organizationId: string,
  documentIds: readonly string[],
  options: { kinds?: RenderRequestPayload['kinds'] } = {},
): JobSpec<'documents_render'>[] {
  const specs: JobSpec<'documents_render'>[] = [];
  for (let i = 0; i < documentIds.length; i += RENDER_BATCH_SIZE) {
    specs.push({
      task: 'documents_render',
      payload: documentIds.slice(i, i + RENDER_BATCH_SIZE).map((documentId) => ({
        organizationId,
        documentId,
        ...(options.kinds ? { kinds: options.kinds } : {}),
      })),
    });
  }
  return specs;
}

const addedIn = new WeakMap<object, Set<string>>();

/**
 * Remembers per transaction which once-per-transaction jobs were added (`marker` names one), so code that
 * runs many times in one transaction adds its job once. Outside a transaction nothing is remembered.
 */
export const perTransaction = {
  added(handle: Knex | Knex.Transaction, marker: string): boolean {
    return handle.isTransaction === true && (addedIn.get(handle)?.has(marker) ?? false);
  },
  remember(handle: Knex | Knex.Transaction, marker: string): void {
    if (!handle.isTransaction) return;
    const added = addedIn.get(handle);
    if (added) added.add(marker);
    else addedIn.set(handle, new Set([marker]));
  },
};

/**
 * SQL for `graphile_worker.add_job` keyed by the current transaction (`<keyPrefix>:<txid>`), to compose into
 * a larger statement: repeated calls in one transaction replace one job, and concurrent transactions never
 * queue behind a shared job key (a key shared across transactions holds a row lock until commit).
 */
export function addJobPerTransaction<T extends TaskName>(
  task: T,
  payload: TaskPayloads[T],
  keyPrefix: string,
): { sql: string; bindings: Knex.Value[] } {
  return {
    sql: `graphile_worker.add_job(?::text, ?::json, job_key => ?::text || ':' || txid_current()::text)`,
    bindings: [task, JSON.stringify(payload), keyPrefix],
  };
}

/** Records a job that failed for good (see `checkPayload`), for an operator to look at. */
export async function recordFailure(
  db: Knex,
  failure: { task: string; jobId?: string; payload: unknown; error: string; details?: unknown },
): Promise<void> {
  await db('job_failures').insert({
    task: failure.task,
    job_id: failure.jobId ?? null,
    payload: JSON.stringify(failure.payload ?? null),
    error: failure.error,
    details: failure.details === undefined ? null : JSON.stringify(failure.details),
  });
}
