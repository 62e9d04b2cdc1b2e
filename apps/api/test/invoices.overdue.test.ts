import { type Clock, documentService } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';

// Invoice life cycle (issue 5, item 1): finalized → overdue once its due date has passed in the organisation's
// time zone while something is still open; paying it (in full) makes it paid.
let now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });

beforeAll(async () => {
  await readySeller(t);
});

describe('overdue invoices', () => {
  it('turn overdue the day after their due date, unless paid; a payment then settles them', async () => {
    const buyer = await contact(t, companyInput({ paymentTermsDays: 14 } as never));
    const unpaid = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line()] })).id);
    const paid = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line()] })).id);
    expect(unpaid.dueDate).toBe('2026-03-16');
    await ok(
      post(t, '/v1/payments', { invoiceId: paid.id, amount: paid.grossTotal, method: 'bank_transfer' }),
      201,
    );

    // the due date itself is not overdue (Berlin: 23:30 on the 16th is still the 16th)
    now = new Date('2026-03-16T22:30:00Z');
    expect(await documentService.markOverdue(t.db, clock)).toBe(0);
    now = new Date('2026-03-16T23:30:00Z');
    expect(await documentService.markOverdue(t.db, clock)).toBe(1);
    expect((await ok(get(t, `/v1/invoices/${unpaid.id}`))).status).toBe('overdue');
    expect((await ok(get(t, `/v1/invoices/${paid.id}`))).status).toBe('paid');
    const events = await t.db('events').where({ resource_id: unpaid.id, type: 'invoice.overdue' });
    expect(events).toHaveLength(1);
    // once marked, a second sweep finds nothing
    expect(await documentService.markOverdue(t.db, clock)).toBe(0);

    await ok(
      post(t, '/v1/payments', { invoiceId: unpaid.id, amount: unpaid.grossTotal, method: 'bank_transfer' }),
      201,
    );
    expect((await ok(get(t, `/v1/invoices/${unpaid.id}`))).status).toBe('paid');
  });
});
