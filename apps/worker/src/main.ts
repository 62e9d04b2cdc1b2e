import { resolve } from 'node:path';
import { openDatabase } from '@fakturo/db';
import { secrets } from '@fakturo/domain';
import pino from 'pino';
import { startWorker } from './index';

// `npm run start:worker`: the job runner alone (production runs API and worker as separate processes against
// one DATABASE_URL; the embedded database is for a single `npm start` process).
async function main() {
  const log = pino({ level: process.env.LOG_LEVEL || 'info', base: { service: 'fakturo-worker' } });
  const dataDir = resolve(process.env.FAKTURO_DATA_DIR || './.data');
  // webhook secrets are decrypted with it; in development the API and the worker share the key file
  secrets.loadEncryptionKey({ dataDir });
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    applicationName: 'fakturo-worker',
  });
  const runner = await startWorker({ db: database.db, databaseUrl: database.url, logger: log });
  log.info('worker started');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      log.info('shutting down: finishing running jobs');
      await runner.stop();
      await database.close();
      process.exit(0);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
