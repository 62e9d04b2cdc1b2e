import { createHash } from 'node:crypto';
import { fixedClock, quotes } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytes, contact, finalize, get, line, ok, patch, post, readySeller } from './documents.support';

// Quotes: draft → finalized → sent → accepted / declined / expired; accepted → converted into a draft invoice.
const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput());
});

async function openQuote(extra: Record<string, unknown> = {}) {
  const created = await ok(
    post(t, '/v1/quotes', {
      contactId: buyer.id,
      lines: [
        line({ name: 'Website-Relaunch', quantity: '1', unitCode: 'C62', unitAmount: 450000 }),
        line({ name: 'Schulung', taxRateKind: 'standard' }),
      ],
      ...extra,
    }),
    201,
  );
  return finalize(t, created.id, undefined, 'quotes');
}

describe('quotes', () => {
  it('accept → convert: the invoice draft carries the quote’s lines; the answer records the exact PDF', async () => {
    const quote = await openQuote();
    expect(quote).toMatchObject({
      type: 'quote',
      status: 'finalized',
      number: 'AN-2026-00001',
      validUntil: '2026-04-14',
      dueDate: null,
    });
    const pdf = await bytes(t, `/v1/quotes/${quote.id}/pdf`);
    expect(pdf.status).toBe(200);

    const accepted = await ok(post(t, `/v1/quotes/${quote.id}/accept`, { signerName: 'Erika Muster' }));
    expect(accepted).toMatchObject({
      status: 'accepted',
      decision: { signerName: 'Erika Muster', reason: null },
    });
    expect(accepted.decision.documentSha256).toBe(createHash('sha256').update(pdf.body).digest('hex'));
    expect(await t.db('events').where({ resource_id: quote.id, type: 'quote.accepted' })).toHaveLength(1);

    const invoice = await ok(post(t, `/v1/quotes/${quote.id}/convert`), 201);
    expect(invoice).toMatchObject({
      type: 'invoice',
      status: 'draft',
      number: null,
      contactId: buyer.id,
      convertedFromDocumentId: quote.id,
    });
    expect(invoice.lines.map((l: { name: string; netAmount: number }) => [l.name, l.netAmount])).toEqual(
      quote.lines.map((l: { name: string; netAmount: number }) => [l.name, l.netAmount]),
    );
    expect(invoice.grossTotal).toBe(quote.grossTotal);
    const converted = await ok(get(t, `/v1/quotes/${quote.id}`));
    expect(converted).toMatchObject({ status: 'converted', convertedToDocumentId: invoice.id });
    const again = await post(t, `/v1/quotes/${quote.id}/convert`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('quote_already_converted');

    // deleting the draft invoice gives the quote back its accepted state
    await ok(t.api({ method: 'DELETE', url: `/v1/invoices/${invoice.id}` }), 204);
    expect(await ok(get(t, `/v1/quotes/${quote.id}`))).toMatchObject({
      status: 'accepted',
      convertedToDocumentId: null,
    });
    const invoiceAgain = await ok(post(t, `/v1/quotes/${quote.id}/convert`), 201);
    expect((await finalize(t, invoiceAgain.id)).number).toMatch(/^RE-2026-/);
  });

  it('decline, and what a declined or unaccepted quote refuses', async () => {
    const quote = await openQuote();
    const notYet = await post(t, `/v1/quotes/${quote.id}/convert`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('quote_not_accepted');
    const declined = await ok(post(t, `/v1/quotes/${quote.id}/decline`, { reason: 'Zu teuer' }));
    expect(declined).toMatchObject({ status: 'declined', decision: { reason: 'Zu teuer' } });
    const accept = await post(t, `/v1/quotes/${quote.id}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('quote_declined');
    const changed = await patch(t, `/v1/quotes/${quote.id}`, { lines: [line()] });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('document_immutable');
    const draftQuote = await ok(post(t, '/v1/quotes', { contactId: buyer.id, lines: [line()] }), 201);
    const early = await post(t, `/v1/quotes/${draftQuote.id}/accept`);
    expect(early.body.code).toBe('quote_not_finalized');
  });

  it('sent by the sending service, then accepted', async () => {
    const quote = await openQuote();
    const sent = await quotes.markSent(t.main.ctx, quote.id);
    expect(sent).toMatchObject({ status: 'sent' });
    expect(sent.sentAt).not.toBeNull();
    expect(await t.db('events').where({ resource_id: quote.id, type: 'quote.sent' })).toHaveLength(1);
    expect((await ok(post(t, `/v1/quotes/${quote.id}/accept`))).status).toBe('accepted');
  });

  it('past its validity a quote cannot be accepted, and the hourly sweep marks it expired', async () => {
    const quote = await openQuote({ issueDate: '2026-02-01', validUntil: '2026-03-01' });
    const late = await post(t, `/v1/quotes/${quote.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('quote_expired');
    const fresh = await openQuote();
    expect(await quotes.expire(t.db, clock)).toBe(1);
    expect(await ok(get(t, `/v1/quotes/${quote.id}`))).toMatchObject({ status: 'expired' });
    expect(await ok(get(t, `/v1/quotes/${fresh.id}`))).toMatchObject({ status: 'finalized' });
    expect(await t.db('events').where({ resource_id: quote.id, type: 'quote.expired' })).toHaveLength(1);
    expect(await quotes.expire(t.db, clock)).toBe(0);
  });

  it('quotes are their own resource: validUntil belongs to them, dueDate does not', async () => {
    const res = await post(t, '/v1/quotes', { contactId: buyer.id, lines: [line()], dueDate: '2026-04-01' });
    expect(res.status).toBe(400);
    const inv = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      lines: [line()],
      validUntil: '2026-04-01',
    });
    expect(inv.status).toBe(400);
    const quote = await openQuote();
    expect((await get(t, `/v1/invoices/${quote.id}`)).status).toBe(404);
  });
});

// A quote names no date of supply unless given: the supply follows the acceptance, so an invoice converted
// from it must not inherit the quote's issue date as its date of supply (UStG §14(4) no. 6; the VAT rate
// follows that date).
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
