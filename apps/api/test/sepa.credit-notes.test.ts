import { execFileSync } from 'node:child_process';
import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes, contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';

// A credit note reduces what a direct-debit invoice owes (docs/payments.md, "Credit notes"): a collection
// must debit only what is still open — amount due − credited − paid — never the invoice's full amount.

const now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });

beforeAll(async () => {
  await readySeller(t, undefined, { sepaCreditorId: 'DE98ZZZ09999999999' });
});

let mandates = 0;
async function debtor() {
  mandates += 1;
  return contact(
    t,
    companyInput({
      preferredPaymentMethod: 'sepa_debit',
      sepaMandates: [
        {
          reference: `MDT-CN-${String(mandates).padStart(4, '0')}`,
          signedDate: '2026-02-01',
          iban: 'DE02120300000000202051',
        },
      ],
    } as never),
  );
}

/** A finalized direct-debit invoice of 119.00 EUR with a finalized credit note of 59.50 EUR against it. */
async function creditedInvoice(contactId: string) {
  const invoice = await finalize(
    t,
    (await draft(t, { contactId, lines: [line({ quantity: '1', unitAmount: 10000 })] })).id,
  );
  const credit = await ok(
    post(t, '/v1/credit-notes', {
      invoiceId: invoice.id,
      lines: [line({ quantity: '1', unitAmount: 5000 })],
    }),
    201,
  );
  await finalize(t, credit.id, undefined, 'credit-notes');
  const after = await ok(get(t, `/v1/invoices/${invoice.id}`));
  expect(after).toMatchObject({ amountDue: 11900, amountCredited: 5950, amountOpen: 5950 });
  return after;
}

describe('collections of credited invoices', () => {
  it('collect only what is open after the credit note (named invoices and due ones)', async () => {
    const payer = await debtor();
    const named = await creditedInvoice(payer.id);
    const res = await post(t, '/v1/sepa/collections', { invoiceIds: [named.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items.map((i: { amount: number }) => i.amount)).toEqual([5950]);
    expect(res.body.controlSum).toBe(5950);
    const xml = (await bytes(t, `/v1/sepa/collections/${res.body.id}/xml`)).body;
    const amounts = execFileSync('xmllint', ['--xpath', "//*[local-name()='InstdAmt']/text()", '-'], {
      input: xml,
    }).toString();
    expect(amounts.trim()).toBe('59.50');
    await ok(post(t, `/v1/sepa/collections/${res.body.id}/cancel`));

    const due = await post(t, '/v1/sepa/collections', { dueBy: '2026-12-31' });
    expect(due.status, JSON.stringify(due.body)).toBe(201);
    const item = due.body.items.find((i: { invoiceId: string }) => i.invoiceId === named.id);
    expect(item.amount).toBe(5950);
    // and submitting it is not refused as stale: the amount is still what is open
    const submitted = await post(t, `/v1/sepa/collections/${due.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it('a credit note issued while the collection waits makes it stale', async () => {
    const payer = await debtor();
    const invoice = await finalize(
      t,
      (await draft(t, { contactId: payer.id, lines: [line({ quantity: '1', unitAmount: 10000 })] })).id,
    );
    const res = await post(t, '/v1/sepa/collections', { invoiceIds: [invoice.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items[0].amount).toBe(11900);
    const credit = await ok(
      post(t, '/v1/credit-notes', {
        invoiceId: invoice.id,
        lines: [line({ quantity: '1', unitAmount: 5000 })],
      }),
      201,
    );
    await finalize(t, credit.id, undefined, 'credit-notes');
    const submitted = await post(t, `/v1/sepa/collections/${res.body.id}/submit`);
    expect(submitted.status).toBe(409);
    expect(submitted.body.code).toBe('sepa_collection_stale');
    expect(submitted.body.errors[0]).toMatchObject({ path: 'items.0', code: 'invoice_changed' });
  });
});
