import { describe, expect, it } from 'vitest';
import { csvAmount, parseCsv, parseDate } from '../src/bank-statements/parse/csv';
import type { CsvOptions } from '../src/bank-statements/parse/model';
import type { DomainError } from '../src/errors';

async function failure(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the file to be refused');
}

// A Sparkasse-style export: account lines above the header, `;` cells, German dates and decimal commas.
const SPARKASSE = [
  'Kontonummer;DE89370400440532013000',
  'Zeitraum;01.03.2025 - 31.03.2025',
  'Buchungstag;Valutadatum;Beguenstigter/Zahlungspflichtiger;Kontonummer/IBAN;BIC (SWIFT-Code);Verwendungszweck;Mandatsreferenz;Glaeubiger ID;Betrag;Waehrung',
  '03.03.25;03.03.25;Nordlicht GmbH;DE02120300000000202051;BYLADEM1001;"Rechnung RE-2025-0042; Kd 10001";;;1.190,00;EUR',
  '05.03.25;05.03.25;Erika Mustermann;;;Lastschrift RE-2025-0040;MANDATE-0001;DE98ZZZ09999999999;-98,50;EUR',
  ';;;;;;;;;',
].join('\r\n');

const SPARKASSE_OPTIONS: CsvOptions = {
  skipLines: 2,
  accountIban: 'DE89 3704 0044 0532 0130 00',
  columns: {
    bookingDate: 'Buchungstag',
    valueDate: 'Valutadatum',
    counterpartyName: 'Beguenstigter/Zahlungspflichtiger',
    counterpartyIban: 'Kontonummer/IBAN',
    counterpartyBic: 'BIC (SWIFT-Code)',
    remittanceInformation: 'Verwendungszweck',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'glaeubiger id',
    amount: 'Betrag',
    currency: 'Waehrung',
  },
};

describe('CSV: column mapping', () => {
  it('reads a German export: skipped lines, `;`, DD.MM.YY, 1.190,00, quoted cells, empty rows', async () => {
    const file = await parseCsv(SPARKASSE, SPARKASSE_OPTIONS);
    expect(file.format).toBe('csv');
    expect(file.statements).toHaveLength(1);
    const [statement] = file.statements;
    expect(statement).toMatchObject({
      account: { iban: 'DE89370400440532013000', currency: 'EUR' },
      fromDate: '2025-03-03',
      toDate: '2025-03-05',
      openingBalance: null,
    });
    expect(statement!.transactions).toEqual([
      expect.objectContaining({
        bookingDate: '2025-03-03',
        valueDate: '2025-03-03',
        amount: 119000,
        creditDebit: 'credit',
        counterpartyName: 'Nordlicht GmbH',
        counterpartyIban: 'DE02120300000000202051',
        counterpartyBic: 'BYLADEM1001',
        remittanceInformation: 'Rechnung RE-2025-0042; Kd 10001',
        mandateReference: null,
      }),
      expect.objectContaining({
        amount: -9850,
        creditDebit: 'debit',
        mandateReference: 'MANDATE-0001',
        creditorId: 'DE98ZZZ09999999999',
      }),
    ]);
  });

  it('reads credit and debit columns, or an amount with a Soll/Haben marker', async () => {
    const split = 'Date,Credit,Debit,Text\n2025-03-03,"1,190.00",,A\n2025-03-04,,12.50,B\n';
    const byColumns = await parseCsv(split, {
      columns: { bookingDate: 'Date', credit: 'Credit', debit: 'Debit', remittanceInformation: 'Text' },
    });
    expect(byColumns.statements[0]!.transactions.map((t) => t.amount)).toEqual([119000, -1250]);

    const marked = 'Datum;Betrag;S/H\n03.03.2025;12,50;S\n04.03.2025;7,00;H\n05.03.2025;1,00;X\n';
    const error = await failure(() =>
      parseCsv(marked, { columns: { bookingDate: 'Datum', amount: 'Betrag', creditDebit: 'S/H' } }),
    );
    expect(error.errors).toEqual([
      expect.objectContaining({ path: "line 4, column 'S/H'", code: 'value_not_allowed' }),
    ]);
    const fine = await parseCsv(marked.split('\n').slice(0, 3).join('\n'), {
      columns: { bookingDate: 'Datum', amount: 'Betrag', creditDebit: 'S/H' },
    });
    expect(fine.statements[0]!.transactions.map((t) => t.amount)).toEqual([-1250, 700]);
  });

  it('makes one statement per account when the file has an account column', async () => {
    const text =
      'Konto;Datum;Betrag\nDE89370400440532013000;2025-03-03;1,00\nDE02120300000000202051;2025-03-03;2,00\nDE89370400440532013000;2025-03-04;3,00\n';
    const file = await parseCsv(text, {
      columns: { accountIban: 'Konto', bookingDate: 'Datum', amount: 'Betrag' },
    });
    expect(file.statements.map((s) => [s.account.iban, s.transactions.map((t) => t.amount)])).toEqual([
      ['DE89370400440532013000', [100, 300]],
      ['DE02120300000000202051', [200]],
    ]);
  });
});

describe('CSV: amounts and dates', () => {
  it('reads amounts exactly in the file’s notation and never guesses a separator', async () => {
    expect(csvAmount('1.234,56', ',', 'EUR')).toBe(123456);
    expect(csvAmount('-0,01', ',', 'EUR')).toBe(-1);
    expect(csvAmount('12,50-', ',', 'EUR')).toBe(-1250);
    expect(csvAmount('1 234,5', ',', 'EUR')).toBe(123450);
    expect(csvAmount('1,234.56', '.', 'EUR')).toBe(123456);
    // exact up to the largest safe integer of minor units, refused beyond it (never rounded)
    expect(csvAmount('90071992547409.91', '.', 'EUR')).toBe(Number.MAX_SAFE_INTEGER);
    expect(csvAmount('90071992547409.92', '.', 'EUR')).toBeNull();
    expect(csvAmount('12.50', ',', 'EUR')).toBeNull();
    expect(csvAmount('1.2345,00', ',', 'EUR')).toBeNull();
    expect(csvAmount('1,005', ',', 'EUR')).toBeNull();
    expect(csvAmount('12 EUR', ',', 'EUR')).toBeNull();
    expect(csvAmount('1500', ',', 'JPY')).toBe(1500);
  });

  it('reads the date formats it is told, and real calendar days only', async () => {
    expect(parseDate('2025-03-03')).toBe('2025-03-03');
    expect(parseDate('3.3.2025')).toBe('2025-03-03');
    expect(parseDate('03.03.25')).toBe('2025-03-03');
    expect(parseDate('29.02.2025')).toBeNull();
    expect(parseDate('03/04/2025', 'DD/MM/YYYY')).toBe('2025-04-03');
    expect(parseDate('03/04/2025', 'MM/DD/YYYY')).toBe('2025-03-04');
    expect(parseDate('03/04/2025')).toBeNull();
  });
});

describe('CSV: refused files', () => {
  it('names the line and column of every bad cell', async () => {
    const text = 'Datum;Betrag;Waehrung\n03.03.2025;12,50;EUR\n31.02.2025;abc;EURO\n;1,00;EUR\n';
    const error = await failure(() =>
      parseCsv(text, { columns: { bookingDate: 'Datum', amount: 'Betrag', currency: 'Waehrung' } }),
    );
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'bank_statement_invalid' });
    expect(error.errors!.map((e) => [e.path, e.code])).toEqual([
      ["line 3, column 'Waehrung'", 'currency_invalid'],
      ["line 3, column 'Datum'", 'date_invalid'],
      ["line 4, column 'Datum'", 'required'],
    ]);
  });

  it('refuses an inconsistent mapping, unknown columns and malformed CSV', async () => {
    const both = await failure(() =>
      parseCsv('a;b\n', { columns: { bookingDate: 'a', amount: 'b', credit: 'c', debit: 'd' } }),
    );
    expect(both.errors!.map((e) => e.code)).toEqual(['mapping_invalid']);
    const unknown = await failure(() =>
      parseCsv('Datum;Betrag\n', { columns: { bookingDate: 'Date', amount: 'Betrag' } }),
    );
    expect(unknown.errors![0]).toMatchObject({ path: 'csv.columns.bookingDate', code: 'csv_column_unknown' });
    expect(unknown.errors![0]!.message).toContain("'Datum', 'Betrag'");
    const malformed = await failure(() =>
      parseCsv('Datum;Betrag\n2025-03-03;"1,00\n', { columns: { bookingDate: 'Datum', amount: 'Betrag' } }),
    );
    expect(malformed).toMatchObject({ code: 'csv_malformed', details: { line: 2 } });
  });
});
