import type { Knex } from 'knex';

// Reports (issue 7): the MRR metric entries (DOMAIN.md §8) and their monthly sums. Both are derived data —
// reports/service.ts rebuilds a customer's entries inside every contract change's transaction, and a rebuild
// of the whole organisation gives the same rows — so nothing here is a record of its own.
export async function up(knex: Knex): Promise<void> {
  // One row per change of a contract's MRR. The id is derived from (date, contract), so a rebuild keeps ids
  // and the movements list can page by it in date order. No foreign key to contracts: the entries are written
  // while another transaction may hold a contract row FOR UPDATE (a concurrent change of the same customer,
  // waiting for this one's customer lock), and the key check's FOR KEY SHARE would deadlock with it.
  await knex.raw(`
    CREATE TABLE mrr_entries (
      organization_id text NOT NULL REFERENCES organizations(id),
      id text NOT NULL,
      contract_id text NOT NULL,
      contact_id text NOT NULL,
      currency text NOT NULL,
      date date NOT NULL,
      previous bigint NOT NULL,
      change bigint NOT NULL,
      actual bigint NOT NULL CHECK (actual = previous + change),
      initial bigint NOT NULL,
      expansion bigint NOT NULL,
      churn bigint NOT NULL,
      smooth_change bigint NOT NULL,
      movement text CHECK (movement IN ('new', 'expansion', 'contraction', 'churn', 'reactivation')),
      movement_amount bigint NOT NULL DEFAULT 0,
      customer_mrr bigint NOT NULL,
      PRIMARY KEY (organization_id, id)
    )`);
  await knex.raw('CREATE INDEX mrr_entries_contact_idx ON mrr_entries (organization_id, contact_id, id)');
  await knex.raw('CREATE INDEX mrr_entries_contract_idx ON mrr_entries (organization_id, contract_id, id)');

  // The report's storage: per organisation, currency and calendar month, the sums of that month's entries.
  // MRR at a month end is the running sum of `change`, customers the running sum of the customer counts, so
  // a report over any range reads a few hundred rows, however many contracts there are. Kept in step with
  // mrr_entries by the same transaction (differences applied in currency/month order).
  await knex.raw(`
    CREATE TABLE mrr_monthly (
      organization_id text NOT NULL REFERENCES organizations(id),
      currency text NOT NULL,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      change bigint NOT NULL DEFAULT 0,
      new bigint NOT NULL DEFAULT 0,
      expansion bigint NOT NULL DEFAULT 0,
      contraction bigint NOT NULL DEFAULT 0,
      churn bigint NOT NULL DEFAULT 0,
      reactivation bigint NOT NULL DEFAULT 0,
      new_customers integer NOT NULL DEFAULT 0,
      reactivated_customers integer NOT NULL DEFAULT 0,
      churned_customers integer NOT NULL DEFAULT 0,
      PRIMARY KEY (organization_id, currency, month)
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS mrr_monthly');
  await knex.raw('DROP TABLE IF EXISTS mrr_entries');
}
