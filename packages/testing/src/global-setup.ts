import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateLatest, startEmbeddedPostgres } from '@fakturo/db';
import { runMigrations } from 'graphile-worker';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the server's maintenance database; test files create their own databases. */
    adminDatabaseUrl: string;
    /** A migrated database that each test file clones (CREATE DATABASE … TEMPLATE). */
    templateDatabase: string;
  }
}

/**
 * Once per test run: a real PostgreSQL (embedded unless DATABASE_URL is set) with one migrated template
 * database. Each test file then clones the template, which takes milliseconds instead of re-migrating.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  let stop: () => Promise<void> = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'fakturo-test-pg-'));
    // as root the server runs as the unprivileged `postgres` user, which must be able to enter the folder
    chmodSync(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), persistent: false });
    adminUrl = server.url('postgres');
    stop = server.stop;
  }
  const template = `fakturo_template_${process.pid}`;
  const admin = connect(adminUrl, { poolMax: 1 });
  await admin.raw(`DROP DATABASE IF EXISTS ${template}`);
  await admin.raw(`CREATE DATABASE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const templateDb = connect(url.toString(), { poolMax: 1 });
  await migrateLatest(templateDb);
  await templateDb.destroy();
  // jobs are added with SQL inside business transactions, so graphile-worker's schema is part of the template
  await runMigrations({ connectionString: url.toString() });
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    if (external) {
      const leftovers: { datname: string }[] = (
        await admin.raw(`SELECT datname FROM pg_database WHERE datname LIKE 'fakturo_test_${process.pid}_%'`)
      ).rows;
      for (const { datname } of leftovers) await admin.raw(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.raw(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    }
    await admin.destroy();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
