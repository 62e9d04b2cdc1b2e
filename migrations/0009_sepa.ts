import type { Knex } from 'knex';

// SEPA direct debit collections (issue 6, item 3; DOMAIN.md §9): a collection is one pain.008.001.08 file,
// its items one invoice each. Mandates already carry their usage (last_used_on, sequence_type, status) since
// 0001; this adds the index the daily expiry sweep reads.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE sepa_collections (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      status text NOT NULL CHECK (status IN ('pending', 'submitted', 'cancelled')),
      message_id text NOT NULL,
      currency text NOT NULL DEFAULT 'EUR',
      item_count integer NOT NULL CHECK (item_count > 0),
      control_sum bigint NOT NULL CHECK (control_sum > 0),
      -- the organisation as creditor at creation (name, IBAN, BIC, creditor id, address): the file is the same
      -- bytes every time it is downloaded, whatever the settings say later
      creditor jsonb NOT NULL,
      filters jsonb NOT NULL,
      skipped jsonb NOT NULL DEFAULT '[]',
      truncated boolean NOT NULL DEFAULT false,
      submitted_at timestamptz,
      cancelled_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (organization_id, message_id)
    )`);
  await knex.raw('CREATE INDEX sepa_collections_org_id_idx ON sepa_collections (organization_id, id DESC)');
  await knex.raw(
    'CREATE INDEX sepa_collections_org_status_idx ON sepa_collections (organization_id, status, id DESC)',
  );

  await knex.raw(`
    CREATE TABLE sepa_collection_items (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      collection_id text NOT NULL REFERENCES sepa_collections(id),
      position integer NOT NULL,
      document_id text NOT NULL REFERENCES documents(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      -- no foreign key: a contact may drop a mandate later; the item keeps what the file said
      mandate_id text NOT NULL,
      mandate_reference text NOT NULL,
      mandate_signed_on date NOT NULL,
      scheme text NOT NULL CHECK (scheme IN ('CORE', 'B2B')),
      sequence_type text NOT NULL CHECK (sequence_type IN ('FRST', 'RCUR', 'OOFF')),
      amount bigint NOT NULL CHECK (amount > 0),
      currency text NOT NULL,
      collection_date date NOT NULL,
      end_to_end_id text NOT NULL,
      debtor jsonb NOT NULL,
      remittance text NOT NULL,
      pre_notification jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'submitted', 'returned', 'cancelled')),
      return_reason text,
      returned_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (collection_id, position),
      -- bank statements report it back: matching a debit or a return is one index look-up
      UNIQUE (organization_id, end_to_end_id)
    )`);
  // An invoice is in at most one live collection: a second collection can never debit it twice, even when
  // two are created at the same moment.
  await knex.raw(`
    CREATE UNIQUE INDEX sepa_collection_items_live_idx ON sepa_collection_items (organization_id, document_id)
      WHERE status IN ('pending', 'submitted')`);
  await knex.raw(
    'CREATE INDEX sepa_collection_items_collection_idx ON sepa_collection_items (organization_id, collection_id, position)',
  );
  await knex.raw(
    'CREATE INDEX sepa_collection_items_document_idx ON sepa_collection_items (organization_id, document_id)',
  );
  await knex.raw(
    'CREATE INDEX sepa_collection_items_contact_idx ON sepa_collection_items (organization_id, contact_id)',
  );
  await knex.raw(`
    CREATE INDEX sepa_collection_items_mandate_idx ON sepa_collection_items (organization_id, mandate_id)
      WHERE status IN ('pending', 'submitted')`);

  // the daily sweep looks for active mandates whose last use (or signature) is 36 months old
  await knex.raw(`
    CREATE INDEX sepa_mandates_lapse_idx ON sepa_mandates ((coalesce(last_used_on, signed_on)))
      WHERE status = 'active'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS sepa_mandates_lapse_idx');
  await knex.raw('DROP TABLE IF EXISTS sepa_collection_items');
  await knex.raw('DROP TABLE IF EXISTS sepa_collections');
}
