import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { worker } from './billing.support';
import { contact, get, ok, post, readySeller } from './documents.support';
import { CSV_HEADER, CSV_MAPPING, expectBooksBalanceIn, issuedInvoice, money } from './payments.support';

// A bookkeeper undoes a match and books the transfer again: the new booking must move money. The first booking
// of a bank transaction uses the transaction's id as its provider id; after an unmatch refunded it, booking
// under that id again found the refunded payment and booked nothing, while the transaction read `matched`.

const now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });
const w = worker(t, { clock });

beforeAll(async () => {
  await readySeller(t);
});

async function statement(rows: string[]) {
  const res = await t.api({
    method: 'POST',
    url: `/v1/bank-statements${CSV_MAPPING}`,
    body: [CSV_HEADER, ...rows].join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await w.run();
  const list = await ok(get(t, `/v1/bank-transactions?statementId=${res.body.statements[0].id}&limit=100`));
  return [...list.data].reverse() as Record<string, unknown>[];
}

describe('matching a transaction again after an unmatch', () => {
  it('a manual match after unmatching an applied match books a new payment', async () => {
    const buyer = await contact(t, companyInput());
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const b = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const [txn] = await statement([`02.03.2026;Kunde;;${a.number};${money(11900)};EUR`]);
    expect(txn).toMatchObject({ status: 'matched', matchRule: 'number_exact' });
    const first = txn!.paymentId as string;

    // wrong invoice: the bookkeeper takes it back and books it on the other one
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    const rematched = await ok(
      post(t, `/v1/bank-transactions/${txn!.id}/match`, {
        allocations: [{ invoiceId: b.id, amount: 11900 }],
      }),
    );
    expect(rematched.status).toBe('matched');
    expect(rematched.paymentId).not.toBe(first);
    const payment = await ok(get(t, `/v1/payments/${rematched.paymentId}`));
    expect(payment).toMatchObject({
      amount: 11900,
      amountAllocated: 11900,
      amountRefunded: 0,
      provider: 'bank',
      allocations: [{ invoiceId: b.id, amount: 11900 }],
    });
    expect(await ok(get(t, `/v1/invoices/${b.id}`))).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect(await ok(get(t, `/v1/invoices/${a.id}`))).toMatchObject({
      status: 'finalized',
      amountOpen: 11900,
    });

    // and once more: unmatch the second booking, match back to the first invoice
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    const third = await ok(
      post(t, `/v1/bank-transactions/${txn!.id}/match`, {
        allocations: [{ invoiceId: a.id, amount: 11900 }],
      }),
    );
    expect(new Set([first, rematched.paymentId, third.paymentId]).size).toBe(3);
    expect(await ok(get(t, `/v1/invoices/${a.id}`))).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect(await ok(get(t, `/v1/invoices/${b.id}`))).toMatchObject({ amountOpen: 11900 });
    await expectBooksBalanceIn(t);
  });

  it('accepting a new suggestion after an unmatch books it', async () => {
    const buyer = await contact(t, companyInput());
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const c = await issuedInvoice(t, buyer.id, 20000); // 238.00
    const [txn] = await statement([`03.03.2026;Kunde;;${a.number} ${c.number};${money(11900)};EUR`]);
    // names two invoices, the amount is the first one's only: suggested
    expect(txn).toMatchObject({ status: 'suggested' });
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/match`, { acceptSuggestion: true }));
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    const again = await ok(
      post(t, `/v1/bank-transactions/${txn!.id}/match`, { contactId: buyer.id, allocations: [] }),
    );
    expect(again.status).toBe('matched');
    // all of it in the credit balance now
    const balance = await ok(get(t, `/v1/contacts/${buyer.id}/credit-balance`));
    expect(balance.balances).toEqual([{ currency: 'EUR', amount: 11900 }]);
    await expectBooksBalanceIn(t);
  });

  it('invoices rejected in an earlier unmatch stay rejected after a later one', async () => {
    const buyer = await contact(t, companyInput());
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const b = await issuedInvoice(t, buyer.id, 10000); // 119.00
    // names a, pays half of it: suggested
    const [txn] = await statement([`05.03.2026;Kunde;;${a.number};${money(5950)};EUR`]);
    expect(txn).toMatchObject({ status: 'suggested', matchAllocations: [{ invoiceId: a.id, amount: 5950 }] });
    // not a: the person rejects it, books it on b, then takes that back too
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    await ok(
      post(t, `/v1/bank-transactions/${txn!.id}/match`, { allocations: [{ invoiceId: b.id, amount: 5950 }] }),
    );
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    // the next run proposes neither (it proposed a again: the second unmatch forgot the first)
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect(await ok(get(t, `/v1/bank-transactions/${txn!.id}`))).toMatchObject({
      status: 'unmatched',
      matchAllocations: null,
    });
    await expectBooksBalanceIn(t);
  });

  it('the next reconciliation run books a transaction unmatched before under a new id', async () => {
    const buyer = await contact(t, companyInput());
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    // the payer names a and the next invoice, which is not issued yet: applied to a
    const next = a.number.replace(/\d+$/, (seq: string) => String(Number(seq) + 1).padStart(seq.length, '0'));
    const [txn] = await statement([`04.03.2026;Kunde;;${a.number} ${next};${money(11900)};EUR`]);
    expect(txn).toMatchObject({ status: 'matched', matchRule: 'number_exact' });
    expect((txn!.matchAllocations as unknown[]).length).toBe(1);
    // not for a: a person unmatches it (a is not proposed for it again), and a is paid in cash
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    await ok(post(t, '/v1/payments', { invoiceId: a.id, amount: 11900, method: 'cash' }), 201);
    // the invoice it was for is issued now; the next run applies the transfer to it
    const c = await issuedInvoice(t, buyer.id, 10000);
    expect(c.number).toBe(next);
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    const after = await ok(get(t, `/v1/bank-transactions/${txn!.id}`));
    expect(after).toMatchObject({
      status: 'matched',
      matchRule: 'number_exact',
      matchAllocations: [{ invoiceId: c.id, amount: 11900 }],
    });
    expect(after.paymentId).not.toBe(txn!.paymentId);
    expect(await ok(get(t, `/v1/payments/${after.paymentId}`))).toMatchObject({
      amountAllocated: 11900,
      amountRefunded: 0,
    });
    expect(await ok(get(t, `/v1/invoices/${c.id}`))).toMatchObject({ status: 'paid', amountOpen: 0 });
    await expectBooksBalanceIn(t);
  });

  it('an unmatched SEPA credit is not matched to the refunded collection payment again', async () => {
    await readySeller(t, undefined, { sepaCreditorId: 'DE98ZZZ09999999999' });
    const debtor = await contact(
      t,
      companyInput({
        preferredPaymentMethod: 'sepa_debit',
        sepaMandates: [
          { reference: 'MDT-REMATCH-1', signedDate: '2026-02-01', iban: 'DE02120300000000202051' },
        ],
      } as never),
    );
    const invoice = await issuedInvoice(t, debtor.id, 10000);
    const collection = await ok(post(t, '/v1/sepa/collections', { invoiceIds: [invoice.id] }), 201);
    await ok(post(t, `/v1/sepa/collections/${collection.id}/submit`));
    const e2e = collection.items[0].endToEndId as string;
    const mt940 = [
      ':20:STARTUMS',
      ':25:37040044/0532013000',
      ':28C:00018/001',
      ':60F:C260316EUR1000,00',
      ':61:2603160316CR119,00NDDTNONREF//260316-1',
      `:86:171?00SEPA-LASTSCHRIFT?20EREF+${e2e}?21MREF+MDT-REMATCH-1?22SVWZ+${invoice.number}?32Muster GmbH`,
      ':62F:C260316EUR1119,00',
      '-',
    ].join('\r\n');
    const res = await t.api({
      method: 'POST',
      url: '/v1/bank-statements',
      body: mt940,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await w.run();
    const [txn] = (await ok(get(t, `/v1/bank-transactions?statementId=${res.body.statements[0].id}`))).data;
    expect(txn).toMatchObject({ status: 'matched', matchRule: 'sepa_reference' });
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).status).toBe('paid');

    // a person says this is not that debit: the payment is taken back …
    await ok(post(t, `/v1/bank-transactions/${txn.id}/unmatch`));
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).amountOpen).toBe(11900);
    // … and the next run does not mark it matched to the refunded payment (nothing would be booked)
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    const after = await ok(get(t, `/v1/bank-transactions/${txn.id}`));
    expect(after.status).toBe('unmatched');
    // the person books it by hand: a new payment pays the invoice
    const booked = await ok(
      post(t, `/v1/bank-transactions/${txn.id}/match`, {
        allocations: [{ invoiceId: invoice.id, amount: 11900 }],
      }),
    );
    expect(booked.paymentId).not.toBe(txn.paymentId);
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({ status: 'paid', amountOpen: 0 });
    await expectBooksBalanceIn(t);
  });
});
