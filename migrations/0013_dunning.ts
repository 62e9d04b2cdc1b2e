import type { Knex } from 'knex';

// Dunning (DOMAIN.md §10, docs/dunning.md): the organisation's levels, dunning runs, and the notices (letters)
// they issue with the invoices each covers. Money is bigint minor units. A notice is a business letter, not a
// tax document: its fee and interest are damages without VAT and never become invoice lines.
export async function up(knex: Knex): Promise<void> {
  // One row once an organisation saved its own levels; without it the defaults of DOMAIN.md §10 apply.
  // base_rates: the organisation's own Basiszinssatz entries ([{ validFrom, rate }]) laid over the built-in
  // Bundesbank table (dunning/base-rates.ts), e.g. a half-year published after a release.
  await knex.raw(`
    CREATE TABLE dunning_settings (
      organization_id text PRIMARY KEY REFERENCES organizations(id),
      base_rates jsonb NOT NULL DEFAULT '[]',
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await knex.raw(`
    CREATE TABLE dunning_levels (
      organization_id text NOT NULL REFERENCES dunning_settings(organization_id),
      level integer NOT NULL CHECK (level BETWEEN 1 AND 10),
      name text,
      days_after_due integer NOT NULL CHECK (days_after_due BETWEEN 1 AND 3650),
      fee bigint NOT NULL CHECK (fee >= 0),
      interest boolean NOT NULL,
      PRIMARY KEY (organization_id, level)
    )`);

  await knex.raw(`
    CREATE TABLE dunning_runs (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      as_of date NOT NULL,
      trigger text NOT NULL CHECK (trigger IN ('api', 'schedule')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
      filters jsonb NOT NULL DEFAULT '{}',
      contacts_total integer NOT NULL DEFAULT 0,
      contacts_processed integer NOT NULL DEFAULT 0,
      contacts_failed integer NOT NULL DEFAULT 0,
      notices_created integer NOT NULL DEFAULT 0,
      invoices_dunned integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      failure jsonb,
      started_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await knex.raw('CREATE INDEX dunning_runs_org_id_idx ON dunning_runs (organization_id, id DESC)');
  // one daily run per organisation and day: a second scheduler adds nothing
  await knex.raw(
    "CREATE UNIQUE INDEX dunning_runs_daily_idx ON dunning_runs (organization_id, as_of) WHERE trigger = 'schedule'",
  );

  // The letter: what it claims (totals), the frozen data it was rendered from (seller, buyer, invoices, words'
  // inputs) and the PDF with its SHA-256, so it can be shown again exactly as sent; and its e-mail's state.
  await knex.raw(`
    CREATE TABLE dunning_notices (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      run_id text NOT NULL REFERENCES dunning_runs(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      level integer NOT NULL CHECK (level >= 1),
      title text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at timestamptz,
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      language text NOT NULL,
      customer_type text NOT NULL CHECK (customer_type IN ('business', 'consumer')),
      issue_date date NOT NULL,
      pay_by date NOT NULL,
      fee bigint NOT NULL CHECK (fee >= 0),
      interest_total bigint NOT NULL CHECK (interest_total >= 0),
      open_total bigint NOT NULL CHECK (open_total > 0),
      total bigint NOT NULL,
      data jsonb NOT NULL,
      pdf bytea NOT NULL,
      pdf_sha256 text NOT NULL,
      email_status text NOT NULL CHECK (email_status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
      recipients text[] NOT NULL,
      email_attempts integer NOT NULL DEFAULT 0,
      email_error_code text,
      email_error text,
      smtp_response text,
      message_id text,
      emailed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (total = open_total + interest_total + fee)
    )`);
  await knex.raw('CREATE INDEX dunning_notices_org_id_idx ON dunning_notices (organization_id, id DESC)');
  await knex.raw(
    'CREATE INDEX dunning_notices_contact_idx ON dunning_notices (organization_id, contact_id, id DESC)',
  );
  await knex.raw('CREATE INDEX dunning_notices_run_idx ON dunning_notices (organization_id, run_id)');
  // runs close the open notices whose invoices are all settled
  await knex.raw(
    "CREATE INDEX dunning_notices_open_idx ON dunning_notices (organization_id) WHERE status = 'open'",
  );

  // The invoices a notice covers, with what each owed on the letter's date. The unique key is the rule
  // "never the same level twice for one invoice", kept by the database even against concurrent runs.
  await knex.raw(`
    CREATE TABLE dunning_notice_items (
      organization_id text NOT NULL REFERENCES organizations(id),
      notice_id text NOT NULL REFERENCES dunning_notices(id),
      document_id text NOT NULL REFERENCES documents(id),
      level integer NOT NULL,
      position integer NOT NULL,
      open_amount bigint NOT NULL CHECK (open_amount > 0),
      days_overdue integer NOT NULL,
      interest bigint NOT NULL CHECK (interest >= 0),
      PRIMARY KEY (notice_id, document_id),
      UNIQUE (organization_id, document_id, level)
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS dunning_notice_items');
  await knex.raw('DROP TABLE IF EXISTS dunning_notices');
  await knex.raw('DROP TABLE IF EXISTS dunning_runs');
  await knex.raw('DROP TABLE IF EXISTS dunning_levels');
  await knex.raw('DROP TABLE IF EXISTS dunning_settings');
}
