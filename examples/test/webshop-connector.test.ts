import { describe, expect, it } from 'vitest';
import { main, SAMPLE_CUSTOMERS, type ShopCustomer } from '../webshop-connector';
import { startLiveApi } from './support';

const api = await startLiveApi();
const quiet = { fakturo: api.fakturo, log: () => {} };

async function contactsOf(source: string) {
  const res = await api.t.api({ method: 'GET', url: `/v1/contacts?source=${source}&limit=100` });
  return res.body.data as { id: string; externalId: string; version: number; notes: string | null }[];
}

async function contactEventCount(): Promise<number> {
  const res = await api.t.api({ method: 'GET', url: '/v1/events?type=contact.*&limit=100' });
  return res.body.data.length;
}

describe('examples/webshop-connector.ts', () => {
  it('pushes the customers once; a second run changes nothing', async () => {
    const first = await main({ ...quiet, source: 'shop-a' });
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0, archived: 0 });
    const stored = await contactsOf('shop-a');
    expect(stored.map((c) => c.externalId).sort()).toEqual(['1001', '1002', '1003']);
    expect(first.contacts.get('1002')).toMatchObject({
      kind: 'company',
      companyName: 'Kaffeekontor Weber KG',
      vatId: 'DE136695976',
      billingAddress: { line1: 'Speicherstadt 12', line2: '3. OG', city: 'Hamburg' },
    });

    const events = await contactEventCount();
    const second = await main({ ...quiet, source: 'shop-a' });
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 3, archived: 0 });
    expect(await contactsOf('shop-a')).toHaveLength(3);
    expect(await contactEventCount()).toBe(events); // not even a no-op update was written
  });

  it('updates only what the shop changed and keeps what was added in Fakturo', async () => {
    await main({ ...quiet, source: 'shop-b' });
    const anna = (await contactsOf('shop-b')).find((c) => c.externalId === '1001')!;
    await api.t.api({ method: 'PATCH', url: `/v1/contacts/${anna.id}`, body: { notes: 'prefers e-mail' } });

    const moved: ShopCustomer[] = SAMPLE_CUSTOMERS.map((c) =>
      c.id === 1001 ? { ...c, billing: { ...c.billing, address_1: 'Neuer Wall 9', postcode: '20354' } } : c,
    );
    const run = await main({ ...quiet, source: 'shop-b', customers: moved });
    expect(run.counts).toEqual({ created: 0, updated: 1, unchanged: 2, archived: 0 });
    const after = await api.t.api({ method: 'GET', url: `/v1/contacts/${anna.id}` });
    expect(after.body).toMatchObject({
      billingAddress: { line1: 'Neuer Wall 9', postalCode: '20354', city: 'Hamburg' },
      notes: 'prefers e-mail',
      version: 3,
    });
  });

  it('leaves an archived contact alone instead of creating a duplicate', async () => {
    await main({ ...quiet, source: 'shop-c' });
    const lea = (await contactsOf('shop-c')).find((c) => c.externalId === '1003')!;
    await api.t.api({ method: 'POST', url: `/v1/contacts/${lea.id}/archive` });
    const run = await main({ ...quiet, source: 'shop-c' });
    expect(run.counts).toEqual({ created: 0, updated: 0, unchanged: 2, archived: 1 });
    expect(run.contacts.get('1003')!.id).toBe(lea.id);
    const all = await api.t.api({
      method: 'GET',
      url: '/v1/contacts?source=shop-c&externalId=1003&archived=true',
    });
    expect(all.body.data).toHaveLength(1);
  });

  it('two runs racing each other create each customer once', async () => {
    const runs = await Promise.all([
      main({ ...quiet, source: 'shop-d' }),
      main({ ...quiet, source: 'shop-d' }),
    ]);
    expect(await contactsOf('shop-d')).toHaveLength(3);
    for (const id of ['1001', '1002', '1003'])
      expect(runs[0].contacts.get(id)!.id).toBe(runs[1].contacts.get(id)!.id);
  });

  it('turns each order into one draft invoice; a second run changes nothing', async () => {
    const first = await main({ ...quiet, source: 'shop-e' });
    const espresso = first.invoices.get('5001')!;
    expect(espresso).toMatchObject({
      status: 'draft',
      contactId: first.contacts.get('1002')!.id,
      lineNetTotal: 6 * 1890 + 2 * 390 + 590,
      metadata: { shopSource: 'shop-e', shopOrderId: '5001' },
    });
    // both orders name the espresso: one article
    const articles = await api.t.api({ method: 'GET', url: '/v1/articles?source=shop-e&externalId=KAF-1KG' });
    expect(articles.body.data).toHaveLength(1);
    expect(first.invoices.get('5002')!.lines[0]!.articleId).toBe(articles.body.data[0].id);

    const second = await main({ ...quiet, source: 'shop-e' });
    expect(second.invoices.get('5001')).toEqual(espresso);
    const invoices = await api.t.api({ method: 'GET', url: `/v1/invoices?contactId=${espresso.contactId}` });
    expect(invoices.body.data).toHaveLength(1);
  });
});
