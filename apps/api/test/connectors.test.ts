import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { readySeller } from './documents.support';

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

describe('connectors: a shop order becomes an invoice', () => {
  const orderUrl = (id: string) => `/v1/connectors/shopify/orders/${id}`;
  // one customer as the shop sends it every time (the factory numbers each call's e-mail)
  const customer = companyInput({ companyName: 'Hansa Logistik GmbH', externalId: 'cust-9001' });
  const order = (overrides: Record<string, unknown> = {}) => ({
    customer,
    lines: [
      {
        article: {
          externalId: 'sku-9001',
          name: 'Wandhalter',
          priceModel: { kind: 'per_unit', unitAmount: '1990' },
        },
        quantity: '3',
      },
      { name: 'Versand', unitAmount: 495 },
    ],
    notes: ['Bestellung #1001'],
    ...overrides,
  });
  const count = async (table: string) => Number((await t.db(table).count('* as n'))[0]!.n);

  it('creates the customer, the product and a draft invoice once; the same order again changes nothing', async () => {
    await readySeller(t);
    const created = await put(orderUrl('1001'), order());
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/invoices/${created.body.id}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      metadata: { shopSource: 'shopify', shopOrderId: '1001' },
      notes: ['Bestellung #1001'],
    });
    expect(created.body.lines).toEqual([
      expect.objectContaining({
        name: 'Wandhalter',
        quantity: '3',
        articleId: expect.stringMatching(/^art_/),
      }),
      expect.objectContaining({ name: 'Versand', quantity: '1', articleId: null, unitAmount: 495 }),
    ]);
    expect(created.body.lineNetTotal).toBe(3 * 1990 + 495);
    const contact = (await t.api({ method: 'GET', url: `/v1/contacts/${created.body.contactId}` })).body;
    expect(contact).toMatchObject({
      source: 'shopify',
      externalId: 'cust-9001',
      companyName: 'Hansa Logistik GmbH',
    });
    const counts = [await count('contacts'), await count('articles'), await count('documents')];

    const again = await put(orderUrl('1001'), order());
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(created.body);
    expect([await count('contacts'), await count('articles'), await count('documents')]).toEqual(counts);

    // another order of the same customer and product reuses both
    const second = await put(orderUrl('1002'), order());
    expect(second.status).toBe(201);
    expect(second.body.contactId).toBe(created.body.contactId);
    expect(second.body.lines[0].articleId).toBe(created.body.lines[0].articleId);
    expect([await count('contacts'), await count('articles')]).toEqual(counts.slice(0, 2));
  });

  it('updates the draft for a changed order; finalizes on request; refuses a change once issued', async () => {
    await readySeller(t);
    const created = await put(orderUrl('2001'), order());
    const changed = await put(orderUrl('2001'), order({ notes: ['Bestellung #2001, Teillieferung'] }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: created.body.id, notes: ['Bestellung #2001, Teillieferung'] });
    // finalized, and mailed by the worker on its send date
    const final = order({ notes: ['Bestellung #2001'], finalize: true, sendDate: '2030-01-15' });
    const issued = await put(orderUrl('2001'), final);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      id: created.body.id,
      status: 'finalized',
      number: expect.any(String),
      sendDate: '2030-01-15',
    });
    expect((await put(orderUrl('2001'), final)).body).toStrictEqual(issued.body);
    const refused = await put(orderUrl('2001'), order({ notes: ['storniert?'] }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('order_invoice_issued');
  });

  it('makes one contact and one article of concurrent orders of a new customer and product', async () => {
    await readySeller(t);
    const buyer = companyInput({ externalId: 'cust-race-orders' });
    const product = {
      externalId: 'sku-race-orders',
      name: 'Neu',
      priceModel: { kind: 'per_unit', unitAmount: '100' },
    };
    const results = await Promise.all(
      ['6001', '6002', '6003'].map((id) =>
        put(orderUrl(id), { customer: buyer, lines: [{ article: product }] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.contactId)).size).toBe(1);
    expect(await t.db('contacts').where({ external_id: 'cust-race-orders' })).toHaveLength(1);
    expect(await t.db('articles').where({ external_id: 'sku-race-orders' })).toHaveLength(1);
  });

  it('makes one invoice of concurrent calls for one order', async () => {
    await readySeller(t);
    const before = await count('documents');
    const results = await Promise.all(Array.from({ length: 4 }, () => put(orderUrl('3001'), order())));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count('documents')).toBe(before + 1);
  });

  it('refuses an order without the shop ids or lines, or with a bad line, and writes nothing', async () => {
    const counts = async () => [await count('contacts'), await count('articles'), await count('documents')];
    const before = await counts();
    const noIds = await put(orderUrl('4001'), {
      customer: companyInput(),
      lines: [{ article: { name: 'X', priceModel: { kind: 'flat', amount: 1 } } }],
    });
    expect(noIds.status).toBe(422);
    expect(noIds.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'customer.externalId',
      'lines.0.article.externalId',
    ]);
    expect((await put(orderUrl('4001'), order({ lines: [] }))).status).toBe(400);
    const badLine = await put(
      orderUrl('4001'),
      order({
        lines: [
          { article: { externalId: 'sku-4001', name: 'Neu', priceModel: { kind: 'flat', amount: 100 } } },
          { quantity: '1' },
        ],
      }),
    );
    expect(badLine.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('keeps tenants apart: the same order id in another organisation is another invoice', async () => {
    await readySeller(t);
    const mine = await put(orderUrl('5001'), order());
    const other = await t.tenant('Other Orders GmbH');
    await readySeller(t, other);
    const theirs = await put(orderUrl('5001'), order(), other);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.contactId).not.toBe(mine.body.contactId);
    expect((await t.api({ method: 'GET', url: `/v1/invoices/${mine.body.id}` }, other)).status).toBe(404);
  });
});

describe('connectors in GraphQL', () => {
  const gql = (query: string, variables: object) =>
    t.api({ method: 'POST', url: '/graphql', body: { query, variables } }).then((r) => r.body);

  it('upserts a contact and turns an order into an invoice with the same rules as REST', async () => {
    await readySeller(t);
    const contactMutation = `mutation ($input: ContactInput!) {
      upsertConnectorContact(source: "woo", externalId: "c-1", input: $input) { id version source externalId }
    }`;
    const input = {
      kind: 'person',
      lastName: 'Graph',
      emails: [{ email: 'graph@muster.example', type: 'billing' }],
    };
    const first = await gql(contactMutation, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertConnectorContact).toMatchObject({ version: 1, source: 'woo', externalId: 'c-1' });
    const again = await gql(contactMutation, { input });
    expect(again.data.upsertConnectorContact).toEqual(first.data.upsertConnectorContact);

    const orderMutation = `mutation ($input: ConnectorOrderInput!) {
      upsertConnectorOrder(source: "woo", externalId: "o-1", input: $input) { id status contactId lineNetTotal }
    }`;
    const order = {
      customer: {
        externalId: 'c-1',
        kind: 'person',
        lastName: 'Graph',
        billingAddress: { line1: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      },
      lines: [
        {
          article: { externalId: 'p-1', name: 'Tasse', priceModel: { kind: 'per_unit', unitAmount: '800' } },
          quantity: '2',
        },
      ],
    };
    const made = await gql(orderMutation, { input: order });
    expect(made.errors).toBeUndefined();
    expect(made.data.upsertConnectorOrder).toMatchObject({
      status: 'draft',
      contactId: first.data.upsertConnectorContact.id,
      lineNetTotal: 1600,
    });
    const bad = await gql(orderMutation, {
      input: { ...order, customer: { kind: 'person', lastName: 'X' } },
    });
    expect(bad.errors[0].extensions.code).toBe('validation_failed');
    const badKey = await gql(
      'mutation { upsertConnectorContact(source: "Not Valid", externalId: "c-2", input: { kind: "person", lastName: "Y" }) { id } }',
      {},
    );
    expect(badKey.errors[0].extensions.code).toBe('validation_failed');
  });
});
