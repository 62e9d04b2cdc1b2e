import type { Knex } from 'knex';

// Webhook throughput (issue 3): deliveries are written in thousands per fan-out, and each row's two foreign
// keys fired two checks — a probe of `organizations` and a probe and KEY SHARE lock of its endpoint — per
// row. What they guarded is kept otherwise: a delivery's organisation is the endpoint's (written from the
// endpoint row in the same transaction; organisations are never deleted), the fan-out, replays and tests
// lock the endpoint rows they write deliveries for FOR KEY SHARE once per statement (so a concurrent delete
// waits, as with the key), and deleting an endpoint deletes its deliveries in its own transaction (what
// ON DELETE CASCADE did). See docs/webhooks.md "How it works inside".
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE webhook_deliveries
      DROP CONSTRAINT IF EXISTS webhook_deliveries_organization_id_fkey,
      DROP CONSTRAINT IF EXISTS webhook_deliveries_endpoint_id_fkey`);
}

export async function down(knex: Knex): Promise<void> {
  // orphans (deliveries of an endpoint deleted while the keys were gone) would stop the keys coming back
  await knex.raw(`
    DELETE FROM webhook_deliveries d
    WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id)`);
  await knex.raw(`
    ALTER TABLE webhook_deliveries
      ADD CONSTRAINT webhook_deliveries_organization_id_fkey
        FOREIGN KEY (organization_id) REFERENCES organizations(id),
      ADD CONSTRAINT webhook_deliveries_endpoint_id_fkey
        FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints(id) ON DELETE CASCADE`);
}
