import {
  BANK_TRANSACTION_STATUSES,
  type BankStatement,
  type BankStatementImport,
  type BankStatementListQuery,
  type BankTransaction,
  type BankTransactionListQuery,
  bankStatementFiles,
  MATCH_RULE_NAMES,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import {
  DateString,
  InstantString,
  Nullable,
  PageOf,
  PageQuerySchema,
  StringEnum,
} from '../../schemas/common';

const Minor = (description: string) => Type.Integer({ description });
const Text = (description?: string) => Nullable(Type.String(description ? { description } : {}));

const BalanceSchema = Type.Object({
  amount: Minor('Signed minor units: a debit balance is negative'),
  currency: Type.String(),
  date: Nullable(DateString),
});

export const BankStatementSchema = Type.Object(
  {
    id: Type.String({ examples: ['bst_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    format: StringEnum(bankStatementFiles.STATEMENT_FORMATS),
    formatVersion: Text('camt message version, `001.02` or `001.08`'),
    messageId: Text('camt GrpHdr/MsgId'),
    reference: Text("The bank's id of the statement: camt Stmt/Id, MT940 :20:"),
    sequenceNumber: Text('camt ElctrncSeqNb, MT940 :28C:'),
    account: Type.Object({
      iban: Text(),
      number: Text('An identification that is not an IBAN, e.g. German `BLZ/Kontonummer` of MT940 :25:'),
      bic: Text(),
      currency: Text(),
      owner: Text(),
    }),
    bankCreatedAt: Nullable(InstantString),
    fromDate: Nullable(DateString),
    toDate: Nullable(DateString),
    openingBalance: Nullable(BalanceSchema),
    closingBalance: Nullable(BalanceSchema),
    transactionCount: Type.Integer({ description: 'Booked transactions in the statement' }),
    importedCount: Type.Integer({ description: 'Transactions this import stored' }),
    skippedCount: Type.Integer({
      description: 'Transactions already imported earlier (same or overlapping statement), not stored again',
    }),
    fileSha256: Type.String({ description: 'SHA-256 of the uploaded text' }),
    createdAt: InstantString,
  },
  { $id: 'BankStatement', description: 'One statement of an imported bank statement file.' },
);

export const BankTransactionSchema = Type.Object(
  {
    id: Type.String({ examples: ['btx_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    statementId: Type.String({ description: 'The statement that first brought this entry' }),
    status: StringEnum(BANK_TRANSACTION_STATUSES),
    accountIban: Text('The statement account'),
    accountNumber: Text(),
    bookingDate: DateString,
    valueDate: Nullable(DateString),
    amount: Minor('Signed minor units: credits (money in) positive, debits negative'),
    currency: Type.String(),
    creditDebit: StringEnum(['credit', 'debit'] as const),
    reversal: Type.Boolean({ description: 'The entry reverses an earlier one (camt RvslInd, MT940 RC/RD)' }),
    isReturn: Type.Boolean({ description: 'A SEPA return (R-transaction) of a direct debit or transfer' }),
    returnReasonCode: Text('ISO 20022 return reason, e.g. `AC04`, `MD06`, `AM04`'),
    counterpartyName: Text(),
    counterpartyIban: Text(),
    counterpartyBic: Text(),
    counterpartyAccount: Text('Counterparty account that is not an IBAN'),
    remittanceInformation: Text('Unstructured remittance text (Verwendungszweck)'),
    structuredReference: Text('Structured creditor reference, e.g. ISO 11649 `RF18…`'),
    endToEndId: Text(),
    mandateReference: Text(),
    creditorId: Text('SEPA creditor identifier of a direct debit'),
    bankReference: Text("The bank's reference of the entry"),
    customerReference: Text("The account holder's reference (payment information id, KREF)"),
    transactionCode: Text('ISO bank transaction code `PMNT-RCDT-ESCT`, or the MT940 type `NTRF`'),
    proprietaryCode: Text('camt proprietary code, or the German GVC of MT940'),
    bookingText: Text("The bank's booking text"),
    originalAmount: Nullable(Minor('Originally instructed amount, unsigned minor units')),
    chargesAmount: Nullable(Minor('Charges on the entry (e.g. a return fee), unsigned minor units')),
    matchConfidence: Nullable(
      Type.String({ description: 'Decimal `0`–`1`, set by reconciliation', examples: ['1.000'] }),
    ),
    matchReason: Text('Why reconciliation matched or suggested it'),
    matchedAt: Nullable(InstantString),
    matchRule: Nullable(
      StringEnum(
        MATCH_RULE_NAMES,
        'The rung of the matching ladder that decided: `sepa_reference` (end-to-end id of our debit), `number_exact` (invoice numbers in the text, exact open amount — applied), `number_amount_differs` (partial/over-payment), `iban_amount`, `name_amount` (suggestions), `sepa_return`, `manual`',
      ),
    ),
    matchAllocations: Nullable(
      Type.Array(
        Type.Object({ invoiceId: Type.String(), amount: Type.Integer({ description: 'Minor units' }) }),
        {
          description: 'The invoices the suggestion or match pays, and how much of each',
        },
      ),
    ),
    paymentId: Nullable(
      Type.String({ description: 'The payment the match booked (a SEPA return: the refund reversing it)' }),
    ),
    returnFee: Nullable(Type.Integer({ description: 'A SEPA return: the bank’s return fee, minor units' })),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  { $id: 'BankTransaction', description: 'One booked entry of an imported statement.' },
);

export const BankStatementImportSchema = Type.Object(
  {
    format: StringEnum(bankStatementFiles.STATEMENT_FORMATS),
    statements: Type.Array(Type.Ref(BankStatementSchema)),
    imported: Type.Integer({ description: 'Transactions stored, over all statements of the file' }),
    skipped: Type.Integer({ description: 'Transactions the organisation already had' }),
    warnings: Type.Array(
      Type.Object({
        code: Type.String({ examples: ['balance_mismatch', 'entries_not_booked', 'batch_not_split'] }),
        message: Type.String(),
        path: Type.String({ description: 'Element path or line' }),
      }),
    ),
  },
  { $id: 'BankStatementImport', description: 'What an import stored and skipped.' },
);

const column = (field: string) =>
  Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: `CSV header of the ${field} column` }),
  );

export const BankStatementImportQuerySchema = Type.Object(
  {
    format: Type.Optional(
      StringEnum(
        bankStatementFiles.FORMAT_HINTS,
        'Detected from the content when absent (camt by its namespace, MT940 by its :20:); CSV must be named',
      ),
    ),
    bookingDateColumn: column('booking date (required for CSV)'),
    valueDateColumn: column('value date'),
    amountColumn: column('amount (signed, or unsigned with creditDebitColumn)'),
    creditColumn: column('credit amount (with debitColumn, instead of amountColumn)'),
    debitColumn: column('debit amount'),
    creditDebitColumn: column('credit/debit marker (C/D, CRDT/DBIT, H/S, +/-)'),
    currencyColumn: column('currency'),
    counterpartyNameColumn: column('counterparty name'),
    counterpartyIbanColumn: column('counterparty IBAN'),
    counterpartyBicColumn: column('counterparty BIC'),
    remittanceInformationColumn: column('remittance text'),
    structuredReferenceColumn: column('structured creditor reference'),
    endToEndIdColumn: column('end-to-end id'),
    mandateReferenceColumn: column('mandate reference'),
    creditorIdColumn: column('creditor id'),
    bankReferenceColumn: column('bank reference'),
    customerReferenceColumn: column('customer reference'),
    bookingTextColumn: column('booking text'),
    returnReasonCodeColumn: column('return reason code'),
    accountIbanColumn: column('statement account IBAN'),
    delimiter: Type.Optional(
      StringEnum([',', ';', 'tab'] as const, 'CSV cell delimiter (`;` as `%3B`); detected when absent'),
    ),
    decimalSeparator: Type.Optional(
      StringEnum([',', '.'] as const, 'Default `,` when the delimiter is `;`, else `.`'),
    ),
    dateFormat: Type.Optional(
      StringEnum(
        bankStatementFiles.CSV_DATE_FORMATS,
        'Default: YYYY-MM-DD, DD.MM.YYYY and DD.MM.YY are accepted',
      ),
    ),
    skipLines: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: 'Lines above the CSV header' }),
    ),
    currency: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{3}$',
        description: 'Currency of every CSV row without a currency column (default EUR)',
      }),
    ),
    accountIban: Type.Optional(
      Type.String({
        minLength: 5,
        maxLength: 42,
        description: 'The CSV statement account, without an account column',
      }),
    ),
  },
  { additionalProperties: false },
);
export type BankStatementImportQuery = Static<typeof BankStatementImportQuerySchema>;

export const BankStatementListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    accountIban: Type.Optional(Type.String({ maxLength: 42 })),
    createdGte: Type.Optional(InstantString),
    createdLte: Type.Optional(InstantString),
  },
  { additionalProperties: false },
);

export const BankTransactionListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    status: Type.Optional(StringEnum(BANK_TRANSACTION_STATUSES)),
    statementId: Type.Optional(Type.String({ maxLength: 64 })),
    bookingDateGte: Type.Optional(DateString),
    bookingDateLte: Type.Optional(DateString),
    amountGte: Type.Optional(Type.Integer({ description: 'Signed minor units, inclusive' })),
    amountLte: Type.Optional(Type.Integer({ description: 'Signed minor units, inclusive' })),
    creditDebit: Type.Optional(StringEnum(['credit', 'debit'] as const)),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);

export const BankStatementPageSchema = PageOf(Type.Ref(BankStatementSchema), 'BankStatement');
export const BankTransactionPageSchema = PageOf(Type.Ref(BankTransactionSchema), 'BankTransaction');

export const bankStatementSchemas = [
  BankStatementSchema,
  BankTransactionSchema,
  BankStatementImportSchema,
  BankStatementPageSchema,
  BankTransactionPageSchema,
];

type Assert<T extends true> = T;
export type _StatementMatches = Assert<
  BankStatement extends Static<typeof BankStatementSchema> ? true : false
>;
export type _TransactionMatches = Assert<
  BankTransaction extends Static<typeof BankTransactionSchema> ? true : false
>;
export type _ImportMatches = Assert<
  BankStatementImport extends Omit<Static<typeof BankStatementImportSchema>, 'statements'> ? true : false
>;
export type _StatementListMatches = Assert<
  Static<typeof BankStatementListQuerySchema> extends BankStatementListQuery ? true : false
>;
export type _TransactionListMatches = Assert<
  Static<typeof BankTransactionListQuerySchema> extends BankTransactionListQuery ? true : false
>;
