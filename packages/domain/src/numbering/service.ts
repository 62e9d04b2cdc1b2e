import { queryPrepared } from '@fakturo/db';
import type { Ctx } from '../context';
import { formatNumber, rangeKey } from './format';

/**
 * Takes the next `count` values of a number range inside the caller's transaction. The counter row is
 * locked by the UPDATE until that transaction ends: concurrent writers queue, and a rollback returns the
 * values, so what commits is unique and gap-free (UStG §14(4) no. 4; BFH X B 79/16).
 */
export async function take(ctx: Ctx, key: string, count = 1): Promise<number> {
  if (!ctx.db.isTransaction) throw new Error('numbers must be taken inside the writing transaction');
  const result = await ctx.db.raw<{ rows: { first: number }[] }>(
    `INSERT INTO number_ranges (organization_id, range_key, next_value) VALUES (?, ?, ?)
     ON CONFLICT (organization_id, range_key) DO UPDATE SET next_value = number_ranges.next_value + EXCLUDED.next_value - 1
     RETURNING next_value - ? AS first`,
    [ctx.organizationId, key, count + 1, count],
  );
  return result.rows[0]!.first;
}

/**
 * Takes the next `count` values of a range in a short transaction of its own, for ranges that must be unique
 * but not gap-free (customer numbers): the counter row is locked only for that moment, not for the caller's
 * whole transaction, so concurrent creates of one organisation do not queue behind each other's commits. A
 * rollback of the caller leaves a gap, which such ranges allow. Call it outside the caller's transaction (it
 * needs a connection of its own).
 *
 * The short transaction commits with `synchronous_commit = off`: it does not wait for its own WAL flush. That
 * is safe: a number matters only once a transaction using it commits, and that commit flushes the WAL up to
 * its own record — which includes this earlier counter update. Should the server crash before, neither the
 * counter update nor anything using the number survives, and the number is handed out again.
 *
 * It is ONE statement in autocommit (its own implicit transaction; `set_config(…, true)` relaxes that
 * transaction's commit), sent as a named prepared statement: one round trip instead of BEGIN, SET LOCAL, the
 * upsert and COMMIT — this runs on every contact create.
 */
export async function takeDetached(ctx: Ctx, key: string, count = 1): Promise<number> {
  if (ctx.db.isTransaction) return take(ctx, key, count);
  const [row] = await queryPrepared<{ first: number }>(ctx.db, 'numbering_take_detached', TAKE_DETACHED, [
    ctx.organizationId,
    key,
    count + 1,
    count,
  ]);
  return row!.first;
}

// MATERIALIZED and referenced: the set_config runs before the upsert, within the statement's own transaction
const TAKE_DETACHED = `WITH relaxed AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true) AS setting)
INSERT INTO number_ranges (organization_id, range_key, next_value)
SELECT $1::text, $2::text, $3::bigint FROM relaxed
ON CONFLICT (organization_id, range_key) DO UPDATE SET next_value = number_ranges.next_value + EXCLUDED.next_value - 1
RETURNING next_value - $4::bigint AS first`;

/** Takes the next number of a formatted range, e.g. a customer number `K-{SEQ:5}` → `K-00017`. */
export async function next(ctx: Ctx, base: string, format: string, date: string): Promise<string> {
  const sequence = await take(ctx, rangeKey(base, format, date));
  return formatNumber(format, date, sequence);
}
