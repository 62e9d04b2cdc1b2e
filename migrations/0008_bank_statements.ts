import type { Knex } from 'knex';

// Bank statement import (issue 6, DOMAIN.md §9): the statements of uploaded camt.053/.054, MT940 and CSV
// files, and their transactions with everything reconciliation matches on. `dedup_key` is unique per
// organisation, so an entry is never imported twice (see packages/domain/src/bank-statements/dedup.ts).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE bank_statements (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      format text NOT NULL CHECK (format IN ('camt.053', 'camt.054', 'mt940', 'csv')),
      format_version text,
      message_id text,
      reference text,
      sequence_number text,
      account_iban text,
      account_number text,
      account_bic text,
      account_currency text,
      account_owner text,
      bank_created_at timestamptz,
      from_date date,
      to_date date,
      opening_balance_amount bigint,
      opening_balance_currency text,
      opening_balance_date date,
      closing_balance_amount bigint,
      closing_balance_currency text,
      closing_balance_date date,
      transaction_count integer NOT NULL DEFAULT 0,
      imported_count integer NOT NULL DEFAULT 0,
      skipped_count integer NOT NULL DEFAULT 0,
      file_sha256 text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((opening_balance_amount IS NULL) = (opening_balance_currency IS NULL)),
      CHECK ((closing_balance_amount IS NULL) = (closing_balance_currency IS NULL))
    )`);
  await knex.raw('CREATE INDEX bank_statements_org_id_idx ON bank_statements (organization_id, id DESC)');

  await knex.raw(`
    CREATE TABLE bank_transactions (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      -- the statement that first brought the entry; a later overlapping statement skips it
      statement_id text NOT NULL REFERENCES bank_statements(id),
      dedup_key text NOT NULL,
      status text NOT NULL DEFAULT 'unmatched' CHECK (status IN ('unmatched', 'suggested', 'matched', 'ignored')),
      account_iban text,
      account_number text,
      booking_date date NOT NULL,
      value_date date,
      -- signed minor units: credits (money in) positive, debits negative
      amount bigint NOT NULL,
      currency text NOT NULL,
      credit_debit text NOT NULL CHECK (credit_debit IN ('credit', 'debit')),
      reversal boolean NOT NULL DEFAULT false,
      is_return boolean NOT NULL DEFAULT false,
      return_reason_code text,
      counterparty_name text,
      counterparty_iban text,
      counterparty_bic text,
      counterparty_account text,
      remittance_information text,
      structured_reference text,
      end_to_end_id text,
      mandate_reference text,
      creditor_id text,
      bank_reference text,
      customer_reference text,
      transaction_code text,
      proprietary_code text,
      booking_text text,
      original_amount bigint CHECK (original_amount >= 0),
      charges_amount bigint CHECK (charges_amount >= 0),
      -- written by reconciliation: how sure a suggested or applied match is, and why
      match_confidence numeric(4, 3) CHECK (match_confidence BETWEEN 0 AND 1),
      match_reason text,
      matched_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (amount = 0 OR (credit_debit = 'credit') = (amount > 0))
    )`);
  await knex.raw(
    'CREATE UNIQUE INDEX bank_transactions_dedup_idx ON bank_transactions (organization_id, dedup_key)',
  );
  await knex.raw('CREATE INDEX bank_transactions_org_id_idx ON bank_transactions (organization_id, id DESC)');
  await knex.raw(
    'CREATE INDEX bank_transactions_status_idx ON bank_transactions (organization_id, status, id DESC)',
  );
  await knex.raw(
    'CREATE INDEX bank_transactions_statement_idx ON bank_transactions (organization_id, statement_id, id DESC)',
  );
  await knex.raw(
    'CREATE INDEX bank_transactions_booking_idx ON bank_transactions (organization_id, booking_date)',
  );
  // the strongest matches (DOMAIN.md §9): end-to-end id and mandate reference
  await knex.raw(
    'CREATE INDEX bank_transactions_e2e_idx ON bank_transactions (organization_id, end_to_end_id) WHERE end_to_end_id IS NOT NULL',
  );
  await knex.raw(
    'CREATE INDEX bank_transactions_mandate_idx ON bank_transactions (organization_id, mandate_reference) WHERE mandate_reference IS NOT NULL',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS bank_transactions');
  await knex.raw('DROP TABLE IF EXISTS bank_statements');
}
