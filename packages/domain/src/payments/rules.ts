import type { DocumentStatus } from '../documents/resource';
import type { DocumentType } from '../documents/types';
import type { FieldErrors } from '../errors';
import { isCurrency } from '../money';
import {
  type AllocationInput,
  PAYMENT_METHOD_TYPES,
  PAYMENT_STATUSES,
  type PaymentInput,
  type RefundInput,
} from './types';

/**
 * The pure rules of payments (DOMAIN.md §9): what an invoice still owes, the status that follows from it,
 * the event that announces it, how an amount is spread over invoices or drawn from payments, and what a
 * caller may write. No database, no clock.
 */

/**
 * Documents a payment can be allocated to: invoices and corrected invoices. A pro-forma asks for money but is
 * no claim (no tax invoice): what is paid on one is booked to the credit balance and pays the real invoice at
 * its finalize. Cancellations and credit notes are no receivables.
 */
export const PAYABLE_TYPES: readonly DocumentType[] = ['invoice', 'corrected_invoice'];

/** Statuses of an issued invoice that still owes something (and so takes payments). */
export const OPEN_STATUSES: readonly DocumentStatus[] = ['finalized', 'sent', 'partially_paid', 'overdue'];

/** The amounts of an invoice that decide what it still owes. */
export interface Receivable {
  type: DocumentType;
  status: DocumentStatus;
  /** BT-115: gross minus prepaid. */
  amountDue: number;
  /** The gross of the issued credit notes referring to it (positive). */
  amountCredited: number;
  amountPaid: number;
}

/**
 * What the buyer still owes on an issued invoice: amount due − credited by credit notes − paid, never below 0.
 * Drafts, cancelled invoices, pro-formas, credit notes and quotes owe nothing.
 */
export function openAmount(doc: Receivable): number {
  if (!PAYABLE_TYPES.includes(doc.type) || doc.status === 'draft' || doc.status === 'cancelled') return 0;
  return Math.max(0, doc.amountDue - doc.amountCredited - doc.amountPaid);
}

/**
 * The same difference as SQL over a `documents` row (`d`, or the table's name): amount due − credited by credit
 * notes − paid, for queries that select, filter or group by what is owed. Callers add `GREATEST(0, …)` or
 * `> 0` and check the type and status themselves, as openAmount does.
 */
export const outstandingSql = (alias: string) =>
  `(${alias}.amount_due - ${alias}.amount_credited - ${alias}.amount_paid)`;

/**
 * The status of an issued invoice after its paid or credited amount changed: `paid` once payments and credit
 * notes cover it, `partially_paid` while something is paid, otherwise open again — `overdue` past its due date,
 * else `sent` or `finalized` as it was before money came.
 */
export function statusAfter(
  doc: {
    amountDue: number;
    amountCredited: number;
    amountPaid: number;
    sent: boolean;
    dueDate: string | null;
  },
  today: string,
): DocumentStatus {
  if (doc.amountPaid >= doc.amountDue - doc.amountCredited) return 'paid';
  if (doc.amountPaid > 0) return 'partially_paid';
  if (doc.dueDate && doc.dueDate < today) return 'overdue';
  return doc.sent ? 'sent' : 'finalized';
}

/**
 * The one event an invoice emits when payments or credits change it: `invoice.paid` when it becomes paid,
 * `invoice.partially_paid` when it is (still or again) partly paid and its paid amount moved,
 * `invoice.overdue` when a refund reopens it past its due date, otherwise `invoice.updated`.
 */
export function invoiceEvent(
  before: { status: DocumentStatus; amountPaid: number },
  after: { status: DocumentStatus; amountPaid: number },
): 'invoice.paid' | 'invoice.partially_paid' | 'invoice.overdue' | 'invoice.updated' {
  if (after.status === 'paid' && before.status !== 'paid') return 'invoice.paid';
  if (after.status === 'partially_paid' && after.amountPaid !== before.amountPaid)
    return 'invoice.partially_paid';
  if (after.status === 'overdue' && before.status !== 'overdue') return 'invoice.overdue';
  return 'invoice.updated';
}

/** Oldest first: by due date (none last), then issue date, then id (creation order). */
export function oldestFirst<T extends { id: string; dueDate: string | null; issueDate: string | null }>(
  invoices: readonly T[],
): T[] {
  const key = (d: string | null) => d ?? '9999-12-31';
  return [...invoices].sort(
    (a, b) =>
      key(a.dueDate).localeCompare(key(b.dueDate)) ||
      key(a.issueDate).localeCompare(key(b.issueDate)) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Spreads `amount` over items in the order given, each taking at most its `available`; returns the parts
 * taken (items taking nothing are left out) and what is left. Used for automatic allocation (open amounts of
 * invoices), for spending a credit balance (unapplied parts of payments) and for refunds (allocations).
 */
export function spread<T extends { available: number }>(
  amount: number,
  items: readonly T[],
): { parts: { item: T; amount: number }[]; rest: number } {
  const parts: { item: T; amount: number }[] = [];
  let rest = amount;
  for (const item of items) {
    if (rest <= 0) break;
    const take = Math.min(rest, item.available);
    if (take > 0) {
      parts.push({ item, amount: take });
      rest -= take;
    }
  }
  return { parts, rest };
}

const PROVIDER = /^[a-z][a-z0-9_-]{0,31}$/;

function checkInstant(value: string | undefined, path: string, errors: FieldErrors): void {
  if (value === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    errors.add(path, 'instant_invalid', 'must be an RFC 3339 instant, e.g. 2026-03-15T10:00:00Z');
  }
}

function checkAmount(value: unknown, path: string, errors: FieldErrors): boolean {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    errors.add(path, 'amount_invalid', 'must be a positive integer of minor units');
    return false;
  }
  return true;
}

function checkProvenance(
  input: { provider?: string | null; externalId?: string | null },
  errors: FieldErrors,
): void {
  if (input.provider != null && !PROVIDER.test(input.provider)) {
    errors.add(
      'provider',
      'provider_invalid',
      'lower-case letters, digits, - and _ (e.g. stripe, mollie, bank)',
    );
  }
  if (input.externalId != null) {
    if (input.provider == null) {
      errors.add('provider', 'required', 'an external id is unique per provider: name the provider');
    }
    if (input.externalId.length === 0 || input.externalId.length > 255) {
      errors.add('externalId', 'external_id_invalid', 'must be 1–255 characters');
    }
  }
}

/** Explicit allocations: positive amounts, each invoice once, together at most `total`. */
function checkAllocations(
  allocations: readonly AllocationInput[],
  total: number | undefined,
  errors: FieldErrors,
): void {
  const seen = new Map<string, number>();
  let sum = 0;
  allocations.forEach((a, i) => {
    if (typeof a.invoiceId !== 'string' || a.invoiceId.length === 0) {
      errors.add(`allocations.${i}.invoiceId`, 'required', 'is required');
    } else if (seen.has(a.invoiceId)) {
      errors.add(
        `allocations.${i}.invoiceId`,
        'duplicate',
        `the invoice is already allocated in allocations.${seen.get(a.invoiceId)}`,
      );
    } else seen.set(a.invoiceId, i);
    if (checkAmount(a.amount, `allocations.${i}.amount`, errors)) sum += a.amount;
  });
  if (total !== undefined && sum > total) {
    errors.add(
      'allocations',
      'allocations_exceed_amount',
      `the allocations add up to ${sum}, more than the amount ${total}`,
    );
  }
}

/** Everything about a payment that can be judged without the database; adds every broken rule to `errors`. */
export function checkPaymentInput(input: PaymentInput, errors: FieldErrors): void {
  const amountOk = checkAmount(input.amount, 'amount', errors);
  if (input.currency !== undefined && !isCurrency(input.currency)) {
    errors.add('currency', 'currency_invalid', 'must be an ISO 4217 code such as EUR');
  }
  if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(input.method)) {
    errors.add('method', 'method_invalid', `must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`);
  }
  if (input.status !== undefined && !(PAYMENT_STATUSES as readonly string[]).includes(input.status)) {
    errors.add('status', 'status_invalid', `must be one of ${PAYMENT_STATUSES.join(', ')}`);
  }
  checkProvenance(input, errors);
  checkInstant(input.paidAt, 'paidAt', errors);
  if (input.invoiceId !== undefined && input.allocations !== undefined) {
    errors.add('invoiceId', 'conflicting', 'give either invoiceId or allocations, not both');
  }
  if (input.contactId === undefined && input.invoiceId === undefined && !input.allocations?.length) {
    errors.add('contactId', 'required', 'name the contact, or the invoice(s) the payment is for');
  }
  if (input.allocations) checkAllocations(input.allocations, amountOk ? input.amount : undefined, errors);
  if (input.status === 'failed' && input.allocations?.length) {
    errors.add('allocations', 'payment_failed', 'a failed payment brought no money to allocate');
  }
  if (input.status !== 'failed' && input.failureReason != null) {
    errors.add('failureReason', 'payment_not_failed', 'only a failed payment has a failure reason');
  }
}

/** Everything about a refund that can be judged without the database. */
export function checkRefundInput(input: RefundInput, errors: FieldErrors): void {
  const amountOk = input.amount === undefined || checkAmount(input.amount, 'amount', errors);
  if (input.method !== undefined && !(PAYMENT_METHOD_TYPES as readonly string[]).includes(input.method)) {
    errors.add('method', 'method_invalid', `must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`);
  }
  checkProvenance(input, errors);
  checkInstant(input.refundedAt, 'refundedAt', errors);
  if (input.allocations) {
    checkAllocations(input.allocations, amountOk ? input.amount : undefined, errors);
  }
}
