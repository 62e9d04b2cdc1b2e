import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, finalize, line, ok, patch, post, readySeller } from './documents.support';

// A quote names no date of supply unless given: the supply follows the acceptance, so an invoice converted
// from it must not inherit the quote's issue date as its date of supply (UStG §14(4) no. 6; the VAT rate
// follows that date).
const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput());
});

async function acceptedQuote(extra: Record<string, unknown> = {}) {
  const created = await ok(post(t, '/v1/quotes', { contactId: buyer.id, lines: [line()], ...extra }), 201);
  const quote = await finalize(t, created.id, undefined, 'quotes');
  await ok(post(t, `/v1/quotes/${quote.id}/accept`, { signerName: 'Erika Muster' }));
  return quote;
}

describe('quote → invoice: date of supply', () => {
  it('an invoice converted from a quote without a date of supply takes its own, not the quote’s issue date', async () => {
    const quote = await acceptedQuote();
    expect(quote).toMatchObject({ issueDate: '2026-03-15', serviceDate: null, servicePeriod: null });
    const draft = await ok(post(t, `/v1/quotes/${quote.id}/convert`), 201);
    expect(draft).toMatchObject({ serviceDate: null, servicePeriod: null });
    // invoiced after the work was done
    await ok(patch(t, `/v1/invoices/${draft.id}`, { issueDate: '2026-04-20' }));
    const invoice = await finalize(t, draft.id);
    expect(invoice).toMatchObject({
      issueDate: '2026-04-20',
      serviceDate: '2026-04-20',
      servicePeriod: null,
    });
  });

  it('a date of supply the quote states is carried into the invoice', async () => {
    const quote = await acceptedQuote({ serviceDate: '2026-04-01' });
    expect(quote.serviceDate).toBe('2026-04-01');
    const draft = await ok(post(t, `/v1/quotes/${quote.id}/convert`), 201);
    expect(draft.serviceDate).toBe('2026-04-01');
    const period = await acceptedQuote({ servicePeriod: { start: '2026-04-01', end: '2026-04-30' } });
    const fromPeriod = await ok(post(t, `/v1/quotes/${period.id}/convert`), 201);
    expect(fromPeriod).toMatchObject({
      serviceDate: null,
      servicePeriod: { start: '2026-04-01', end: '2026-04-30' },
    });
  });
});
