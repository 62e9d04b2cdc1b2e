import { randomBytes } from 'node:crypto';
import { connect, type Db } from '@fakturo/db';
import { inject } from 'vitest';

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database of its own for one test file, cloned from the run's template. */
export async function createTestDatabase(options: { poolMax?: number } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const name = `fakturo_test_${template.split('_').pop()}_${randomBytes(5).toString('hex')}`;
  const admin = connect(adminUrl, { poolMax: 1 });
  try {
    await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connect(url.toString(), { poolMax: options.poolMax ?? 10 });
  return {
    db,
    url: url.toString(),
    name,
    drop: async () => {
      await db.destroy();
      const cleanup = connect(adminUrl, { poolMax: 1 });
      try {
        await cleanup.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}
