import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../src/reports/csv';
import {
  agingBucket,
  agingReport,
  elsterField,
  foldTaxRows,
  revenueRows,
  type TaxMonthRow,
  vatReport,
} from '../src/reports/documents';
import { reportPeriods } from '../src/reports/mrr';

const month = (
  m: string,
  category: TaxMonthRow['category'],
  rate: string,
  net: number,
  tax: number,
  currency = 'EUR',
): TaxMonthRow => ({
  currency,
  month: `${m}-01`,
  category,
  rate,
  net,
  tax,
  documents: 1,
});

describe('reports: VAT and revenue rows', () => {
  const months = [
    month('2026-01', 'S', '7', 1000, 70),
    month('2026-01', 'S', '19.00', 2000, 380),
    month('2026-02', 'S', '19', -500, -95),
    month('2026-02', 'K', '0', 9000, 0),
    month('2026-02', 'O', '0', 300, 0, 'CHF'),
    month('2026-04', 'S', '19', 1, 0),
  ];

  it('folds months into periods per currency, category and rate; one rate however it is written', () => {
    const rows = foldTaxRows(months, reportPeriods('2026-01-01', '2026-03-31', 'quarter'), 'EUR');
    expect(
      rows.map((r) => [r.currency, r.period, r.category, r.rate, r.net, r.tax, r.gross, r.documents]),
    ).toEqual([
      ['EUR', '2026-Q1', 'S', '19', 1500, 285, 1785, 2],
      ['EUR', '2026-Q1', 'S', '7', 1000, 70, 1070, 1],
      ['EUR', '2026-Q1', 'K', '0', 9000, 0, 9000, 1],
      ['CHF', '2026-Q1', 'O', '0', 300, 0, 300, 1],
    ]);
  });

  it('names the advance-return field of each row for a German seller in EUR only', () => {
    expect(elsterField('S', '19')).toEqual({ net: '81', tax: null });
    expect(elsterField('S', '7.0')).toEqual({ net: '86', tax: null });
    expect(elsterField('S', '16')).toEqual({ net: '35', tax: '36' });
    expect(['Z', 'K', 'AE', 'G', 'E', 'O'].map((c) => elsterField(c as 'Z', '0')!.net)).toEqual([
      '87',
      '41',
      '21',
      '43',
      '48',
      '45',
    ]);
    const rows = foldTaxRows(months, reportPeriods('2026-02-01', '2026-02-28', 'month'), 'EUR');
    const german = vatReport(rows, { sellerCountry: 'DE', currency: 'EUR' });
    expect(german.data.map((r) => [r.currency, r.category, r.elsterNetField])).toEqual([
      ['EUR', 'S', '81'],
      ['EUR', 'K', '41'],
      ['CHF', 'O', null],
    ]);
    expect(german.totals).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        net: 8500,
        vat: -95,
        taxableNet: -500,
        intraEuSuppliesNet: 9000,
      }),
      expect.objectContaining({ currency: 'CHF', net: 300, notSubjectNet: 300 }),
    ]);
    const austrian = vatReport(rows, { sellerCountry: 'AT', currency: 'EUR' });
    expect(austrian.data.every((r) => r.elsterNetField === null)).toBe(true);
  });

  it('lists every period of the range for the organisation’s currency, empty ones too', () => {
    const periods = reportPeriods('2026-01-01', '2026-03-31', 'month');
    const revenue = revenueRows(foldTaxRows(months, periods, 'EUR'), periods, 'EUR');
    expect(revenue.map((r) => [r.currency, r.period, r.net, r.tax, r.gross, r.byTaxRate.length])).toEqual([
      ['EUR', '2026-01', 3000, 450, 3450, 2],
      ['EUR', '2026-02', 8500, -95, 8405, 2],
      ['EUR', '2026-03', 0, 0, 0, 0],
      ['CHF', '2026-01', 0, 0, 0, 0],
      ['CHF', '2026-02', 300, 0, 300, 1],
      ['CHF', '2026-03', 0, 0, 0, 0],
    ]);
  });
});

describe('reports: receivables aging', () => {
  it('buckets by whole days past the due date: due today is current, day 31 is the second bucket', () => {
    const on = (dueDate: string | null) => agingBucket(dueDate, '2026-06-30');
    expect([on(null), on('2026-07-01'), on('2026-06-30')]).toEqual(['current', 'current', 'current']);
    expect([on('2026-06-29'), on('2026-05-31'), on('2026-05-30')]).toEqual([
      'days1To30',
      'days1To30',
      'days31To60',
    ]);
    expect([on('2026-05-01'), on('2026-04-30'), on('2026-04-01'), on('2026-03-31')]).toEqual([
      'days31To60',
      'days61To90',
      'days61To90',
      'over90',
    ]);
  });

  it('sums per contact and currency, largest first, with DSO per currency to one decimal', () => {
    const report = agingReport(
      [
        { contactId: 'con_B', contactName: 'B', currency: 'EUR', dueDate: '2026-06-01', open: 1000 },
        { contactId: 'con_A', contactName: 'A', currency: 'EUR', dueDate: '2026-03-01', open: 500 },
        { contactId: 'con_A', contactName: 'A', currency: 'EUR', dueDate: '2026-07-01', open: 700 },
        { contactId: 'con_C', contactName: 'C', currency: 'USD', dueDate: null, open: 50 },
      ],
      '2026-06-30',
      new Map([['EUR', 6600]]),
      90,
      'EUR',
    );
    expect(report.data.map((r) => [r.currency, r.contactId, r.total, r.invoices, r.oldestDueDate])).toEqual([
      ['EUR', 'con_A', 1200, 2, '2026-03-01'],
      ['EUR', 'con_B', 1000, 1, '2026-06-01'],
      ['USD', 'con_C', 50, 1, null],
    ]);
    expect(report.data[0]).toMatchObject({ current: 700, over90: 500 });
    // 2200 × 90 / 6600 = 30.0; USD invoiced nothing in the window: no DSO
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        current: 700,
        days1To30: 1000,
        days31To60: 0,
        days61To90: 0,
        over90: 500,
        total: 2200,
        invoices: 3,
        dso: '30.0',
      },
      {
        currency: 'USD',
        current: 50,
        days1To30: 0,
        days31To60: 0,
        days61To90: 0,
        over90: 0,
        total: 50,
        invoices: 1,
        dso: null,
      },
    ]);
  });
});

describe('reports: CSV', () => {
  it('quotes per RFC 4180 and guards formula-like text, but writes negative numbers as numbers', () => {
    expect(csvCell('-1200')).toBe('-1200');
    expect(csvCell(-1200)).toBe('-1200');
    expect(csvCell('-0.2352')).toBe('-0.2352');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM')).toBe("'@SUM");
    expect(csvCell('Müller, Söhne')).toBe('"Müller, Söhne"');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x;y' }])).toBe('a,b\r\n1,"x;y"\r\n');
  });
});
