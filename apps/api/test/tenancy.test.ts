import { companyInput, createTestApp, personInput, type TestTenant } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';

// Cross-tenant access must be impossible: another organisation's ids behave exactly like ids that do not exist.
const t = await createTestApp();

let intruder: TestTenant;
let contact: { id: string; version: number; companyName: string; customerNumber: string };
let event: { id: string };
let mainKeyId: string;

async function gql(query: string, variables: Record<string, unknown>, as: TestTenant) {
  const res = await t.api({ method: 'POST', url: '/graphql', body: { query, variables } }, as);
  expect(res.status).toBe(200);
  return res.body as { data: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] };
}

beforeAll(async () => {
  intruder = await t.tenant('Intruder GmbH');
  const created = await t.api({
    method: 'POST',
    url: '/v1/contacts',
    body: companyInput({ companyName: 'Geheim AG', tags: ['vip'] }),
  });
  expect(created.status).toBe(201);
  contact = created.body;
  const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${contact.id}` });
  event = events.body.data[0];
  const key = await t.api({ method: 'POST', url: '/v1/api-keys', body: { name: 'main integration' } });
  mainKeyId = key.body.id;
  // the intruder has data of its own, so "empty" is never the reason a list shows nothing foreign
  expect((await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, intruder)).status).toBe(
    201,
  );
});

describe('another tenant’s ids answer 404, and nothing changes', () => {
  it('contacts: GET, PATCH, DELETE, archive and unarchive', async () => {
    const url = `/v1/contacts/${contact.id}`;
    const attempts = [
      await t.api({ method: 'GET', url }, intruder),
      await t.api({ method: 'PATCH', url, body: { notes: 'owned' } }, intruder),
      await t.api(
        { method: 'PATCH', url, body: { notes: 'owned' }, headers: { 'if-match': '"1"' } },
        intruder,
      ),
      await t.api({ method: 'DELETE', url }, intruder),
      await t.api({ method: 'POST', url: `${url}/archive` }, intruder),
      await t.api({ method: 'POST', url: `${url}/unarchive` }, intruder),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        code: 'contact_not_found',
        detail: `No contact with id '${contact.id}'.`,
      });
    }
    const after = await t.api({ method: 'GET', url });
    expect(after.body).toEqual(contact);
  });

  it('events: GET by id', async () => {
    const res = await t.api({ method: 'GET', url: `/v1/events/${event.id}` }, intruder);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('event_not_found');
    expect((await t.api({ method: 'GET', url: `/v1/events/${event.id}` })).status).toBe(200);
  });

  it('API keys: DELETE another organisation’s key', async () => {
    const res = await t.api({ method: 'DELETE', url: `/v1/api-keys/${mainKeyId}` }, intruder);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('api_key_not_found');
    const keys = await t.api({ method: 'GET', url: '/v1/api-keys' });
    expect(keys.body.data.map((k: { id: string }) => k.id)).toContain(mainKeyId);
  });

  it('a contact update cannot adopt another tenant’s bank account or mandate by id', async () => {
    const own = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() }, intruder);
    const foreignAccount = (await t.api({ method: 'GET', url: `/v1/contacts/${contact.id}` })).body
      .bankAccounts[0];
    const res = await t.api(
      {
        method: 'PATCH',
        url: `/v1/contacts/${own.body.id}`,
        body: { bankAccounts: [{ id: foreignAccount.id, iban: foreignAccount.iban }] },
      },
      intruder,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'bankAccounts.0.id', code: 'bank_account_not_found' }),
    ]);
  });
});

describe('lists never show another tenant’s rows', () => {
  it('contacts, with and without filters', async () => {
    for (const query of [
      '',
      '?limit=100',
      '?q=Geheim',
      `?customerNumber=${contact.customerNumber}`,
      '?tag=vip',
      '?archived=true',
    ]) {
      const res = await t.api({ method: 'GET', url: `/v1/contacts${query}` }, intruder);
      expect(res.status).toBe(200);
      expect(res.body.data.map((c: { id: string }) => c.id)).not.toContain(contact.id);
    }
    const mine = await t.api({ method: 'GET', url: '/v1/contacts?q=Geheim' });
    expect(mine.body.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  });

  it('a cursor from another tenant reveals nothing', async () => {
    const res = await t.api(
      { method: 'GET', url: `/v1/contacts?startingAfter=con_ZZZZZZZZZZZZZZZZZZZZZZZZZZ` },
      intruder,
    );
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.map((c: { id: string }) => c.id)).not.toContain(contact.id);
  });

  it('events', async () => {
    const all = await t.api({ method: 'GET', url: '/v1/events?limit=100' }, intruder);
    expect(all.body.data.length).toBeGreaterThan(0);
    expect(
      all.body.data.every((e: { organizationId: string }) => e.organizationId === intruder.organizationId),
    ).toBe(true);
    const targeted = await t.api({ method: 'GET', url: `/v1/events?resourceId=${contact.id}` }, intruder);
    expect(targeted.body.data).toEqual([]);
  });

  it('API keys', async () => {
    const theirs = await t.api({ method: 'GET', url: '/v1/api-keys' }, intruder);
    const mine = await t.api({ method: 'GET', url: '/v1/api-keys' });
    const theirIds = theirs.body.data.map((k: { id: string }) => k.id);
    expect(theirIds).toHaveLength(1); // its own default key
    expect(theirIds).not.toContain(mainKeyId);
    for (const k of mine.body.data) expect(theirIds).not.toContain(k.id);
  });

  it('the organisation is always the caller’s own', async () => {
    const theirs = await t.api({ method: 'GET', url: '/v1/organization' }, intruder);
    expect(theirs.body.id).toBe(intruder.organizationId);
    await t.api(
      { method: 'PATCH', url: '/v1/organization', body: { legalName: 'Renamed by intruder' } },
      intruder,
    );
    expect((await t.api({ method: 'GET', url: '/v1/organization' })).body.legalName).not.toBe(
      'Renamed by intruder',
    );
  });
});

describe('GraphQL is scoped the same way', () => {
  it('contact(id) of another tenant is null, and its list leaves it out', async () => {
    const res = await gql(
      'query ($id: ID!) { contact(id: $id) { id displayName } }',
      { id: contact.id },
      intruder,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ contact: null });
    const list = await gql('{ contacts(limit: 100) { data { id } } }', {}, intruder);
    expect((list.data!.contacts as { data: { id: string }[] }).data.map((c) => c.id)).not.toContain(
      contact.id,
    );
    const own = await gql(
      'query ($id: ID!) { contact(id: $id) { id displayName } }',
      { id: contact.id },
      t.main,
    );
    expect(own.data).toEqual({ contact: { id: contact.id, displayName: 'Geheim AG' } });
  });

  it('mutations on another tenant’s contact fail with contact_not_found', async () => {
    const mutations = [
      ['mutation ($id: ID!) { updateContact(id: $id, input: { notes: "owned" }) { id } }', 'updateContact'],
      [
        'mutation ($id: ID!) { updateContact(id: $id, input: { notes: "owned" }, expectedVersion: 1) { id } }',
        'updateContact',
      ],
      ['mutation ($id: ID!) { archiveContact(id: $id) { id } }', 'archiveContact'],
      ['mutation ($id: ID!) { unarchiveContact(id: $id) { id } }', 'unarchiveContact'],
      ['mutation ($id: ID!) { deleteContact(id: $id) }', 'deleteContact'],
    ] as const;
    for (const [query, field] of mutations) {
      const res = await gql(query, { id: contact.id }, intruder);
      expect(res.data, field).toBeNull();
      expect(res.errors?.[0]?.extensions.code, field).toBe('contact_not_found');
    }
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${contact.id}` })).body).toEqual(contact);
  });
});

describe('idempotency keys belong to one organisation', () => {
  it('the same key in two tenants runs two requests, and neither sees the other’s response', async () => {
    const headers = { 'idempotency-key': 'shared-key-1' };
    const body = personInput();
    const mine = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    const theirs = await t.api({ method: 'POST', url: '/v1/contacts', body, headers }, intruder);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
