import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../src/errors';
import {
  checkPaymentInput,
  checkRefundInput,
  invoiceEvent,
  oldestFirst,
  openAmount,
  spread,
  statusAfter,
} from '../src/payments/rules';
import type { PaymentInput } from '../src/payments/types';

const issued = {
  type: 'invoice' as const,
  status: 'sent' as const,
  amountDue: 11900,
  amountCredited: 0,
  amountPaid: 0,
};

describe('payments: what an invoice still owes', () => {
  it('is amount due − credited − paid, never below 0', () => {
    expect(openAmount(issued)).toBe(11900);
    expect(openAmount({ ...issued, amountPaid: 5000 })).toBe(6900);
    expect(openAmount({ ...issued, amountCredited: 5950, amountPaid: 5000 })).toBe(950);
    expect(openAmount({ ...issued, amountCredited: 5950, amountPaid: 9000 })).toBe(0);
  });

  it('drafts, cancelled invoices, pro-formas, credit notes and quotes owe nothing', () => {
    expect(openAmount({ ...issued, status: 'draft' })).toBe(0);
    expect(openAmount({ ...issued, status: 'cancelled' })).toBe(0);
    expect(openAmount({ ...issued, type: 'pro_forma' })).toBe(0);
    expect(openAmount({ ...issued, type: 'credit_note', amountDue: -11900 })).toBe(0);
    expect(openAmount({ ...issued, type: 'quote' })).toBe(0);
    expect(openAmount({ ...issued, type: 'corrected_invoice' })).toBe(11900);
  });
});

describe('payments: the status money gives an invoice', () => {
  const at = (amountPaid: number, extra: Partial<Parameters<typeof statusAfter>[0]> = {}) =>
    statusAfter(
      { amountDue: 11900, amountCredited: 0, amountPaid, sent: true, dueDate: '2026-03-29', ...extra },
      '2026-03-15',
    );

  it('paid once payments and credits cover it, partially paid while something is paid', () => {
    expect(at(11900)).toBe('paid');
    expect(at(1)).toBe('partially_paid');
    expect(at(5950, { amountCredited: 5950 })).toBe('paid');
    expect(at(0, { amountCredited: 11900 })).toBe('paid');
    expect(at(0, { amountCredited: 5950 })).toBe('sent');
  });

  it('open again after a refund: overdue past the due date, else sent or finalized', () => {
    expect(at(0)).toBe('sent');
    expect(at(0, { sent: false })).toBe('finalized');
    expect(at(0, { dueDate: '2026-03-14' })).toBe('overdue');
    expect(at(0, { dueDate: '2026-03-15' })).toBe('sent');
    expect(at(0, { dueDate: null, sent: false })).toBe('finalized');
  });

  it('announces one event per change', () => {
    expect(
      invoiceEvent({ status: 'sent', amountPaid: 0 }, { status: 'partially_paid', amountPaid: 10 }),
    ).toBe('invoice.partially_paid');
    expect(
      invoiceEvent(
        { status: 'partially_paid', amountPaid: 10 },
        { status: 'partially_paid', amountPaid: 20 },
      ),
    ).toBe('invoice.partially_paid');
    expect(
      invoiceEvent({ status: 'partially_paid', amountPaid: 10 }, { status: 'paid', amountPaid: 11900 }),
    ).toBe('invoice.paid');
    // a credit note releasing money from a paid invoice leaves it paid: only an update
    expect(invoiceEvent({ status: 'paid', amountPaid: 11900 }, { status: 'paid', amountPaid: 9000 })).toBe(
      'invoice.updated',
    );
    expect(invoiceEvent({ status: 'paid', amountPaid: 11900 }, { status: 'overdue', amountPaid: 0 })).toBe(
      'invoice.overdue',
    );
    expect(invoiceEvent({ status: 'paid', amountPaid: 11900 }, { status: 'sent', amountPaid: 0 })).toBe(
      'invoice.updated',
    );
    expect(invoiceEvent({ status: 'sent', amountPaid: 0 }, { status: 'sent', amountPaid: 0 })).toBe(
      'invoice.updated',
    );
  });
});

describe('payments: spreading an amount', () => {
  it('fills items in order up to what each has, and returns the rest', () => {
    const { parts, rest } = spread(20000, [
      { id: 'a', available: 11900 },
      { id: 'b', available: 0 },
      { id: 'c', available: 6900 },
      { id: 'd', available: 5000 },
    ]);
    expect(parts.map((p) => [p.item.id, p.amount])).toEqual([
      ['a', 11900],
      ['c', 6900],
      ['d', 1200],
    ]);
    expect(rest).toBe(0);
    expect(spread(100, [{ available: 30 }]).rest).toBe(70);
    expect(spread(0, [{ available: 30 }]).parts).toEqual([]);
  });

  it('never takes more than an item has, and parts plus rest are the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 20 }),
        (amount, available) => {
          const { parts, rest } = spread(
            amount,
            available.map((a) => ({ available: a })),
          );
          for (const p of parts) expect(p.amount).toBeGreaterThan(0);
          for (const p of parts) expect(p.amount).toBeLessThanOrEqual(p.item.available);
          expect(parts.reduce((s, p) => s + p.amount, 0) + rest).toBe(amount);
          expect(rest).toBe(Math.max(0, amount - available.reduce((s, a) => s + a, 0)));
        },
      ),
    );
  });

  it('orders invoices by due date (none last), then issue date, then id', () => {
    const sorted = oldestFirst([
      { id: 'doc_3', dueDate: '2026-04-01', issueDate: '2026-03-01' },
      { id: 'doc_1', dueDate: null, issueDate: '2026-01-01' },
      { id: 'doc_4', dueDate: '2026-03-20', issueDate: '2026-03-06' },
      { id: 'doc_2', dueDate: '2026-03-20', issueDate: '2026-03-05' },
      { id: 'doc_0', dueDate: '2026-03-20', issueDate: '2026-03-05' },
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['doc_0', 'doc_2', 'doc_4', 'doc_3', 'doc_1']);
  });
});

describe('payments: what a caller may write', () => {
  const errorsOf = (input: Partial<PaymentInput>) => {
    const errors = new FieldErrors();
    checkPaymentInput(
      { method: 'bank_transfer', amount: 100, contactId: 'con_x', ...input } as PaymentInput,
      errors,
    );
    return errors.list.map((e) => `${e.path}:${e.code}`);
  };

  it('accepts a plain payment', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ contactId: undefined, invoiceId: 'doc_x' })).toEqual([]);
    expect(errorsOf({ provider: 'stripe', externalId: 'pi_1', paidAt: '2026-03-15T10:00:00Z' })).toEqual([]);
  });

  it('names every broken rule', () => {
    expect(
      errorsOf({
        amount: 1.5,
        currency: 'XXY',
        method: 'gold' as PaymentInput['method'],
        externalId: 'x',
        paidAt: 'soon',
        failureReason: 'no',
        invoiceId: 'doc_a',
        allocations: [
          { invoiceId: 'doc_a', amount: 0 },
          { invoiceId: 'doc_a', amount: 5 },
        ],
      }),
    ).toEqual([
      'amount:amount_invalid',
      'currency:currency_invalid',
      'method:method_invalid',
      'provider:required',
      'paidAt:instant_invalid',
      'invoiceId:conflicting',
      'allocations.0.amount:amount_invalid',
      'allocations.1.invoiceId:duplicate',
      'failureReason:payment_not_failed',
    ]);
  });

  it('allocations add up to at most the amount; a failed payment allocates nothing', () => {
    expect(
      errorsOf({
        allocations: [
          { invoiceId: 'doc_a', amount: 60 },
          { invoiceId: 'doc_b', amount: 41 },
        ],
      }),
    ).toEqual(['allocations:allocations_exceed_amount']);
    expect(errorsOf({ status: 'failed', allocations: [{ invoiceId: 'doc_a', amount: 1 }] })).toEqual([
      'allocations:payment_failed',
    ]);
    expect(errorsOf({ contactId: undefined })).toEqual(['contactId:required']);
    expect(errorsOf({ contactId: undefined, allocations: [] })).toEqual(['contactId:required']);
  });

  it('refunds: positive amounts, a provider for an external id', () => {
    const errors = new FieldErrors();
    checkRefundInput(
      {
        amount: -1,
        externalId: 're_1',
        provider: 'Stripe!',
        allocations: [{ invoiceId: 'doc_a', amount: 5 }],
      },
      errors,
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'amount:amount_invalid',
      'provider:provider_invalid',
    ]);
  });
});
