import type { Knex } from 'knex';

// Reconciliation (issue 6, item 4; DOMAIN.md §9): what matching decided for a bank transaction. A suggestion
// or an applied match names its rule and its allocations (one transfer may pay several invoices); an applied
// one names the payment it booked, a SEPA return the payment it reversed and the bank's return fee.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE bank_transactions
      ADD COLUMN match_rule text CHECK (match_rule IN ('sepa_reference', 'number_exact', 'number_amount_differs',
        'iban_amount', 'name_amount', 'sepa_return', 'manual')),
      ADD COLUMN match_allocations jsonb,
      ADD COLUMN payment_id text,
      ADD COLUMN return_fee bigint CHECK (return_fee >= 0),
      -- a person said no to the suggestion: the next run does not suggest it again
      ADD COLUMN rejected_suggestion jsonb`);
  // the worker's work list: transactions not decided yet, per organisation
  await knex.raw(
    "CREATE INDEX bank_transactions_open_idx ON bank_transactions (organization_id, id) WHERE status IN ('unmatched', 'suggested')",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS bank_transactions_open_idx');
  await knex.raw(`
    ALTER TABLE bank_transactions
      DROP COLUMN IF EXISTS match_rule,
      DROP COLUMN IF EXISTS match_allocations,
      DROP COLUMN IF EXISTS payment_id,
      DROP COLUMN IF EXISTS return_fee,
      DROP COLUMN IF EXISTS rejected_suggestion`);
}
