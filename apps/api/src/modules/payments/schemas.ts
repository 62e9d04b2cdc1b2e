import type {
  ApplyCreditInput,
  BalanceTransaction,
  BalanceTransactionQuery,
  CreditBalance,
  Payment,
  PaymentInput,
  PaymentListQuery,
  RefundInput,
} from '@fakturo/domain';
import {
  BALANCE_TRANSACTION_KINDS,
  PAYMENT_METHOD_TYPES,
  PAYMENT_STATUSES,
  PAYMENT_TYPES,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';

// Payments, refunds and credit balances on the wire (DOMAIN.md §9, docs/payments.md). The domain types
// (payments/types.ts) are asserted against these at the end of the file.

const MinorUnits = (description: string) => Type.Integer({ minimum: 1, description });
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });

const MetadataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  description: 'Your own key/value pairs (≤ 50 keys, values ≤ 500 characters)',
});

export const PaymentAllocationSchema = Type.Object(
  {
    invoiceId: Type.String(),
    amount: Type.Integer({
      description:
        'Minor units. A payment: what of it is on the invoice now; a refund: what it took back from the invoice.',
    }),
  },
  { $id: 'PaymentAllocation' },
);

export const PaymentSchema = Type.Object(
  {
    id: Type.String({ examples: ['pay_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    type: StringEnum(PAYMENT_TYPES, 'payment, or refund (a payment in reverse, naming refundedPaymentId)'),
    status: StringEnum(PAYMENT_STATUSES, 'succeeded: booked; failed: reported by a provider, books nothing'),
    contactId: Type.String(),
    currency: Type.String({ examples: ['EUR'] }),
    amount: Type.Integer({ description: 'Minor units, positive', examples: [11900] }),
    amountAllocated: Type.Integer({
      description: 'Payments: on invoices now. Refunds: taken back off invoices (reopening them).',
    }),
    amountUnapplied: Type.Integer({
      description:
        "Payments: in the contact's credit balance (over-payment). Refunds: taken from the credit balance.",
    }),
    amountRefunded: Type.Integer({ description: 'Payments: refunded so far. Refunds: 0.' }),
    method: StringEnum(PAYMENT_METHOD_TYPES),
    provider: Nullable(Type.String({ description: 'Who reported it, e.g. stripe, mollie, bank' })),
    externalId: Nullable(Type.String({ description: "The provider's id; unique per provider" })),
    reference: Nullable(Type.String({ description: 'Bank reference or remittance text' })),
    description: Nullable(Type.String({ description: 'Refunds: the reason given' })),
    failureReason: Nullable(Type.String()),
    refundedPaymentId: Nullable(Type.String({ description: 'Refunds: the payment refunded' })),
    paidAt: InstantString,
    allocations: Type.Array(Type.Ref(PaymentAllocationSchema)),
    metadata: Type.Record(Type.String(), Type.String()),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'Payment',
    description:
      'A payment received (or, with type refund, paid back). Money in minor units of its one currency: amount = amountAllocated + amountUnapplied + amountRefunded.',
  },
);

const AllocationInputSchema = Type.Object(
  {
    invoiceId: Id('An issued invoice of the payment’s contact and currency'),
    amount: MinorUnits('Minor units; at most what the invoice has open'),
  },
  { $id: 'PaymentAllocationInput', additionalProperties: false },
);

const provenance = {
  provider: Type.Optional(
    Nullable(
      Type.String({
        pattern: '^[a-z][a-z0-9_-]{0,31}$',
        description: 'Who reports it (stripe, mollie, bank, …); required with externalId',
      }),
    ),
  ),
  externalId: Type.Optional(
    Nullable(
      Type.String({
        minLength: 1,
        maxLength: 255,
        description:
          'The provider’s id. A repeat with the same provider and id books nothing and returns the first booking (200).',
      }),
    ),
  ),
  reference: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  metadata: Type.Optional(MetadataSchema),
};

export const PaymentCreateSchema = Type.Object(
  {
    contactId: Type.Optional(Id('The payer; default the contact of the invoice(s) named')),
    amount: MinorUnits('Minor units received, e.g. 11900 for 119.00'),
    currency: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{3}$',
        description: 'Default the invoice’s, else the contact’s currency',
      }),
    ),
    method: StringEnum(PAYMENT_METHOD_TYPES),
    status: Type.Optional(
      StringEnum(PAYMENT_STATUSES, 'Default succeeded; failed records an attempt that brought no money'),
    ),
    failureReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    paidAt: Type.Optional({ ...InstantString, description: 'When the money arrived; default now' }),
    invoiceId: Type.Optional(
      Id('Allocate to this invoice, up to its open amount; the rest goes to the credit balance'),
    ),
    allocations: Type.Optional(
      Type.Array(Type.Ref(AllocationInputSchema), {
        maxItems: 100,
        description:
          'Exactly these amounts on these invoices; the rest goes to the credit balance ([] books it all there). Without invoiceId and allocations the contact’s open invoices are paid oldest due date first.',
      }),
    ),
    ...provenance,
  },
  { $id: 'PaymentCreate', additionalProperties: false },
);

export const RefundCreateSchema = Type.Object(
  {
    amount: Type.Optional(MinorUnits('Minor units; default everything still refundable')),
    method: Type.Optional(StringEnum(PAYMENT_METHOD_TYPES, 'Default the payment’s method')),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    refundedAt: Type.Optional({ ...InstantString, description: 'When the money left; default now' }),
    allocations: Type.Optional(
      Type.Array(Type.Ref(AllocationInputSchema), {
        maxItems: 100,
        description:
          'Which invoices to reopen and by how much; the rest of the amount comes from the payment’s part in the credit balance. Default: the credit balance first, then the invoices most recently paid.',
      }),
    ),
    ...provenance,
  },
  { $id: 'PaymentRefundCreate', additionalProperties: false },
);

export const PaymentListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    contactId: Type.Optional(Type.String({ maxLength: 64 })),
    invoiceId: Type.Optional(
      Type.String({ maxLength: 64, description: 'Payments and refunds that moved money on this invoice' }),
    ),
    type: Type.Optional(StringEnum(PAYMENT_TYPES)),
    status: Type.Optional(StringEnum(PAYMENT_STATUSES)),
    method: Type.Optional(StringEnum(PAYMENT_METHOD_TYPES)),
    paidAtGte: Type.Optional(InstantString),
    paidAtLte: Type.Optional(InstantString),
    createdGte: Type.Optional(InstantString),
    createdLte: Type.Optional(InstantString),
  },
  { additionalProperties: false },
);

export const PaymentPageSchema = PageOf(Type.Ref(PaymentSchema), 'Payment');

export const CreditBalanceSchema = Type.Object(
  {
    contactId: Type.String(),
    balances: Type.Array(
      Type.Object({ currency: Type.String(), amount: Type.Integer({ description: 'Minor units' }) }),
      { description: 'Only currencies with a positive balance' },
    ),
  },
  {
    $id: 'CreditBalance',
    description:
      'Money the contact paid beyond what its invoices asked, per currency. It pays the contact’s next invoice at its finalize, or an invoice you name (POST /invoices/{id}/apply-credit-balance), or goes back by refunding the payment.',
  },
);

export const BalanceTransactionSchema = Type.Object(
  {
    id: Type.String(),
    contactId: Type.String(),
    currency: Type.String(),
    kind: StringEnum(
      BALANCE_TRANSACTION_KINDS,
      'overpayment: a payment brought more than it was allocated; applied: spent on an invoice; refunded: paid back; released: a credit note left an invoice over-paid',
    ),
    amount: Type.Integer({ description: 'Minor units; positive adds, negative spends' }),
    balanceAfter: Type.Integer(),
    paymentId: Type.String({ description: 'The payment (or refund) whose money moved' }),
    documentId: Nullable(
      Type.String({ description: 'The invoice applied to, or the credit note releasing' }),
    ),
    createdAt: InstantString,
  },
  { $id: 'BalanceTransaction', description: 'One change of a contact’s credit balance.' },
);

export const BalanceTransactionQuerySchema = Type.Object(
  { ...PageQuerySchema, currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })) },
  { additionalProperties: false },
);

export const BalanceTransactionPageSchema = PageOf(Type.Ref(BalanceTransactionSchema), 'BalanceTransaction');

export const ApplyCreditSchema = Type.Object(
  {
    amount: Type.Optional(
      MinorUnits('Minor units; default as much as the balance and the open amount allow'),
    ),
  },
  { $id: 'ApplyCreditBalance', additionalProperties: false },
);

export const paymentSchemas = [
  PaymentAllocationSchema,
  AllocationInputSchema,
  PaymentSchema,
  PaymentCreateSchema,
  RefundCreateSchema,
  PaymentPageSchema,
  CreditBalanceSchema,
  BalanceTransactionSchema,
  BalanceTransactionPageSchema,
  ApplyCreditSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _PaymentMatches = Assert<Payment extends Static<typeof PaymentSchema> ? true : false>;
export type _PaymentWire = Assert<Static<typeof PaymentSchema> extends Payment ? true : false>;
export type _CreateMatches = Assert<Static<typeof PaymentCreateSchema> extends PaymentInput ? true : false>;
export type _RefundMatches = Assert<Static<typeof RefundCreateSchema> extends RefundInput ? true : false>;
export type _ListMatches = Assert<
  Static<typeof PaymentListQuerySchema> extends PaymentListQuery ? true : false
>;
export type _BalanceMatches = Assert<CreditBalance extends Static<typeof CreditBalanceSchema> ? true : false>;
export type _TransactionMatches = Assert<
  BalanceTransaction extends Static<typeof BalanceTransactionSchema> ? true : false
>;
export type _TransactionQueryMatches = Assert<
  Static<typeof BalanceTransactionQuerySchema> extends BalanceTransactionQuery ? true : false
>;
export type _ApplyMatches = Assert<Static<typeof ApplyCreditSchema> extends ApplyCreditInput ? true : false>;
