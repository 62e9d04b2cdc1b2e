import type { Knex } from 'knex';

// Sending documents by e-mail (issue 5, item 7): the send log, the portal access tokens a mail links to, and
// the contact's e-invoice preference that decides which XML goes with the PDF.
export async function up(knex: Knex): Promise<void> {
  // What a contact wants besides the PDF: an XRechnung (CII or UBL XML attached) or a ZUGFeRD/Factur-X PDF
  // (the XML embedded in the PDF). NULL: the PDF alone.
  await knex.raw(`
    ALTER TABLE contacts
      ADD COLUMN einvoice_format text CHECK (einvoice_format IN ('xrechnung-cii', 'xrechnung-ubl', 'zugferd'))`);

  // Links in sent mails open the customer portal with a token: ≥ 128 random bits, only its SHA-256 stored
  // (DOMAIN.md §12), expiring and revocable. The portal that reads them is built later.
  await knex.raw(`
    CREATE TABLE document_access_tokens (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`);
  await knex.raw(
    'CREATE INDEX document_access_tokens_document_idx ON document_access_tokens (organization_id, document_id)',
  );

  // One row per e-mail of a document: queued → sending → sent, or failed (a permanent SMTP rejection, or the
  // retries used up). Transient failures go back to queued with the error kept, and the job retries.
  await knex.raw(`
    CREATE TABLE document_sends (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id),
      trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule', 'billing_run')),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      recipients text[] NOT NULL,
      -- recipients the server refused while it accepted others (the mail went to the rest)
      rejected_recipients text[] NOT NULL DEFAULT '{}',
      einvoice_format text CHECK (einvoice_format IN ('xrechnung-cii', 'xrechnung-ubl', 'zugferd')),
      -- filename, content type, size and SHA-256 of each file the mail carried
      attachments jsonb NOT NULL DEFAULT '[]',
      attempts integer NOT NULL DEFAULT 0,
      last_error_code text,
      last_error text,
      -- the SMTP server's own reply to the last attempt (a bounce's reason is kept here)
      smtp_code integer,
      smtp_response text,
      message_id text,
      access_token_id text REFERENCES document_access_tokens(id),
      -- the portal token in plain text, AES-256-GCM encrypted, only while a retry may still need it; cleared
      -- once the send is sent or failed (only the hash stays, in document_access_tokens)
      access_token_encrypted text,
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      sent_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await knex.raw(
    'CREATE INDEX document_sends_document_idx ON document_sends (organization_id, document_id, id DESC)',
  );
  // the scheduler and billing runs queue a document at most once; a send by hand may repeat one
  await knex.raw(
    "CREATE UNIQUE INDEX document_sends_automatic_idx ON document_sends (organization_id, document_id) WHERE trigger <> 'manual'",
  );
  // one send of a document in flight at a time: two clicks never mail the customer twice
  await knex.raw(
    "CREATE UNIQUE INDEX document_sends_in_flight_idx ON document_sends (organization_id, document_id) WHERE status IN ('queued', 'sending')",
  );
  // the scheduler's sweep: issued documents with a send date that have not gone out
  await knex.raw(
    `CREATE INDEX documents_unsent_idx ON documents (send_date)
       WHERE send_date IS NOT NULL AND sent_at IS NULL AND status IN ('finalized', 'partially_paid', 'paid', 'overdue')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS documents_unsent_idx');
  await knex.raw('DROP TABLE IF EXISTS document_sends');
  await knex.raw('DROP TABLE IF EXISTS document_access_tokens');
  await knex.raw('ALTER TABLE contacts DROP COLUMN IF EXISTS einvoice_format');
}
