import type { Knex } from 'knex';

// The drawn signature a customer gives when accepting a quote in the customer portal (DOMAIN.md §12): the
// PNG as drawn, its SHA-256 (also in the quote's `decision`), kept apart from the documents row so reading a
// quote does not carry the image. Evidence of an acceptance: written once, never changed or removed (GoBD).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE quote_signatures (
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id),
      mime_type text NOT NULL CHECK (mime_type = 'image/png'),
      content bytea NOT NULL,
      sha256 text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, document_id)
    )`);
  await knex.raw(`
    CREATE FUNCTION quote_signatures_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'quote signatures are append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(
    'CREATE TRIGGER quote_signatures_guard BEFORE UPDATE OR DELETE ON quote_signatures FOR EACH ROW EXECUTE FUNCTION quote_signatures_guard()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS quote_signatures');
  await knex.raw('DROP FUNCTION IF EXISTS quote_signatures_guard()');
}
