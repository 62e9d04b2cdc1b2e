import type { Knex } from 'knex';

// Payments (DOMAIN.md §9, issue 6 item 1): payments and refunds, their allocations to invoices, and the
// customer credit balance per contact and currency with its ledger. Money is bigint minor units throughout.
export async function up(knex: Knex): Promise<void> {
  // A refund is a payment in reverse: a row of its own (type 'refund') naming the payment it returns.
  // amount_allocated: payments — what is on invoices now; refunds — what was taken back off invoices.
  // amount_refunded: payments only. What a payment holds beyond both is its unapplied part, which is exactly
  // what it contributes to the contact's credit balance.
  await knex.raw(`
    CREATE TABLE payments (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      type text NOT NULL CHECK (type IN ('payment', 'refund')),
      status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
      -- booked money never loses its payer: a contact with payments cannot be deleted
      contact_id text NOT NULL REFERENCES contacts(id),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      amount bigint NOT NULL CHECK (amount > 0),
      amount_allocated bigint NOT NULL DEFAULT 0,
      amount_refunded bigint NOT NULL DEFAULT 0,
      method text NOT NULL,
      provider text,
      external_id text,
      reference text,
      description text,
      failure_reason text,
      refunded_payment_id text REFERENCES payments(id),
      paid_at timestamptz NOT NULL,
      metadata jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (amount_allocated >= 0 AND amount_refunded >= 0 AND amount_allocated + amount_refunded <= amount),
      CHECK ((type = 'refund') = (refunded_payment_id IS NOT NULL)),
      CHECK (external_id IS NULL OR provider IS NOT NULL),
      -- a provider's callback repeated (Stripe, Mollie, a bank file imported twice) finds the payment it booked;
      -- NULL external ids never collide, so manual payments need none
      UNIQUE (organization_id, provider, external_id)
    )`);
  await knex.raw('CREATE INDEX payments_org_id_idx ON payments (organization_id, id DESC)');
  await knex.raw('CREATE INDEX payments_org_contact_idx ON payments (organization_id, contact_id, id DESC)');
  await knex.raw('CREATE INDEX payments_org_paid_idx ON payments (organization_id, paid_at)');
  await knex.raw(
    'CREATE INDEX payments_refunded_idx ON payments (organization_id, refunded_payment_id) WHERE refunded_payment_id IS NOT NULL',
  );
  // the payments whose money sits in a credit balance, drawn oldest first when the balance is spent
  await knex.raw(`
    CREATE INDEX payments_unapplied_idx ON payments (organization_id, contact_id, currency, id)
      WHERE type = 'payment' AND status = 'succeeded' AND amount_allocated + amount_refunded < amount`);

  // Every movement of money onto or off an invoice, never changed afterwards. amount > 0 puts money on the
  // invoice ('payment' when booked, 'credit_balance' when applied later from the balance); amount < 0 takes it
  // off ('refund' by the refund in payment_id, 'credit_note' when a credit note left the invoice over-paid).
  // source_payment_id is whose money moved, so a payment's allocation per invoice is one sum.
  await knex.raw(`
    CREATE TABLE payment_allocations (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      payment_id text NOT NULL REFERENCES payments(id),
      source_payment_id text NOT NULL REFERENCES payments(id),
      document_id text NOT NULL REFERENCES documents(id),
      kind text NOT NULL CHECK (kind IN ('payment', 'credit_balance', 'refund', 'credit_note')),
      amount bigint NOT NULL CHECK (amount <> 0),
      created_at timestamptz NOT NULL,
      CHECK ((amount > 0) = (kind IN ('payment', 'credit_balance')))
    )`);
  await knex.raw(
    'CREATE INDEX payment_allocations_document_idx ON payment_allocations (organization_id, document_id)',
  );
  await knex.raw(
    'CREATE INDEX payment_allocations_source_idx ON payment_allocations (organization_id, source_payment_id)',
  );
  await knex.raw(
    'CREATE INDEX payment_allocations_payment_idx ON payment_allocations (organization_id, payment_id)',
  );

  // The customer credit balance: one row per contact and currency, locked while it changes (all money
  // movements of one customer and currency queue on it), never negative.
  await knex.raw(`
    CREATE TABLE customer_balances (
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      currency text NOT NULL,
      balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, contact_id, currency)
    )`);
  // ... and its ledger: every change with the balance after it.
  await knex.raw(`
    CREATE TABLE customer_balance_transactions (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      currency text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('overpayment', 'applied', 'refunded', 'released')),
      amount bigint NOT NULL CHECK (amount <> 0),
      balance_after bigint NOT NULL CHECK (balance_after >= 0),
      payment_id text NOT NULL REFERENCES payments(id),
      document_id text REFERENCES documents(id),
      created_at timestamptz NOT NULL
    )`);
  await knex.raw(
    'CREATE INDEX customer_balance_tx_contact_idx ON customer_balance_transactions (organization_id, contact_id, id DESC)',
  );

  // Credit notes reduce what an invoice's buyer owes (docs/payments.md): the sum of the issued credit notes
  // referring to an invoice, kept on it. A life-cycle column like amount_paid, so the GoBD trigger of 0003
  // (which lists the content columns) leaves it writable.
  await knex.raw('ALTER TABLE documents ADD COLUMN amount_credited bigint NOT NULL DEFAULT 0');
  await knex.raw(`
    UPDATE documents i SET amount_credited = c.credited
      FROM (SELECT organization_id, preceding_document_id AS id, -sum(gross_total) AS credited
              FROM documents WHERE type = 'credit_note' AND status <> 'draft' AND preceding_document_id IS NOT NULL
             GROUP BY 1, 2) c
     WHERE i.organization_id = c.organization_id AND i.id = c.id`);
  // the open invoices of a contact, which automatic allocation walks
  await knex.raw(`
    CREATE INDEX documents_open_receivables_idx ON documents (organization_id, contact_id, currency)
      WHERE type IN ('invoice', 'corrected_invoice') AND status IN ('finalized', 'sent', 'partially_paid', 'overdue')`);

  // Books are kept, not edited: allocations and the balance ledger are append-only; a payment's amounts,
  // parties and provenance never change (only its status and time — a failed attempt a provider later reports
  // successful — what it is allocated to and how much was refunded).
  await knex.raw(`
    CREATE FUNCTION payments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only (books are kept, not edited)', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END $$`);
  for (const table of ['payment_allocations', 'customer_balance_transactions']) {
    await knex.raw(
      `CREATE TRIGGER ${table}_guard BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION payments_append_only()`,
    );
  }
  await knex.raw(`
    CREATE FUNCTION payments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payment % is booked and cannot be deleted', OLD.id USING ERRCODE = 'P0001';
      END IF;
      IF (NEW.organization_id, NEW.type, NEW.contact_id, NEW.currency, NEW.amount, NEW.method,
          NEW.provider, NEW.external_id, NEW.refunded_payment_id, NEW.created_at)
         IS DISTINCT FROM
         (OLD.organization_id, OLD.type, OLD.contact_id, OLD.currency, OLD.amount, OLD.method,
          OLD.provider, OLD.external_id, OLD.refunded_payment_id, OLD.created_at) THEN
        RAISE EXCEPTION 'payment % is booked and its amount, parties and provenance are immutable', OLD.id
          USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(
    'CREATE TRIGGER payments_guard BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_guard()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS documents_open_receivables_idx');
  await knex.raw('ALTER TABLE documents DROP COLUMN IF EXISTS amount_credited');
  await knex.raw('DROP TABLE IF EXISTS customer_balance_transactions');
  await knex.raw('DROP TABLE IF EXISTS customer_balances');
  await knex.raw('DROP TABLE IF EXISTS payment_allocations');
  await knex.raw('DROP TABLE IF EXISTS payments');
  await knex.raw('DROP FUNCTION IF EXISTS payments_append_only()');
  await knex.raw('DROP FUNCTION IF EXISTS payments_guard()');
}
