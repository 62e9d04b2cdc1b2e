import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, line, patch, post, readySeller } from './documents.support';
import { tenantRows } from './rows.support';

// Amounts are integers of minor units and must stay exact. A line whose quantity × price, or lines whose
// sum, leaves the exact integers is refused with 422 — it used to be priced as 0 and could be finalized; a
// contract item like it made the contract's create answer 500, and a payment could round a credit balance.
const t = await createTestApp();
let buyer: { id: string };

beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput({ companyName: 'Groß & Klein AG' }));
});

describe('amounts beyond the exact integers', () => {
  it('refuses a line whose quantity × price is out of range, naming the line, and writes nothing', async () => {
    const before = await tenantRows(t, 'documents');
    const res = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      lines: [line(), line({ quantity: '1000000000', unitAmount: Number.MAX_SAFE_INTEGER })],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'lines.1', code: 'amount_out_of_range' }),
    ]);
    expect(await tenantRows(t, 'documents')).toBe(before);
  });

  it('refuses lines whose sum is out of range, on create and on update of a draft', async () => {
    const half = Math.floor(Number.MAX_SAFE_INTEGER / 2);
    const tooMuch = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      lines: [line({ quantity: '1', unitAmount: half }), line({ quantity: '1', unitAmount: 1 })],
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([
      expect.objectContaining({ path: 'lines', code: 'amount_out_of_range' }),
    ]);

    // the largest net a document holds is accepted, VAT included exactly
    const largest = await draft(t, {
      contactId: buyer.id,
      lines: [line({ quantity: '1', unitAmount: half })],
    });
    expect(largest.lineNetTotal).toBe(half);
    expect(Number.isSafeInteger(largest.grossTotal)).toBe(true);
    // VAT 19 % rounded half up, computed exactly (half × 19 is beyond the exact doubles)
    const vat = (BigInt(half) * 19n + 50n) / 100n;
    expect(BigInt(largest.grossTotal)).toBe(BigInt(half) + vat);

    const updated = await patch(t, `/v1/invoices/${largest.id}`, {
      lines: [line({ quantity: '2', unitAmount: half })],
    });
    expect(updated.status).toBe(422);
    expect(updated.body.errors).toEqual([expect.objectContaining({ code: 'amount_out_of_range' })]);
  });

  it('refuses a contract item whose charge per period is out of range, and writes nothing', async () => {
    const before = await tenantRows(t, 'contracts');
    const res = await post(t, '/v1/contracts', {
      contactId: buyer.id,
      startDate: '2026-11-01',
      intervalMonths: 1,
      items: [
        { name: 'Hosting', quantity: '1', priceModel: { kind: 'per_unit', unitAmount: '4900' } },
        {
          name: 'Everything',
          quantity: '1000000000',
          priceModel: { kind: 'per_unit', unitAmount: String(Number.MAX_SAFE_INTEGER) },
        },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'items.1', code: 'amount_out_of_range' }),
    ]);
    expect(await tenantRows(t, 'contracts')).toBe(before);
  });

  it('refuses a payment that would push a credit balance past the exact integers, and writes nothing', async () => {
    const paidAt = '2026-11-27T10:00:00Z';
    const big = { contactId: buyer.id, method: 'bank_transfer', paidAt, amount: Number.MAX_SAFE_INTEGER - 1 };
    expect((await post(t, '/v1/payments', big)).status).toBe(201);
    const before = await tenantRows(t, 'payments');
    const more = await post(t, '/v1/payments', { ...big, amount: 2 });
    expect(more.status).toBe(422);
    expect(more.body.code).toBe('balance_out_of_range');
    expect(await tenantRows(t, 'payments')).toBe(before);
    // the balance stays exact and readable
    const balance = await t.api({ method: 'GET', url: `/v1/contacts/${buyer.id}/credit-balance` });
    expect(balance.status).toBe(200);
    expect(balance.text).toContain(String(Number.MAX_SAFE_INTEGER - 1));
  });
});
