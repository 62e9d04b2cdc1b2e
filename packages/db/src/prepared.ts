import type { Knex } from 'knex';

/** Numbers the `query` events of prepared statements. */
let queries = 0;

/**
 * A hot statement as a named prepared statement: PostgreSQL parses and plans it once per connection instead
 * of on every call (for the contact read that is most of the database's CPU per request). `text` uses `$1…`
 * placeholders, any of them any number of times. Inside a transaction it runs on the transaction's connection
 * (a knex transaction's client hands out that connection), so it sees and is part of the transaction.
 * Like a knex query it is announced by `query` and `query-response` events (what knex's debug output and
 * statement counters listen to), with a `__knexQueryUid` of its own.
 */
export async function queryPrepared<T>(
  db: Knex | Knex.Transaction,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const client = db.client as Knex.Client & {
    acquireConnection(): Promise<{ query: (config: object) => Promise<{ rows: T[] }> }>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  queries += 1;
  const query = { method: 'raw', sql: text, bindings: values, __knexQueryUid: `prepared:${name}:${queries}` };
  client.emit('query', query);
  try {
    const result = await connection.query({ name, text, values });
    client.emit('query-response', result.rows, query);
    return result.rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
