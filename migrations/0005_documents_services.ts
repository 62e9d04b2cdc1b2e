import type { Knex } from 'knex';

// The document services (issue 5, items 1–6): what a single document's life needs beyond 0003 — the VAT inputs
// of a line, quote decisions and conversions — and the hash-chained audit log (DOMAIN.md §3).
export async function up(knex: Knex): Promise<void> {
  // VAT is re-determined at finalize from the parties as they are then (a contact may have gained a VAT id
  // since the draft): that needs the rate kind and supply kind the line was written with. NULL on lines whose
  // category and rate were fixed elsewhere (billing runs, copies of issued lines): those are kept as stored.
  await knex.raw(`
    ALTER TABLE document_lines
      ADD COLUMN tax_rate_kind text
        CHECK (tax_rate_kind IN ('standard', 'reduced', 'second_reduced', 'super_reduced', 'zero')),
      ADD COLUMN supply_kind text CHECK (supply_kind IN ('goods', 'services'))`);

  // Life-cycle columns of quotes and conversions: they change after finalize, so the GoBD trigger of 0003
  // (which lists the content columns) leaves them writable.
  await knex.raw(`
    ALTER TABLE documents
      ADD COLUMN converted_from_document_id text REFERENCES documents(id),
      ADD COLUMN converted_to_document_id text REFERENCES documents(id),
      ADD COLUMN accepted_at timestamptz,
      ADD COLUMN declined_at timestamptz,
      ADD COLUMN expired_at timestamptz,
      -- the buyer's answer to a quote: when, who, why, and the SHA-256 of the exact PDF answered (DOMAIN.md §12)
      ADD COLUMN decision jsonb`);
  await knex.raw('CREATE INDEX documents_org_issue_idx ON documents (organization_id, issue_date)');
  await knex.raw(
    'CREATE INDEX documents_org_preceding_idx ON documents (organization_id, preceding_document_id) WHERE preceding_document_id IS NOT NULL',
  );
  // GET /v1/invoices?needsAttention=true: drafts nobody scheduled for sending (DOMAIN.md §7)
  await knex.raw(
    "CREATE INDEX documents_attention_idx ON documents (organization_id, id DESC) WHERE status = 'draft' AND send_date IS NULL",
  );
  // the quote-expiry sweep looks only at open quotes
  await knex.raw(
    "CREATE INDEX documents_open_quotes_idx ON documents (due_date) WHERE type = 'quote' AND status IN ('finalized', 'sent')",
  );

  // The audit log (DOMAIN.md §3): one hash chain per organisation. Each entry carries the hash of the one
  // before and its own hash = SHA-256(prev_hash ‖ canonical JSON of the entry), so changing, removing or
  // inserting an entry breaks the chain from there on. Appends of one organisation are serialised by the row
  // lock on its chain head, which also records the last entry, so cutting entries off the end is detected too.
  await knex.raw(`
    CREATE TABLE audit_log (
      organization_id text NOT NULL REFERENCES organizations(id),
      seq bigint NOT NULL,
      id text NOT NULL UNIQUE,
      actor_type text NOT NULL,
      actor_id text NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text,
      created_at timestamptz NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (organization_id, seq)
    )`);
  await knex.raw('CREATE INDEX audit_log_resource_idx ON audit_log (organization_id, resource_id, seq DESC)');
  await knex.raw('CREATE INDEX audit_log_type_idx ON audit_log (organization_id, resource_type, seq DESC)');
  await knex.raw(`
    CREATE TABLE audit_chain_heads (
      organization_id text PRIMARY KEY REFERENCES organizations(id),
      seq bigint NOT NULL,
      hash text NOT NULL
    )`);
  // Append-only for every writer; the hash chain is what detects a writer who gets around this.
  await knex.raw(`
    CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(
    'CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS audit_chain_heads');
  await knex.raw('DROP TABLE IF EXISTS audit_log');
  await knex.raw('DROP FUNCTION IF EXISTS audit_log_guard()');
  for (const index of [
    'documents_org_issue_idx',
    'documents_org_preceding_idx',
    'documents_attention_idx',
    'documents_open_quotes_idx',
  ]) {
    await knex.raw(`DROP INDEX IF EXISTS ${index}`);
  }
  await knex.raw(`
    ALTER TABLE documents
      DROP COLUMN IF EXISTS converted_from_document_id,
      DROP COLUMN IF EXISTS converted_to_document_id,
      DROP COLUMN IF EXISTS accepted_at,
      DROP COLUMN IF EXISTS declined_at,
      DROP COLUMN IF EXISTS expired_at,
      DROP COLUMN IF EXISTS decision`);
  await knex.raw(
    'ALTER TABLE document_lines DROP COLUMN IF EXISTS tax_rate_kind, DROP COLUMN IF EXISTS supply_kind',
  );
}
