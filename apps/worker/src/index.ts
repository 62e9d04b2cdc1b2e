import type { Db } from '@fakturo/db';
import { Logger, type LogFunctionFactory, run, type Runner } from 'graphile-worker';
import type { Logger as PinoLogger } from 'pino';
import { CRONTAB, createTaskList } from './tasks';

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  logger?: PinoLogger;
  concurrency?: number;
}

/** graphile-worker logs through the app's structured logger. */
function bridge(logger: PinoLogger | undefined): Logger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    if (!logger) return;
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'debug' ? 'debug' : 'info';
    logger[method]({ worker: scope, ...meta }, message);
  };
  return new Logger(factory);
}

/**
 * Starts the job runner. Several runners may work on one database: jobs are taken with SKIP LOCKED.
 * Signals are handled by the process owner (`stop()` finishes running jobs before it resolves).
 */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList(options.db),
    crontab: CRONTAB,
    logger: bridge(options.logger),
  });
}
