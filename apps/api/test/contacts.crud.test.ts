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
