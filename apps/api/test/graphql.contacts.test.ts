import { companyInput, createTestApp, personInput, type TestTenant } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// Contacts through POST /graphql: the same key, the same domain services and the same error codes as REST.
const t = await createTestApp();

interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: {
    code: string;
    requestId?: string;
    errors?: { path: string; code: string; message: string }[];
    [detail: string]: unknown;
  };
}
interface GqlResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the data's shape is whatever each query selects
  data: Record<string, any> | null;
  errors?: GqlError[];
  requestId: string;
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  as: TestTenant = t.main,
): Promise<GqlResponse> {
  const res = await t.api({ method: 'POST', url: '/graphql', body: { query, variables } }, as);
  return {
    status: res.status,
    data: res.body.data,
    errors: res.body.errors,
    requestId: String(res.headers['x-request-id']),
  };
}

const FIELDS = `id kind customerNumber companyName firstName lastName displayName vatId tags notes archived version
  collectiveInvoicing
  emails { email type } billingAddress { line1 postalCode city country }
  bankAccounts { id iban bic isDefault } sepaMandates { id reference scheme sequenceType status }`;

const CREATE = `mutation ($input: ContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: ContactInput!, $v: Int) {
  updateContact(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;

async function countRows(table: string): Promise<number> {
  const [{ n }] = await t.db(table).count({ n: '*' });
  return Number(n);
}

describe('graphql: authentication', () => {
  it('refuses a request without a key, or with an unknown one, with the REST codes and a 401', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ contacts { hasMore } }' },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'api_key_missing' } }] });

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer fk_${'y'.repeat(32)}` },
      payload: { query: '{ contacts { hasMore } }' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().errors[0].extensions.code).toBe('api_key_invalid');
  });

  it('lets a read-only key query (by POST and GET) but not mutate', async () => {
    const key = await t.api({
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'reader', scopes: ['read'] },
    });
    const reader = { ...t.main, apiKey: key.body.secret };

    const query = await gql('{ contacts(limit: 1) { hasMore } }', {}, reader);
    expect(query.status).toBe(200);
    expect(query.errors).toBeUndefined();
    const byGet = await t.api(
      { method: 'GET', url: `/graphql?query=${encodeURIComponent('{ contacts(limit: 1) { hasMore } }')}` },
      reader,
    );
    expect(byGet.status).toBe(200);
    expect(byGet.body.errors).toBeUndefined();

    const before = await countRows('contacts');
    const mutation = await gql(CREATE, { input: personInput() }, reader);
    expect(mutation.status).toBe(403);
    expect(mutation.data).toBeNull();
    expect(mutation.errors?.[0]?.extensions.code).toBe('scope_missing');
    // in a document with both, the operation picked by operationName decides
    const both = 'query Read { contacts(limit: 1) { hasMore } } mutation Write { _noop }';
    const pick = (operationName: string) =>
      t.api({ method: 'POST', url: '/graphql', body: { query: both, operationName } }, reader);
    const read = await pick('Read');
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    const write = await pick('Write');
    expect(write.status).toBe(403);
    expect(write.body.errors[0].extensions.code).toBe('scope_missing');
    expect(await countRows('contacts')).toBe(before);
  });

  it('refuses mutations over GET and reports documents that do not parse or validate', async () => {
    const viaGet = await t.api({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { _noop }')}`,
    });
    expect(viaGet.status).toBe(405);
    expect(viaGet.body.errors[0].extensions.code).toBe('method_not_allowed');

    const syntax = await gql('{ contacts { ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Syntax Error'),
      extensions: { code: 'graphql_validation_failed' },
    });

    const unknownField = await gql('{ contacts { data { id shoeSize } } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.errors?.[0]).toMatchObject({
      message: expect.stringContaining('shoeSize'),
      extensions: { code: 'graphql_validation_failed', requestId: unknownField.requestId },
    });
  });
});

describe('graphql: contacts lifecycle', () => {
  it('creates a contact through the same service as REST (customer number, normalisation, event)', async () => {
    const res = await gql(CREATE, {
      input: companyInput({
        companyName: 'Graph GmbH',
        vatId: 'de 136 695 976',
        bankAccounts: [{ iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' }],
        sepaMandates: [{ reference: 'GQL-1', signedDate: '2025-01-15', iban: 'DE89370400440532013000' }],
        tags: ['gql', 'gql'],
        collectiveInvoicing: true,
      }),
    });
    expect(res.errors).toBeUndefined();
    const contact = res.data!.createContact;
    expect(contact).toMatchObject({
      id: expect.stringMatching(/^con_[0-9A-Z]{26}$/),
      kind: 'company',
      customerNumber: expect.stringMatching(/^K-\d{5}$/),
      displayName: 'Graph GmbH',
      vatId: 'DE136695976',
      tags: ['gql'],
      collectiveInvoicing: true,
      version: 1,
      archived: false,
      bankAccounts: [{ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', isDefault: true }],
      sepaMandates: [{ reference: 'GQL-1', scheme: 'CORE', sequenceType: 'FRST', status: 'active' }],
    });
    const rest = await t.api({ method: 'GET', url: `/v1/contacts/${contact.id}` });
    expect(rest.body).toMatchObject({
      id: contact.id,
      customerNumber: contact.customerNumber,
      vatId: 'DE136695976',
    });
    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${contact.id}` });
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['contact.created']);
  });

  it('reads one contact by id; an unknown id is null', async () => {
    const created = (await gql(CREATE, { input: personInput({ firstName: 'Gustav' }) })).data!.createContact;
    const res = await gql(`query ($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(res.data!.contact).toEqual(created);
    const missing = await gql('query ($id: ID!) { contact(id: $id) { id } }', {
      id: 'con_01JD0000000000000000000000',
    });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ contact: null });
  });

  it('updates with expectedVersion like If-Match: the right version wins, a stale one fails with version_mismatch', async () => {
    const created = (await gql(CREATE, { input: companyInput() })).data!.createContact;
    const ok = await gql(UPDATE, { id: created.id, input: { notes: 'first', tags: ['a'] }, v: 1 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateContact).toMatchObject({
      notes: 'first',
      tags: ['a'],
      version: 2,
      companyName: created.companyName,
    });
    // the bank account was not in the input, so it stays (with its id)
    expect(ok.data!.updateContact.bankAccounts).toEqual(created.bankAccounts);

    const stale = await gql(UPDATE, { id: created.id, input: { notes: 'lost update' }, v: 1 });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0]).toMatchObject({
      path: ['updateContact'],
      // the same details as REST's 412 body, so a client can refetch or retry against the current version
      extensions: { code: 'version_mismatch', expectedVersion: 1, currentVersion: 2 },
    });

    const unversioned = await gql(UPDATE, { id: created.id, input: { notes: 'last writer' } });
    expect(unversioned.data!.updateContact).toMatchObject({ notes: 'last writer', version: 3 });
    const rest = await t.api({ method: 'GET', url: `/v1/contacts/${created.id}` });
    expect(rest.body).toMatchObject({ notes: 'last writer', version: 3 });
    expect(rest.headers.etag).toBe('"3"');
  });

  it('archives, unarchives and deletes; a contact with documents cannot be deleted', async () => {
    const created = (await gql(CREATE, { input: personInput() })).data!.createContact;
    const archived = await gql('mutation ($id: ID!) { archiveContact(id: $id) { id archived version } }', {
      id: created.id,
    });
    expect(archived.data!.archiveContact).toEqual({ id: created.id, archived: true, version: 2 });
    const listed = await gql('{ contacts(archived: true, limit: 100) { data { id } } }');
    expect(listed.data!.contacts.data.map((c: { id: string }) => c.id)).toContain(created.id);
    const back = await gql('mutation ($id: ID!) { unarchiveContact(id: $id) { archived version } }', {
      id: created.id,
    });
    expect(back.data!.unarchiveContact).toEqual({ archived: false, version: 3 });

    const deleted = await gql('mutation ($id: ID!) { deleteContact(id: $id) }', { id: created.id });
    expect(deleted.data).toEqual({ deleteContact: true });
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${created.id}` })).status).toBe(404);
    const again = await gql('mutation ($id: ID!) { deleteContact(id: $id) }', { id: created.id });
    expect(again.errors?.[0]?.extensions.code).toBe('contact_not_found');

    const billed = (await gql(CREATE, { input: personInput() })).data!.createContact;
    await t.db('documents').insert({
      id: 'doc_01JD0000000000000000000GQL',
      organization_id: t.main.organizationId,
      contact_id: billed.id,
      type: 'invoice',
      status: 'finalized',
      number: 'RE-2026-00077',
    });
    const refused = await gql('mutation ($id: ID!) { deleteContact(id: $id) }', { id: billed.id });
    expect(refused.errors?.[0]?.extensions.code).toBe('contact_has_documents');
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${billed.id}` })).status).toBe(200);
  });
});

describe('graphql: validation errors carry the REST codes', () => {
  it('malformed input → validation_failed naming each field, nothing written', async () => {
    const before = await countRows('contacts');
    const res = await gql(CREATE, {
      input: {
        kind: 'robot',
        currency: 'euro',
        paymentTermsDays: 999,
        emails: [{ email: 'a@b.de', type: 'fax' }],
      },
    });
    expect(res.data).toBeNull();
    const error = res.errors![0]!;
    expect(error.extensions.code).toBe('validation_failed');
    // the same paths and field codes REST answers for the same body
    const codes = Object.fromEntries(error.extensions.errors!.map((e) => [e.path, e.code]));
    expect(codes).toEqual({
      kind: 'value_not_allowed',
      currency: 'format_invalid',
      paymentTermsDays: 'maximum_invalid',
      'emails.0.type': 'value_not_allowed',
    });
    const rest = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: {
        kind: 'robot',
        currency: 'euro',
        paymentTermsDays: 999,
        emails: [{ email: 'a@b.de', type: 'fax' }],
      },
    });
    for (const [path, code] of Object.entries(codes)) {
      expect(rest.body.errors, path).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(await countRows('contacts')).toBe(before);
  });

  it('broken rules → validation_failed with every rule code, nothing written', async () => {
    const before = { contacts: await countRows('contacts'), events: await countRows('events') };
    const res = await gql(CREATE, {
      input: companyInput({
        companyName: '',
        vatId: 'DE136695977',
        bankAccounts: [{ iban: 'DE89370400440532013001', bic: 'NOPE' }],
        sepaMandates: [{ reference: 'bad//ref', signedDate: '2999-01-01', iban: 'DE89370400440532013000' }],
      }),
    });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions.code).toBe('validation_failed');
    const codes = Object.fromEntries(res.errors![0]!.extensions.errors!.map((e) => [e.path, e.code]));
    expect(codes).toEqual({
      companyName: 'required',
      vatId: 'vat_id_invalid',
      'bankAccounts.0.iban': 'iban_invalid',
      'bankAccounts.0.bic': 'bic_invalid',
      'sepaMandates.0.reference': 'mandate_reference_invalid',
      'sepaMandates.0.signedDate': 'mandate_signed_in_future',
    });
    expect({ contacts: await countRows('contacts'), events: await countRows('events') }).toEqual(before);
  });

  it('an update with a broken rule leaves the contact as it was', async () => {
    const created = (await gql(CREATE, { input: companyInput() })).data!.createContact;
    const res = await gql(UPDATE, {
      id: created.id,
      input: { bankAccounts: [{ iban: 'DE89370400440532013001' }] },
    });
    expect(res.errors![0]!.extensions.errors).toEqual([
      expect.objectContaining({ path: 'bankAccounts.0.iban', code: 'iban_invalid' }),
    ]);
    const after = await gql(`query ($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(after.data!.contact).toEqual(created);
  });
});

describe('graphql: contacts connection', () => {
  it('pages with limit and startingAfter through every contact exactly once', async () => {
    const tenant = await t.tenant('Graph Paging GmbH');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await gql(CREATE, { input: personInput() }, tenant)).data!.createContact.id);

    const PAGE =
      'query ($after: String) { contacts(limit: 2, startingAfter: $after) { data { id } hasMore nextCursor } }';
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResponse = await gql(PAGE, { after }, tenant);
      expect(res.errors).toBeUndefined();
      const page = res.data!.contacts;
      seen.push(...page.data.map((c: { id: string }) => c.id));
      expect(page.hasMore).toBe(page.nextCursor !== null);
      after = page.nextCursor;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters with the REST query parameters', async () => {
    const tenant = await t.tenant('Graph Filter GmbH');
    await gql(
      CREATE,
      { input: companyInput({ companyName: 'Alpha Kaffee GmbH', tags: ['coffee'] }) },
      tenant,
    );
    await gql(CREATE, { input: companyInput({ companyName: 'Beta Tee GmbH' }) }, tenant);
    const byText = await gql('{ contacts(q: "kaffee") { data { displayName } } }', {}, tenant);
    expect(byText.data!.contacts.data).toEqual([{ displayName: 'Alpha Kaffee GmbH' }]);
    const byTag = await gql('{ contacts(tag: "coffee") { data { displayName } } }', {}, tenant);
    expect(byTag.data!.contacts.data).toEqual([{ displayName: 'Alpha Kaffee GmbH' }]);
    const since = (createdGte: string) =>
      gql(
        'query ($since: String) { contacts(createdGte: $since) { data { displayName } } }',
        { since: createdGte },
        tenant,
      );
    expect((await since('2000-01-01T00:00:00Z')).data!.contacts.data).toHaveLength(2);
    expect((await since('2999-01-01T00:00:00Z')).data!.contacts.data).toEqual([]);
    const badDate = await since('yesterday');
    expect(badDate.errors![0]!.extensions).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'createdGte', code: 'format_invalid' })],
    });
  });

  it('refuses a limit outside 1–100 with validation_failed on limit', async () => {
    for (const limit of [0, 101]) {
      const res = await gql('query ($limit: Int) { contacts(limit: $limit) { hasMore } }', { limit });
      expect(res.data).toBeNull();
      expect(res.errors![0]!.extensions).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'limit' })],
      });
    }
  });
});
