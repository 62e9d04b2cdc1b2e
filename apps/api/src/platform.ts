import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OpenedDatabase, openDatabase } from '@fakturo/db';
import { organizations, systemClock } from '@fakturo/domain';
import { startWorker } from '@fakturo/worker';
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
  stop: () => Promise<void>;
}

/**
 * First start: with no organisation yet, create one and print its key once (API.md start-up contract).
 * FAKTURO_BOOTSTRAP_API_KEY makes that key a known value for scripted set-ups.
 */
async function bootstrap(database: OpenedDatabase, config: Config, log: pino.Logger): Promise<void> {
  if ((await organizations.count(database.db)) > 0) return;
  const { organization, apiKey } = await organizations.create(database.db, systemClock, {
    legalName: 'My Organization',
    apiKeySecret: config.bootstrapApiKey,
  });
  mkdirSync(config.dataDir, { recursive: true });
  const keyFile = join(config.dataDir, 'api-key');
  writeFileSync(keyFile, `${apiKey.secret}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  log.info({ organizationId: organization.id, keyFile }, 'created the first organisation');
  process.stdout.write(
    `\n  Fakturo is set up. Your API key (shown once, also in ${keyFile}):\n\n    ${apiKey.secret}\n\n` +
      `  Try: curl -H "Authorization: Bearer ${apiKey.secret}" http://${config.host}:${config.port}/v1/organization\n\n`,
  );
}

export async function startPlatform(config: Config, parts: { api: boolean; worker: boolean }): Promise<Platform> {
  const log = pino({ level: config.logLevel, base: { service: parts.api ? 'fakturo-api' : 'fakturo-worker' } });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    applicationName: parts.api ? 'fakturo-api' : 'fakturo-worker',
    log: (line) => log.debug({ postgres: true }, line),
  });
  if (database.embedded) log.info({ port: database.embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  if (database.applied.length > 0) log.info({ migrations: database.applied }, 'migrations applied');

  let app: FastifyInstance | null = null;
  let worker: Runner | null = null;
  try {
    if (parts.api) {
      await bootstrap(database, config, log);
      app = await buildApp({
        db: database.db,
        logger: log,
        rateLimit: { max: config.rateLimitMax, timeWindowMs: config.rateLimitWindowMs },
        bodyLimit: config.bodyLimit,
        publicUrl: config.publicUrl,
      });
      await app.listen({ host: config.host, port: config.port });
    }
    if (parts.worker) worker = await startWorker({ db: database.db, databaseUrl: database.url, logger: log });
  } catch (error) {
    await app?.close();
    await worker?.stop();
    await database.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      log.info('shutting down: finishing requests and jobs in flight');
      await app?.close(); // stops accepting, waits for in-flight requests
      await worker?.stop(); // waits for running jobs; queued ones stay in the database
      await database.close();
      log.info('stopped');
    })();
    return stopping;
  };
  return { app, worker, database, stop };
}

/** Runs until SIGTERM/SIGINT, then shuts down gracefully. */
export async function runUntilSignalled(config: Config, parts: { api: boolean; worker: boolean }): Promise<void> {
  const platform = await startPlatform(config, parts);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      platform
        .stop()
        .then(() => process.exit(0))
        .catch((error) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
}
