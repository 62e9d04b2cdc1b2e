import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

const t = await createTestApp();

async function countRows(table: string): Promise<number> {
  const [{ n }] = await t.db(table).count({ n: '*' });
  return Number(n);
}

describe('contacts: create, read, update, delete', () => {
  it('creates a company with a customer number from the range, normalised bank data and an event', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: companyInput({
        companyName: 'Nordlicht Software GmbH',
        bankAccounts: [{ iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' }],
        sepaMandates: [
          { reference: 'MANDATE-0001', signedDate: '2025-03-01', iban: 'DE89370400440532013000' },
        ],
        tags: ['vip', 'vip', 'newsletter'],
        metadata: { crmId: '4711' },
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/v1/contacts/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'company',
      displayName: 'Nordlicht Software GmbH',
      customerNumber: expect.stringMatching(/^K-\d{5}$/),
      bankAccounts: [{ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', isDefault: true }],
      sepaMandates: [{ reference: 'MANDATE-0001', scheme: 'CORE', sequenceType: 'FRST', status: 'active' }],
      tags: ['vip', 'newsletter'],
      metadata: { crmId: '4711' },
      version: 1,
    });
    expect(res.body.id).toMatch(/^con_[0-9A-Z]{26}$/);

    const events = await t.api({ method: 'GET', url: `/v1/events?type=contact.*&resourceId=${res.body.id}` });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({
      type: 'contact.created',
      data: { object: { id: res.body.id } },
    });
  });

  it('numbers customers consecutively', async () => {
    const a = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const b = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const n = (s: string) => Number(s.slice(2));
    expect(n(b.body.customerNumber)).toBe(n(a.body.customerNumber) + 1);
  });

  it('reads a contact with its ETag', async () => {
    const created = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ firstName: 'Jonas' }),
    });
    const res = await t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.displayName).toBe(`Jonas ${created.body.lastName}`);
  });

  it('updates only the fields sent, bumps the version and honours If-Match', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    const id = created.body.id;
    const patched = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      headers: { 'if-match': '"1"' },
      body: { notes: 'Pays on time', tags: ['a'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ notes: 'Pays on time', tags: ['a'], version: 2 });
    expect(patched.body.companyName).toBe(created.body.companyName);
    expect(patched.body.bankAccounts[0].id).toBe(created.body.bankAccounts[0].id);

    const stale = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      headers: { 'if-match': '"1"' },
      body: { notes: 'lost update' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'version_mismatch', currentVersion: 2 });
    const after = await t.api({ method: 'GET', url: `/v1/contacts/${id}` });
    expect(after.body.notes).toBe('Pays on time');
  });

  it('keeps a bank account whose id is sent back and replaces the others', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    const kept = created.body.bankAccounts[0];
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${created.body.id}`,
      body: { bankAccounts: [kept, { iban: 'GB82WEST12345698765432' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.bankAccounts.map((b: { iban: string }) => b.iban)).toEqual([
      'DE89370400440532013000',
      'GB82WEST12345698765432',
    ]);
    expect(res.body.bankAccounts[0].id).toBe(kept.id);
  });

  it('deletes a contact without documents, and refuses one with documents (archive instead)', async () => {
    const free = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    expect((await t.api({ method: 'DELETE', url: `/v1/contacts/${free.body.id}` })).status).toBe(204);
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${free.body.id}` })).status).toBe(404);

    const billed = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    // Documents have no API until the documents issue; the row is what a finalized invoice leaves behind.
    await t.db('documents').insert({
      id: 'doc_01JD0000000000000000000000',
      organization_id: t.main.organizationId,
      contact_id: billed.body.id,
      type: 'invoice',
      status: 'finalized',
      number: 'RE-2026-00001',
    });
    const refused = await t.api({ method: 'DELETE', url: `/v1/contacts/${billed.body.id}` });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('contact_has_documents');
    const archived = await t.api({ method: 'POST', url: `/v1/contacts/${billed.body.id}/archive` });
    expect(archived.body).toMatchObject({ archived: true, version: 2 });
    const active = await t.api({
      method: 'GET',
      url: `/v1/contacts?q=${encodeURIComponent(billed.body.lastName)}`,
    });
    expect(active.body.data).toHaveLength(0);
    const inArchive = await t.api({ method: 'GET', url: `/v1/contacts?archived=true` });
    expect(inArchive.body.data.map((c: { id: string }) => c.id)).toContain(billed.body.id);
  });
});

describe('contacts: bad input writes nothing', () => {
  it('answers 400 naming every malformed field', async () => {
    const before = await countRows('contacts');
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: { kind: 'alien', emails: [{ email: 'x@y.de' }], paymentTermsDays: -1, surprise: true },
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', type: expect.any(String) });
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'emails.0.type', 'paymentTermsDays', 'surprise']));
    expect(await countRows('contacts')).toBe(before);
  });

  it('answers 422 naming every broken rule: IBAN, BIC, VAT id, mandate, address', async () => {
    const before = { contacts: await countRows('contacts'), events: await countRows('events') };
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: companyInput({
        vatId: 'DE136695977',
        billingAddress: { line1: 'Weg 1', postalCode: '1', city: 'X', country: 'XX' },
        bankAccounts: [{ iban: 'DE89370400440532013001', bic: 'NOPE' }],
        sepaMandates: [{ reference: 'bad//ref', signedDate: '2999-01-01', iban: 'DE00' + '1'.repeat(18) }],
      }),
    });
    expect(res.status).toBe(422);
    const codes = Object.fromEntries(
      res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(codes).toMatchObject({
      vatId: 'vat_id_invalid',
      'billingAddress.country': 'country_invalid',
      'bankAccounts.0.iban': 'iban_invalid',
      'bankAccounts.0.bic': 'bic_invalid',
      'sepaMandates.0.reference': 'mandate_reference_invalid',
      'sepaMandates.0.signedDate': 'mandate_signed_in_future',
      'sepaMandates.0.iban': 'iban_invalid',
    });
    expect(await countRows('contacts')).toBe(before.contacts);
    expect(await countRows('events')).toBe(before.events);
  });

  it('rejects a patch with a broken rule and leaves the contact as it was', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${created.body.id}`,
      body: { companyName: '', bankAccounts: [{ iban: 'DE89370400440532013001' }] },
    });
    expect(res.status).toBe(422);
    const after = await t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` });
    expect(after.body).toEqual(created.body);
  });

  it('refuses a mandate reference another contact holds', async () => {
    const body = (ref: string) =>
      companyInput({
        sepaMandates: [{ reference: ref, signedDate: '2024-01-01', iban: 'DE89370400440532013000' }],
      });
    expect((await t.api({ method: 'POST', url: '/v1/contacts', body: body('UNIQUE-1') })).status).toBe(201);
    const dup = await t.api({ method: 'POST', url: '/v1/contacts', body: body('UNIQUE-1') });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({
      path: 'sepaMandates.0.reference',
      code: 'mandate_reference_taken',
    });
  });
});

describe('contacts: customer numbers', () => {
  it('skips a number of the range that a contact was given explicitly', async () => {
    const auto = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const next = `K-${String(Number(auto.body.customerNumber.slice(2)) + 1).padStart(5, '0')}`;
    const manual = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ customerNumber: next }),
    });
    expect(manual.status).toBe(201);
    const after = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    expect(after.status).toBe(201);
    expect(after.body.customerNumber).not.toBe(next);
    expect(Number(after.body.customerNumber.slice(2))).toBe(Number(next.slice(2)) + 1);
  });

  it('refuses a customer number that is blank or has spaces around it (it would pass as another, unique one)', async () => {
    const taken = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const before = await countRows('contacts');
    for (const customerNumber of [
      ` ${taken.body.customerNumber} `,
      '   ',
      `${taken.body.customerNumber}\n`,
    ]) {
      const res = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput({ customerNumber }) });
      expect(res.status, JSON.stringify(customerNumber)).toBe(400);
      expect(res.body.errors).toEqual([
        { path: 'customerNumber', code: 'format_invalid', message: expect.any(String) },
      ]);
    }
    const patch = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${taken.body.id}`,
      body: { customerNumber: 'K-77777 ' },
    });
    expect(patch.status).toBe(400);
    const graphql = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: 'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
        variables: { input: personInput({ customerNumber: ' ' }) },
      },
    });
    expect(graphql.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'customerNumber', code: 'format_invalid' }],
    });
    expect(await countRows('contacts')).toBe(before);
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${taken.body.id}` })).body.version).toBe(1);
  });

  it('keeps an explicit null as null (no coercion of bodies)', async () => {
    const created = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: companyInput({ notes: 'x', paymentTermsDays: 0 }),
    });
    expect(created.body.paymentTermsDays).toBe(0);
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${created.body.id}`,
      body: { notes: null },
    });
    expect(res.body.notes).toBeNull();
  });
});

// Found by an ERP integrator using the API; each test failed before its fix.

async function create(body: object) {
  const res = await t.api({ method: 'POST', url: '/v1/contacts', body });
  expect(res.status).toBe(201);
  return res.body;
}

async function eventTypes(id: string): Promise<string[]> {
  const res = await t.api({ method: 'GET', url: `/v1/events?resourceId=${id}&limit=100` });
  return res.body.data.map((e: { type: string }) => e.type);
}

async function auditCount(id: string): Promise<number> {
  const [{ n }] = await t.db('audit_log').where({ resource_id: id }).count({ n: '*' });
  return Number(n);
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
  return res.body as { data: any; errors?: { extensions: { code: string; errors?: unknown[] } }[] };
}

describe('a mandate or bank account kept by its id keeps the fields the patch leaves out', () => {
  it('does not turn a revoked B2B/RCUR mandate into an active CORE/FRST one, nor drop its BIC', async () => {
    const contact = await create(
      companyInput({
        bankAccounts: [
          { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accountHolder: 'Muster GmbH' },
          { iban: 'DE02120300000000202051', isDefault: true },
        ],
        sepaMandates: [
          {
            reference: 'SWEEP-MANDATE-1',
            signedDate: '2025-01-10',
            iban: 'DE89370400440532013000',
            bic: 'COBADEFFXXX',
            accountHolder: 'Muster GmbH',
            scheme: 'B2B',
            sequenceType: 'RCUR',
            status: 'revoked',
            preNotificationDays: 5,
          },
        ],
      }),
    );
    const [mandate] = contact.sepaMandates;
    const [first, second] = contact.bankAccounts;
    expect(second.isDefault).toBe(true);

    // the integrator re-sends the items by id with only the fields its ERP knows
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${contact.id}`,
      body: {
        notes: 'synced',
        bankAccounts: [
          { id: first.id, iban: first.iban },
          { id: second.id, iban: second.iban },
        ],
        sepaMandates: [
          {
            id: mandate.id,
            reference: mandate.reference,
            signedDate: mandate.signedDate,
            iban: mandate.iban,
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.sepaMandates).toEqual([mandate]);
    expect(res.body.bankAccounts).toEqual(contact.bankAccounts);

    // null still clears; a patch naming a default moves it
    const cleared = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${contact.id}`,
      body: {
        bankAccounts: [
          { id: first.id, iban: first.iban, bic: null, isDefault: true },
          { id: second.id, iban: second.iban },
        ],
        sepaMandates: [{ ...mandate, lastUsedDate: undefined, status: 'active', accountHolder: null }],
      },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.bankAccounts).toMatchObject([
      { id: first.id, bic: null, accountHolder: 'Muster GmbH', isDefault: true },
      { id: second.id, isDefault: false },
    ]);
    expect(cleared.body.sepaMandates).toMatchObject([
      { id: mandate.id, status: 'active', scheme: 'B2B', sequenceType: 'RCUR', accountHolder: null },
    ]);
  });

  it('the same through GraphQL', async () => {
    const contact = await create(
      personInput({
        sepaMandates: [
          {
            reference: 'SWEEP-MANDATE-2',
            signedDate: '2025-01-10',
            iban: 'DE89370400440532013000',
            status: 'revoked',
            sequenceType: 'RCUR',
          },
        ],
      }),
    );
    const m = contact.sepaMandates[0];
    const out = await gql(
      `mutation ($id: ID!, $input: ContactInput!) {
        updateContact(id: $id, input: $input) { sepaMandates { id status sequenceType } } }`,
      {
        id: contact.id,
        input: {
          sepaMandates: [{ id: m.id, reference: m.reference, signedDate: m.signedDate, iban: m.iban }],
        },
      },
    );
    expect(out.errors).toBeUndefined();
    expect(out.data.updateContact.sepaMandates).toEqual([
      { id: m.id, status: 'revoked', sequenceType: 'RCUR' },
    ]);
  });
});

describe('archive and unarchive are idempotent', () => {
  it('archiving an archived contact keeps its archivedAt, version and ETag and writes no second event', async () => {
    const contact = await create(personInput());
    const first = await t.api({ method: 'POST', url: `/v1/contacts/${contact.id}/archive` });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ archived: true, version: 2 });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const again = await t.api({ method: 'POST', url: `/v1/contacts/${contact.id}/archive` });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe('"2"');
    expect(await eventTypes(contact.id)).toEqual(['contact.archived', 'contact.created']);
    expect(await auditCount(contact.id)).toBe(2);
  });

  it('restoring a contact that is not archived changes nothing', async () => {
    const contact = await create(personInput());
    const res = await t.api({ method: 'POST', url: `/v1/contacts/${contact.id}/unarchive` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(contact);
    expect(await eventTypes(contact.id)).toEqual(['contact.created']);
  });
});

describe('a PATCH that changes nothing writes nothing', () => {
  it('keeps version and ETag and writes no event or audit entry; a real change still does', async () => {
    const contact = await create(
      companyInput({
        metadata: { erp: '4711', branch: 'Nord' },
        sepaMandates: [
          { reference: 'SWEEP-MANDATE-3', signedDate: '2025-01-10', iban: 'DE89370400440532013000' },
        ],
        tags: ['a', 'b'],
      }),
    );
    // an ERP sends back what it read (minus the read-only fields), keys in its own order
    const {
      id: _id,
      displayName: _d,
      archived: _a,
      archivedAt: _at,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...writable
    } = contact;
    const body = {
      ...writable,
      metadata: { branch: 'Nord', erp: '4711' },
      vatId: 'de 136 695 976',
      sepaMandates: contact.sepaMandates.map(({ lastUsedDate: _l, ...m }: { lastUsedDate: unknown }) => m),
    };
    for (const patch of [{}, body, { notes: null, tags: ['a', 'b'] }]) {
      const res = await t.api({
        method: 'PATCH',
        url: `/v1/contacts/${contact.id}`,
        body: patch,
        headers: { 'if-match': '"1"' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual(contact);
    }
    expect(await eventTypes(contact.id)).toEqual(['contact.created']);
    expect(await auditCount(contact.id)).toBe(1);

    const changed = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${contact.id}`,
      body: { notes: 'now different' },
    });
    expect(changed.headers.etag).toBe('"2"');
    expect(await eventTypes(contact.id)).toEqual(['contact.updated', 'contact.created']);
  });
});

describe('the email filter', () => {
  it('finds an address whatever its case, over REST and GraphQL', async () => {
    const contact = await create(
      personInput({ emails: [{ email: 'Anna.Berg@Example.COM', type: 'billing' }] }),
    );
    await create(personInput({ emails: [{ email: 'anna.berg@example.co', type: 'billing' }] }));
    for (const email of ['anna.berg@example.com', 'ANNA.BERG@EXAMPLE.COM', 'Anna.Berg@Example.COM']) {
      const res = await t.api({ method: 'GET', url: `/v1/contacts?email=${encodeURIComponent(email)}` });
      expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    }
    const out = await gql('{ contacts(email: "anna.berg@EXAMPLE.com") { data { id } } }');
    expect(out.data.contacts.data).toEqual([{ id: contact.id }]);
  });
});

/** `POST /v1/contacts/import` of a CSV text. */
const importCsv = (csv: string) =>
  t.api({ method: 'POST', url: '/v1/contacts/import', body: csv, headers: { 'content-type': 'text/csv' } });

describe('CSV import reports', () => {
  it('name the right line after a cell with a CRLF line break (as Windows programs write it)', async () => {
    const csv = [
      'kind,lastName,notes',
      'person,Eins,"erste Zeile\r\nzweite Zeile\r\ndritte Zeile"',
      'person,,kein Name',
      'person,Drei,"a\nb"',
      'company,,kein Firmenname',
      '',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e: { row: number; line: number }) => [e.row, e.line])).toEqual([
      [2, 5],
      [4, 8],
    ]);
  });

  it('list every unknown group of a cell', async () => {
    const res = await importCsv('kind,lastName,groups\nperson,Gruppen,Gibt es nicht|Auch nicht\n');
    expect(res.body.errors[0].errors).toEqual([
      { path: 'groups', code: 'contact_group_not_found', message: "no contact group named 'Gibt es nicht'" },
      { path: 'groups', code: 'contact_group_not_found', message: "no contact group named 'Auch nicht'" },
    ]);
  });
});

describe('validation errors name what is wrong, not the nullable wrapper around it', () => {
  const address = { line1: '', postalCode: '10115', city: 'Berlin', country: 'DE' };

  it('REST', async () => {
    const before = await t.db('contacts').count({ n: '*' });
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ billingAddress: address, paymentTermsDays: 999 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'billingAddress.line1', code: 'min_length_invalid', message: expect.any(String) },
      { path: 'paymentTermsDays', code: 'maximum_invalid', message: expect.any(String) },
    ]);
    const missing = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ billingAddress: { line1: 'Weg 1', postalCode: '1', country: 'DE' } as never }),
    });
    expect(missing.body.errors).toEqual([
      { path: 'billingAddress.city', code: 'required', message: expect.any(String) },
    ]);
    // a wrong type of the nullable field itself is still reported
    const wrong = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ notes: 5 as never }),
    });
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toContain('notes');
    expect(await t.db('contacts').count({ n: '*' })).toEqual(before);
  });

  it('GraphQL', async () => {
    const out = await gql(`mutation ($input: ContactInput!) { createContact(input: $input) { id } }`, {
      input: personInput({ billingAddress: address }),
    });
    expect(out.errors?.[0]?.extensions.code).toBe('validation_failed');
    expect(out.errors?.[0]?.extensions.errors).toEqual([
      { path: 'billingAddress.line1', code: 'min_length_invalid', message: expect.any(String) },
    ]);
  });

  it('CSV import', async () => {
    const res = await importCsv('kind,lastName,paymentTermsDays\nperson,Frist,400\n');
    expect(res.body.errors[0].errors).toEqual([
      { path: 'paymentTermsDays', code: 'maximum_invalid', message: 'must be <= 365' },
    ]);
  });
});
