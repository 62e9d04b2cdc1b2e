import type { Knex } from 'knex';

// Webshop orders (PUT /v1/connectors/{source}/orders/{externalId}): which invoice a shop's order became, and
// the SHA-256 of the body it was last written from, so the same order again changes nothing.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE connector_orders (
      organization_id text NOT NULL REFERENCES organizations(id),
      source text NOT NULL,
      external_id text NOT NULL,
      document_id text NOT NULL REFERENCES documents(id),
      body_sha256 text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, source, external_id)
    )
  `);
  await knex.raw(
    'CREATE INDEX connector_orders_document_idx ON connector_orders (organization_id, document_id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS connector_orders');
}
