import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { worker } from './billing.support';
import { contact, get, ok, post, readySeller } from './documents.support';
import { CSV_HEADER, CSV_MAPPING, expectBooksBalanceIn, issuedInvoice, money } from './payments.support';

// A booking the payment rules refuse must not stop reconciliation. A bank transaction is booked under its own
// id as the provider id; when someone already booked another amount under that id (a connector recording the
// transfer through POST /v1/payments), the automatic booking is refused with 409 external_id_conflict. That
// used to roll back the whole chunk and fail the job on every retry, so none of the organisation's
// transactions were matched any more. Now the refused one is left for a person, with the reason, the rest is
// booked, and the person's match books it.

const now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });
const w = worker(t, { clock });

beforeAll(async () => {
  await readySeller(t);
});

/** Imports a CSV statement of `rows` (not yet reconciled); lists its transactions. */
async function importStatement(rows: string[]) {
  const imported = await t.api({
    method: 'POST',
    url: `/v1/bank-statements${CSV_MAPPING}`,
    body: [CSV_HEADER, ...rows].join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const statementId = imported.body.statements[0].id as string;
  return async () =>
    (await ok(get(t, `/v1/bank-transactions?statementId=${statementId}&limit=10`))).data as Record<
      string,
      unknown
    >[];
}

/** A connector books 59.50 on `invoiceId` under the transaction's id, before reconciliation runs. */
const bookUnderTransactionId = (invoiceId: string, transactionId: unknown) =>
  ok(
    post(t, '/v1/payments', {
      invoiceId,
      amount: 5950,
      method: 'bank_transfer',
      provider: 'bank',
      externalId: transactionId,
    }),
    201,
  );

describe('a booking the rules refuse', () => {
  it('leaves that transaction suggested with the reason, books the rest, and a person can book it', async () => {
    const buyer = await contact(t, companyInput());
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const b = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const other = await issuedInvoice(t, buyer.id, 5000); // 59.50
    const listed = await importStatement([
      `02.03.2026;Kunde;;${a.number};${money(11900)};EUR`,
      `02.03.2026;Kunde;;${b.number};${money(11900)};EUR`,
    ]);
    const byNumber = async (number: string) =>
      (await listed()).find((x) => String(x.remittanceInformation).includes(number))!;

    // before reconciliation runs, a connector books 59.50 on another invoice under the first transfer's id
    const first = await byNumber(a.number);
    const foreign = await bookUnderTransactionId(other.id, first.id);

    await w.run();
    expect(await byNumber(b.number)).toMatchObject({ status: 'matched', matchRule: 'number_exact' });
    const refused = await byNumber(a.number);
    expect(refused).toMatchObject({
      status: 'suggested',
      matchRule: 'number_exact',
      matchAllocations: [{ invoiceId: a.id, amount: 11900 }],
      paymentId: null,
    });
    expect(refused.matchReason).toMatch(/^not booked automatically: .*\(external_id_conflict\)$/);
    expect(await ok(get(t, `/v1/invoices/${a.id}`))).toMatchObject({ amountOpen: 11900 });
    expect(await ok(get(t, `/v1/invoices/${b.id}`))).toMatchObject({ status: 'paid' });

    // the next run leaves it alone (it waits for a person), and the person's acceptance books it
    await w.run();
    expect(await byNumber(a.number)).toMatchObject({ status: 'suggested' });
    const accepted = await ok(post(t, `/v1/bank-transactions/${first.id}/match`, { acceptSuggestion: true }));
    expect(accepted).toMatchObject({ status: 'matched', matchRule: 'manual' });
    expect(accepted.paymentId).not.toBe(foreign.id);
    expect(await ok(get(t, `/v1/payments/${accepted.paymentId}`))).toMatchObject({
      amount: 11900,
      provider: 'bank',
      externalId: `${first.id}#2`,
      allocations: [{ invoiceId: a.id, amount: 11900 }],
    });
    expect(await ok(get(t, `/v1/invoices/${a.id}`))).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect(await ok(get(t, `/v1/payments/${foreign.id}`))).toMatchObject({
      externalId: first.id,
      amount: 5950,
    });
    await expectBooksBalanceIn(t);
  });

  it('a chunk decided one by one after a refusal still has its transactions without a number suggested by payer', async () => {
    const buyer = await contact(t, companyInput());
    const payer = await contact(
      t,
      companyInput({
        companyName: 'Südwind AG',
        bankAccounts: [{ iban: 'DE02120300000000202051' }],
      } as never),
    );
    const a = await issuedInvoice(t, buyer.id, 10000); // 119.00
    const other = await issuedInvoice(t, buyer.id, 5000); // 59.50
    const byIban = await issuedInvoice(t, payer.id, 30000); // 357.00
    const listed = await importStatement([
      `03.03.2026;Kunde;;${a.number};${money(11900)};EUR`,
      // rule 4: no number, the payer's IBAN and the amount of its one open invoice
      `03.03.2026;Jemand;DE02 1203 0000 0000 2020 51;Danke;${money(35700)};EUR`,
    ]);
    const first = (await listed()).find((x) => String(x.remittanceInformation).includes(a.number))!;
    await bookUnderTransactionId(other.id, first.id);

    await w.run();
    const after = await listed();
    expect(after.find((x) => x.id === first.id)).toMatchObject({
      status: 'suggested',
      matchReason: expect.stringContaining('external_id_conflict'),
    });
    expect(after.find((x) => x.id !== first.id)).toMatchObject({
      status: 'suggested',
      matchRule: 'iban_amount',
      matchAllocations: [{ invoiceId: byIban.id, amount: 35700 }],
    });
  });
});
