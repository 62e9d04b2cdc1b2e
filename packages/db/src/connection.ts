import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// Wire formats are decided once, for every pool: calendar dates stay 'YYYY-MM-DD' strings (a date is not an
// instant), NUMERIC stays a decimal string (never a float), and BIGINT becomes a number only when it is exact.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} exceeds the exact integer range`);
  return n;
});

export type Db = Knex;
export type Tx = Knex.Transaction;

export interface ConnectOptions {
  /** Largest number of pooled connections (default 10). */
  poolMax?: number;
  applicationName?: string;
}

export function connect(databaseUrl: string, options: ConnectOptions = {}): Db {
  return knexFactory({
    client: 'pg',
    connection: { connectionString: databaseUrl, application_name: options.applicationName ?? 'fakturo' },
    pool: { min: 0, max: options.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}
