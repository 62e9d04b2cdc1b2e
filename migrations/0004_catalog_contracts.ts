import type { Knex } from 'knex';

// Catalog, contracts and billing runs (issue 4): articles, contracts with their items, scheduled price changes,
// pauses, installment plans and one-off charges; billing runs with their batches; and `billed_periods`, the key
// that makes billing idempotent. Also the sandbox test clock and the contact's collective-invoice flag.
export async function up(knex: Knex): Promise<void> {
  // A sandbox may freeze and move its own time (test clock); NULL follows the system clock. Production
  // organisations never have one.
  await knex.raw(`
    ALTER TABLE organizations
      ADD COLUMN clock_time timestamptz,
      ADD CONSTRAINT organizations_clock_sandbox_only CHECK (clock_time IS NULL OR is_sandbox)`);

  // Sammelrechnung: all due items of the contact's contracts become one invoice per currency and run.
  await knex.raw('ALTER TABLE contacts ADD COLUMN collective_invoicing boolean NOT NULL DEFAULT false');

  await knex.raw(`
    CREATE TABLE articles (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      number text NOT NULL,
      name text NOT NULL,
      description text,
      -- UN/ECE Recommendation 20 (C62 one, HUR hour, MON month …), as on the invoice line (BT-130)
      unit_code text NOT NULL DEFAULT 'C62',
      tax_rate_kind text NOT NULL DEFAULT 'standard'
        CHECK (tax_rate_kind IN ('standard', 'reduced', 'second_reduced', 'super_reduced', 'zero')),
      supply_kind text NOT NULL DEFAULT 'services' CHECK (supply_kind IN ('goods', 'services')),
      currency text NOT NULL,
      -- flat | per_unit | graduated | volume, checked by billing/pricing.checkPriceModel before it is written
      price_model jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      metadata jsonb NOT NULL DEFAULT '{}',
      external_id text,
      source text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, number)
    )`);
  await knex.raw('CREATE INDEX articles_org_id_idx ON articles (organization_id, id DESC)');
  await knex.raw(
    'CREATE UNIQUE INDEX articles_external_idx ON articles (organization_id, source, external_id) WHERE external_id IS NOT NULL',
  );

  await knex.raw(`
    CREATE TABLE contracts (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contact_id text NOT NULL REFERENCES contacts(id),
      description text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled', 'ended')),
      currency text NOT NULL,
      interval_months integer NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
      timing text NOT NULL CHECK (timing IN ('in_advance', 'in_arrears')),
      start_date date NOT NULL,
      end_date date CHECK (end_date IS NULL OR end_date >= start_date),
      billing_anchor_day smallint CHECK (billing_anchor_day BETWEEN 1 AND 31),
      minimum_term_months integer NOT NULL DEFAULT 0,
      notice_period_amount integer,
      notice_period_unit text CHECK (notice_period_unit IN ('days', 'months')),
      renewal_term_months integer,
      proration text NOT NULL DEFAULT 'none' CHECK (proration IN ('none', 'daily')),
      change_timing text NOT NULL DEFAULT 'next_period' CHECK (change_timing IN ('next_period', 'immediate_prorated')),
      payment_method text,
      collective boolean NOT NULL DEFAULT false,
      auto_send boolean NOT NULL DEFAULT false,
      -- what cancelling computed (received on, end date, notice end, term end, renewals): billing/terms
      cancellation jsonb,
      cancelled_at timestamptz,
      ended_at timestamptz,
      metadata jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw('CREATE INDEX contracts_org_id_idx ON contracts (organization_id, id DESC)');
  await knex.raw('CREATE INDEX contracts_org_contact_idx ON contracts (organization_id, contact_id)');

  // Item versions: a change that applies from the next period ends the old row the day before and starts a
  // new one, so every period is priced by the items in force on its first day.
  await knex.raw(`
    CREATE TABLE contract_items (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      position integer NOT NULL,
      article_id text REFERENCES articles(id),
      name text NOT NULL,
      description text,
      quantity numeric NOT NULL CHECK (quantity >= 0),
      unit_code text NOT NULL DEFAULT 'C62',
      -- the article's price when the item was added, or the override: article price edits never reprice
      -- running contracts (that is what announced price changes are for)
      price_model jsonb NOT NULL,
      price_overridden boolean NOT NULL DEFAULT false,
      discount_percent numeric CHECK (discount_percent BETWEEN 0 AND 100),
      tax_rate_kind text NOT NULL DEFAULT 'standard',
      supply_kind text NOT NULL DEFAULT 'services' CHECK (supply_kind IN ('goods', 'services')),
      starts_on date,
      ends_on date,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX contract_items_contract_idx ON contract_items (organization_id, contract_id, position)',
  );

  await knex.raw(`
    CREATE TABLE contract_price_changes (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      -- NULL: every item of the contract (percentage changes only)
      contract_item_id text REFERENCES contract_items(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('new_price', 'percent')),
      price_model jsonb,
      percent numeric,
      effective_date date NOT NULL,
      announced_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'new_price') = (price_model IS NOT NULL)),
      CHECK ((kind = 'percent') = (percent IS NOT NULL)),
      CHECK (kind = 'percent' OR contract_item_id IS NOT NULL)
    )`);
  await knex.raw(
    'CREATE INDEX contract_price_changes_contract_idx ON contract_price_changes (organization_id, contract_id)',
  );

  await knex.raw(`
    CREATE TABLE contract_pauses (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      starts_on date NOT NULL,
      ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX contract_pauses_contract_idx ON contract_pauses (organization_id, contract_id)',
  );
  // at most one open pause per contract
  await knex.raw(
    'CREATE UNIQUE INDEX contract_pauses_open_idx ON contract_pauses (organization_id, contract_id) WHERE ends_on IS NULL',
  );

  await knex.raw(`
    CREATE TABLE contract_installment_plans (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      name text NOT NULL,
      total bigint NOT NULL CHECK (total > 0),
      count integer NOT NULL CHECK (count BETWEEN 1 AND 120),
      interval_months integer NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
      first_due_on date NOT NULL,
      tax_rate_kind text NOT NULL DEFAULT 'standard',
      supply_kind text NOT NULL DEFAULT 'services' CHECK (supply_kind IN ('goods', 'services')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX contract_installment_plans_contract_idx ON contract_installment_plans (organization_id, contract_id)',
  );

  // One-off amounts a billing run invoices once they are due: installments, and the credit/charge of an
  // immediate prorated change. `billed_at` is claimed with UPDATE … WHERE billed_at IS NULL (billed once).
  await knex.raw(`
    CREATE TABLE contract_charges (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      installment_plan_id text REFERENCES contract_installment_plans(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('installment', 'proration_credit', 'proration_charge')),
      name text NOT NULL,
      amount bigint NOT NULL,
      due_on date NOT NULL,
      period_start date,
      period_end date,
      tax_rate_kind text NOT NULL DEFAULT 'standard',
      supply_kind text NOT NULL DEFAULT 'services' CHECK (supply_kind IN ('goods', 'services')),
      billed_at timestamptz,
      billing_run_id text,
      document_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX contract_charges_open_idx ON contract_charges (organization_id, contract_id, due_on) WHERE billed_at IS NULL',
  );

  await knex.raw(`
    CREATE TABLE billing_runs (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      as_of date NOT NULL,
      mode text NOT NULL CHECK (mode IN ('draft', 'finalize', 'finalize_and_send')),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'cancelling', 'completed', 'cancelled', 'failed')),
      trigger text NOT NULL DEFAULT 'api' CHECK (trigger IN ('api', 'schedule')),
      filters jsonb NOT NULL DEFAULT '{}',
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      invoices_created integer NOT NULL DEFAULT 0,
      batches_total integer NOT NULL DEFAULT 0,
      batches_done integer NOT NULL DEFAULT 0,
      -- the first per-contract errors ({ contractId, code, message }); \`failed\` counts all of them
      errors jsonb NOT NULL DEFAULT '[]',
      failure jsonb,
      cancel_requested boolean NOT NULL DEFAULT false,
      started_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw('CREATE INDEX billing_runs_org_id_idx ON billing_runs (organization_id, id DESC)');
  // the daily cron starts at most one scheduled run per organisation and day
  await knex.raw(
    "CREATE UNIQUE INDEX billing_runs_scheduled_idx ON billing_runs (organization_id, as_of) WHERE trigger = 'schedule'",
  );

  // A run's slices of contracts. The row is claimed at the start of the batch transaction and marked done in
  // it, so a batch whose job is re-run after its commit (a worker dying between commit and job completion)
  // does nothing the second time.
  await knex.raw(`
    CREATE TABLE billing_run_batches (
      organization_id text NOT NULL REFERENCES organizations(id),
      billing_run_id text NOT NULL REFERENCES billing_runs(id) ON DELETE CASCADE,
      batch integer NOT NULL,
      contract_ids text[] NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'skipped', 'failed')),
      processed integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      invoices_created integer NOT NULL DEFAULT 0,
      completed_at timestamptz,
      PRIMARY KEY (organization_id, billing_run_id, batch)
    )`);

  // THE idempotency guard (DOMAIN.md §6): a contract period is billed at most once. Batches insert their
  // periods with ON CONFLICT DO NOTHING and bill only those whose insert succeeded, so concurrent runs and
  // retried batches can never bill a period twice. `document_id` is NULL for a period that cost nothing.
  await knex.raw(`
    CREATE TABLE billed_periods (
      organization_id text NOT NULL REFERENCES organizations(id),
      contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      period_start date NOT NULL,
      period_end date NOT NULL,
      billing_run_id text,
      document_id text,
      -- The planner's hint, written with the key at no extra cost: the earliest day anything of the contract
      -- is due after this billing, valid while the contract is at this version (every change bumps it). A
      -- run skips a contract whose latest key says "nothing before <date>" for an unchanged contract.
      next_due_on date NOT NULL,
      contract_version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, contract_id, period_start)
    )`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'billed_periods',
    'billing_run_batches',
    'billing_runs',
    'contract_charges',
    'contract_installment_plans',
    'contract_pauses',
    'contract_price_changes',
    'contract_items',
    'contracts',
    'articles',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('ALTER TABLE contacts DROP COLUMN IF EXISTS collective_invoicing');
  await knex.raw('ALTER TABLE organizations DROP CONSTRAINT IF EXISTS organizations_clock_sandbox_only');
  await knex.raw('ALTER TABLE organizations DROP COLUMN IF EXISTS clock_time');
}
