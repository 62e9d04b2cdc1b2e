import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { expectBooksBalanceIn } from './payments.support';

// A user's story of payments through the public API (DOMAIN.md §9): partial and full payment, one payment
// over several invoices, over-payment to the credit balance and its use on the next invoice, refunds that
// reopen invoices, credit notes, provider ids that book once, concurrency, bad input, tenancy and GraphQL.
const t = await createTestApp({ clock: fixedClock('2026-03-15T10:00:00Z') });

beforeAll(async () => {
  await readySeller(t);
});

/** A buyer of its own, so each story sees only its own open invoices and balance. */
async function buyer(as?: TestTenant): Promise<{ id: string }> {
  return contact(t, companyInput(), as);
}

/** An issued invoice of 100.00 net + 19 % = 119.00 (11900) per unit, unless other lines are given. */
async function issued(
  contactId: string,
  extra: Record<string, unknown> = {},
  lines = [line({ quantity: '1', unitAmount: 10000 })],
  as?: TestTenant,
) {
  const created = await draft(t, { contactId, lines, ...extra }, as);
  return finalize(t, created.id, as);
}

const pay = (body: Record<string, unknown>, as?: TestTenant) => post(t, '/v1/payments', body, as);
const invoice = async (id: string, as?: TestTenant) => ok(get(t, `/v1/invoices/${id}`, as));
const eventTypes = async (resourceId: string) =>
  (await t.db('events').where('resource_id', resourceId).orderBy('id')).map((e) => e.type as string);
const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0]!.n);
const expectBooksBalance = () => expectBooksBalanceIn(t);

describe('paying invoices', () => {
  it('a partial payment leaves an open amount; the rest pays the invoice in full', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    expect(inv).toMatchObject({ grossTotal: 11900, amountPaid: 0, amountCredited: 0, amountOpen: 11900 });

    const first = await ok(
      pay({ invoiceId: inv.id, amount: 5000, method: 'bank_transfer', reference: inv.number }),
      201,
    );
    expect(first).toMatchObject({
      id: expect.stringMatching(/^pay_[0-9A-HJKMNP-TV-Z]{26}$/),
      type: 'payment',
      status: 'succeeded',
      contactId: customer.id,
      currency: 'EUR',
      amount: 5000,
      amountAllocated: 5000,
      amountUnapplied: 0,
      amountRefunded: 0,
      method: 'bank_transfer',
      reference: inv.number,
      paidAt: '2026-03-15T10:00:00.000Z',
      allocations: [{ invoiceId: inv.id, amount: 5000 }],
    });
    expect(await invoice(inv.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 5000,
      amountOpen: 6900,
      paidAt: null,
      version: inv.version + 1,
    });

    const second = await ok(
      pay({ invoiceId: inv.id, amount: 6900, method: 'cash', paidAt: '2026-03-14T16:30:00Z' }),
      201,
    );
    expect(second.allocations).toEqual([{ invoiceId: inv.id, amount: 6900 }]);
    expect(await invoice(inv.id)).toMatchObject({
      status: 'paid',
      amountPaid: 11900,
      amountOpen: 0,
      paidAt: '2026-03-14T16:30:00.000Z',
    });

    expect(await eventTypes(inv.id)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'invoice.partially_paid',
      'invoice.paid',
    ]);
    expect(await eventTypes(first.id)).toEqual(['payment.succeeded']);
    const paidEvent = await t.db('events').where({ resource_id: inv.id, type: 'invoice.paid' }).first();
    expect(paidEvent.data.object).toMatchObject({ id: inv.id, status: 'paid', amountOpen: 0 });
    const trail = await t.db('audit_log').where('resource_id', inv.id).orderBy('created_at').pluck('action');
    expect(trail).toEqual(expect.arrayContaining(['invoice.partially_paid', 'invoice.paid']));
    expect(
      await t.db('audit_log').where({ resource_id: first.id, action: 'payment.succeeded' }),
    ).toHaveLength(1);

    // paid in full: the invoice takes no more explicit allocation, and cannot be cancelled while paid
    const more = await pay({ allocations: [{ invoiceId: inv.id, amount: 1 }], amount: 1, method: 'cash' });
    expect(more.status).toBe(422);
    expect(more.body.errors).toEqual([
      expect.objectContaining({ path: 'allocations.0.amount', code: 'allocation_exceeds_open_amount' }),
    ]);
    const cancel = await post(t, `/v1/invoices/${inv.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('invoice_has_payments');
    await expectBooksBalance();
  });

  it('one payment pays two invoices, by explicit allocations or oldest due date first', async () => {
    const customer = await buyer();
    const a = await issued(customer.id);
    const b = await issued(customer.id);
    const both = await ok(
      pay({
        contactId: customer.id,
        amount: 16900,
        method: 'bank_transfer',
        allocations: [
          { invoiceId: a.id, amount: 11900 },
          { invoiceId: b.id, amount: 5000 },
        ],
      }),
      201,
    );
    expect(both.allocations).toEqual(
      [
        { invoiceId: a.id, amount: 11900 },
        { invoiceId: b.id, amount: 5000 },
      ].sort((x, y) => x.invoiceId.localeCompare(y.invoiceId)),
    );
    expect(await invoice(a.id)).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect(await invoice(b.id)).toMatchObject({ status: 'partially_paid', amountOpen: 6900 });

    // automatic: the invoice due first is paid first, whatever the order they were written in
    const later = await issued(customer.id, { issueDate: '2026-03-10', dueDate: '2026-04-30' });
    const sooner = await issued(customer.id, { issueDate: '2026-03-12', dueDate: '2026-03-20' });
    const auto = await ok(pay({ contactId: customer.id, amount: 20000, method: 'bank_transfer' }), 201);
    // b is due 2026-03-29 (14 days), sooner 03-20, later 04-30: sooner 11900, b 6900, later the last 1200
    expect(auto.amountAllocated).toBe(20000);
    expect(
      new Map(auto.allocations.map((x: { invoiceId: string; amount: number }) => [x.invoiceId, x.amount])),
    ).toEqual(
      new Map([
        [sooner.id, 11900],
        [b.id, 6900],
        [later.id, 1200],
      ]),
    );
    expect(await invoice(later.id)).toMatchObject({ status: 'partially_paid', amountOpen: 10700 });

    // the invoice filter finds every payment that touched an invoice
    const ofB = await ok(get(t, `/v1/payments?invoiceId=${b.id}`));
    expect(ofB.data.map((p: { id: string }) => p.id)).toEqual([auto.id, both.id]);
    const ofContact = await ok(get(t, `/v1/payments?contactId=${customer.id}&limit=1`));
    expect(ofContact).toMatchObject({ hasMore: true, nextCursor: auto.id });
    const next = await ok(get(t, `/v1/payments?contactId=${customer.id}&startingAfter=${auto.id}`));
    expect(next.data.map((p: { id: string }) => p.id)).toEqual([both.id]);
    await expectBooksBalance();
  });

  it('the invoice named takes what it owes; the rest of the payment becomes credit balance', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const over = await ok(pay({ invoiceId: inv.id, amount: 15000, method: 'bank_transfer' }), 201);
    expect(over).toMatchObject({ amountAllocated: 11900, amountUnapplied: 3100 });
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid' });
    expect(await ok(get(t, `/v1/contacts/${customer.id}/credit-balance`))).toEqual({
      contactId: customer.id,
      balances: [{ currency: 'EUR', amount: 3100 }],
    });

    // the contact's next invoice is paid from the balance as it is finalized
    const created = await draft(t, {
      contactId: customer.id,
      lines: [line({ quantity: '1', unitAmount: 10000 })],
    });
    const next = await finalize(t, created.id);
    expect(next).toMatchObject({ status: 'partially_paid', amountPaid: 3100, amountOpen: 8800 });
    expect(await eventTypes(next.id)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'invoice.partially_paid',
    ]);
    expect(await ok(get(t, `/v1/contacts/${customer.id}/credit-balance`))).toEqual({
      contactId: customer.id,
      balances: [],
    });
    // the money on the new invoice still names the payment it came from
    expect((await ok(get(t, `/v1/payments/${over.id}`))).allocations).toEqual(
      [
        { invoiceId: inv.id, amount: 11900 },
        { invoiceId: next.id, amount: 3100 },
      ].sort((x, y) => x.invoiceId.localeCompare(y.invoiceId)),
    );
    const ledger = await ok(get(t, `/v1/contacts/${customer.id}/credit-balance/transactions`));
    expect(ledger.data).toEqual([
      expect.objectContaining({
        kind: 'applied',
        amount: -3100,
        balanceAfter: 0,
        paymentId: over.id,
        documentId: next.id,
      }),
      expect.objectContaining({
        kind: 'overpayment',
        amount: 3100,
        balanceAfter: 3100,
        paymentId: over.id,
        documentId: null,
      }),
    ]);
    await expectBooksBalance();
  });

  it('a credit balance pays an earlier invoice on request', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    // allocations: [] books a prepayment entirely to the balance
    const prepaid = await ok(
      pay({ contactId: customer.id, amount: 5000, method: 'bank_transfer', allocations: [] }),
      201,
    );
    expect(prepaid).toMatchObject({ amountAllocated: 0, amountUnapplied: 5000, allocations: [] });
    expect(await invoice(inv.id)).toMatchObject({ status: 'finalized', amountPaid: 0 });

    const tooMuch = await post(t, `/v1/invoices/${inv.id}/apply-credit-balance`, { amount: 6000 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([
      expect.objectContaining({ path: 'amount', code: 'credit_exceeds_available' }),
    ]);
    const some = await ok(post(t, `/v1/invoices/${inv.id}/apply-credit-balance`, { amount: 2000 }));
    expect(some).toMatchObject({ status: 'partially_paid', amountPaid: 2000, amountOpen: 9900 });
    const rest = await ok(post(t, `/v1/invoices/${inv.id}/apply-credit-balance`));
    expect(rest).toMatchObject({ status: 'partially_paid', amountPaid: 5000, amountOpen: 6900 });
    const empty = await post(t, `/v1/invoices/${inv.id}/apply-credit-balance`);
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('credit_balance_empty');
    await expectBooksBalance();
  });

  it('a pro-forma takes no payment: the money waits in the balance and pays the real invoice', async () => {
    const customer = await buyer();
    const proForma = await finalize(
      t,
      (
        await draft(t, {
          contactId: customer.id,
          type: 'pro_forma',
          lines: [line({ quantity: '1', unitAmount: 10000 })],
        })
      ).id,
    );
    const refused = await pay({ invoiceId: proForma.id, amount: 11900, method: 'bank_transfer' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceId', code: 'invoice_not_payable' }),
    ]);
    await ok(
      pay({ contactId: customer.id, amount: 11900, method: 'bank_transfer', reference: proForma.number }),
      201,
    );
    const real = await issued(customer.id);
    expect(real).toMatchObject({ status: 'paid', amountPaid: 11900, amountOpen: 0 });
    expect(await eventTypes(real.id)).toEqual(['invoice.created', 'invoice.finalized', 'invoice.paid']);
  });
});

describe('credit notes', () => {
  it('reduce what an invoice owes; one that leaves it over-paid sends the excess to the credit balance', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id, {}, [line({ quantity: '2', unitAmount: 10000 })]); // 23800
    const credit = await ok(
      post(t, '/v1/credit-notes', { invoiceId: inv.id, lines: [line({ quantity: '1', unitAmount: 5000 })] }),
      201,
    );
    await finalize(t, credit.id, undefined, 'credit-notes'); // −5950
    expect(await invoice(inv.id)).toMatchObject({
      status: 'finalized',
      amountCredited: 5950,
      amountOpen: 17850,
    });

    await ok(pay({ invoiceId: inv.id, amount: 17850, method: 'bank_transfer' }), 201);
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid', amountPaid: 17850, amountOpen: 0 });

    // credited after it was paid: 2380 of the money is no longer owed and goes to the balance
    const late = await ok(
      post(t, '/v1/credit-notes', { invoiceId: inv.id, lines: [line({ quantity: '1', unitAmount: 2000 })] }),
      201,
    );
    await finalize(t, late.id, undefined, 'credit-notes');
    expect(await invoice(inv.id)).toMatchObject({
      status: 'paid',
      amountCredited: 8330,
      amountPaid: 15470,
      amountOpen: 0,
    });
    expect((await ok(get(t, `/v1/contacts/${customer.id}/credit-balance`))).balances).toEqual([
      { currency: 'EUR', amount: 2380 },
    ]);
    const ledger = await ok(get(t, `/v1/contacts/${customer.id}/credit-balance/transactions`));
    expect(ledger.data[0]).toMatchObject({ kind: 'released', amount: 2380, documentId: late.id });
    await expectBooksBalance();
  });

  it('a credit note for all of an unpaid invoice settles it', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const full = await ok(post(t, '/v1/credit-notes', { invoiceId: inv.id }), 201);
    await finalize(t, full.id, undefined, 'credit-notes');
    expect(await invoice(inv.id)).toMatchObject({
      status: 'paid',
      amountPaid: 0,
      amountCredited: 11900,
      amountOpen: 0,
    });
    expect((await eventTypes(inv.id)).at(-1)).toBe('invoice.paid');
  });
});

describe('refunds', () => {
  it('return the credit balance first, then reopen the invoice; partial refunds add up to the payment', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const payment = await ok(pay({ invoiceId: inv.id, amount: 12900, method: 'bank_transfer' }), 201);
    expect(payment.amountUnapplied).toBe(1000);

    const small = await ok(
      post(t, `/v1/payments/${payment.id}/refund`, { amount: 500, reason: 'Überzahlung' }),
      201,
    );
    expect(small).toMatchObject({
      type: 'refund',
      status: 'succeeded',
      refundedPaymentId: payment.id,
      amount: 500,
      amountAllocated: 0,
      amountUnapplied: 500,
      method: 'bank_transfer',
      description: 'Überzahlung',
      allocations: [],
    });
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid' });

    const reopening = await ok(post(t, `/v1/payments/${payment.id}/refund`, { amount: 3000 }), 201);
    expect(reopening).toMatchObject({
      amountAllocated: 2500,
      amountUnapplied: 500,
      allocations: [{ invoiceId: inv.id, amount: 2500 }],
    });
    expect(await invoice(inv.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 9400,
      amountOpen: 2500,
      paidAt: null,
    });
    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({
      amountRefunded: 3500,
      amountAllocated: 9400,
      amountUnapplied: 0,
      allocations: [{ invoiceId: inv.id, amount: 9400 }],
    });

    // without an amount: everything still refundable; nothing paid any more, so the invoice is open again
    const rest = await ok(post(t, `/v1/payments/${payment.id}/refund`), 201);
    expect(rest.amount).toBe(9400);
    expect(await invoice(inv.id)).toMatchObject({ status: 'finalized', amountPaid: 0, amountOpen: 11900 });
    const again = await post(t, `/v1/payments/${payment.id}/refund`, { amount: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('payment_fully_refunded');
    const ofRefund = await post(t, `/v1/payments/${rest.id}/refund`);
    expect(ofRefund.status).toBe(409);
    expect(ofRefund.body.code).toBe('payment_is_refund');

    expect(await eventTypes(small.id)).toEqual(['payment.refunded']);
    expect((await eventTypes(inv.id)).slice(2)).toEqual([
      'invoice.paid',
      'invoice.partially_paid',
      'invoice.updated',
    ]);
    const refunds = await ok(get(t, `/v1/payments?type=refund&contactId=${customer.id}`));
    expect(refunds.data.map((p: { id: string }) => p.id)).toEqual([rest.id, reopening.id, small.id]);
    // nothing paid any more: the invoice may now be cancelled
    expect((await post(t, `/v1/invoices/${inv.id}/cancel`)).status).toBe(200);
    await expectBooksBalance();
  });

  it('reopen exactly the invoices named; an invoice past its due date becomes overdue again', async () => {
    const customer = await buyer();
    const due = await issued(customer.id, { issueDate: '2026-03-01', dueDate: '2026-03-05' });
    const fresh = await issued(customer.id);
    const payment = await ok(
      pay({
        contactId: customer.id,
        amount: 23800,
        method: 'card',
        allocations: [
          { invoiceId: due.id, amount: 11900 },
          { invoiceId: fresh.id, amount: 11900 },
        ],
      }),
      201,
    );
    const bad = await post(t, `/v1/payments/${payment.id}/refund`, {
      amount: 20000,
      allocations: [
        { invoiceId: due.id, amount: 12000 },
        { invoiceId: 'doc_00000000000000000000000000', amount: 100 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'allocations.0.amount:refund_exceeds_allocation',
      'allocations.1.invoiceId:invoice_not_allocated',
      'amount:refund_exceeds_unapplied',
    ]);
    const refund = await ok(
      post(t, `/v1/payments/${payment.id}/refund`, {
        allocations: [{ invoiceId: due.id, amount: 11900 }],
        amount: 11900,
      }),
      201,
    );
    expect(refund.allocations).toEqual([{ invoiceId: due.id, amount: 11900 }]);
    expect(await invoice(due.id)).toMatchObject({ status: 'overdue', amountOpen: 11900 });
    expect(await invoice(fresh.id)).toMatchObject({ status: 'paid' });
    expect((await eventTypes(due.id)).at(-1)).toBe('invoice.overdue');
    await expectBooksBalance();
  });
});

describe('provider ids book once', () => {
  it('a repeated callback returns the payment booked first and books nothing', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const body = {
      invoiceId: inv.id,
      amount: 11900,
      method: 'stripe',
      provider: 'stripe',
      externalId: 'pi_3Nabc',
    };
    const first = await pay(body);
    expect(first.status).toBe(201);
    const repeat = await pay(body);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(await t.db('payments').where({ external_id: 'pi_3Nabc' })).toHaveLength(1);
    expect(await invoice(inv.id)).toMatchObject({ amountPaid: 11900, status: 'paid' });

    const other = await pay({ ...body, amount: 100 });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'external_id_conflict', paymentId: first.body.id });
    // the same id at another provider is another payment
    expect(
      (await pay({ ...body, provider: 'mollie', invoiceId: undefined, contactId: customer.id })).status,
    ).toBe(201);
  });

  it('an Idempotency-Key replays the first response of a client’s retry', async () => {
    const customer = await buyer();
    const request = {
      method: 'POST' as const,
      url: '/v1/payments',
      body: { contactId: customer.id, amount: 700, method: 'cash', allocations: [] },
      headers: { 'idempotency-key': `pay-${customer.id}` },
    };
    const first = await t.api(request);
    const retry = await t.api(request);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await t.db('payments').where('contact_id', customer.id)).toHaveLength(1);
  });

  it('concurrent duplicates book exactly one payment', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const body = {
      invoiceId: inv.id,
      amount: 4000,
      method: 'mollie',
      provider: 'mollie',
      externalId: 'tr_WDqYK6vllg',
    };
    const all = await Promise.all(Array.from({ length: 5 }, () => pay(body)));
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(await invoice(inv.id)).toMatchObject({ amountPaid: 4000, status: 'partially_paid' });
  });

  it('a failed attempt books nothing; its later success books it', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const attempt = {
      invoiceId: inv.id,
      amount: 11900,
      method: 'card',
      provider: 'stripe',
      externalId: 'pi_retry',
    };
    const failed = await ok(pay({ ...attempt, status: 'failed', failureReason: 'card_declined' }), 201);
    expect(failed).toMatchObject({
      status: 'failed',
      failureReason: 'card_declined',
      amountAllocated: 0,
      amountUnapplied: 0,
      allocations: [],
    });
    expect(await invoice(inv.id)).toMatchObject({ status: 'finalized', amountPaid: 0 });
    expect(await eventTypes(failed.id)).toEqual(['payment.failed']);
    expect((await post(t, `/v1/payments/${failed.id}/refund`)).body.code).toBe('payment_not_succeeded');

    const succeeded = await ok(pay(attempt), 200);
    expect(succeeded).toMatchObject({
      id: failed.id,
      status: 'succeeded',
      failureReason: null,
      amountAllocated: 11900,
    });
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid' });
    expect(await eventTypes(failed.id)).toEqual(['payment.failed', 'payment.succeeded']);
    // a late "failed" for a booked payment changes nothing
    expect(await ok(pay({ ...attempt, status: 'failed' }), 200)).toMatchObject({ status: 'succeeded' });
  });
});

describe('concurrency', () => {
  it('concurrent payments on one invoice never allocate more than it owes', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => pay({ invoiceId: inv.id, amount: 3000, method: 'bank_transfer' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const allocated = results.reduce((sum, r) => sum + r.body.amountAllocated, 0);
    expect(allocated).toBe(11900);
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid', amountPaid: 11900, amountOpen: 0 });
    expect((await ok(get(t, `/v1/contacts/${customer.id}/credit-balance`))).balances).toEqual([
      { currency: 'EUR', amount: 18000 - 11900 },
    ]);

    // explicit allocations that together exceed the open amount: the first wins, the rest are refused
    // (another buyer: this one's balance would pay a new invoice at its finalize)
    const second = await buyer();
    const other = await issued(second.id);
    const explicit = await Promise.all(
      Array.from({ length: 3 }, () =>
        pay({
          contactId: second.id,
          amount: 8000,
          method: 'cash',
          allocations: [{ invoiceId: other.id, amount: 8000 }],
        }),
      ),
    );
    expect(explicit.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    expect(await invoice(other.id)).toMatchObject({ amountPaid: 8000, amountOpen: 3900 });
    await expectBooksBalance();
  });

  it('a payment and a finalize racing on one customer leave the books consistent', async () => {
    const customer = await buyer();
    await ok(pay({ contactId: customer.id, amount: 50000, method: 'bank_transfer', allocations: [] }), 201);
    const drafts = await Promise.all(
      Array.from({ length: 3 }, () =>
        draft(t, { contactId: customer.id, lines: [line({ quantity: '1', unitAmount: 10000 })] }),
      ),
    );
    const settled = await Promise.all(drafts.map((d) => finalize(t, d.id)));
    expect(settled.map((d) => d.status)).toEqual(['paid', 'paid', 'paid']);
    expect((await ok(get(t, `/v1/contacts/${customer.id}/credit-balance`))).balances).toEqual([
      { currency: 'EUR', amount: 50000 - 3 * 11900 },
    ]);
    await expectBooksBalance();
  });
});

describe('bad input writes nothing', () => {
  it('malformed fields are named at once (400)', async () => {
    const res = await pay({
      amount: 0,
      method: 'gold',
      currency: 'euro',
      paidAt: 'yesterday',
      allocations: [{ invoiceId: '', amount: -5 }],
      unknown: true,
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'amount',
        'method',
        'currency',
        'paidAt',
        'allocations.0.invoiceId',
        'allocations.0.amount',
      ]),
    );
  });

  it('every broken rule is reported (422) and nothing is written', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const open = await draft(t, { contactId: customer.id, lines: [line()] });
    const usd = await issued(customer.id, { currency: 'USD' });
    const tables = [
      'payments',
      'payment_allocations',
      'customer_balances',
      'customer_balance_transactions',
      'events',
    ];
    const before = await Promise.all(tables.map(count));
    const res = await pay({
      contactId: 'con_00000000000000000000000000',
      amount: 1000,
      method: 'bank_transfer',
      externalId: 'abc',
      allocations: [
        { invoiceId: 'doc_00000000000000000000000000', amount: 100 },
        { invoiceId: open.id, amount: 100 },
        { invoiceId: usd.id, amount: 100 },
        { invoiceId: inv.id, amount: 20000 },
        { invoiceId: inv.id, amount: 1 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(
      [
        'provider:required',
        'contactId:contact_not_found',
        'allocations:allocations_exceed_amount',
        'allocations.0.invoiceId:invoice_not_found',
        'allocations.1.invoiceId:invoice_not_finalized',
        'allocations.2.invoiceId:contact_mismatch',
        'allocations.2.invoiceId:currency_mismatch',
        'allocations.3.invoiceId:contact_mismatch',
        'allocations.3.amount:allocation_exceeds_open_amount',
        'allocations.4.invoiceId:duplicate',
        'allocations.4.invoiceId:contact_mismatch',
      ].sort(),
    );
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(await invoice(inv.id)).toMatchObject({ amountPaid: 0, version: inv.version });

    const nothing = await pay({ amount: 100, method: 'cash' });
    expect(nothing.status).toBe(422);
    expect(nothing.body.errors).toEqual([expect.objectContaining({ path: 'contactId', code: 'required' })]);
  });
});

describe('tenancy', () => {
  it('another tenant’s payments, contacts and invoices answer 404 and stay unchanged', async () => {
    const intruder = await t.tenant('Fremd GmbH');
    await readySeller(t, intruder);
    const own = await buyer(intruder);
    await ok(pay({ contactId: own.id, amount: 100, method: 'cash' }, intruder), 201);

    const customer = await buyer();
    const inv = await issued(customer.id);
    const payment = await ok(pay({ invoiceId: inv.id, amount: 12000, method: 'bank_transfer' }), 201);

    const notFound = [
      [await get(t, `/v1/payments/${payment.id}`, intruder), 'payment_not_found'],
      [await post(t, `/v1/payments/${payment.id}/refund`, { amount: 1 }, intruder), 'payment_not_found'],
      [await get(t, `/v1/contacts/${customer.id}/credit-balance`, intruder), 'contact_not_found'],
      [
        await get(t, `/v1/contacts/${customer.id}/credit-balance/transactions`, intruder),
        'contact_not_found',
      ],
      [await post(t, `/v1/invoices/${inv.id}/apply-credit-balance`, {}, intruder), 'invoice_not_found'],
    ] as const;
    for (const [res, code] of notFound) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe(code);
    }
    // naming a foreign invoice or contact is like naming one that does not exist
    const foreign = await pay({ invoiceId: inv.id, amount: 100, method: 'cash' }, intruder);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceId', code: 'invoice_not_found' }),
    ]);
    const foreignContact = await pay({ contactId: customer.id, amount: 100, method: 'cash' }, intruder);
    expect(foreignContact.body.errors).toEqual([
      expect.objectContaining({ path: 'contactId', code: 'contact_not_found' }),
    ]);
    const theirs = await ok(get(t, `/v1/payments?invoiceId=${inv.id}`, intruder));
    expect(theirs.data).toEqual([]);
    const listed = await ok(get(t, '/v1/payments?limit=100', intruder));
    expect(listed.data.every((p: { contactId: string }) => p.contactId === own.id)).toBe(true);

    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({
      amountRefunded: 0,
      amountUnapplied: 100,
    });
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid' });
  });
});

describe('GraphQL', () => {
  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    expect(res.status).toBe(200);
    return res.body as {
      // biome-ignore lint/suspicious/noExplicitAny: the data's shape is whatever each query selects
      data: Record<string, any> | null;
      errors?: { extensions: { code: string; errors?: { path: string; code: string }[] } }[];
    };
  }

  it('records, reads, refunds and applies credit like REST', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const recorded = await gql(
      `mutation($input: PaymentInput!) {
        recordPayment(input: $input) {
          id status amount amountAllocated amountUnapplied contact { id }
          allocations { invoiceId amount invoice { id status amountOpen amountPaid } }
        }
      }`,
      { input: { invoiceId: inv.id, amount: 13000, method: 'bank_transfer', metadata: { source: 'gql' } } },
    );
    expect(recorded.errors).toBeUndefined();
    const payment = recorded.data!.recordPayment;
    expect(payment).toMatchObject({
      status: 'succeeded',
      amount: 13000,
      amountAllocated: 11900,
      amountUnapplied: 1100,
      contact: { id: customer.id },
      allocations: [
        {
          invoiceId: inv.id,
          amount: 11900,
          invoice: { id: inv.id, status: 'paid', amountOpen: 0, amountPaid: 11900 },
        },
      ],
    });

    const read = await gql(
      `query($id: ID!, $invoiceId: ID!, $contactId: ID!) {
        payment(id: $id) { id method }
        invoice(id: $invoiceId) { amountOpen amountCredited payments { id amount } }
        payments(contactId: $contactId) { data { id } hasMore nextCursor }
        creditBalance(contactId: $contactId) { balances { currency amount } }
        creditBalanceTransactions(contactId: $contactId) { data { kind amount balanceAfter } }
      }`,
      { id: payment.id, invoiceId: inv.id, contactId: customer.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      payment: { id: payment.id, method: 'bank_transfer' },
      invoice: { amountOpen: 0, amountCredited: 0, payments: [{ id: payment.id, amount: 13000 }] },
      payments: { data: [{ id: payment.id }], hasMore: false, nextCursor: null },
      creditBalance: { balances: [{ currency: 'EUR', amount: 1100 }] },
      creditBalanceTransactions: { data: [{ kind: 'overpayment', amount: 1100, balanceAfter: 1100 }] },
    });

    const refunded = await gql(
      `mutation($id: ID!) { refundPayment(id: $id, input: { amount: 2000, reason: "Retoure" }) {
        type amount refundedPaymentId allocations { invoiceId amount } } }`,
      { id: payment.id },
    );
    expect(refunded.data!.refundPayment).toEqual({
      type: 'refund',
      amount: 2000,
      refundedPaymentId: payment.id,
      allocations: [{ invoiceId: inv.id, amount: 900 }],
    });

    const other = await issued(customer.id, {}, [line({ quantity: '1', unitAmount: 10000 })]);
    // finalize spent nothing: the balance was refunded; pay by hand, then from a new prepayment
    await ok(pay({ contactId: customer.id, amount: 500, method: 'cash', allocations: [] }), 201);
    const applied = await gql(
      `mutation($id: ID!) { applyCreditBalance(invoiceId: $id, amount: 300) { id status amountPaid amountOpen } }`,
      { id: other.id },
    );
    expect(applied.data!.applyCreditBalance).toEqual({
      id: other.id,
      status: 'partially_paid',
      amountPaid: 300,
      amountOpen: 11600,
    });

    const invalid = await gql(`mutation { recordPayment(input: { amount: -1, method: "gold" }) { id } }`);
    expect(invalid.errors![0]!.extensions.code).toBe('validation_failed');
    expect(invalid.errors![0]!.extensions.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['amount', 'method']),
    );
    const missing = await gql(`{ payment(id: "pay_00000000000000000000000000") { id } }`);
    expect(missing.data).toEqual({ payment: null });
  });

  it('a contact with payments is kept: deleting it answers 409 contact_has_payments', async () => {
    const payer = await buyer();
    await ok(pay({ contactId: payer.id, amount: 5000, currency: 'EUR', method: 'bank_transfer' }), 201);
    const refused = await t.api({ method: 'DELETE', url: `/v1/contacts/${payer.id}` });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('contact_has_payments');
    expect(await t.db('contacts').where('id', payer.id)).toHaveLength(1);
  });
});

// Found by a bookkeeper using payments and refunds; each test failed before its fix.
describe('refund dates', () => {
  it('a refund dated before the money arrived is refused (422 refundedAt) and nothing is written', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const payment = await ok(
      pay({ invoiceId: inv.id, amount: 11900, method: 'bank_transfer', paidAt: '2026-03-10T09:00:00Z' }),
      201,
    );
    const before = { payments: await count('payments'), allocations: await count('payment_allocations') };

    const early = await post(t, `/v1/payments/${payment.id}/refund`, {
      amount: 20000,
      refundedAt: '2026-03-01T12:00:00Z',
    });
    expect(early.status).toBe(422);
    expect(
      early.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(),
    ).toEqual(['amount:refund_exceeds_payment', 'refundedAt:refund_before_payment']);
    expect({ payments: await count('payments'), allocations: await count('payment_allocations') }).toEqual(
      before,
    );
    expect(await ok(get(t, `/v1/invoices/${inv.id}`))).toMatchObject({ status: 'paid', amountPaid: 11900 });

    // the same day, or later, is fine
    const refund = await ok(
      post(t, `/v1/payments/${payment.id}/refund`, { amount: 1900, refundedAt: '2026-03-10T09:00:00Z' }),
      201,
    );
    expect(refund).toMatchObject({ paidAt: '2026-03-10T09:00:00.000Z', amount: 1900 });
    await expectBooksBalanceIn(t);
  });
});

describe('provider repeats with a broken body', () => {
  it('a repeated provider id is refused (422) when the body breaks a rule, as the first request would be', async () => {
    const customer = await buyer();
    const inv = await issued(customer.id);
    const body = {
      invoiceId: inv.id,
      amount: 11900,
      method: 'bank_transfer',
      provider: 'bank',
      externalId: 'E2E-SWEEP-B-1',
    };
    const first = await ok(pay(body), 201);
    const broken = await pay({
      ...body,
      allocations: [{ invoiceId: inv.id, amount: 11900 }],
      failureReason: 'insufficient funds',
    });
    expect(broken.status).toBe(422);
    expect(
      broken.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(),
    ).toEqual(['failureReason:payment_not_failed', 'invoiceId:conflicting']);
    // the good repeat still answers 200 with the first booking
    expect(await ok(pay(body))).toMatchObject({ id: first.id });

    const refundBody = { amount: 1000, provider: 'bank', externalId: 'RET-SWEEP-B-1' };
    const refund = await ok(post(t, `/v1/payments/${first.id}/refund`, refundBody), 201);
    const brokenRefund = await post(t, `/v1/payments/${first.id}/refund`, {
      ...refundBody,
      allocations: [
        { invoiceId: inv.id, amount: 600 },
        { invoiceId: inv.id, amount: 600 },
      ],
    });
    expect(brokenRefund.status).toBe(422);
    expect(
      brokenRefund.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(),
    ).toEqual(['allocations.1.invoiceId:duplicate', 'allocations:allocations_exceed_amount']);
    expect(await ok(post(t, `/v1/payments/${first.id}/refund`, refundBody))).toMatchObject({ id: refund.id });
    expect(await t.db('payments').where({ refunded_payment_id: first.id })).toHaveLength(1);
    await expectBooksBalanceIn(t);
  });
});

describe('a failed attempt that succeeds later', () => {
  it('books for the payer and currency it was recorded with; another payer or currency is 409, nothing written', async () => {
    const first = await buyer();
    const second = await buyer();
    const theirs = await issued(second.id);
    const attempt = { amount: 20000, method: 'card', provider: 'psp', externalId: 'ch_sweep_b_1' };
    const failed = await ok(
      pay({ ...attempt, contactId: first.id, status: 'failed', failureReason: 'card declined' }),
      201,
    );
    // the success names another customer's invoice: the payment's payer (and its credit balance) would differ
    const other = await pay({ ...attempt, invoiceId: theirs.id });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'external_id_conflict', paymentId: failed.id });
    expect(await ok(get(t, `/v1/invoices/${theirs.id}`))).toMatchObject({ amountPaid: 0 });
    expect(await ok(get(t, `/v1/contacts/${second.id}/credit-balance`))).toMatchObject({ balances: [] });

    // and in another currency than it was recorded in
    const usd = await ok(
      pay({ ...attempt, externalId: 'ch_sweep_b_2', contactId: first.id, currency: 'USD', status: 'failed' }),
      201,
    );
    const mine = await issued(first.id);
    const eur = await pay({ ...attempt, externalId: 'ch_sweep_b_2', invoiceId: mine.id });
    expect(eur.status).toBe(409);
    expect(eur.body).toMatchObject({ code: 'external_id_conflict', paymentId: usd.id });
    expect(await ok(get(t, `/v1/payments/${usd.id}`))).toMatchObject({ status: 'failed', currency: 'USD' });

    // the same payer and currency: that payment is booked now
    const booked = await ok(pay({ ...attempt, contactId: first.id, allocations: [] }));
    expect(booked).toMatchObject({
      id: failed.id,
      status: 'succeeded',
      contactId: first.id,
      amountUnapplied: 20000,
    });
    await expectBooksBalanceIn(t);
  });
});
