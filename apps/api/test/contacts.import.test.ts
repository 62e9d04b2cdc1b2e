import { companyInput, createTestApp, personInput, type TestTenant } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

const t = await createTestApp();

const HEADER =
  'kind,customerNumber,companyName,firstName,lastName,email,phone,vatId,billingLine1,billingPostalCode,billingCity,billingCountry,iban,bic,mandateReference,mandateSignedDate,tags,groups,externalId,source';

function importCsv(csv: string, tenant: TestTenant, query = '', contentType = 'text/csv') {
  return t.api(
    {
      method: 'POST',
      url: `/v1/contacts/import${query}`,
      body: csv,
      headers: { 'content-type': contentType },
    },
    tenant,
  );
}

async function count(table: string, tenant: TestTenant): Promise<number> {
  const [{ n }] = await t.db(table).where({ organization_id: tenant.organizationId }).count({ n: '*' });
  return Number(n);
}

async function group(name: string, tenant: TestTenant): Promise<string> {
  const res = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name } }, tenant);
  expect(res.status).toBe(201);
  return res.body.id;
}

function exportCsv(tenant: TestTenant, query = '') {
  return t.api({ method: 'GET', url: `/v1/contacts/export${query}` }, tenant);
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('contacts import: a valid file', () => {
  it('creates every row with the API’s normalisation, numbers from one block and one event each', async () => {
    const tenant = await t.tenant('Import GmbH');
    const vip = await group('VIP', tenant);
    const hamburg = await group('Hamburg', tenant);
    const csv = [
      HEADER,
      'company,,Nordlicht GmbH,,,billing@nordlicht.example,+49 40 123456,de136695976,Hafenstraße 3,20457,Hamburg,DE,de89 3704 0044 0532 0130 00,cobadeffxxx,MANDATE-1,2025-03-01,vip|newsletter,VIP|Hamburg,4711,shopify',
      'person,,,Erika,Mustermann,erika@example.org,,,Heidestraße 17,51147,Köln,DE,,,,,,,,',
      '"company",K-90001,"Müller, Söhne & Co. KG",,,,,,,,,,,,,,,Hamburg,,',
    ].join('\n');
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, failed: 0, errors: [] });
    expect(res.body.contactIds).toHaveLength(3);

    const [first, second, third] = await Promise.all(
      res.body.contactIds.map((id: string) => t.api({ method: 'GET', url: `/v1/contacts/${id}` }, tenant)),
    );
    expect(first.body).toMatchObject({
      kind: 'company',
      companyName: 'Nordlicht GmbH',
      emails: [{ email: 'billing@nordlicht.example', type: 'billing' }],
      phones: [{ number: '+49 40 123456', type: 'work' }],
      vatId: 'DE136695976',
      billingAddress: {
        line1: 'Hafenstraße 3',
        line2: null,
        postalCode: '20457',
        city: 'Hamburg',
        region: null,
        country: 'DE',
      },
      bankAccounts: [
        { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accountHolder: null, isDefault: true },
      ],
      salutation: null,
      taxNumber: null,
      sepaMandates: [
        {
          reference: 'MANDATE-1',
          signedDate: '2025-03-01',
          iban: 'DE89370400440532013000',
          status: 'active',
        },
      ],
      tags: ['vip', 'newsletter'],
      externalId: '4711',
      source: 'shopify',
      language: 'de',
      currency: 'EUR',
    });
    expect([...first.body.groupIds].sort()).toEqual([vip, hamburg].sort());
    expect(second.body).toMatchObject({ kind: 'person', displayName: 'Erika Mustermann', bankAccounts: [] });
    expect(third.body).toMatchObject({
      customerNumber: 'K-90001',
      companyName: 'Müller, Söhne & Co. KG',
      groupIds: [hamburg],
    });
    // the two rows without a number got consecutive ones from the range
    const n = (s: string) => Number(s.slice(2));
    expect(n(second.body.customerNumber)).toBe(n(first.body.customerNumber) + 1);

    const events = await t.api({ method: 'GET', url: '/v1/events?type=contact.created' }, tenant);
    expect(
      events.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id).sort(),
    ).toEqual([...res.body.contactIds].sort());
    expect(
      events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === first.body.id)
        .data.object,
    ).toEqual(first.body);
  });

  it('reads a semicolon file with a byte order mark, CRLF line ends and quoted semicolons', async () => {
    const tenant = await t.tenant('Semikolon GmbH');
    const csv =
      '\uFEFFkind;companyName;billingLine1;billingPostalCode;billingCity;billingCountry\r\n' +
      'company;"Schmidt; Partner GbR";Königsallee 1;40212;Düsseldorf;DE\r\n' +
      'company;Weber AG;;;;\r\n';
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, failed: 0 });
    const list = await t.api({ method: 'GET', url: '/v1/contacts' }, tenant);
    expect(list.body.data.map((c: { companyName: string }) => c.companyName).sort()).toEqual([
      'Schmidt; Partner GbR',
      'Weber AG',
    ]);
    // an explicit delimiter wins over detection
    const forced = await importCsv('kind,companyName\ncompany,Acme\n', tenant, '?delimiter=%3B');
    expect(forced.status).toBe(400);
    expect(forced.body.code).toBe('csv_column_unknown');
  });

  it('replays the same report for a repeated Idempotency-Key and creates nothing twice', async () => {
    const tenant = await t.tenant('Retry GmbH');
    const csv = 'kind,lastName\nperson,Einmal\n';
    const headers = { 'content-type': 'text/csv', 'idempotency-key': 'import-1' };
    const one = await t.api({ method: 'POST', url: '/v1/contacts/import', body: csv, headers }, tenant);
    const two = await t.api({ method: 'POST', url: '/v1/contacts/import', body: csv, headers }, tenant);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(two.body).toEqual(one.body);
    expect(await count('contacts', tenant)).toBe(1);
  });
});

describe('contacts import: bad rows', () => {
  it('reports each bad row by row, line and column, and writes the valid rows', async () => {
    const tenant = await t.tenant('Mixed GmbH');
    await group('Known', tenant);
    const csv = [
      'kind,companyName,lastName,email,iban,vatId,billingCity,groups,notes',
      'company,Good One GmbH,,a@good.example,DE02120300000000202051,,,Known,',
      'company,,,not-an-email,DE89370400440532013001,DE136695977,Berlin,Unknown group,',
      'person,,Good Two,,,,,,"a note',
      'over two lines"',
      'alien,Bad Kind,,,,,,Known|Nope,',
      'person,,Good Three,,,,,,',
    ].join('\n');
    const eventsBefore = await count('events', tenant);
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, failed: 2 });
    expect(res.body.errors).toHaveLength(2);
    const [row2, row4] = res.body.errors;
    expect(row2).toMatchObject({ row: 2, line: 3 });
    const codes = (errors: { path: string; code: string }[]) =>
      errors.map((e) => `${e.path}:${e.code}`).sort();
    expect(codes(row2.errors)).toEqual(
      [
        'billingLine1:required',
        'billingPostalCode:required',
        'billingCountry:country_invalid',
        'companyName:required',
        'email:email_invalid',
        'groups:contact_group_not_found',
        'iban:iban_invalid',
        'vatId:vat_id_invalid',
      ].sort(),
    );
    // the quoted line break of row 3 moves row 4 to line 6
    expect(row4).toMatchObject({ row: 4, line: 6 });
    expect(codes(row4.errors)).toEqual(['groups:contact_group_not_found', 'kind:value_not_allowed']);
    expect(row4.errors.find((e: { path: string }) => e.path === 'groups').message).toContain("'Nope'");

    expect(await count('contacts', tenant)).toBe(3);
    expect((await count('events', tenant)) - eventsBefore).toBe(3);
    const note = await t.api({ method: 'GET', url: `/v1/contacts/${res.body.contactIds[1]}` }, tenant);
    expect(note.body).toMatchObject({ lastName: 'Good Two', notes: 'a note\nover two lines' });
  });

  it('imports collectiveInvoicing and eInvoiceFormat, naming a bad value of either in the row report', async () => {
    const tenant = await t.tenant('Billing flags GmbH');
    const csv = [
      'kind,companyName,collectiveInvoicing,eInvoiceFormat',
      'company,Sammel GmbH,TRUE,zugferd',
      'company,Vielleicht GmbH,vielleicht,pdf',
      'company,Plain GmbH,,',
    ].join('\n');
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, failed: 1 });
    expect(res.body.errors).toEqual([
      {
        row: 2,
        line: 3,
        errors: [
          expect.objectContaining({ path: 'collectiveInvoicing', code: 'value_not_allowed' }),
          expect.objectContaining({ path: 'eInvoiceFormat', code: 'value_not_allowed' }),
        ],
      },
    ]);
    const [sammel, plain] = await Promise.all(
      res.body.contactIds.map((id: string) => t.api({ method: 'GET', url: `/v1/contacts/${id}` }, tenant)),
    );
    expect(sammel!.body).toMatchObject({
      companyName: 'Sammel GmbH',
      collectiveInvoicing: true,
      eInvoiceFormat: 'zugferd',
    });
    expect(plain!.body).toMatchObject({
      companyName: 'Plain GmbH',
      collectiveInvoicing: false,
      eInvoiceFormat: null,
    });
  });

  it('names a missing or unknown kind alone, not also a company name the row never needed', async () => {
    const tenant = await t.tenant('Kinds GmbH');
    const csv = ['kind,lastName,email', ',Müller,', 'persn,Schmidt,', 'robot,,nope'].join('\n');
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      { row: 1, line: 2, errors: [expect.objectContaining({ path: 'kind', code: 'required' })] },
      { row: 2, line: 3, errors: [expect.objectContaining({ path: 'kind', code: 'value_not_allowed' })] },
      {
        row: 3,
        line: 4,
        // the rules that do not depend on the kind are still checked
        errors: [
          expect.objectContaining({ path: 'kind', code: 'value_not_allowed' }),
          expect.objectContaining({ path: 'email', code: 'email_invalid' }),
        ],
      },
    ]);
  });

  it('refuses rows that repeat an earlier row or a stored contact: customer number, source+externalId, mandate', async () => {
    const tenant = await t.tenant('Duplicates GmbH');
    const stored = await t.api(
      { method: 'POST', url: '/v1/contacts', body: personInput({ customerNumber: 'C-1' }) },
      tenant,
    );
    expect(stored.status).toBe(201);
    const csv = [
      'kind,lastName,customerNumber,externalId,source,iban,mandateReference,mandateSignedDate',
      'person,A,C-2,e-1,shop,DE02120300000000202051,MREF-1,2025-01-01',
      'person,B,C-2,e-1,shop,DE02500105170137075030,MREF-1,2025-01-01',
      'person,C,C-1,e-1,other,,,',
      'person,D,,e-2,shop,,,',
    ].join('\n');
    const res = await importCsv(csv, tenant);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, failed: 2 });
    expect(res.body.errors).toEqual([
      {
        row: 2,
        line: 3,
        errors: expect.arrayContaining([
          {
            path: 'customerNumber',
            code: 'customer_number_taken',
            message: expect.stringContaining('row 1'),
          },
          { path: 'externalId', code: 'external_id_taken', message: expect.stringContaining('row 1') },
          {
            path: 'mandateReference',
            code: 'mandate_reference_taken',
            message: expect.stringContaining('row 1'),
          },
        ]),
      },
      {
        row: 3,
        line: 4,
        errors: [
          {
            path: 'customerNumber',
            code: 'customer_number_taken',
            message: expect.stringContaining(stored.body.id),
          },
        ],
      },
    ]);
    expect(res.body.errors[0].errors).toHaveLength(3);
  });

  it('with atomic=true one bad row rejects the file: 422 with the report, nothing written, no number used', async () => {
    const tenant = await t.tenant('Atomic GmbH');
    const csv = 'kind,lastName,iban\nperson,Fine,\nperson,Broken,DE00123\nperson,Also fine,\n';
    const before = { contacts: await count('contacts', tenant), events: await count('events', tenant) };
    const res = await importCsv(csv, tenant, '?atomic=true');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'contact_import_rejected',
      failed: 1,
      rows: [{ row: 2, line: 3, errors: [{ path: 'iban', code: 'iban_invalid' }] }],
      errors: [{ path: 'rows.2.iban', code: 'iban_invalid' }],
    });
    expect(await count('contacts', tenant)).toBe(before.contacts);
    expect(await count('events', tenant)).toBe(before.events);
    const next = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant);
    expect(next.body.customerNumber).toBe('K-00001');

    const clean = await importCsv('kind,lastName\nperson,Fine\nperson,Also fine\n', tenant, '?atomic=true');
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ imported: 2, failed: 0 });
  });
});

describe('contacts import: unreadable files are refused whole (400)', () => {
  it('names the line of malformed CSV and writes nothing', async () => {
    const tenant = await t.tenant('Malformed GmbH');
    const res = await importCsv('kind,lastName\nperson,Fine\nperson,Bro"ken\nperson,Fine too\n', tenant);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'csv_malformed', line: 3 });
    expect(res.body.detail).toContain('line 3');
    const count2 = await importCsv('kind,lastName\nperson,Fine\nperson,Fine,extra\n', tenant);
    expect(count2.body).toMatchObject({ status: 400, code: 'csv_malformed', line: 3 });
    expect(await count('contacts', tenant)).toBe(0);
  });

  it('names unknown columns', async () => {
    const res = await importCsv('kind,lastName,favouriteColour\nperson,A,blue\n', t.main);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'csv_column_unknown', columns: ['favouriteColour'] });
    expect(res.body.detail).toContain("'favouriteColour'");
  });

  it('refuses more than 10,000 rows, more than 5 MiB and other content types', async () => {
    const many = await importCsv(`kind,lastName\n${'person,A\n'.repeat(10_001)}`, t.main);
    expect(many.status).toBe(400);
    expect(many.body.code).toBe('csv_too_many_rows');
    const big = await importCsv(`kind,notes\n${`person,${'x'.repeat(1000)}\n`.repeat(5300)}`, t.main);
    expect(big.status).toBe(413);
    const json = await t.api({ method: 'POST', url: '/v1/contacts/import', body: { kind: 'person' } });
    expect(json.status).toBe(415);
    // text/csv is accepted on the import route only
    const elsewhere = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: 'kind\nperson\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(elsewhere.status).toBe(415);
  });
});

describe('contacts export', () => {
  it('streams a CSV attachment that re-imports into the same contacts (round trip)', async () => {
    const source = await t.tenant('Source GmbH');
    const target = await t.tenant('Target GmbH');
    for (const tenant of [source, target]) {
      await group('Key accounts', tenant);
      await group('Berlin', tenant);
    }
    const sourceGroups = await t.api({ method: 'GET', url: '/v1/contact-groups' }, source);
    const groupIds = sourceGroups.body.data.map((g: { id: string }) => g.id);
    const bodies = [
      companyInput({
        companyName: 'Formel, "Quote" & Co',
        phones: [{ number: '+49 30 1234567', type: 'work' }],
        sepaMandates: [{ reference: 'RT-1', signedDate: '2025-02-03', iban: 'DE89370400440532013000' }],
        tags: ['vip', 'b2b'],
        groupIds,
        notes: '=cmd|"/c calc"!A1\nsecond line',
        paymentTermsDays: 30,
        preferredPaymentMethod: 'sepa_debit',
        externalId: 'ext-1',
        source: 'shopify',
        buyerReference: '04011000-12345-67',
        collectiveInvoicing: true,
        eInvoiceFormat: 'xrechnung-ubl',
      }),
      personInput({
        salutation: 'Frau',
        language: 'en',
        currency: 'CHF',
        billingAddress: {
          line1: 'Bahnhofstrasse 1',
          line2: '3. OG',
          postalCode: '8001',
          city: 'Zürich',
          region: 'ZH',
          country: 'CH',
        },
      }),
      personInput({ emails: [], billingAddress: null, notes: '-5 % discount' }),
    ];
    for (const body of bodies)
      expect((await t.api({ method: 'POST', url: '/v1/contacts', body }, source)).status).toBe(201);

    const exported = await exportCsv(source);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = exported.text;
    expect(lines(text)[0]).toBe(
      'kind,customerNumber,companyName,salutation,firstName,lastName,email,phone,vatId,taxNumber,buyerReference,language,currency,paymentTermsDays,preferredPaymentMethod,collectiveInvoicing,eInvoiceFormat,billingLine1,billingLine2,billingPostalCode,billingCity,billingRegion,billingCountry,iban,bic,accountHolder,mandateReference,mandateSignedDate,tags,groups,notes,externalId,source',
    );
    // formula injection guard: spreadsheets see text, not formulas
    expect(text).toContain(`"'=cmd|""/c calc""!A1\nsecond line"`);
    expect(text).toContain(`'+49 30 1234567`);
    expect(text).toContain(`'-5 % discount`);
    expect(text).toContain('Key accounts|Berlin');

    const imported = await importCsv(text, target, '?atomic=true');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: 3, failed: 0 });
    const again = await exportCsv(target);
    expect(again.text).toBe(text);

    // for a German Excel: `;` and a byte order mark (without it Excel reads the file as Windows-1252); the
    // file still imports as it is
    const excel = await exportCsv(target, '?delimiter=%3B&bom=true');
    expect(excel.status).toBe(200);
    expect(excel.text.startsWith('\uFEFFkind;customerNumber;companyName;')).toBe(true);
    expect(excel.text.slice(1).split('\n').length).toBe(text.split('\n').length);
    const excelUser = await t.tenant('Excel GmbH');
    for (const name of ['Key accounts', 'Berlin']) await group(name, excelUser);
    const reimported = await importCsv(excel.text, excelUser, '?atomic=true');
    expect(reimported.body, JSON.stringify(reimported.body)).toMatchObject({ imported: 3, failed: 0 });

    const first = await t.api({ method: 'GET', url: `/v1/contacts/${imported.body.contactIds[0]}` }, target);
    expect(first.body).toMatchObject({
      companyName: 'Formel, "Quote" & Co',
      notes: '=cmd|"/c calc"!A1\nsecond line',
      phones: [{ number: '+49 30 1234567' }],
      tags: ['vip', 'b2b'],
      sepaMandates: [{ reference: 'RT-1', signedDate: '2025-02-03' }],
      collectiveInvoicing: true,
      eInvoiceFormat: 'xrechnung-ubl',
    });
    expect(first.body.groupIds).toHaveLength(2);
    const second = await t.api({ method: 'GET', url: `/v1/contacts/${imported.body.contactIds[1]}` }, target);
    expect(second.body).toMatchObject({ collectiveInvoicing: false, eInvoiceFormat: null });
  });

  it('applies the list filters and can write semicolons', async () => {
    const tenant = await t.tenant('Filter GmbH');
    const berlin = await group('Berlin office', tenant);
    const make = (body: object) => t.api({ method: 'POST', url: '/v1/contacts', body }, tenant);
    const a = await make(companyInput({ companyName: 'Alpha GmbH', tags: ['vip'], groupIds: [berlin] }));
    await make(companyInput({ companyName: 'Beta GmbH', tags: ['vip'] }));
    const c = await make(companyInput({ companyName: 'Gamma GmbH' }));
    await t.api({ method: 'POST', url: `/v1/contacts/${c.body.id}/archive` }, tenant);

    const names = async (query: string) =>
      lines((await exportCsv(tenant, query)).text)
        .slice(1)
        .map((line) => line.split(/[,;]/)[2]);
    expect(await names('')).toEqual(['Alpha GmbH', 'Beta GmbH']);
    expect(await names('?tag=vip')).toEqual(['Alpha GmbH', 'Beta GmbH']);
    expect(await names(`?groupId=${berlin}`)).toEqual(['Alpha GmbH']);
    expect(await names('?q=beta')).toEqual(['Beta GmbH']);
    expect(await names('?archived=true')).toEqual(['Gamma GmbH']);
    expect(await names(`?customerNumber=${a.body.customerNumber}`)).toEqual(['Alpha GmbH']);
    const semicolons = await exportCsv(tenant, '?delimiter=%3B&tag=vip');
    expect(lines(semicolons.text)[0]!.startsWith('kind;customerNumber;companyName;')).toBe(true);
    const bad = await exportCsv(tenant, '?colour=red');
    expect(bad.status).toBe(400);
  });

  it('reads large exports in keyset batches of 1,000, oldest first', async () => {
    const tenant = await t.tenant('Bulk GmbH');
    const rows = Array.from({ length: 1234 }, (_, i) => `person,Bulk ${String(i).padStart(4, '0')}`);
    const res = await importCsv(`kind,lastName\n${rows.join('\n')}\n`, tenant);
    expect(res.body).toMatchObject({ imported: 1234, failed: 0 });

    const statements: string[] = [];
    const listener = (query: { sql: string }) => statements.push(query.sql);
    t.db.on('query', listener);
    let exported: Awaited<ReturnType<typeof exportCsv>>;
    try {
      exported = await exportCsv(tenant);
    } finally {
      t.db.removeListener('query', listener);
    }
    const body = lines(exported.text).slice(1);
    expect(body).toHaveLength(1234);
    expect(body[0]).toContain('Bulk 0000');
    expect(body[1233]).toContain('Bulk 1233');
    const batches = statements.filter((sql) => /from "contacts" as "c"/.test(sql));
    expect(batches).toHaveLength(2);
    expect(batches.every((sql) => /order by "c"\."id" asc limit \$\d+$/.test(sql))).toBe(true);
  });
});

describe('contacts import/export: tenants stay apart', () => {
  it("cannot use another organisation's groups, and exports only its own contacts", async () => {
    const owner = await t.tenant('Owner GmbH');
    const intruder = await t.tenant('Intruder GmbH');
    const secret = await group('Secret group', owner);
    await t.api(
      { method: 'POST', url: '/v1/contacts', body: personInput({ lastName: 'Owned', groupIds: [secret] }) },
      owner,
    );

    expect((await t.api({ method: 'GET', url: `/v1/contact-groups/${secret}` }, intruder)).status).toBe(404);
    const byName = await importCsv('kind,lastName,groups\nperson,Sneaky,Secret group\n', intruder);
    expect(byName.body).toMatchObject({
      imported: 0,
      failed: 1,
      errors: [{ row: 1, errors: [{ path: 'groups', code: 'contact_group_not_found' }] }],
    });
    const byId = await t.api(
      { method: 'POST', url: '/v1/contacts', body: personInput({ groupIds: [secret] }) },
      intruder,
    );
    expect(byId.status).toBe(422);
    expect(byId.body.errors[0]).toMatchObject({ path: 'groupIds.0', code: 'contact_group_not_found' });
    const filtered = await exportCsv(intruder, `?groupId=${secret}`);
    expect(lines(filtered.text)).toHaveLength(1);
    const all = await exportCsv(intruder);
    expect(all.text).not.toContain('Owned');
  });
});
