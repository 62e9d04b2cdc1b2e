import type { Knex } from 'knex';

// Online payment through payment service providers (issue 6 item 2, docs/online-payments.md): each
// organisation's Stripe and Mollie credentials, and the payment links (Stripe Checkout Sessions, Mollie
// payments) created for its invoices. Booking the money is the payments core's (0007): a link's provider
// object id is the external id of the payment it books, so no payment id is kept here.
export async function up(knex: Knex): Promise<void> {
  // Credentials are encrypted at rest (crypto/secrets.ts, AES-256-GCM bound to the organisation and the
  // column); the *_hint columns hold the masked form the API shows (`sk_test_…4242`), so a read never
  // decrypts. Stripe needs a secret key and the webhook signing secret; Mollie an API key (its webhooks are
  // verified by fetching the payment again, not by a signature).
  await knex.raw(`
    CREATE TABLE payment_provider_settings (
      organization_id text NOT NULL REFERENCES organizations(id),
      provider text NOT NULL CHECK (provider IN ('stripe', 'mollie')),
      is_default boolean NOT NULL DEFAULT false,
      livemode boolean NOT NULL,
      secret_key_encrypted text NOT NULL,
      secret_key_hint text NOT NULL,
      webhook_secret_encrypted text,
      webhook_secret_hint text,
      return_url text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, provider),
      CHECK (provider = 'stripe' OR webhook_secret_encrypted IS NULL),
      CHECK ((webhook_secret_encrypted IS NULL) = (webhook_secret_hint IS NULL))
    )`);
  // the provider a payment link uses when the caller names none: at most one per organisation
  await knex.raw(
    'CREATE UNIQUE INDEX payment_provider_settings_default_idx ON payment_provider_settings (organization_id) WHERE is_default',
  );

  // One row per checkout created at a provider. amount is the invoice's open amount when the link was made.
  // (provider, provider_object_id) is unique across organisations: an unauthenticated callback names only
  // the provider's id, and this row is how it finds the organisation (and so the key that verifies it).
  await knex.raw(`
    CREATE TABLE payment_links (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      document_id text NOT NULL REFERENCES documents(id),
      provider text NOT NULL CHECK (provider IN ('stripe', 'mollie')),
      provider_object_id text NOT NULL,
      livemode boolean NOT NULL,
      url text NOT NULL,
      return_url text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'processing', 'paid', 'failed', 'expired', 'canceled')),
      provider_status text,
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      amount bigint NOT NULL CHECK (amount > 0),
      expires_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (provider, provider_object_id)
    )`);
  await knex.raw('CREATE INDEX payment_links_org_id_idx ON payment_links (organization_id, id DESC)');
  await knex.raw(
    'CREATE INDEX payment_links_document_idx ON payment_links (organization_id, document_id, id DESC)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS payment_links');
  await knex.raw('DROP TABLE IF EXISTS payment_provider_settings');
}
