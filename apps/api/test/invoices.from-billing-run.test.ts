import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  readyToBill,
  startRun,
  worker,
} from './billing.support';
import { bytes, get, ok, post, xsdErrors } from './documents.support';

// The "done when": an invoice a billing run wrote as a draft is finalized, rendered and validated as
// an EN 16931 e-invoice through the documents API — its lines keep the VAT the run decided.
const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });

describe('invoices from a billing run', () => {
  it('a draft of a run is finalized, numbered, rendered and a valid XRechnung', async () => {
    await readyToBill(t);
    await ok(
      t.api({
        method: 'PATCH',
        url: '/v1/organization',
        body: { email: 'rechnung@example.com', phone: '+49 30 123456' },
      }),
    );
    const contact = await createContact(t, companyInput({ buyerReference: '991-12345-67' }));
    const hosting = await createArticle(t, {
      name: 'Hosting',
      priceModel: { kind: 'per_unit', unitAmount: '1000' },
    });
    await createContract(t, {
      contactId: contact.id,
      startDate: '2026-03-01',
      items: [{ articleId: hosting.id, quantity: '2' }],
    });
    const run = await startRun(t, { mode: 'draft' });
    await w.run();
    const list = await ok(get(t, `/v1/invoices?contactId=${contact.id}&status=draft`));
    expect(list.data).toHaveLength(1);
    const draft = list.data[0];
    expect(draft).toMatchObject({ billingRunId: run.id, number: null });
    expect(draft.lines[0]).toMatchObject({
      taxRateKind: null,
      taxCategory: 'S',
      taxRate: '19',
      contractId: expect.stringMatching(/^ctr_/),
    });

    const issued = await ok(post(t, `/v1/invoices/${draft.id}/finalize`));
    expect(issued).toMatchObject({
      status: 'finalized',
      number: expect.stringMatching(/^RE-2026-\d{5}$/),
      grossTotal: draft.grossTotal,
    });
    expect(issued.lines[0]).toMatchObject({ taxCategory: 'S', taxRate: '19', period: draft.lines[0].period });
    await w.run();
    const stored = await t.db('document_files').where('document_id', draft.id).pluck('kind');
    expect(stored.sort()).toEqual(['pdf', 'xrechnung-cii', 'xrechnung-ubl']);
    const xml = await bytes(t, `/v1/invoices/${draft.id}/e-invoice?format=xrechnung-cii`);
    expect(xml.status).toBe(200);
    expect(xsdErrors(xml.body)).toBeNull();
  });

  it('deleting a draft a run wrote releases its period: the next run bills it again', async () => {
    const contact = await createContact(t, companyInput());
    const article = await createArticle(t, { name: 'Wartung', priceModel: { kind: 'flat', amount: 5000 } });
    await createContract(t, {
      contactId: contact.id,
      startDate: '2026-03-01',
      items: [{ articleId: article.id }],
    });
    await startRun(t, { mode: 'draft', contactIds: [contact.id] });
    await w.run();
    const first = (await ok(get(t, `/v1/invoices?contactId=${contact.id}`))).data;
    expect(first).toHaveLength(1);
    expect((await t.api({ method: 'DELETE', url: `/v1/invoices/${first[0].id}` })).status).toBe(204);
    expect(await t.db('billed_periods').where('document_id', first[0].id)).toHaveLength(0);
    await startRun(t, { mode: 'draft', contactIds: [contact.id] });
    await w.run();
    const again = (await ok(get(t, `/v1/invoices?contactId=${contact.id}`))).data;
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(first[0].id);
    expect(again[0].lines[0].period).toEqual(first[0].lines[0].period);
    // and the run after that bills nothing new: the period is billed once again
    await startRun(t, { mode: 'draft', contactIds: [contact.id] });
    await w.run();
    expect((await ok(get(t, `/v1/invoices?contactId=${contact.id}`))).data).toHaveLength(1);
  });
});
