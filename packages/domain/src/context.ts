import type { Db } from '@fakturo/db';
import type { Knex } from 'knex';
import type { Clock } from './clock';

/** Who is acting. API keys today; dashboard users and accountants acting for a client later. */
export type Actor =
  | { type: 'api_key'; id: string; scopes: readonly string[] }
  | { type: 'system'; id: string; scopes: readonly string[] };

/**
 * Everything a domain operation needs: the database handle (the pool, or the open transaction), the one
 * organisation the operation is scoped to, the clock, the actor and the request id for the logs and events.
 * Every query a service runs filters by `ctx.organizationId`; nothing takes an organisation from input.
 */
export interface Ctx {
  db: Db | Knex.Transaction;
  organizationId: string;
  clock: Clock;
  actor: Actor;
  requestId?: string;
}

/** Runs `work` in one transaction, reusing the caller's when `ctx` already holds one. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return (ctx.db as Db).transaction((trx) => work({ ...ctx, db: trx }));
}

/** A query builder on a tenant-owned table, already filtered to the context's organisation. */
export function scoped(ctx: Ctx, table: string, alias?: string): Knex.QueryBuilder {
  const name = alias ? `${table} as ${alias}` : table;
  const column = alias ? `${alias}.organization_id` : `${table}.organization_id`;
  return ctx.db(name).where(column, ctx.organizationId);
}

export function systemContext(db: Db, organizationId: string, clock: Clock, id = 'system'): Ctx {
  return { db, organizationId, clock, actor: { type: 'system', id, scopes: ['read', 'write'] } };
}
