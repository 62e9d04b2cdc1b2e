import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  getRun,
  readyToBill,
  startRun,
  worker,
} from './billing.support';

// Immediate prorated changes whose credit and charge differ in tax or cancel out, and the errors of an item
// naming an unknown article.
const clock = fixedClock('2026-09-30T10:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });

let contact: { id: string };
beforeAll(async () => {
  await readyToBill(t);
  contact = await createContact(t, companyInput({ companyName: 'Änderung GmbH' }));
});

/** A contract from Sep 1 whose September is billed, so the change on Sep 30 has one day to prorate. */
async function billedContract(item: object) {
  const contract = await createContract(t, { contactId: contact.id, startDate: '2026-09-01', items: [item] });
  const run = await startRun(t, { contractIds: [contract.id] });
  await w.run();
  expect(await getRun(t, run.id)).toMatchObject({ invoicesCreated: 1 });
  return contract;
}

async function change(contractId: string, items: object[]) {
  const res = await t.api({
    method: 'PATCH',
    url: `/v1/contracts/${contractId}`,
    body: { applyChange: 'immediate_prorated', items },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function dryRunLines(contractId: string) {
  const res = await t.api({
    method: 'POST',
    url: '/v1/billing-runs',
    body: { dryRun: true, contractIds: [contractId] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.invoices.flatMap((i: { lines: object[] }) => i.lines);
}

describe('immediate prorated changes', () => {
  it('a flat price whose quantity changes bills nothing extra: no 0.00 invoice of a credit and a charge', async () => {
    const article = await createArticle(t, {
      name: 'Pauschale',
      unitCode: 'MON',
      priceModel: { kind: 'flat', amount: 3000 },
    });
    const contract = await billedContract({ articleId: article.id, quantity: '1' });
    const changed = await change(contract.id, [{ id: contract.items[0].id, quantity: '2' }]);
    expect(changed.pendingCharges).toEqual([]);
    expect(await dryRunLines(contract.id)).toEqual([]);
  });

  it('credits the unused days under the old item’s tax and charges them under the new one’s', async () => {
    const article = await createArticle(t, {
      name: 'Zeitschrift',
      unitCode: 'MON',
      priceModel: { kind: 'per_unit', unitAmount: '3000' },
    });
    const contract = await billedContract({ articleId: article.id, quantity: '1' });
    const changed = await change(contract.id, [
      { id: contract.items[0].id, quantity: '2', taxRateKind: 'reduced', name: 'Zeitschrift (ermäßigt)' },
    ]);
    expect(
      changed.pendingCharges.map((c: { kind: string; amount: number; name: string }) => [
        c.kind,
        c.amount,
        c.name,
      ]),
    ).toEqual([
      ['proration_credit', -100, 'Zeitschrift'],
      ['proration_charge', 200, 'Zeitschrift (ermäßigt)'],
    ]);
    const lines = await dryRunLines(contract.id);
    expect(lines.map((l: { netAmount: number; taxRate: string }) => [l.netAmount, l.taxRate])).toEqual([
      [-100, '19'],
      [200, '7'],
    ]);
  });
});

describe('item errors', () => {
  it('an unknown article is reported on articleId only, not as a free-text item without a name', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: { contactId: contact.id, items: [{ articleId: 'art_01JD3Y8WQ4XK0R5N6S7T8V9W0A' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['items.0.articleId', 'article_not_found'],
    ]);
  });
});
