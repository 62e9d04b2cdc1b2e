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

/** Takes the next number of a formatted range, e.g. a customer number `K-{SEQ:5}` → `K-00017`. */
export async function next(ctx: Ctx, base: string, format: string, date: string): Promise<string> {
  const sequence = await take(ctx, rangeKey(base, format, date));
  return formatNumber(format, date, sequence);
}
