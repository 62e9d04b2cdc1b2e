import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// API.md, connectors: `PUT /v1/connectors/{source}/contacts/{externalId}` and `…/articles/{externalId}` are
// idempotent upserts keyed by the shop's own ids.
const t = await createTestApp();

const put = (url: string, body: unknown, as = t.main) => t.api({ method: 'PUT', url, body }, as);
const contactUrl = (id: string) => `/v1/connectors/shopify/contacts/${id}`;
const articleUrl = (id: string) => `/v1/connectors/shopify/articles/${id}`;
const eventsOf = async (id: string) =>
  (await t.api({ method: 'GET', url: `/v1/events?resourceId=${id}` })).body.data.map(
    (e: { type: string }) => e.type,
  );

describe('connectors: contacts by the shop’s id', () => {
  it('creates the contact once, updates it by the same key, and writes nothing for the same body again', async () => {
    const body = companyInput({ companyName: 'Hansa Logistik GmbH', tags: ['shop'] });
    const created = await put(contactUrl('cust-1001'), body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'shopify',
      externalId: 'cust-1001',
      companyName: 'Hansa Logistik GmbH',
    });
    expect(created.headers.location).toBe(`/v1/contacts/${created.body.id}`);
    expect(created.headers.etag).toBe('"1"');

    // Fakturo's own fields survive a sync that does not know them
    const noted = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${created.body.id}`,
      body: { notes: 'pays late' },
    });
    expect(noted.status).toBe(200);
    const again = await put(contactUrl('cust-1001'), body);
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(noted.body);

    const renamed = await put(contactUrl('cust-1001'), { ...body, companyName: 'Hansa Logistik AG' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: created.body.id,
      companyName: 'Hansa Logistik AG',
      notes: 'pays late',
      version: 3,
    });
    expect(await eventsOf(created.body.id)).toEqual([
      'contact.updated',
      'contact.updated',
      'contact.created',
    ]);
    const listed = await t.api({ method: 'GET', url: '/v1/contacts?source=shopify&externalId=cust-1001' });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });

  it('makes one contact of concurrent calls with one key', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        put(contactUrl('cust-race'), personInput({ lastName: `Race ${i}` })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const stored = await t.db('contacts').where({ source: 'shopify', external_id: 'cust-race' });
    expect(stored).toHaveLength(1);
  });

  it('refuses bad input, a new contact without a kind and a body naming another key; nothing is written', async () => {
    const before = Number((await t.db('contacts').count('* as n'))[0]!.n);
    const noKind = await put(contactUrl('cust-2001'), { lastName: 'Muster' });
    expect(noKind.status).toBe(422);
    expect(noKind.body.errors.map((e: { path: string }) => e.path)).toContain('kind');
    const mismatch = await put(contactUrl('cust-2001'), { ...personInput(), source: 'woo', externalId: 'x' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors).toEqual([
      expect.objectContaining({ path: 'source', code: 'connector_key_mismatch' }),
      expect.objectContaining({ path: 'externalId', code: 'connector_key_mismatch' }),
    ]);
    const badIban = await put(
      contactUrl('cust-2001'),
      personInput({ bankAccounts: [{ iban: 'DE00370400440532013000' }] }),
    );
    expect(badIban.status).toBe(422);
    expect(badIban.body.errors[0].path).toBe('bankAccounts.0.iban');
    expect((await put('/v1/connectors/Shop%20X/contacts/1', personInput())).status).toBe(400);
    expect(Number((await t.db('contacts').count('* as n'))[0]!.n)).toBe(before);
  });

  it('keeps tenants apart: the same shop ids in another organisation are another contact', async () => {
    const mine = await put(contactUrl('cust-3001'), personInput());
    const other = await t.tenant('Other Shop GmbH');
    const theirs = await put(contactUrl('cust-3001'), personInput({ lastName: 'Theirs' }), other);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${theirs.body.id}` })).status).toBe(404);
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${mine.body.id}` })).body.lastName).not.toBe(
      'Theirs',
    );
  });
});

describe('connectors: articles by the shop’s id', () => {
  it('creates the article once, updates its price by the same key, and writes nothing for the same body again', async () => {
    const body = { name: 'Wandhalter', priceModel: { kind: 'flat', amount: 1990 }, unitCode: 'C62' };
    const created = await put(articleUrl('sku-77'), body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'shopify',
      externalId: 'sku-77',
      name: 'Wandhalter',
      version: 1,
    });
    const again = await put(articleUrl('sku-77'), body);
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(created.body);
    const repriced = await put(articleUrl('sku-77'), { ...body, priceModel: { kind: 'flat', amount: 2490 } });
    expect(repriced.body).toMatchObject({
      id: created.body.id,
      version: 2,
      priceModel: { kind: 'flat', amount: 2490 },
    });
    expect(await eventsOf(created.body.id)).toEqual(['article.updated', 'article.created']);

    const before = Number((await t.db('articles').count('* as n'))[0]!.n);
    const incomplete = await put(articleUrl('sku-78'), { name: 'Ohne Preis' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toContain('priceModel');
    expect(Number((await t.db('articles').count('* as n'))[0]!.n)).toBe(before);
  });
});
