import type { TestApp } from '@fakturo/testing';

/** How many rows of `table` the main tenant has: what a refused request must leave unchanged. */
export async function tenantRows(t: TestApp, table: string): Promise<number> {
  const { rows } = await t.db.raw('SELECT count(*)::int AS n FROM ?? WHERE organization_id = ?', [
    table,
    t.main.organizationId,
  ]);
  return rows[0].n as number;
}
