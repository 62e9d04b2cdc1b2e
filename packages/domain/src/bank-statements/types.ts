import type { PageQuery } from '../pagination';
import type { CsvOptions, FormatHint, ParseWarning, StatementFormat } from './parse/index';

export const MATCH_RULE_NAMES = [
  'sepa_reference',
  'number_exact',
  'number_amount_differs',
  'iban_amount',
  'name_amount',
  'sepa_return',
  'manual',
] as const;
export type MatchRuleName = (typeof MATCH_RULE_NAMES)[number];

export const BANK_TRANSACTION_STATUSES = ['unmatched', 'suggested', 'matched', 'ignored'] as const;
export type BankTransactionStatus = (typeof BANK_TRANSACTION_STATUSES)[number];

export interface StatementBalance {
  /** Signed minor units: a debit balance (overdraft) is negative. */
  amount: number;
  currency: string;
  date: string | null;
}

/** One statement of an imported file (a camt `Stmt`/`Ntfctn`, an MT940 message, or a CSV account). */
export interface BankStatement {
  id: string;
  format: StatementFormat;
  formatVersion: string | null;
  messageId: string | null;
  /** The bank's id of the statement (camt Stmt/Id, MT940 :20:). */
  reference: string | null;
  sequenceNumber: string | null;
  account: {
    iban: string | null;
    number: string | null;
    bic: string | null;
    currency: string | null;
    owner: string | null;
  };
  /** When the bank created the statement, if it says. */
  bankCreatedAt: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingBalance: StatementBalance | null;
  closingBalance: StatementBalance | null;
  /** Booked entries in the statement (after splitting batch bookings). */
  transactionCount: number;
  /** New transactions this import stored. */
  importedCount: number;
  /** Transactions already imported before (by this or an earlier file), not stored again. */
  skippedCount: number;
  /** SHA-256 of the uploaded file's text: the same file uploaded twice shows the same value. */
  fileSha256: string;
  createdAt: string;
}

export interface BankTransaction {
  id: string;
  statementId: string;
  status: BankTransactionStatus;
  accountIban: string | null;
  accountNumber: string | null;
  bookingDate: string;
  valueDate: string | null;
  /** Signed minor units: credits (money in) positive, debits negative. */
  amount: number;
  currency: string;
  creditDebit: 'credit' | 'debit';
  reversal: boolean;
  isReturn: boolean;
  returnReasonCode: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  counterpartyAccount: string | null;
  remittanceInformation: string | null;
  structuredReference: string | null;
  endToEndId: string | null;
  mandateReference: string | null;
  creditorId: string | null;
  bankReference: string | null;
  customerReference: string | null;
  transactionCode: string | null;
  proprietaryCode: string | null;
  bookingText: string | null;
  originalAmount: number | null;
  chargesAmount: number | null;
  /** How sure the reconciliation is of its match, `"0"`–`"1"`; null until one is suggested or made. */
  matchConfidence: string | null;
  matchReason: string | null;
  matchedAt: string | null;
  /** Which rung of the matching ladder decided (DOMAIN.md §9), or `manual`; null while unmatched. */
  matchRule: MatchRuleName | null;
  /** The invoices a suggestion or match pays, and how much of each (minor units). */
  matchAllocations: { invoiceId: string; amount: number }[] | null;
  /** The payment the match booked (a SEPA return: the refund that reversed the collection). */
  paymentId: string | null;
  /** A SEPA return: the fee the bank charged, minor units. */
  returnFee: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface BankStatementImportInput {
  /** The file's text (decode bytes with `decodeStatementFile`). */
  content: string;
  format?: FormatHint;
  csv?: CsvOptions;
}

export interface BankStatementImport {
  format: StatementFormat;
  statements: BankStatement[];
  /** Transactions stored by this import, over all its statements. */
  imported: number;
  /** Transactions the organisation already had (same file again, or an overlapping statement). */
  skipped: number;
  warnings: ParseWarning[];
}

export interface BankStatementListQuery extends PageQuery {
  accountIban?: string;
  createdGte?: string;
  createdLte?: string;
}

export interface BankTransactionListQuery extends PageQuery {
  status?: BankTransactionStatus;
  statementId?: string;
  bookingDateGte?: string;
  bookingDateLte?: string;
  /** Signed minor units, inclusive. */
  amountGte?: number;
  amountLte?: number;
  creditDebit?: 'credit' | 'debit';
  currency?: string;
}
