import type { Knex } from 'knex';
import { migrations } from '../../../migrations/index';

/**
 * Knex reads migrations from our own list instead of scanning a folder, so the same TypeScript files run
 * under tsx, vitest and a bundled build alike. Files in migrations/ are never edited once landed.
 */
const source: Knex.MigrationSource<(typeof migrations)[number]> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};

export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return applied;
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsCurrent(db: Knex): Promise<boolean> {
  const [, pending] = (await db.migrate.list({ migrationSource: source })) as [unknown[], unknown[]];
  return pending.length === 0;
}
