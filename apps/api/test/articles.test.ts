import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle, createContact, readyToBill } from './billing.support';

// Articles and their four price models through the API. The worked examples are Stripe's tiered-pricing
// guide (tiers 1–5 at 7.00, 6–10 at 6.50, 11+ at 6.00 USD): graduated 6 units = 41.50, volume 6 = 39.00,
// volume 25 = 150.00 (https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing).
const clock = fixedClock('2026-04-01T08:00:00Z');
const t = await createTestApp({ clock });

const TIERS = [
  { upTo: 5, unitAmount: '700' },
  { upTo: 10, unitAmount: '650' },
  { upTo: null, unitAmount: '600' },
];

beforeAll(() => readyToBill(t));

/** What one contract of `quantity` units of `article` bills for April, by a dry run (nothing is written). */
async function priceOf(article: { id: string }, quantity: string) {
  const contact = await createContact(t, companyInput());
  const contract = await t.api({
    method: 'POST',
    url: '/v1/contracts',
    body: { contactId: contact.id, startDate: '2026-04-01', items: [{ articleId: article.id, quantity }] },
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const dry = await t.api({
    method: 'POST',
    url: '/v1/billing-runs',
    body: { dryRun: true, contractIds: [contract.body.id] },
  });
  expect(dry.status).toBe(200);
  return dry.body.invoices[0]?.lines[0] ?? null;
}

describe('articles: the four price models', () => {
  it('creates each kind and bills it as the worked examples say', async () => {
    const flat = await createArticle(t, { name: 'Grundgebühr', priceModel: { kind: 'flat', amount: 4900 } });
    const perUnit = await createArticle(t, {
      name: 'API-Aufruf',
      unitCode: 'C62',
      priceModel: { kind: 'per_unit', unitAmount: '0.35' },
    });
    const graduated = await createArticle(t, {
      name: 'Fonts (gestaffelt)',
      currency: 'EUR',
      priceModel: { kind: 'graduated', tiers: TIERS },
    });
    const volume = await createArticle(t, {
      name: 'Fonts (Menge)',
      priceModel: { kind: 'volume', tiers: TIERS },
    });
    expect(flat).toMatchObject({
      number: 'ART-00001',
      currency: 'EUR',
      unitCode: 'C62',
      taxRateKind: 'standard',
      supplyKind: 'services',
      active: true,
      version: 1,
    });
    expect(graduated.priceModel).toEqual({ kind: 'graduated', tiers: TIERS });

    expect(await priceOf(flat, '3')).toMatchObject({ quantity: '1', unitAmount: '4900', netAmount: 4900 }); // flat: whatever the quantity
    expect(await priceOf(perUnit, '1000')).toMatchObject({
      quantity: '1000',
      unitAmount: '0.35',
      netAmount: 350,
    });
    expect(await priceOf(graduated, '6')).toMatchObject({ quantity: '6', netAmount: 4150 });
    expect(await priceOf(volume, '6')).toMatchObject({ quantity: '6', netAmount: 3900 });
    expect(await priceOf(volume, '25')).toMatchObject({ quantity: '25', netAmount: 15000 });
    // quantity 0 of a per-unit price costs nothing: no line, no invoice
    expect(await priceOf(perUnit, '0')).toBeNull();
  });

  it('reports every problem of a price at once (422) and writes nothing', async () => {
    const before = await t.db('articles').count({ n: '*' });
    const res = await t.api({
      method: 'POST',
      url: '/v1/articles',
      body: {
        name: 'Kaputt',
        unitCode: 'xx',
        priceModel: {
          kind: 'graduated',
          unitAmount: '5',
          tiers: [
            { upTo: 10, unitAmount: '700' },
            { upTo: 5, unitAmount: '650' },
            { upTo: 20, unitAmount: '600' },
          ],
        },
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['unitCode', 'unit_code_invalid'],
      ['priceModel.unitAmount', 'field_not_allowed'],
      ['priceModel.tiers.1.upTo', 'tier_not_ascending'],
      ['priceModel.tiers.2.upTo', 'tier_last_not_open'],
    ]);
    const missing = await t.api({
      method: 'POST',
      url: '/v1/articles',
      body: { name: 'Ohne Betrag', priceModel: { kind: 'flat' } },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'priceModel.amount', code: 'amount_invalid' }),
    ]);
    const malformed = await t.api({
      method: 'POST',
      url: '/v1/articles',
      body: { priceModel: { kind: 'free' }, currency: 'euro' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'currency',
      'name',
      'priceModel.kind',
    ]);
    expect(await t.db('articles').count({ n: '*' })).toEqual(before);
  });

  it('numbers are unique; a taken number or external id is named', async () => {
    await createArticle(t, {
      number: 'SKU-1',
      name: 'A',
      priceModel: { kind: 'flat', amount: 1 },
      source: 'shop',
      externalId: '77',
    });
    const res = await t.api({
      method: 'POST',
      url: '/v1/articles',
      body: {
        number: 'SKU-1',
        name: 'B',
        priceModel: { kind: 'flat', amount: 1 },
        source: 'shop',
        externalId: '77',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['number', 'article_number_taken'],
      ['externalId', 'external_id_taken'],
    ]);
  });

  it('updates with If-Match, lists with filters, and emits article.* events', async () => {
    const article = await createArticle(t, { name: 'Wartung', priceModel: { kind: 'flat', amount: 1000 } });
    const stale = await t.api({
      method: 'PATCH',
      url: `/v1/articles/${article.id}`,
      body: { active: false },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const patched = await t.api({
      method: 'PATCH',
      url: `/v1/articles/${article.id}`,
      body: { priceModel: { kind: 'per_unit', unitAmount: '1200' }, active: false },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.body).toMatchObject({
      active: false,
      priceModel: { kind: 'per_unit', unitAmount: '1200' },
      version: 2,
    });
    const inactive = await t.api({ method: 'GET', url: '/v1/articles?active=false&q=wartung' });
    expect(inactive.body.data.map((a: { id: string }) => a.id)).toEqual([article.id]);
    const types = await t.db('events').where('resource_id', article.id).orderBy('id').pluck('type');
    expect(types).toEqual(['article.created', 'article.updated']);
  });

  it('an inactive article cannot be put on a new contract item', async () => {
    const article = await createArticle(t, {
      name: 'Alt',
      active: false,
      priceModel: { kind: 'flat', amount: 1 },
    });
    const contact = await createContact(t, companyInput());
    const res = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: { contactId: contact.id, items: [{ articleId: article.id }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'items.0.articleId', code: 'article_inactive' }),
    ]);
  });

  it('another tenant cannot read or change an article (404)', async () => {
    const article = await createArticle(t, { name: 'Privat', priceModel: { kind: 'flat', amount: 1 } });
    const other = await t.tenant('Fremd GmbH');
    expect((await t.api({ method: 'GET', url: `/v1/articles/${article.id}` }, other)).status).toBe(404);
    expect(
      (await t.api({ method: 'PATCH', url: `/v1/articles/${article.id}`, body: { name: 'x' } }, other))
        .status,
    ).toBe(404);
    expect((await t.api({ method: 'GET', url: '/v1/articles' }, other)).body.data).toEqual([]);
  });

  it('GraphQL creates and reads articles with the same rules', async () => {
    const gql = (query: string, variables: object = {}) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    const created = await gql(
      'mutation($input: ArticleInput!) { createArticle(input: $input) { id number priceModel { kind tiers { upTo unitAmount } } } }',
      { input: { name: 'GQL', priceModel: { kind: 'volume', tiers: TIERS } } },
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createArticle.priceModel).toEqual({ kind: 'volume', tiers: TIERS });
    const read = await gql('query($id: ID!) { article(id: $id) { name } }', {
      id: created.body.data.createArticle.id,
    });
    expect(read.body.data.article).toEqual({ name: 'GQL' });
    const bad = await gql(
      'mutation { createArticle(input: { name: "X", priceModel: { kind: "flat" } }) { id } }',
    );
    expect(bad.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'priceModel.amount' })],
    });
  });
});
