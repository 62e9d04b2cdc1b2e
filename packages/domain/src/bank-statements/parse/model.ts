/**
 * The normalised statement every parser returns, whatever the file format: camt.053/.054 (ISO 20022 XML),
 * MT940 (SWIFT, with the German DK structure of field :86:) and CSV. Amounts are integer minor units of
 * `currency`, signed from the account holder's view: credits (money in) are positive, debits negative.
 */

export const STATEMENT_FORMATS = ['camt.053', 'camt.054', 'mt940', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface ParsedBalance {
  /** Signed minor units: a debit balance (overdraft) is negative. */
  amount: number;
  currency: string;
  date: string | null;
}

export interface ParsedAccount {
  iban: string | null;
  /** Any other identification: German `BLZ/Kontonummer` in MT940 :25:, a local account number. */
  number: string | null;
  bic: string | null;
  currency: string | null;
  owner: string | null;
}

export interface ParsedTransaction {
  /** Calendar date the bank booked the entry (camt BookgDt, MT940 entry date, else the value date). */
  bookingDate: string;
  valueDate: string | null;
  /** Signed minor units of `currency`. */
  amount: number;
  currency: string;
  creditDebit: 'credit' | 'debit';
  /** The entry undoes an earlier one (camt RvslInd, MT940 RC/RD). */
  reversal: boolean;
  /** A SEPA R-transaction: a returned direct debit or credit transfer. */
  isReturn: boolean;
  /** ISO 20022 return reason (AC04, MD06, AM04 …) when the bank gave one. */
  returnReasonCode: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  /** Counterparty account that is not an IBAN (German BLZ/Konto, a local number). */
  counterpartyAccount: string | null;
  /** Unstructured remittance text, as one string. */
  remittanceInformation: string | null;
  /** Structured creditor reference (ISO 11649 `RF…`, or another scheme's reference). */
  structuredReference: string | null;
  endToEndId: string | null;
  mandateReference: string | null;
  /** SEPA creditor identifier of a direct debit. */
  creditorId: string | null;
  /** The bank's own reference of the entry (camt AcctSvcrRef, MT940 reference after `//`). */
  bankReference: string | null;
  /** The account holder's reference (camt PmtInfId/InstrId, MT940 :61: reference, KREF+). */
  customerReference: string | null;
  /** ISO bank transaction code `PMNT-RCDT-ESCT`, or the SWIFT type of MT940 (`NTRF`). */
  transactionCode: string | null;
  /** Proprietary code: camt BkTxCd/Prtry/Cd, or the German business transaction code (GVC) of MT940. */
  proprietaryCode: string | null;
  /** The bank's booking text (camt AddtlNtryInf, MT940 ?00). */
  bookingText: string | null;
  /** Amount originally instructed (camt InstdAmt, MT940 OAMT+), unsigned minor units; null when not given. */
  originalAmount: number | null;
  /** Charges the bank took on this entry (e.g. a return fee), unsigned minor units; null when not given. */
  chargesAmount: number | null;
  /**
   * Set only where the format defines it unique per entry (camt AcctSvcrRef/NtryRef): the de-duplication key
   * is built from it. Otherwise the key is a hash of the transaction's content (see dedup.ts).
   */
  entryReference: string | null;
}

export interface ParsedStatement {
  format: StatementFormat;
  /** Message version, e.g. `001.02` / `001.08` for camt; null for MT940 and CSV. */
  formatVersion: string | null;
  /** camt GrpHdr/MsgId. */
  messageId: string | null;
  /** The bank's id of the statement: camt Stmt/Id (Ntfctn/Id), MT940 :20:. */
  reference: string | null;
  /** camt ElctrncSeqNb (else LglSeqNb), MT940 :28C:. */
  sequenceNumber: string | null;
  account: ParsedAccount;
  /** When the bank created it (camt CreDtTm), RFC 3339. */
  createdAt: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingBalance: ParsedBalance | null;
  closingBalance: ParsedBalance | null;
  transactions: ParsedTransaction[];
}

export interface ParseWarning {
  code: string;
  message: string;
  /** Where in the file: an element path (XML) or a line. */
  path: string;
}

export interface ParsedFile {
  format: StatementFormat;
  statements: ParsedStatement[];
  warnings: ParseWarning[];
}

/** How the columns of a bank's CSV export map onto transaction fields; values are header names. */
export interface CsvColumnMapping {
  bookingDate: string;
  valueDate?: string;
  /** Signed amount; or unsigned together with `creditDebit`. Either this or `credit` + `debit`. */
  amount?: string;
  /** Two amount columns, one filled per row (both unsigned or with their natural sign). */
  credit?: string;
  debit?: string;
  /** Credit/debit marker: C/D, CRDT/DBIT, H/S (Haben/Soll), credit/debit, +/−. */
  creditDebit?: string;
  currency?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyBic?: string;
  remittanceInformation?: string;
  structuredReference?: string;
  endToEndId?: string;
  mandateReference?: string;
  creditorId?: string;
  bankReference?: string;
  customerReference?: string;
  bookingText?: string;
  returnReasonCode?: string;
  /** The statement account's IBAN, per row (a file may list several accounts). */
  accountIban?: string;
}

/** Every field a CSV column can be mapped to (the keys of CsvColumnMapping). */
export const CSV_COLUMN_FIELDS = [
  'bookingDate',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'creditDebit',
  'currency',
  'counterpartyName',
  'counterpartyIban',
  'counterpartyBic',
  'remittanceInformation',
  'structuredReference',
  'endToEndId',
  'mandateReference',
  'creditorId',
  'bankReference',
  'customerReference',
  'bookingText',
  'returnReasonCode',
  'accountIban',
] as const satisfies readonly (keyof CsvColumnMapping)[];

export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD.MM.YY', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

export interface CsvOptions {
  columns: CsvColumnMapping;
  /** Cell delimiter; detected from the header line (`;`, `,` or tab) when absent. */
  delimiter?: ',' | ';' | '\t';
  /** Decimal separator of amounts; default `,` when the delimiter is `;` (German exports), else `.`. */
  decimalSeparator?: ',' | '.';
  /** Default: ISO dates and German `DD.MM.YYYY` / `DD.MM.YY` are both accepted. */
  dateFormat?: CsvDateFormat;
  /** Lines above the header (account details some banks print first). */
  skipLines?: number;
  /** Currency of every row when there is no currency column; default EUR. */
  currency?: string;
  /** The account's IBAN when there is no account column. */
  accountIban?: string;
}
