import { type Ctx, scoped } from '../context';
import { applyCursor } from '../pagination';
import type { StatementFormat } from './parse/index';
import type {
  BankStatement,
  BankStatementListQuery,
  BankTransaction,
  BankTransactionListQuery,
  BankTransactionStatus,
  MatchRuleName,
} from './types';

export interface StatementRow {
  id: string;
  organization_id: string;
  format: StatementFormat;
  format_version: string | null;
  message_id: string | null;
  reference: string | null;
  sequence_number: string | null;
  account_iban: string | null;
  account_number: string | null;
  account_bic: string | null;
  account_currency: string | null;
  account_owner: string | null;
  bank_created_at: Date | null;
  from_date: string | null;
  to_date: string | null;
  opening_balance_amount: number | null;
  opening_balance_currency: string | null;
  opening_balance_date: string | null;
  closing_balance_amount: number | null;
  closing_balance_currency: string | null;
  closing_balance_date: string | null;
  transaction_count: number;
  imported_count: number;
  skipped_count: number;
  file_sha256: string;
  created_at: Date;
}

export interface TransactionRow {
  id: string;
  organization_id: string;
  statement_id: string;
  status: BankTransactionStatus;
  account_iban: string | null;
  account_number: string | null;
  booking_date: string;
  value_date: string | null;
  amount: number;
  currency: string;
  credit_debit: 'credit' | 'debit';
  reversal: boolean;
  is_return: boolean;
  return_reason_code: string | null;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  counterparty_bic: string | null;
  counterparty_account: string | null;
  remittance_information: string | null;
  structured_reference: string | null;
  end_to_end_id: string | null;
  mandate_reference: string | null;
  creditor_id: string | null;
  bank_reference: string | null;
  customer_reference: string | null;
  transaction_code: string | null;
  proprietary_code: string | null;
  booking_text: string | null;
  original_amount: number | null;
  charges_amount: number | null;
  match_confidence: string | null;
  match_reason: string | null;
  matched_at: Date | null;
  match_rule: MatchRuleName | null;
  match_allocations: { invoiceId: string; amount: number }[] | null;
  payment_id: string | null;
  return_fee: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const STATEMENT_COLUMNS = [
  'id',
  'organization_id',
  'format',
  'format_version',
  'message_id',
  'reference',
  'sequence_number',
  'account_iban',
  'account_number',
  'account_bic',
  'account_currency',
  'account_owner',
  'bank_created_at',
  'from_date',
  'to_date',
  'opening_balance_amount',
  'opening_balance_currency',
  'opening_balance_date',
  'closing_balance_amount',
  'closing_balance_currency',
  'closing_balance_date',
  'transaction_count',
  'imported_count',
  'skipped_count',
  'file_sha256',
  'created_at',
];

/** Every column but the de-duplication key, which is internal. */
const TRANSACTION_COLUMNS = [
  'id',
  'organization_id',
  'statement_id',
  'status',
  'account_iban',
  'account_number',
  'booking_date',
  'value_date',
  'amount',
  'currency',
  'credit_debit',
  'reversal',
  'is_return',
  'return_reason_code',
  'counterparty_name',
  'counterparty_iban',
  'counterparty_bic',
  'counterparty_account',
  'remittance_information',
  'structured_reference',
  'end_to_end_id',
  'mandate_reference',
  'creditor_id',
  'bank_reference',
  'customer_reference',
  'transaction_code',
  'proprietary_code',
  'booking_text',
  'original_amount',
  'charges_amount',
  'match_confidence',
  'match_reason',
  'matched_at',
  'match_rule',
  'match_allocations',
  'payment_id',
  'return_fee',
  'version',
  'created_at',
  'updated_at',
];

export function toStatement(row: StatementRow): BankStatement {
  return {
    id: row.id,
    format: row.format,
    formatVersion: row.format_version,
    messageId: row.message_id,
    reference: row.reference,
    sequenceNumber: row.sequence_number,
    account: {
      iban: row.account_iban,
      number: row.account_number,
      bic: row.account_bic,
      currency: row.account_currency,
      owner: row.account_owner,
    },
    bankCreatedAt: row.bank_created_at?.toISOString() ?? null,
    fromDate: row.from_date,
    toDate: row.to_date,
    openingBalance:
      row.opening_balance_amount === null
        ? null
        : {
            amount: row.opening_balance_amount,
            currency: row.opening_balance_currency!,
            date: row.opening_balance_date,
          },
    closingBalance:
      row.closing_balance_amount === null
        ? null
        : {
            amount: row.closing_balance_amount,
            currency: row.closing_balance_currency!,
            date: row.closing_balance_date,
          },
    transactionCount: row.transaction_count,
    importedCount: row.imported_count,
    skippedCount: row.skipped_count,
    fileSha256: row.file_sha256,
    createdAt: row.created_at.toISOString(),
  };
}

export function toTransaction(row: TransactionRow): BankTransaction {
  return {
    id: row.id,
    statementId: row.statement_id,
    status: row.status,
    accountIban: row.account_iban,
    accountNumber: row.account_number,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    amount: row.amount,
    currency: row.currency,
    creditDebit: row.credit_debit,
    reversal: row.reversal,
    isReturn: row.is_return,
    returnReasonCode: row.return_reason_code,
    counterpartyName: row.counterparty_name,
    counterpartyIban: row.counterparty_iban,
    counterpartyBic: row.counterparty_bic,
    counterpartyAccount: row.counterparty_account,
    remittanceInformation: row.remittance_information,
    structuredReference: row.structured_reference,
    endToEndId: row.end_to_end_id,
    mandateReference: row.mandate_reference,
    creditorId: row.creditor_id,
    bankReference: row.bank_reference,
    customerReference: row.customer_reference,
    transactionCode: row.transaction_code,
    proprietaryCode: row.proprietary_code,
    bookingText: row.booking_text,
    originalAmount: row.original_amount,
    chargesAmount: row.charges_amount,
    matchConfidence: row.match_confidence,
    matchReason: row.match_reason,
    matchedAt: row.matched_at?.toISOString() ?? null,
    matchRule: row.match_rule,
    matchAllocations: row.match_allocations,
    paymentId: row.payment_id,
    returnFee: row.return_fee === null ? null : Number(row.return_fee),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertStatement(ctx: Ctx, row: StatementRow): Promise<void> {
  await ctx.db('bank_statements').insert(row);
}

/** Rows per INSERT: 36 columns each stays far under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1000;

/**
 * Inserts transactions, skipping every one whose de-duplication key the organisation already has (also one
 * a concurrent import is inserting: the unique index makes the second wait for the first and then skip).
 * Returns the ids of the rows actually inserted.
 */
export async function insertTransactions(
  ctx: Ctx,
  rows: readonly (TransactionRow & { dedup_key: string })[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted: { id: string }[] = await ctx
      .db('bank_transactions')
      .insert(rows.slice(i, i + INSERT_CHUNK))
      .onConflict(['organization_id', 'dedup_key'])
      .ignore()
      .returning('id');
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function updateStatementCounts(
  ctx: Ctx,
  id: string,
  counts: { imported: number; skipped: number },
): Promise<StatementRow> {
  const [row] = await scoped(ctx, 'bank_statements')
    .where('id', id)
    .update({ imported_count: counts.imported, skipped_count: counts.skipped })
    .returning(STATEMENT_COLUMNS);
  return row as StatementRow;
}

export async function findStatement(ctx: Ctx, id: string): Promise<StatementRow | undefined> {
  return scoped(ctx, 'bank_statements').select(STATEMENT_COLUMNS).where('id', id).first();
}

export async function listStatements(ctx: Ctx, query: BankStatementListQuery): Promise<StatementRow[]> {
  const q = scoped(ctx, 'bank_statements').select(STATEMENT_COLUMNS);
  if (query.accountIban) q.where('account_iban', query.accountIban.replace(/\s+/g, '').toUpperCase());
  if (query.createdGte) q.where('created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('created_at', '<=', query.createdLte);
  return applyCursor(q, query);
}

export async function findTransaction(ctx: Ctx, id: string): Promise<TransactionRow | undefined> {
  return scoped(ctx, 'bank_transactions').select(TRANSACTION_COLUMNS).where('id', id).first();
}

export async function listTransactions(ctx: Ctx, query: BankTransactionListQuery): Promise<TransactionRow[]> {
  const q = scoped(ctx, 'bank_transactions').select(TRANSACTION_COLUMNS);
  if (query.status) q.where('status', query.status);
  if (query.statementId) q.where('statement_id', query.statementId);
  if (query.bookingDateGte) q.where('booking_date', '>=', query.bookingDateGte);
  if (query.bookingDateLte) q.where('booking_date', '<=', query.bookingDateLte);
  if (query.amountGte !== undefined) q.where('amount', '>=', query.amountGte);
  if (query.amountLte !== undefined) q.where('amount', '<=', query.amountLte);
  if (query.creditDebit) q.where('credit_debit', query.creditDebit);
  if (query.currency) q.where('currency', query.currency);
  return applyCursor(q, query);
}
