import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { worker } from './billing.support';
import { contact, get, ok, post, readySeller } from './documents.support';
import { expectBooksBalanceIn, issuedInvoice } from './payments.support';

// A SEPA return that the bank books with its fee included and says nothing else (no original amount, no
// charges: common in MT940 and in short camt files). The return must refund what was collected and record
// the rest as the fee — not try to refund the debited amount, which is more than was collected: that refusal
// failed the reconciliation job on every retry and left every later transaction of the organisation unmatched.

let now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });
const w = worker(t, { clock });

beforeAll(async () => {
  await readySeller(t, undefined, { sepaCreditorId: 'DE98ZZZ09999999999' });
});

async function importMt940(lines: string[]) {
  const res = await t.api({
    method: 'POST',
    url: '/v1/bank-statements',
    body: lines.join('\r\n'),
    headers: { 'content-type': 'text/plain' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await w.run();
  return [
    ...(await ok(get(t, `/v1/bank-transactions?statementId=${res.body.statements[0].id}`))).data,
  ].reverse();
}

describe('SEPA returns booked with the fee and no original amount', () => {
  it('refund what was collected, record the rest as fee, and do not block the transactions after it', async () => {
    const debtor = await contact(
      t,
      companyInput({
        preferredPaymentMethod: 'sepa_debit',
        sepaMandates: [{ reference: 'MDT-RET-1', signedDate: '2026-02-01', iban: 'DE02120300000000202051' }],
      } as never),
    );
    const invoice = await issuedInvoice(t, debtor.id, 10000); // 119.00
    const collection = await ok(post(t, '/v1/sepa/collections', { invoiceIds: [invoice.id] }), 201);
    await ok(post(t, `/v1/sepa/collections/${collection.id}/submit`));
    const e2e = collection.items[0].endToEndId as string;
    const buyer = await contact(t, companyInput());
    const other = await issuedInvoice(t, buyer.id, 5000); // 59.50, paid by transfer after the return

    now = new Date('2026-03-20T09:00:00Z');
    const txns = await importMt940([
      ':20:STARTUMS',
      ':25:37040044/0532013000',
      ':28C:00020/001',
      ':60F:C260316EUR1000,00',
      ':61:2603160316CR119,00NDDTNONREF//260316-1',
      `:86:171?00SEPA-LASTSCHRIFT?20EREF+${e2e}?21MREF+MDT-RET-1?22SVWZ+${invoice.number}?32Muster GmbH`,
      // 119.00 back plus 3.00 fee, nothing says which is which
      ':61:2603190319DR122,00NDDTNONREF//260319-7',
      `:86:109?00SEPA-DD SOLL RUECKBEL. CORE?20EREF+${e2e}?21MREF+MDT-RET-1?23SVWZ+RETOURE?32Muster GmbH?34902`,
      ':61:2603190319CR59,50NTRFNONREF//260319-8',
      `:86:166?00GUTSCHRIFT?20SVWZ+${other.number}?32Kunde`,
      ':62F:C260319EUR1056,50',
      '-',
    ]);
    expect(txns.map((x) => [x.status, x.matchRule])).toEqual([
      ['matched', 'sepa_reference'],
      ['matched', 'sepa_return'],
      ['matched', 'number_exact'],
    ]);
    expect(txns[1]).toMatchObject({ returnReasonCode: 'AC04', returnFee: 300 });
    expect(txns[1]!.matchAllocations).toEqual([{ invoiceId: invoice.id, amount: 11900 }]);
    const refund = await ok(get(t, `/v1/payments/${txns[1]!.paymentId}`));
    expect(refund).toMatchObject({ type: 'refund', amount: 11900 });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({ amountOpen: 11900 });
    expect((await ok(get(t, `/v1/sepa/collections/${collection.id}`))).items[0].status).toBe('returned');
    expect((await ok(get(t, `/v1/invoices/${other.id}`))).status).toBe('paid');
    await expectBooksBalanceIn(t);
  });
});
