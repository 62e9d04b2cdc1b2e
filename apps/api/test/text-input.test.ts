import { companyInput, createTestApp } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { tenantRows } from './rows.support';

// PostgreSQL text cannot hold U+0000. A NUL anywhere in a request — path, query, JSON body (values and
// field names), a CSV file, a bank statement — is refused as a 400 naming each place, before anything is
// written; it used to reach the database and come back as a 500.
const t = await createTestApp();

const NUL = '\u0000';

describe('the NUL character in requests', () => {
  it('names every JSON field holding one, field names included, and writes nothing', async () => {
    const before = await tenantRows(t, 'contacts');
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: {
        ...companyInput(),
        companyName: `A${NUL}B GmbH`,
        emails: [{ email: 'ok@example.com', type: 'billing' }, { email: `x${NUL}@example.com` }],
        metadata: { [`key${NUL}`]: 'v', fine: 'v' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    expect(res.body.errors).toEqual([
      { path: 'companyName', code: 'nul_character', message: 'must not contain the NUL character (U+0000)' },
      {
        path: 'emails.1.email',
        code: 'nul_character',
        message: 'must not contain the NUL character (U+0000)',
      },
      {
        path: `metadata.key${NUL}`,
        code: 'nul_character',
        message: 'name must not contain the NUL character (U+0000)',
      },
    ]);
    expect(await tenantRows(t, 'contacts')).toBe(before);
  });

  it('names query parameters and path parameters', async () => {
    const list = await t.api({ method: 'GET', url: '/v1/contacts?q=a%00b' });
    expect(list.status).toBe(400);
    expect(list.body.errors).toEqual([expect.objectContaining({ path: 'query.q', code: 'nul_character' })]);
    const one = await t.api({ method: 'GET', url: '/v1/contacts/con_%00' });
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([expect.objectContaining({ path: 'params.id', code: 'nul_character' })]);
  });

  it('names the line of a CSV import and of a bank statement that holds one', async () => {
    const before = await tenantRows(t, 'contacts');
    const csv = await t.api({
      method: 'POST',
      url: '/v1/contacts/import',
      body: `kind,companyName\ncompany,Fine GmbH\ncompany,Bad${NUL} GmbH\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(400);
    expect(csv.body.errors).toEqual([
      { path: 'body', code: 'nul_character', message: 'line 3 must not contain the NUL character (U+0000)' },
    ]);
    expect(await tenantRows(t, 'contacts')).toBe(before);

    const mt940 = [
      ':20:STARTUMS',
      ':25:37040044/0532013000',
      ':28C:00001/001',
      ':60F:C261127EUR1000,00',
      ':61:2611271127CR100,00NTRFNONREF',
      `:86:166?00GUTSCHRIFT?20RE-2026${NUL}-0001`,
      ':62F:C261127EUR1100,00',
      '-',
    ].join('\r\n');
    const statement = await t.api({
      method: 'POST',
      url: '/v1/bank-statements',
      body: mt940,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(statement.status).toBe(400);
    expect(statement.body.errors).toEqual([
      { path: 'body', code: 'nul_character', message: 'line 6 must not contain the NUL character (U+0000)' },
    ]);
    expect(await tenantRows(t, 'bank_statements')).toBe(0);
  });

  it('refuses GraphQL variables holding one', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: 'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
        variables: { input: { kind: 'company', companyName: `A${NUL}B` } },
      },
    });
    // answered the GraphQL way: the problem's code and fields in the error's extensions
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'validation_failed',
          errors: [
            {
              path: 'variables.input.companyName',
              code: 'nul_character',
              message: 'must not contain the NUL character (U+0000)',
            },
          ],
        }),
      }),
    ]);
  });
});

// Everything a name, an address or a line says ends up in an e-invoice: XML 1.0 cannot carry the other C0
// controls (but tab, line feed and carriage return), U+FFFE/U+FFFF or half a surrogate pair, and one of them in a
// customer's name made every XRechnung of that customer's issued — unchangeable — invoices malformed.
describe('characters XML cannot carry', () => {
  const VT = '\u000b'; // Word's manual line break
  const message =
    'contains a control character an e-invoice (XML) cannot carry; tab, line feed and carriage return are fine';

  it('are refused in every JSON field with the field named, and nothing is written; tab and line breaks pass', async () => {
    const before = await tenantRows(t, 'contacts');
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: {
        ...companyInput(),
        companyName: `Nordwind${VT}Handel GmbH`,
        billingAddress: { line1: 'Hafenweg 2\u0007', postalCode: '20457', city: 'Hamburg', country: 'DE' },
        notes: 'half a pair: \ud83d',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'companyName', code: 'character_invalid', message },
      { path: 'billingAddress.line1', code: 'character_invalid', message },
      { path: 'notes', code: 'character_invalid', message },
    ]);
    expect(await tenantRows(t, 'contacts')).toBe(before);

    const fine = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: { ...companyInput(), notes: 'Lieferung:\tRampe 3\r\nBitte klingeln 😀' },
    });
    expect(fine.status).toBe(201);
  });

  it("are a CSV import row's error, named by column, while a text body itself may hold them", async () => {
    const before = await tenantRows(t, 'contacts');
    const csv = await t.api({
      method: 'POST',
      url: '/v1/contacts/import?atomic=true',
      body: [
        'kind,companyName,billingLine1,billingPostalCode,billingCity,billingCountry',
        'company,Fine GmbH,Domplatz 1,50667,Köln,DE',
        `company,Bad${VT} GmbH,Unter den Linden 1,10117,Ber\u0001lin,DE`,
      ].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(422);
    expect(csv.body.errors).toEqual([
      { path: 'rows.2.companyName', code: 'character_invalid', message },
      { path: 'rows.2.billingCity', code: 'character_invalid', message },
    ]);
    expect(await tenantRows(t, 'contacts')).toBe(before);
  });
});
