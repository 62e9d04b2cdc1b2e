import type { Knex } from 'knex';

// Documents (invoices, pro-formas, credit notes, cancellations, corrected invoices, quotes), their lines and
// rendered files. The columns mirror the domain's DocumentData (packages/domain/src/documents/types.ts).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE documents
      ADD COLUMN type_code text,
      ADD COLUMN issue_date date,
      ADD COLUMN issued_at timestamptz,
      ADD COLUMN service_date date,
      ADD COLUMN service_period_start date,
      ADD COLUMN service_period_end date,
      ADD COLUMN due_date date,
      ADD COLUMN send_date date,
      ADD COLUMN currency text NOT NULL DEFAULT 'EUR',
      ADD COLUMN language text NOT NULL DEFAULT 'de',
      -- seller and buyer as they were at finalize (GoBD: master-data edits never alter an issued document)
      ADD COLUMN seller jsonb,
      ADD COLUMN buyer jsonb,
      ADD COLUMN branding jsonb,
      ADD COLUMN allowances_charges jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN preceding_document_id text REFERENCES documents(id),
      ADD COLUMN payment_terms text,
      ADD COLUMN payment_means jsonb,
      ADD COLUMN notes jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN line_net_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN allowance_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN charge_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN tax_basis_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN tax_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN gross_total bigint NOT NULL DEFAULT 0,
      ADD COLUMN prepaid_amount bigint NOT NULL DEFAULT 0,
      ADD COLUMN amount_due bigint NOT NULL DEFAULT 0,
      ADD COLUMN tax_breakdown jsonb NOT NULL DEFAULT '[]',
      -- payments change these; they follow the document's life and stay mutable after finalize
      ADD COLUMN amount_paid bigint NOT NULL DEFAULT 0,
      ADD COLUMN paid_at timestamptz,
      ADD COLUMN sent_at timestamptz,
      ADD COLUMN finalized_at timestamptz,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancelled_by_document_id text REFERENCES documents(id),
      ADD COLUMN billing_run_id text,
      ADD COLUMN collective boolean NOT NULL DEFAULT false,
      ADD COLUMN pdf_sha256 text,
      ADD COLUMN xml_sha256 text,
      ADD COLUMN external_id text,
      ADD COLUMN source text,
      ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  await knex.raw('CREATE INDEX documents_org_type_idx ON documents (organization_id, type, id DESC)');
  await knex.raw('CREATE INDEX documents_org_status_idx ON documents (organization_id, status, due_date)');
  await knex.raw('CREATE INDEX documents_org_billing_run_idx ON documents (organization_id, billing_run_id)');
  await knex.raw(
    'CREATE UNIQUE INDEX documents_number_idx ON documents (organization_id, type, number) WHERE number IS NOT NULL',
  );
  await knex.raw(
    'CREATE UNIQUE INDEX documents_external_idx ON documents (organization_id, source, external_id) WHERE external_id IS NOT NULL',
  );
  await knex.raw(
    "CREATE INDEX documents_send_due_idx ON documents (send_date) WHERE status = 'finalized' AND send_date IS NOT NULL",
  );

  await knex.raw(`
    CREATE TABLE document_lines (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      position integer NOT NULL,
      article_id text,
      contract_id text,
      contract_item_id text,
      name text NOT NULL,
      description text,
      quantity numeric NOT NULL,
      unit_code text NOT NULL DEFAULT 'C62',
      -- minor units, decimal for sub-cent unit prices
      unit_amount numeric NOT NULL,
      discount_percent numeric,
      net_amount bigint NOT NULL,
      tax_category text NOT NULL,
      tax_rate numeric NOT NULL,
      period_start date,
      period_end date,
      UNIQUE (document_id, position)
    )`);
  await knex.raw('CREATE INDEX document_lines_doc_idx ON document_lines (organization_id, document_id)');

  // Rendered PDF and e-invoice XML, stored once at finalize with their SHA-256 (GoBD: reproducible).
  await knex.raw(`
    CREATE TABLE document_files (
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id),
      kind text NOT NULL CHECK (kind IN ('pdf', 'xrechnung-cii', 'xrechnung-ubl', 'zugferd')),
      content bytea NOT NULL,
      sha256 text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, document_id, kind)
    )`);

  // GoBD second line of defence: once a document left draft, its content can never change or disappear,
  // whatever code (or person with SQL) tries. Only life-cycle columns (status, payments, sending, files'
  // hashes, cancellation link) stay writable.
  await knex.raw(`
    CREATE FUNCTION documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'document % is issued and cannot be deleted (GoBD)', OLD.id USING ERRCODE = 'P0001';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status <> 'draft' AND (
        NEW.organization_id, NEW.contact_id, NEW.type, NEW.type_code, NEW.number, NEW.issue_date, NEW.issued_at,
        NEW.service_date, NEW.service_period_start, NEW.service_period_end, NEW.due_date, NEW.currency,
        NEW.language, NEW.seller, NEW.buyer, NEW.branding, NEW.allowances_charges, NEW.preceding_document_id,
        NEW.payment_terms, NEW.payment_means, NEW.notes, NEW.line_net_total, NEW.allowance_total,
        NEW.charge_total, NEW.tax_basis_total, NEW.tax_total, NEW.gross_total, NEW.prepaid_amount,
        NEW.amount_due, NEW.tax_breakdown
      ) IS DISTINCT FROM (
        OLD.organization_id, OLD.contact_id, OLD.type, OLD.type_code, OLD.number, OLD.issue_date, OLD.issued_at,
        OLD.service_date, OLD.service_period_start, OLD.service_period_end, OLD.due_date, OLD.currency,
        OLD.language, OLD.seller, OLD.buyer, OLD.branding, OLD.allowances_charges, OLD.preceding_document_id,
        OLD.payment_terms, OLD.payment_means, OLD.notes, OLD.line_net_total, OLD.allowance_total,
        OLD.charge_total, OLD.tax_basis_total, OLD.tax_total, OLD.gross_total, OLD.prepaid_amount,
        OLD.amount_due, OLD.tax_breakdown
      ) THEN
        RAISE EXCEPTION 'document % is issued and immutable (GoBD)', OLD.id USING ERRCODE = 'P0001';
      END IF;
      IF OLD.status <> 'draft' AND NEW.status = 'draft' THEN
        RAISE EXCEPTION 'document % cannot return to draft (GoBD)', OLD.id USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(
    'CREATE TRIGGER documents_guard BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_guard()',
  );

  await knex.raw(`
    CREATE FUNCTION document_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      doc_status text;
    BEGIN
      SELECT status INTO doc_status FROM documents WHERE id = coalesce(NEW.document_id, OLD.document_id);
      IF doc_status IS NOT NULL AND doc_status <> 'draft' THEN
        RAISE EXCEPTION 'lines of issued document % are immutable (GoBD)', coalesce(NEW.document_id, OLD.document_id)
          USING ERRCODE = 'P0001';
      END IF;
      RETURN coalesce(NEW, OLD);
    END $$`);
  await knex.raw(
    'CREATE TRIGGER document_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON document_lines FOR EACH ROW EXECUTE FUNCTION document_lines_guard()',
  );

  await knex.raw(`
    CREATE FUNCTION document_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'stored document files are append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(
    'CREATE TRIGGER document_files_guard BEFORE UPDATE OR DELETE ON document_files FOR EACH ROW EXECUTE FUNCTION document_files_guard()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS document_files');
  await knex.raw('DROP TABLE IF EXISTS document_lines');
  await knex.raw('DROP TRIGGER IF EXISTS documents_guard ON documents');
  await knex.raw('DROP FUNCTION IF EXISTS documents_guard()');
  await knex.raw('DROP FUNCTION IF EXISTS document_lines_guard()');
  await knex.raw('DROP FUNCTION IF EXISTS document_files_guard()');
}
