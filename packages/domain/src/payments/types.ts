/**
 * Payments as the API shows and takes them (DOMAIN.md §9, docs/payments.md). Money is integer minor units of
 * the payment's one currency.
 */

/** A refund is a payment in reverse: a record of its own that names the payment it returns. */
export const PAYMENT_TYPES = ['payment', 'refund'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

/**
 * `succeeded`: the money arrived (or, for a refund, left) and is booked. `failed`: a provider reported an
 * attempt that brought no money (a declined card, a returned debit before booking); it is kept for the
 * record, books nothing and allocates nothing.
 */
export const PAYMENT_STATUSES = ['succeeded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * How the money came. Manual bookings use bank_transfer, cash or cheque; the provider integrations (Stripe,
 * Mollie, SEPA collections, bank-statement reconciliation) book through the same `payments.record`.
 */
export const PAYMENT_METHOD_TYPES = [
  'bank_transfer',
  'cash',
  'cheque',
  'card',
  'sepa_debit',
  'paypal',
  'stripe',
  'mollie',
  'other',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHOD_TYPES)[number];

/** What a payment paid (or a refund took back) on one invoice. */
export interface PaymentAllocation {
  invoiceId: string;
  /** Minor units, positive. A payment: what is on the invoice now; a refund: what it took back from it. */
  amount: number;
}

export interface Payment {
  id: string;
  type: PaymentType;
  status: PaymentStatus;
  contactId: string;
  currency: string;
  /** Minor units, positive. */
  amount: number;
  /** Payments: what is on invoices now. Refunds: what was taken back off invoices (reopening them). */
  amountAllocated: number;
  /**
   * Payments: the part in the contact's credit balance (over-payment not yet applied or refunded).
   * Refunds: the part taken from the credit balance.
   */
  amountUnapplied: number;
  /** Payments: how much was refunded so far. Refunds: 0. */
  amountRefunded: number;
  method: PaymentMethod;
  /** Who reported it, e.g. `stripe`, `mollie`, `bank`; with `externalId` it identifies the payment there. */
  provider: string | null;
  externalId: string | null;
  /** The bank reference or remittance text. */
  reference: string | null;
  description: string | null;
  failureReason: string | null;
  /** Refunds: the payment refunded. */
  refundedPaymentId: string | null;
  /** When the money moved (value date of a transfer, capture of a card payment). */
  paidAt: string;
  allocations: PaymentAllocation[];
  metadata: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AllocationInput {
  invoiceId: string;
  amount: number;
}

/**
 * What `payments.record` books. Allocation, in this order of precedence:
 * - `allocations`: exactly these amounts on these invoices (each at most the invoice's open amount);
 * - `invoiceId`: that invoice, up to its open amount;
 * - neither: the contact's open invoices in the payment's currency, oldest due date first.
 * Whatever is left becomes the contact's credit balance in that currency. `allocations: []` books it all there.
 */
export interface PaymentInput {
  /** Required unless an invoice is named (then it is the invoice's contact). */
  contactId?: string;
  /** Minor units, > 0. */
  amount: number;
  /** Default: the invoice's currency, else the contact's. */
  currency?: string;
  method: PaymentMethod;
  /** Default `succeeded`. */
  status?: PaymentStatus;
  failureReason?: string | null;
  provider?: string | null;
  /** The provider's id of this payment; a repeat with the same provider and id returns the booked payment. */
  externalId?: string | null;
  reference?: string | null;
  description?: string | null;
  /** RFC 3339 instant; default now. */
  paidAt?: string;
  invoiceId?: string;
  allocations?: AllocationInput[];
  metadata?: Record<string, string>;
}

/**
 * A refund of (part of) a payment. It first returns what of the payment sits in the credit balance, then
 * takes back from the invoices it paid, most recent first — or from exactly the `allocations` given.
 */
export interface RefundInput {
  /** Minor units; default everything still refundable. */
  amount?: number;
  /** Default: the payment's method. */
  method?: PaymentMethod;
  provider?: string | null;
  /** The provider's refund id; a repeat returns the booked refund. */
  externalId?: string | null;
  reference?: string | null;
  /** Why (shown as the refund's description), e.g. `sepa_return AC04`. */
  reason?: string | null;
  /** RFC 3339 instant; default now. */
  refundedAt?: string;
  /** Which invoices to reopen and by how much; the rest of `amount` comes from the credit balance. */
  allocations?: AllocationInput[];
  metadata?: Record<string, string>;
}

export interface PaymentListQuery {
  limit?: number;
  startingAfter?: string;
  contactId?: string;
  /** Payments and refunds that moved money on or off this invoice. */
  invoiceId?: string;
  type?: PaymentType;
  status?: PaymentStatus;
  method?: PaymentMethod;
  paidAtGte?: string;
  paidAtLte?: string;
  createdGte?: string;
  createdLte?: string;
}

/** A contact's credit balance: money received beyond what its invoices asked, per currency. */
export interface CreditBalance {
  contactId: string;
  balances: { currency: string; amount: number }[];
}

export const BALANCE_TRANSACTION_KINDS = ['overpayment', 'applied', 'refunded', 'released'] as const;
export type BalanceTransactionKind = (typeof BALANCE_TRANSACTION_KINDS)[number];

/**
 * One change of a credit balance. `overpayment`: a payment brought more than it was allocated;
 * `applied`: spent on an invoice; `refunded`: paid back by a refund; `released`: a credit note left an
 * invoice over-paid and the excess came back.
 */
export interface BalanceTransaction {
  id: string;
  contactId: string;
  currency: string;
  kind: BalanceTransactionKind;
  /** Minor units: positive adds to the balance, negative spends it. */
  amount: number;
  balanceAfter: number;
  /** The payment (or refund) whose money moved. */
  paymentId: string;
  /** The invoice it was applied to, or the credit note that released it. */
  documentId: string | null;
  createdAt: string;
}

export interface BalanceTransactionQuery {
  limit?: number;
  startingAfter?: string;
  currency?: string;
}

export interface ApplyCreditInput {
  /** Minor units; default as much as the balance and the invoice's open amount allow. */
  amount?: number;
}
