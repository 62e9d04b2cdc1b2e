import type { Knex } from 'knex';

// Every tenant-owned table carries organization_id and leads its keys and indexes with it, so each query is
// scoped by an index prefix and the schema can later be distributed by organization_id (Citus).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');

  await knex.raw(`
    CREATE TABLE organizations (
      id text PRIMARY KEY,
      legal_name text NOT NULL,
      address jsonb,
      email text,
      phone text,
      website text,
      vat_id text,
      tax_number text,
      sepa_creditor_id text,
      bank_account jsonb,
      payment_terms_days integer NOT NULL DEFAULT 14,
      locale text NOT NULL DEFAULT 'de-DE',
      currency text NOT NULL DEFAULT 'EUR',
      timezone text NOT NULL DEFAULT 'Europe/Berlin',
      number_formats jsonb NOT NULL DEFAULT '{}',
      branding jsonb NOT NULL DEFAULT '{}',
      small_business boolean NOT NULL DEFAULT false,
      is_sandbox boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

  await knex.raw(`
    CREATE TABLE api_keys (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      -- the secret is never stored: only its SHA-256 (keys carry 192 random bits, so no slow hash is needed)
      secret_hash bytea NOT NULL UNIQUE,
      secret_hint text NOT NULL,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`);
  await knex.raw('CREATE INDEX api_keys_org_idx ON api_keys (organization_id, id)');

  // Number ranges: one counter row per organisation and range (customer numbers, later document numbers
  // per type and year). Taken with a row lock inside the writing transaction, so numbers are gap-free.
  await knex.raw(`
    CREATE TABLE number_ranges (
      organization_id text NOT NULL REFERENCES organizations(id),
      range_key text NOT NULL,
      next_value bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (organization_id, range_key)
    )`);

  await knex.raw(`
    CREATE TABLE contact_groups (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`);

  await knex.raw(`
    CREATE TABLE contacts (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('person', 'company')),
      customer_number text NOT NULL,
      company_name text,
      salutation text,
      first_name text,
      last_name text,
      display_name text NOT NULL,
      emails jsonb NOT NULL DEFAULT '[]',
      phones jsonb NOT NULL DEFAULT '[]',
      billing_address jsonb,
      addresses jsonb NOT NULL DEFAULT '[]',
      vat_id text,
      tax_number text,
      buyer_reference text,
      language text NOT NULL DEFAULT 'de',
      currency text NOT NULL DEFAULT 'EUR',
      payment_terms_days integer,
      preferred_payment_method text,
      tags text[] NOT NULL DEFAULT '{}',
      notes text,
      metadata jsonb NOT NULL DEFAULT '{}',
      external_id text,
      source text,
      archived_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (
        lower(coalesce(display_name, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(first_name, '')
          || ' ' || coalesce(last_name, '') || ' ' || customer_number || ' ' || coalesce(vat_id, '') || ' '
          || coalesce(billing_address->>'city', '') || ' ' || jsonb_path_query_array(emails, '$[*].email')::text)
      ) STORED,
      UNIQUE (organization_id, customer_number)
    )`);
  await knex.raw('CREATE INDEX contacts_org_id_idx ON contacts (organization_id, id DESC)');
  await knex.raw('CREATE INDEX contacts_org_updated_idx ON contacts (organization_id, updated_at)');
  await knex.raw('CREATE INDEX contacts_search_idx ON contacts USING gin (search_text gin_trgm_ops)');
  await knex.raw('CREATE INDEX contacts_tags_idx ON contacts USING gin (tags)');
  await knex.raw(
    'CREATE UNIQUE INDEX contacts_external_idx ON contacts (organization_id, source, external_id) WHERE external_id IS NOT NULL',
  );

  await knex.raw(`
    CREATE TABLE contact_group_members (
      organization_id text NOT NULL REFERENCES organizations(id),
      group_id text NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
      contact_id text NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (organization_id, contact_id, group_id)
    )`);
  await knex.raw(
    'CREATE INDEX contact_group_members_group_idx ON contact_group_members (organization_id, group_id)',
  );

  await knex.raw(`
    CREATE TABLE contact_bank_accounts (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      iban text NOT NULL,
      bic text,
      account_holder text,
      is_default boolean NOT NULL DEFAULT false,
      position integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX contact_bank_accounts_contact_idx ON contact_bank_accounts (organization_id, contact_id)',
  );
  await knex.raw(
    'CREATE INDEX contact_bank_accounts_iban_idx ON contact_bank_accounts (organization_id, iban)',
  );

  await knex.raw(`
    CREATE TABLE sepa_mandates (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      reference text NOT NULL,
      signed_on date NOT NULL,
      scheme text NOT NULL CHECK (scheme IN ('CORE', 'B2B')),
      sequence_type text NOT NULL CHECK (sequence_type IN ('FRST', 'RCUR', 'OOFF')),
      iban text NOT NULL,
      bic text,
      account_holder text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'expired')),
      last_used_on date,
      pre_notification_days integer,
      position integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, reference)
    )`);
  await knex.raw('CREATE INDEX sepa_mandates_contact_idx ON sepa_mandates (organization_id, contact_id)');

  // The head of every issued or draft document (invoice, credit note, quote, ...). The documents issue adds
  // lines, totals and snapshots; contacts need it now to refuse deleting a contact that has documents.
  await knex.raw(`
    CREATE TABLE documents (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      type text NOT NULL,
      status text NOT NULL,
      number text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw('CREATE INDEX documents_org_contact_idx ON documents (organization_id, contact_id)');

  // The transactional outbox: written in the same transaction as the change it describes.
  await knex.raw(`
    CREATE TABLE events (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      type text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      data jsonb NOT NULL,
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw('CREATE INDEX events_org_id_idx ON events (organization_id, id DESC)');
  await knex.raw('CREATE INDEX events_org_type_idx ON events (organization_id, type, id DESC)');
  await knex.raw('CREATE INDEX events_org_created_idx ON events (organization_id, created_at)');

  await knex.raw(`
    CREATE TABLE idempotency_keys (
      organization_id text NOT NULL REFERENCES organizations(id),
      key text NOT NULL,
      request_hash bytea NOT NULL,
      status text NOT NULL CHECK (status IN ('in_flight', 'completed')),
      response_status integer,
      response_headers jsonb,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, key)
    )`);
  await knex.raw('CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'events',
    'documents',
    'sepa_mandates',
    'contact_bank_accounts',
    'contact_group_members',
    'contacts',
    'contact_groups',
    'number_ranges',
    'api_keys',
    'organizations',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
