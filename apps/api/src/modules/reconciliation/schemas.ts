import { reconciliation } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';

export const BankTransactionMatchSchema = Type.Object(
  {
    acceptSuggestion: Type.Optional(
      Type.Boolean({ description: 'Take the suggestion as it is (`matchAllocations` of the transaction)' }),
    ),
    allocations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            invoiceId: Type.String({ maxLength: 64 }),
            amount: Type.Integer({ minimum: 1, description: 'Minor units' }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 100,
          description:
            'The invoices the transfer pays and how much of each; what they leave of the amount becomes the contact’s credit balance',
        },
      ),
    ),
    contactId: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'With no allocations: the contact whose credit balance takes the money',
      }),
    ),
  },
  { $id: 'BankTransactionMatch', additionalProperties: false },
);

export const BankTransactionIgnoreSchema = Type.Object(
  {
    reason: Type.Optional(
      Type.String({
        maxLength: reconciliation.IGNORE_REASON_MAX,
        description:
          'Why it is no invoice payment (bank charges, own transfer, a duplicate); kept in `matchReason` with who ignored it',
      }),
    ),
  },
  { $id: 'BankTransactionIgnore', additionalProperties: false },
);

export const ReconcileRequestSchema = Type.Object(
  {
    statementId: Type.Optional(
      Type.String({ maxLength: 64, description: 'Only this statement’s transactions' }),
    ),
  },
  { $id: 'ReconcileRequest', additionalProperties: false },
);

export const ReconcileQueuedSchema = Type.Object(
  { queued: Type.Literal(true) },
  { $id: 'ReconcileQueued', description: 'The worker reconciles; watch `bank_transaction.*` events' },
);

export const reconciliationSchemas = [
  BankTransactionMatchSchema,
  BankTransactionIgnoreSchema,
  ReconcileRequestSchema,
  ReconcileQueuedSchema,
];

type Assert<T extends true> = T;
export type _MatchInput = Assert<
  Static<typeof BankTransactionMatchSchema> extends reconciliation.ManualMatchInput ? true : false
>;
