import type { Db } from '@fakturo/db';
import { audit, type Clock, sending, webhooks } from '@fakturo/domain';
import { type LogFunctionFactory, Logger, type Runner, run, runMigrations } from 'graphile-worker';
import pg from 'pg';
import type { Logger as PinoLogger } from 'pino';
import { CRONTAB, createTaskList } from './tasks';

export { CRONTAB, createTaskList, type TaskDeps } from './tasks';

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  logger?: PinoLogger;
  concurrency?: number;
  /** Time for the tasks (tests inject one); system time by default. */
  clock?: Clock;
  /** The webhook HTTP client; by default one that honours FAKTURO_WEBHOOK_ALLOW_PRIVATE. */
  webhookSender?: webhooks.WebhookSender;
  /** The mailer documents are sent with; by default SMTP_URL, FAKTURO_MAIL_FROM, FAKTURO_PUBLIC_URL. */
  sending?: sending.SendingDeps;
}

/**
 * Creates or upgrades graphile-worker's schema. Jobs are added with SQL inside business transactions
 * (`jobs.enqueue`), so the schema must exist before the first write — not only once a worker runs. Safe to
 * call from several processes at once (graphile-worker migrates under an advisory lock).
 */
export async function migrateWorkerSchema(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: bridge(undefined) });
}

/** graphile-worker logs through the app's structured logger. */
function bridge(logger: PinoLogger | undefined): Logger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    if (!logger) return;
    const method =
      level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'debug' ? 'debug' : 'info';
    logger[method]({ worker: scope, ...meta }, message);
  };
  return new Logger(factory);
}

/**
 * Starts the job runner. Several runners may work on one database: jobs are taken with SKIP LOCKED.
 * Signals are handled by the process owner (`stop()` finishes running jobs before it resolves).
 */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const sender = options.webhookSender ?? webhooks.createSender({ policy: webhooks.ssrf.policyFromEnv() });
  const mail = options.sending ?? sending.sendingDepsFromEnv();
  // Our own pool, so a connection that dies (the database restarting or stopping during a shutdown) is
  // logged instead of crashing the process as an unhandled 'error' event: idle clients report through the
  // pool, checked-out ones through the client (pg raises it again at the next query). With both handlers
  // in place graphile-worker neither warns at start ("Your pool doesn't have all of the error handlers!")
  // nor installs a second pair of its own.
  const concurrency = options.concurrency ?? 8;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency + 2 });
  pool.on('error', (err: Error) => options.logger?.warn({ err }, 'idle worker database connection failed'));
  pool.on('connect', (client: pg.PoolClient) =>
    client.on('error', (err: Error) => options.logger?.warn({ err }, 'worker database connection failed')),
  );
  const drainSeals = audit.autoSeal(options.db, (err) => options.logger?.error({ err }, 'audit seal failed'));
  const runner = await run({
    pgPool: pool,
    // jobs mostly wait on the network or the database (webhook delivery holds a slot up to ~25 s)
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList(options.db, { clock: options.clock, webhookSender: sender, sending: mail }),
    crontab: CRONTAB,
    logger: bridge(options.logger),
  });
  // the keep-alive connections to receivers close with the runner (only the sender created here)
  if (!options.webhookSender) void runner.promise.finally(() => sender.close()).catch(() => {});
  // and the pooled SMTP connections (only the mailer created here)
  if (!options.sending) void runner.promise.finally(() => mail.mailer.close()).catch(() => {});
  // graphile-worker does not end a pool it was given: end it with the runner
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    try {
      await stop();
      await drainSeals();
    } finally {
      await pool.end();
    }
  };
  return runner;
}
