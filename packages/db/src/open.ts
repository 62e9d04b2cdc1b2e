import { join } from 'node:path';
import { connect, type Db } from './connection';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded';
import { migrateLatest } from './migrate';

export interface OpenedDatabase {
  db: Db;
  url: string;
  embedded: EmbeddedServer | null;
  /** Migrations this start applied. */
  applied: string[];
  close: () => Promise<void>;
}

/**
 * The start-up contract of API.md: DATABASE_URL when set, otherwise an embedded PostgreSQL in
 * `dataDir/postgres` (created on first start, persistent after). Migrations are applied before anything runs.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolMax?: number;
  applicationName?: string;
  migrate?: boolean;
  log?: (line: string) => void;
}): Promise<OpenedDatabase> {
  let embedded: EmbeddedServer | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: join(options.dataDir, 'postgres'),
      port: process.env.FAKTURO_PG_PORT ? Number(process.env.FAKTURO_PG_PORT) : undefined,
      log: options.log,
    });
    url = embedded.url('postgres');
  }
  const db = connect(url, { poolMax: options.poolMax, applicationName: options.applicationName });
  try {
    const applied = options.migrate === false ? [] : await migrateLatest(db);
    return {
      db,
      url,
      embedded,
      applied,
      close: async () => {
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
}
