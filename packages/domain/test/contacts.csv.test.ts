import { describe, expect, it } from 'vitest';
import {
  CONTACT_CSV_COLUMNS,
  columnForPath,
  contactToRow,
  detectDelimiter,
  MAX_IMPORT_ROWS,
  parseContactsCsv,
  rowErrors,
  rowToInput,
  stringifyRows,
  unguardFormula,
} from '../src/contacts/csv';
import type { Contact } from '../src/contacts/types';
import { DomainError } from '../src/errors';

async function failure(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const contact: Contact = {
  id: 'con_01JD3Y8WQ4XK0R5N6S7T8V9W0A',
  kind: 'company',
  customerNumber: 'K-00042',
  companyName: 'Nordlicht, Software "GmbH"',
  salutation: null,
  firstName: null,
  lastName: null,
  displayName: 'Nordlicht, Software "GmbH"',
  emails: [
    { email: 'info@nordlicht.example', type: 'general' },
    { email: 'billing@nordlicht.example', type: 'billing' },
  ],
  phones: [{ number: '+49 30 1234567', type: 'work' }],
  billingAddress: {
    line1: 'Hafenstraße 3',
    line2: null,
    postalCode: '20457',
    city: 'Hamburg',
    region: null,
    country: 'DE',
  },
  addresses: [],
  vatId: 'DE136695976',
  taxNumber: null,
  buyerReference: '04011000-12345-67',
  language: 'de',
  currency: 'EUR',
  paymentTermsDays: 30,
  preferredPaymentMethod: 'sepa_debit',
  collectiveInvoicing: false,
  eInvoiceFormat: null,
  bankAccounts: [
    { id: 'bac_1', iban: 'GB82WEST12345698765432', bic: null, accountHolder: null, isDefault: false },
    {
      id: 'bac_2',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      accountHolder: 'Nordlicht',
      isDefault: true,
    },
  ],
  sepaMandates: [
    {
      id: 'mdt_1',
      reference: 'OLD-1',
      signedDate: '2020-01-01',
      scheme: 'CORE',
      sequenceType: 'RCUR',
      iban: 'DE89370400440532013000',
      bic: null,
      accountHolder: null,
      status: 'revoked',
      lastUsedDate: null,
      preNotificationDays: null,
    },
    {
      id: 'mdt_2',
      reference: 'MANDATE-7',
      signedDate: '2025-03-01',
      scheme: 'CORE',
      sequenceType: 'FRST',
      iban: 'DE89370400440532013000',
      bic: null,
      accountHolder: null,
      status: 'active',
      lastUsedDate: null,
      preNotificationDays: null,
    },
  ],
  groupIds: ['grp_a', 'grp_b', 'grp_gone'],
  tags: ['vip', 'newsletter'],
  notes: '=HYPERLINK("http://evil.example")\nsecond line',
  metadata: {},
  externalId: '4711',
  source: 'shopify',
  archived: false,
  archivedAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const groups = new Map([
  ['grp_a', 'Key accounts'],
  ['grp_b', 'Hamburg'],
]);

describe('contacts CSV: delimiter detection', () => {
  it('picks the delimiter that separates the header line', async () => {
    expect(detectDelimiter('kind,companyName;x\nperson;a,b')).toBe(',');
    expect(detectDelimiter('kind;companyName;email\n')).toBe(';');
    expect(detectDelimiter('\uFEFFkind;companyName\r\n')).toBe(';');
  });

  it('ignores delimiters inside quotes and defaults to a comma', async () => {
    expect(detectDelimiter('"a;b;c",kind\n')).toBe(',');
    expect(detectDelimiter('kind\nperson')).toBe(',');
  });
});

describe('contacts CSV: parsing a file', () => {
  it('maps cells to columns by the header, case-insensitively, and numbers rows and lines', async () => {
    const rows = await parseContactsCsv(
      'Kind,LASTNAME\nperson,Weber\n\n"person","Multi\nLine"\nperson,Last\n',
    );
    expect(rows).toEqual([
      { row: 1, line: 2, cells: { kind: 'person', lastName: 'Weber' } },
      { row: 2, line: 4, cells: { kind: 'person', lastName: 'Multi\nLine' } },
      { row: 3, line: 6, cells: { kind: 'person', lastName: 'Last' } },
    ]);
  });

  it('reads a semicolon file with a byte order mark and CRLF line ends', async () => {
    const rows = await parseContactsCsv(
      '\uFEFFkind;companyName\r\ncompany;Müller; Söhne\r\n'.replace('Müller; Söhne', '"Müller; Söhne"'),
    );
    expect(rows).toEqual([{ row: 1, line: 2, cells: { kind: 'company', companyName: 'Müller; Söhne' } }]);
  });

  it('skips rows whose cells are all empty (spreadsheet leftovers)', async () => {
    const rows = await parseContactsCsv('kind,lastName\nperson,A\n,\n ,  \nperson,B\n');
    expect(rows.map((r) => [r.row, r.line, r.cells.lastName])).toEqual([
      [1, 2, 'A'],
      [2, 5, 'B'],
    ]);
  });

  it('refuses unknown and repeated columns, naming them', async () => {
    const unknown = await failure(() => parseContactsCsv('kind,lastName,shoeSize,Colour\nperson,A,44,red\n'));
    expect(unknown).toMatchObject({ kind: 'invalid_request', code: 'csv_column_unknown' });
    expect(unknown.details).toEqual({ columns: ['shoeSize', 'Colour'] });
    expect(unknown.message).toContain("'shoeSize'");

    const repeated = await failure(() => parseContactsCsv('kind,email,Email\nperson,a@b.de,c@d.de\n'));
    expect(repeated).toMatchObject({ code: 'csv_column_repeated', details: { columns: ['Email'] } });
  });

  it('refuses malformed CSV naming the line: stray quote, unclosed quote, wrong cell count', async () => {
    const stray = await failure(() => parseContactsCsv('kind,lastName\nperson,A\nperson,Web"er\n'));
    expect(stray).toMatchObject({ kind: 'invalid_request', code: 'csv_malformed', details: { line: 3 } });
    expect(stray.message).toContain('line 3');

    const unclosed = await failure(() => parseContactsCsv('kind,lastName\nperson,"Weber\n'));
    expect(unclosed).toMatchObject({ code: 'csv_malformed', details: { line: 2 } });

    const count = await failure(() => parseContactsCsv('kind,lastName\nperson,A\nperson,B,extra\n'));
    expect(count).toMatchObject({ code: 'csv_malformed', details: { line: 3 } });
  });

  it('refuses a record longer than the record size limit', async () => {
    const error = await failure(() => parseContactsCsv(`kind,notes\nperson,${'x'.repeat(100_001)}\n`));
    expect(error).toMatchObject({ code: 'csv_malformed', details: { reason: 'CSV_MAX_RECORD_SIZE' } });
  });

  it('refuses an empty file, a file that is not UTF-8 and a file with too many rows', async () => {
    expect((await failure(() => parseContactsCsv(''))).code).toBe('csv_header_missing');
    expect((await failure(() => parseContactsCsv('kind,lastName\nperson,M\uFFFDller\n'))).code).toBe(
      'csv_encoding_invalid',
    );
    const big = `kind,lastName\n${'person,A\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(await failure(() => parseContactsCsv(big))).toMatchObject({
      code: 'csv_too_many_rows',
      details: { maxRows: MAX_IMPORT_ROWS },
    });
    expect(await parseContactsCsv(`kind,lastName\n${'person,A\n'.repeat(MAX_IMPORT_ROWS)}`)).toHaveLength(
      MAX_IMPORT_ROWS,
    );
  });

  it('keeps characters intact where the parser is fed in pieces (64 KiB boundaries)', async () => {
    const head = 'kind,notes\nperson,';
    // the emoji's two UTF-16 halves straddle the first 64 KiB piece
    const notes = `${'x'.repeat(64 * 1024 - head.length - 1)}😀ü${'y'.repeat(20_000)}`;
    const [row] = await parseContactsCsv(`${head}${notes}\n`);
    expect(row!.cells.notes).toBe(notes);
  });

  it('parses a header without rows as no rows', async () => {
    expect(await parseContactsCsv('kind,lastName\n')).toEqual([]);
  });
});

describe('contacts CSV: a row becomes a contact input', () => {
  it('builds nested fields from the flat cells and leaves empty cells out', async () => {
    const { input, groupNames, errors } = rowToInput({
      kind: 'company',
      companyName: ' Muster GmbH ',
      firstName: '',
      email: 'billing@muster.example',
      phone: "'+49 30 1234567",
      paymentTermsDays: '14',
      preferredPaymentMethod: 'sepa_debit',
      billingLine1: 'Musterstraße 1',
      billingPostalCode: '10115',
      billingCity: 'Berlin',
      billingCountry: 'DE',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      mandateReference: 'M-1',
      mandateSignedDate: '2025-01-31',
      tags: 'vip| newsletter ||',
      groups: 'Key accounts|Hamburg|Key accounts',
      externalId: '4711',
      source: 'shopify',
    });
    expect(errors).toEqual([]);
    expect(groupNames).toEqual(['Key accounts', 'Hamburg']);
    expect(input).toEqual({
      kind: 'company',
      companyName: 'Muster GmbH',
      emails: [{ email: 'billing@muster.example', type: 'billing' }],
      phones: [{ number: '+49 30 1234567', type: 'work' }],
      paymentTermsDays: 14,
      preferredPaymentMethod: 'sepa_debit',
      billingAddress: {
        line1: 'Musterstraße 1',
        line2: null,
        postalCode: '10115',
        city: 'Berlin',
        region: null,
        country: 'DE',
      },
      bankAccounts: [{ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accountHolder: null }],
      sepaMandates: [
        {
          reference: 'M-1',
          signedDate: '2025-01-31',
          iban: 'DE89370400440532013000',
          bic: 'COBADEFFXXX',
          accountHolder: null,
        },
      ],
      tags: ['vip', 'newsletter'],
      externalId: '4711',
      source: 'shopify',
    });
  });

  it('reports cells that cannot become a field, by column', async () => {
    const { errors } = rowToInput({
      kind: 'alien',
      paymentTermsDays: '14.5',
      preferredPaymentMethod: 'barter',
      bic: 'COBADEFFXXX',
      mandateReference: 'M-1',
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['kind', 'value_not_allowed'],
      ['paymentTermsDays', 'type_invalid'],
      ['preferredPaymentMethod', 'value_not_allowed'],
      ['iban', 'required'],
      ['mandateSignedDate', 'required'],
      ['iban', 'required'],
    ]);
    expect(rowToInput({}).errors).toEqual([{ path: 'kind', code: 'required', message: expect.any(String) }]);
  });

  it('keeps a partial billing address so the address rules can name the missing parts', async () => {
    const { input } = rowToInput({ kind: 'person', lastName: 'A', billingCity: 'Köln' });
    expect(input.billingAddress).toEqual({
      line1: '',
      line2: null,
      postalCode: '',
      city: 'Köln',
      region: null,
      country: '',
    });
  });

  it('maps contact field paths to the column a user can fix, each error of a column once', async () => {
    expect(columnForPath('bankAccounts.0.iban')).toBe('iban');
    expect(columnForPath('sepaMandates.0.iban')).toBe('iban');
    expect(columnForPath('sepaMandates.0.signedDate')).toBe('mandateSignedDate');
    expect(columnForPath('sepaMandates.0.reference')).toBe('mandateReference');
    expect(columnForPath('billingAddress.postalCode')).toBe('billingPostalCode');
    expect(columnForPath('emails.0.email')).toBe('email');
    expect(columnForPath('groupIds.2')).toBe('groups');
    expect(columnForPath('vatId')).toBe('vatId');
    // the account's and the mandate's IBAN are one cell: its error once; two unknown groups are two errors
    expect(
      rowErrors([
        { path: 'bankAccounts.0.iban', code: 'iban_invalid', message: "'X' is not a valid IBAN" },
        { path: 'sepaMandates.0.iban', code: 'iban_invalid', message: "'X' is not a valid IBAN" },
        { path: 'vatId', code: 'vat_id_invalid', message: 'c' },
        { path: 'groupIds.0', code: 'contact_group_not_found', message: "no contact group named 'A'" },
        { path: 'groupIds.1', code: 'contact_group_not_found', message: "no contact group named 'B'" },
      ]),
    ).toEqual([
      { path: 'iban', code: 'iban_invalid', message: "'X' is not a valid IBAN" },
      { path: 'vatId', code: 'vat_id_invalid', message: 'c' },
      { path: 'groups', code: 'contact_group_not_found', message: "no contact group named 'A'" },
      { path: 'groups', code: 'contact_group_not_found', message: "no contact group named 'B'" },
    ]);
  });
});

describe('contacts CSV: a contact becomes a row', () => {
  it('writes the billing e-mail, default account, active mandate and group names', async () => {
    const row = Object.fromEntries(CONTACT_CSV_COLUMNS.map((c, i) => [c, contactToRow(contact, groups)[i]]));
    expect(row).toMatchObject({
      kind: 'company',
      customerNumber: 'K-00042',
      email: 'billing@nordlicht.example',
      phone: '+49 30 1234567',
      paymentTermsDays: '30',
      billingLine2: '',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      accountHolder: 'Nordlicht',
      mandateReference: 'MANDATE-7',
      mandateSignedDate: '2025-03-01',
      tags: 'vip|newsletter',
      groups: 'Key accounts|Hamburg',
      salutation: '',
    });
  });

  it('guards formulas on output and reads the guarded text back unchanged', async () => {
    const text = stringifyRows([contactToRow(contact, groups)], { header: true });
    expect(text.split('\n')[0]).toBe(CONTACT_CSV_COLUMNS.join(','));
    expect(text).toContain(`'+49 30 1234567`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")\nsecond line"`);
    expect(unguardFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardFormula("'-5")).toBe('-5');
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
  });

  it('round-trips: a written row parses back into the same contact fields', async () => {
    for (const delimiter of [',', ';'] as const) {
      const text = stringifyRows([contactToRow(contact, groups)], { header: true, delimiter });
      const [parsed] = await parseContactsCsv(text);
      const { input, groupNames, errors } = rowToInput(parsed!.cells);
      expect(errors).toEqual([]);
      expect(groupNames).toEqual(['Key accounts', 'Hamburg']);
      expect(input).toMatchObject({
        kind: 'company',
        customerNumber: 'K-00042',
        companyName: 'Nordlicht, Software "GmbH"',
        phones: [{ number: '+49 30 1234567', type: 'work' }],
        notes: '=HYPERLINK("http://evil.example")\nsecond line',
        vatId: 'DE136695976',
        buyerReference: '04011000-12345-67',
        tags: ['vip', 'newsletter'],
        sepaMandates: [{ reference: 'MANDATE-7', signedDate: '2025-03-01', iban: 'DE89370400440532013000' }],
        externalId: '4711',
        source: 'shopify',
      });
      // and writing the re-read contact again gives the same text
      const again: Contact = {
        ...contact,
        ...input,
        emails: input.emails!,
        phones: input.phones!,
      } as Contact;
      expect(contactToRow(again, groups)[CONTACT_CSV_COLUMNS.indexOf('notes')]).toBe(contact.notes);
    }
  });
});

describe('contacts CSV: collectiveInvoicing and eInvoiceFormat', () => {
  const cellOf = (c: Contact, column: (typeof CONTACT_CSV_COLUMNS)[number]) =>
    contactToRow(c, groups)[CONTACT_CSV_COLUMNS.indexOf(column)];

  it('exports both columns: true/false and the format, empty for the PDF alone', async () => {
    expect(cellOf(contact, 'collectiveInvoicing')).toBe('false');
    expect(cellOf(contact, 'eInvoiceFormat')).toBe('');
    const billed: Contact = { ...contact, collectiveInvoicing: true, eInvoiceFormat: 'xrechnung-cii' };
    expect(cellOf(billed, 'collectiveInvoicing')).toBe('true');
    expect(cellOf(billed, 'eInvoiceFormat')).toBe('xrechnung-cii');
  });

  it('round-trips both fields through a written and re-parsed file', async () => {
    for (const [collectiveInvoicing, eInvoiceFormat] of [
      [true, 'zugferd'],
      [false, 'xrechnung-ubl'],
      [true, null],
    ] as const) {
      const text = stringifyRows(
        [contactToRow({ ...contact, collectiveInvoicing, eInvoiceFormat }, groups)],
        {
          header: true,
        },
      );
      const [parsed] = await parseContactsCsv(text);
      const { input, errors } = rowToInput(parsed!.cells);
      expect(errors).toEqual([]);
      expect(input.collectiveInvoicing).toBe(collectiveInvoicing);
      // an empty cell means "not given": the create's default (null, the PDF alone) applies
      expect(input.eInvoiceFormat).toBe(eInvoiceFormat ?? undefined);
    }
  });

  it('reads the usual spellings of a yes/no cell and leaves an empty cell out', async () => {
    for (const [cell, value] of [
      ['TRUE', true],
      ['False', false],
      ['yes', true],
      ['NO', false],
      ['1', true],
      ['0', false],
    ] as const) {
      expect(
        rowToInput({ kind: 'person', lastName: 'A', collectiveInvoicing: cell }).input.collectiveInvoicing,
      ).toBe(value);
    }
    const { input } = rowToInput({
      kind: 'person',
      lastName: 'A',
      collectiveInvoicing: ' ',
      eInvoiceFormat: '',
    });
    expect(input).not.toHaveProperty('collectiveInvoicing');
    expect(input).not.toHaveProperty('eInvoiceFormat');
  });

  it('names a bad value of either column in the row errors', async () => {
    const { errors } = rowToInput({
      kind: 'person',
      lastName: 'A',
      collectiveInvoicing: 'vielleicht',
      eInvoiceFormat: 'pdf',
    });
    expect(errors).toEqual([
      {
        path: 'collectiveInvoicing',
        code: 'value_not_allowed',
        message: expect.stringContaining("'vielleicht'"),
      },
      { path: 'eInvoiceFormat', code: 'value_not_allowed', message: expect.stringContaining("'pdf'") },
    ]);
    expect(errors[1]!.message).toContain('xrechnung-cii, xrechnung-ubl, zugferd');
  });
});
