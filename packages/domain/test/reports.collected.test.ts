import { describe, expect, it } from 'vitest';
import { attributedBy, collectedByRate, foldCash, type InvoiceMoney } from '../src/reports/collected';
import { foldTaxRows, revenueRows } from '../src/reports/documents';
import { reportPeriods } from '../src/reports/mrr';

// Collected revenue split by the invoices' VAT rates (docs/reports.md, "Collected"). Amounts in cents.
//
// The invoice of these tests: 1,000.00 at 19 % (net 100000, VAT 19000, gross 119000) and 100.00 at 7 % (net 10000,
// VAT 700, gross 10700): gross 129700.
const issued = [
  { category: 'S' as const, rate: '19.00', net: 100000, tax: 19000 },
  { category: 'S' as const, rate: '7', net: 10000, tax: 700 },
];
/** A credit note for the 7 % line (stored negative). */
const creditOf7 = [{ category: 'S' as const, rate: '7', net: -10000, tax: -700 }];

const invoice = (over: Partial<InvoiceMoney>): InvoiceMoney => ({
  id: 'doc_1',
  currency: 'EUR',
  issued,
  credits: [],
  moves: [],
  ...over,
});

const pick = (rows: { category: string; rate: string; net: number; tax: number; gross?: number }[]) =>
  rows.map((r) => [r.category, r.rate, r.net, r.tax]);

describe('reports: money on an invoice attributed to its VAT rates', () => {
  it('splits a partial payment in proportion to the gross per rate, the parts adding up to the cent', () => {
    const partial = invoice({ moves: [{ date: '2026-03-25', amount: 50000 }] });
    // 50000 × 119000 / 129700 = 45875.096…, 50000 × 10700 / 129700 = 4124.903…: 45875 + 4124 = 49999, the
    // last cent to the larger remainder (7 %): 45875 and 4125.
    // VAT within each: 45875 × 19000 / 119000 = 7324.58 → 7325 (net 38550); 4125 × 700 / 10700 = 269.86 → 270
    // (net 3855).
    expect(attributedBy(partial, '2026-03-31')).toEqual([
      { category: 'S', rate: '19', net: 38550, tax: 7325, gross: 45875 },
      { category: 'S', rate: '7', net: 3855, tax: 270, gross: 4125 },
    ]);
    // before the money moved: nothing
    expect(pick(attributedBy(partial, '2026-03-24'))).toEqual([
      ['S', '19', 0, 0],
      ['S', '7', 0, 0],
    ]);
  });

  it('once paid in full, attributes exactly what the invoice owes by rate — credit notes included', () => {
    const paid = invoice({ moves: [{ date: '2026-01-15', amount: 129700 }] });
    expect(pick(attributedBy(paid, '2026-01-31'))).toEqual([
      ['S', '19', 100000, 19000],
      ['S', '7', 10000, 700],
    ]);
    // the 7 % line credited on 02-10 and the 10700 it made too much released on the same day: 119000 on it,
    // owed 119000 at 19 % and 0 at 7 %
    const credited = invoice({
      credits: [{ date: '2026-02-10', parts: creditOf7 }],
      moves: [
        { date: '2026-01-15', amount: 129700 },
        { date: '2026-02-10', amount: -10700 },
      ],
    });
    expect(pick(attributedBy(credited, '2026-02-28'))).toEqual([
      ['S', '19', 100000, 19000],
      ['S', '7', 0, 0],
    ]);
  });

  it('falls back to the breakdown as issued when credit notes leave a rate below 0', () => {
    // 2000 net + 140 VAT credited at 7 % of an invoice that had 10000 + 1900 at 19 % and 1000 + 70 at 7 %: owed
    // 11900 and −1070, which no proportion can split. Issued weights 11900 : 1070 on the 10830 paid:
    // 10830 × 11900 / 12970 = 9936.55 and 10830 × 1070 / 12970 = 893.45 → 9936 + 893, the cent to 19 %: 9937, 893.
    // VAT: 9937 × 1900 / 11900 = 1586.58 → 1587; 893 × 70 / 1070 = 58.42 → 58.
    const odd = invoice({
      issued: [
        { category: 'S', rate: '19', net: 10000, tax: 1900 },
        { category: 'S', rate: '7', net: 1000, tax: 70 },
      ],
      credits: [{ date: '2026-01-05', parts: [{ category: 'S', rate: '7', net: -2000, tax: -140 }] }],
      moves: [{ date: '2026-01-10', amount: 10830 }],
    });
    expect(pick(attributedBy(odd, '2026-01-31'))).toEqual([
      ['S', '19', 8350, 1587],
      ['S', '7', 835, 58],
    ]);
  });

  it('gives everything to the first rate when even the breakdown as issued has a rate below 0', () => {
    // an invoice with a negative 7 % line (a deposit deducted): 11900 and −1070 issued, 10830 paid. No proportion
    // exists; the first rate takes it, its VAT in its own ratio: 10830 × 1900 / 11900 = 1729.16 → 1729.
    const negative = invoice({
      issued: [
        { category: 'S', rate: '19', net: 10000, tax: 1900 },
        { category: 'S', rate: '7', net: -1000, tax: -70 },
      ],
      moves: [{ date: '2026-01-10', amount: 10830 }],
    });
    expect(pick(attributedBy(negative, '2026-01-31'))).toEqual([
      ['S', '19', 9101, 1729],
      ['S', '7', 0, 0],
    ]);
  });
});

describe('reports: collected by month and rate', () => {
  // Paid 50000 on 03-25; the 7 % line credited on 04-15; the remaining 69000 paid on 04-30.
  // March: the attribution above (45875 / 4125). April, cumulative: 119000 on it, owed 119000 at 19 % and 0 at 7 %:
  // 19 % 119000 − 45875 = 73125 (net 100000 − 38550 = 61450, VAT 19000 − 7325 = 11675); 7 % 0 − 4125 = −4125
  // (net −3855, VAT −270) — the credit note shows the March money paid the 19 % part. April's sum: 69000, the money.
  const partThenCredit = invoice({
    credits: [{ date: '2026-04-15', parts: creditOf7 }],
    moves: [
      { date: '2026-03-25', amount: 50000 },
      { date: '2026-04-30', amount: 69000 },
    ],
  });
  // Another invoice in USD, paid 30000 in April, not taxable here.
  const usd: InvoiceMoney = {
    id: 'doc_2',
    currency: 'USD',
    issued: [{ category: 'O', rate: '0', net: 30000, tax: 0 }],
    credits: [],
    moves: [{ date: '2026-04-05', amount: 30000 }],
  };

  it('gives per currency and month the difference of the cumulative attribution', () => {
    const rows = collectedByRate([partThenCredit, usd], '2026-03-01', '2026-05-31');
    expect(rows.map((r) => [r.currency, r.month, r.category, r.rate, r.net, r.tax, r.documents])).toEqual([
      ['EUR', '2026-03-01', 'S', '19', 38550, 7325, 1],
      ['EUR', '2026-03-01', 'S', '7', 3855, 270, 1],
      ['EUR', '2026-04-01', 'S', '19', 61450, 11675, 1],
      ['EUR', '2026-04-01', 'S', '7', -3855, -270, 1],
      ['USD', '2026-04-01', 'O', '0', 30000, 0, 1],
    ]);
  });

  it('starts from what was attributed before the range, and quarters are the sums of their months', () => {
    // from April on: March's attribution is the starting point, not part of the range
    const april = collectedByRate([partThenCredit], '2026-04-01', '2026-04-30');
    expect(april.map((r) => [r.month, r.rate, r.net + r.tax])).toEqual([
      ['2026-04-01', '19', 73125],
      ['2026-04-01', '7', -4125],
    ]);
    const months = collectedByRate([partThenCredit], '2026-01-01', '2026-06-30');
    const quarters = foldTaxRows(months, reportPeriods('2026-01-01', '2026-06-30', 'quarter'), 'EUR');
    // Q1: 45875 / 4125; Q2: 73125 / −4125
    expect(quarters.map((r) => [r.period, r.rate, r.net, r.tax, r.gross])).toEqual([
      ['2026-Q1', '19', 38550, 7325, 45875],
      ['2026-Q1', '7', 3855, 270, 4125],
      ['2026-Q2', '19', 61450, 11675, 73125],
      ['2026-Q2', '7', -3855, -270, -4125],
    ]);
  });

  it('takes money released by a credit note off the credited rate', () => {
    const released = invoice({
      credits: [{ date: '2026-02-10', parts: creditOf7 }],
      moves: [
        { date: '2026-01-15', amount: 129700 },
        { date: '2026-02-10', amount: -10700 },
      ],
    });
    const rows = collectedByRate([released], '2026-01-01', '2026-02-28');
    expect(rows.map((r) => [r.month, r.rate, r.net, r.tax])).toEqual([
      ['2026-01-01', '19', 100000, 19000],
      ['2026-01-01', '7', 10000, 700],
      ['2026-02-01', '7', -10000, -700],
    ]);
  });

  it('puts payments, money on invoices and the credit-balance rest side by side in the revenue rows', () => {
    const periods = reportPeriods('2026-03-01', '2026-04-30', 'month');
    // March 50000 received, all on the invoice; April 30000 USD, and 100000 EUR of which 69000 went on the invoice
    const cash = foldCash(
      [
        { currency: 'EUR', month: '2026-03-01', amount: 50000 },
        { currency: 'EUR', month: '2026-04-01', amount: 100000 },
        { currency: 'USD', month: '2026-04-01', amount: 30000 },
        { currency: 'EUR', month: '2026-05-01', amount: 777 },
      ],
      periods,
    );
    expect([...cash]).toEqual([
      ['EUR|2026-03', 50000],
      ['EUR|2026-04', 100000],
      ['USD|2026-04', 30000],
    ]);
    const byRate = foldTaxRows(
      collectedByRate([partThenCredit, usd], '2026-03-01', '2026-04-30'),
      periods,
      'EUR',
    );
    const invoiced = foldTaxRows(
      [
        {
          currency: 'EUR',
          month: '2026-04-01',
          category: 'S',
          rate: '7',
          net: -10000,
          tax: -700,
          documents: 1,
        },
      ],
      periods,
      'EUR',
    );
    const rows = revenueRows(invoiced, periods, 'EUR', { cash, byRate });
    expect(
      rows.map((r) => [
        r.currency,
        r.period,
        r.gross,
        r.collected,
        r.collectedOnInvoices,
        r.collectedToCreditBalance,
      ]),
    ).toEqual([
      ['EUR', '2026-03', 0, 50000, 50000, 0],
      ['EUR', '2026-04', -10700, 100000, 69000, 31000],
      ['USD', '2026-03', 0, 0, 0, 0],
      ['USD', '2026-04', 0, 30000, 30000, 0],
    ]);
    // one row per rate invoiced or collected: 7 % carries both
    expect(rows[1]!.byTaxRate).toEqual([
      {
        category: 'S',
        rate: '19',
        net: 0,
        tax: 0,
        gross: 0,
        collectedNet: 61450,
        collectedTax: 11675,
        collected: 73125,
      },
      {
        category: 'S',
        rate: '7',
        net: -10000,
        tax: -700,
        gross: -10700,
        collectedNet: -3855,
        collectedTax: -270,
        collected: -4125,
      },
    ]);
  });
});
