import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../src/billing/dates';
import {
  contractMrrHistory,
  contractMrrOn,
  customerMrrEntries,
  figureDeltas,
  type MonthlyMrrRow,
  type MrrContract,
  monthlyFigures,
  mrrReport,
  reportPeriods,
} from '../src/reports/mrr';

let seq = 0;
const item = (
  amount: number,
  extra: Partial<MrrContract['items'][number]> = {},
): MrrContract['items'][number] => ({
  id: `cti_${++seq}`,
  priceModel: { kind: 'flat', amount },
  quantity: '1',
  discountPercent: null,
  startsOn: null,
  endsOn: null,
  ...extra,
});

const contract = (extra: Partial<MrrContract> = {}): MrrContract => ({
  id: `ctr_${String(++seq).padStart(4, '0')}`,
  contactId: 'con_A',
  currency: 'EUR',
  startDate: '2026-01-01',
  endDate: null,
  intervalMonths: 1,
  timing: 'in_advance',
  billingAnchorDay: null,
  items: [item(5000)],
  priceChanges: [],
  pauses: [],
  ...extra,
});

describe('reports MRR: a contract on a day', () => {
  it('is 0 before the start and after the end date, the normalised net in between', () => {
    const c = contract({
      startDate: '2026-01-15',
      endDate: '2026-04-14',
      items: [item(12_000)],
      intervalMonths: 12,
    });
    expect(contractMrrOn(c, '2026-01-14')).toBe(0);
    expect(contractMrrOn(c, '2026-01-15')).toBe(1000); // 120.00 a year ÷ 12
    expect(contractMrrOn(c, '2026-04-14')).toBe(1000);
    expect(contractMrrOn(c, '2026-04-15')).toBe(0);
  });

  it('applies the recurring discount and the price model, as the invoice line would', () => {
    const c = contract({
      items: [
        item(0, {
          priceModel: { kind: 'per_unit', unitAmount: '1999' },
          quantity: '5',
          discountPercent: '10',
        }),
      ],
    });
    expect(contractMrrOn(c, '2026-02-01')).toBe(8996); // 5 × 19.99 × 0.9 = 89.955 → 89.96
  });

  it('uses the item versions in force on the day', () => {
    const old = item(5000, { endsOn: '2026-03-31' });
    const next = item(8000, { startsOn: '2026-04-01' });
    const c = contract({ items: [old, next] });
    expect(contractMrrOn(c, '2026-03-31')).toBe(5000);
    expect(contractMrrOn(c, '2026-04-01')).toBe(8000);
  });

  it('applies a scheduled price change from the first period starting on or after its effective date', () => {
    const c = contract({
      intervalMonths: 3,
      items: [item(30_000)],
      priceChanges: [
        { itemId: null, kind: 'percent', percent: '10', priceModel: null, effectiveDate: '2026-02-15' },
      ],
    });
    // quarters start Jan 1, Apr 1: the change waits for Apr 1
    expect(contractMrrOn(c, '2026-03-31')).toBe(10_000);
    expect(contractMrrOn(c, '2026-04-01')).toBe(11_000);
    expect(contractMrrHistory(c)).toEqual([
      { date: '2026-01-01', mrr: 10_000 },
      { date: '2026-04-01', mrr: 11_000 },
    ]);
  });

  it('is 0 for the periods a pause skips, from the first period starting in it to the first after it', () => {
    const c = contract({ pauses: [{ startsOn: '2026-03-10', endsOn: '2026-05-14' }] });
    // Mar 1 was billed before the pause began; Apr 1 and May 1 start inside it; Jun 1 is billed again
    expect(contractMrrHistory(c)).toEqual([
      { date: '2026-01-01', mrr: 5000 },
      { date: '2026-04-01', mrr: 0 },
      { date: '2026-06-01', mrr: 5000 },
    ]);
    const open = contract({ pauses: [{ startsOn: '2026-03-01', endsOn: null }] });
    expect(contractMrrHistory(open)).toEqual([
      { date: '2026-01-01', mrr: 5000 },
      { date: '2026-03-01', mrr: 0 },
    ]);
  });

  it('gives the same MRR as evaluating every single day (generated contracts)', () => {
    const day = (offset: number) => addDays('2026-01-01', offset);
    const arbitrary = fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      interval: fc.constantFrom(1, 3, 12),
      anchor: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
      end: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      items: fc.array(
        fc.record({
          amount: fc.integer({ min: 0, max: 50_000 }),
          from: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          discount: fc.option(fc.constantFrom('10', '33.3', '100'), { nil: null }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      changes: fc.array(
        fc.record({ at: fc.integer({ min: 0, max: 500 }), percent: fc.constantFrom('5', '-20', '12.5') }),
        { maxLength: 2 },
      ),
      pauses: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 500 }),
          length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        }),
        { maxLength: 1 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, (g) => {
        const startDate = day(g.start);
        const c = contract({
          startDate,
          intervalMonths: g.interval,
          billingAnchorDay: g.anchor,
          endDate: g.end === null ? null : addDays(startDate, g.end),
          items: g.items.map((i) =>
            item(i.amount, {
              discountPercent: i.discount,
              startsOn: i.from === null ? null : day(i.from),
              endsOn: i.from === null || i.length === null ? null : day(i.from + i.length),
            }),
          ),
          priceChanges: g.changes.map((ch) => ({
            itemId: null,
            kind: 'percent' as const,
            percent: ch.percent,
            priceModel: null,
            effectiveDate: day(ch.at),
          })),
          pauses: g.pauses.map((p) => ({
            startsOn: day(p.at),
            endsOn: p.length === null ? null : day(p.at + p.length),
          })),
        });
        const steps = contractMrrHistory(c);
        let current = 0;
        let next = 0;
        for (let offset = -3; offset < 640; offset += 1) {
          const d = day(offset);
          while (next < steps.length && daysBetween(steps[next]!.date, d) >= 0) current = steps[next++]!.mrr;
          if (contractMrrOn(c, d) !== current) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('reports MRR: metric entries of a customer (DOMAIN.md §8)', () => {
  it('reports −50 then +70 within two days as +20 (cancel and order again): one expansion', () => {
    const a = contract({ startDate: '2026-01-01', endDate: '2026-03-09', items: [item(50)] });
    const b = contract({ startDate: '2026-03-11', items: [item(70)] });
    const entries = customerMrrEntries([a, b]);
    expect(
      entries.map((e) => [
        e.date,
        e.contractId,
        e.previous,
        e.change,
        e.actual,
        e.initial,
        e.expansion,
        e.churn,
        e.smoothChange,
        e.movement,
        e.movementAmount,
        e.customerMrr,
      ]),
    ).toEqual([
      ['2026-01-01', a.id, 0, 50, 50, 50, 50, 0, 50, 'new', 50, 50],
      ['2026-03-10', a.id, 50, -50, 0, 0, 0, 50, 0, null, 0, 0],
      ['2026-03-11', b.id, 0, 70, 70, 0, 70, 0, 20, 'expansion', 20, 70],
    ]);
    expect(entries[0]!.id).toBe(`mre_20260101_${a.id}`);
  });

  it('measures the window from the group’s first change and never crosses a month end', () => {
    const smooth = (dates: [string, string]) => {
      const a = contract({ startDate: '2026-01-05', endDate: addDays(dates[0], -1), items: [item(100)] });
      const b = contract({ startDate: dates[1], items: [item(120)] });
      return customerMrrEntries([a, b]).map((e) => [e.date, e.smoothChange, e.movement]);
    };
    expect(smooth(['2026-03-10', '2026-03-12'])).toEqual([
      ['2026-01-05', 100, 'new'],
      ['2026-03-10', 0, null],
      ['2026-03-12', 20, 'expansion'],
    ]);
    expect(smooth(['2026-03-10', '2026-03-13'])).toEqual([
      ['2026-01-05', 100, 'new'],
      ['2026-03-10', -100, 'churn'],
      ['2026-03-13', 120, 'reactivation'],
    ]);
    expect(smooth(['2026-03-31', '2026-04-01'])).toEqual([
      ['2026-01-05', 100, 'new'],
      ['2026-03-31', -100, 'churn'],
      ['2026-04-01', 120, 'reactivation'],
    ]);
  });

  it('marks initial only on the start of the customer’s first contract', () => {
    const first = contract({ startDate: '2026-01-01', items: [item(100)] });
    const sameDay = contract({ startDate: '2026-01-01', items: [item(30)] });
    const later = contract({ startDate: '2026-02-01', items: [item(300)] });
    const entries = customerMrrEntries([later, first, sameDay]);
    expect(entries.map((e) => [e.contractId, e.initial])).toEqual([
      [first.id, 100],
      [sameDay.id, 30],
      [later.id, 0],
    ]);
    // one group on Jan 1 for the customer: new 130
    expect(entries.map((e) => [e.movement, e.movementAmount])).toEqual([
      [null, 0],
      ['new', 130],
      ['expansion', 300],
    ]);
  });

  it('treats a start and stop that net out as nothing, so a later start is still new', () => {
    const blip = contract({ startDate: '2026-01-10', endDate: '2026-01-10', items: [item(100)] });
    const real = contract({ startDate: '2026-02-01', items: [item(100)] });
    const entries = customerMrrEntries([blip, real]);
    expect(entries.map((e) => [e.date, e.smoothChange, e.movement])).toEqual([
      ['2026-01-10', 0, null],
      ['2026-01-11', 0, null],
      ['2026-02-01', 100, 'new'],
    ]);
  });

  it('keeps currencies apart: one chain per currency', () => {
    const eur = contract({ items: [item(100)] });
    const usd = contract({ currency: 'USD', items: [item(200)] });
    const entries = customerMrrEntries([eur, usd]);
    expect(entries.map((e) => [e.currency, e.movement, e.movementAmount, e.customerMrr])).toEqual([
      ['EUR', 'new', 100, 100],
      ['USD', 'new', 200, 200],
    ]);
  });
});

describe('reports MRR: monthly figures and the report', () => {
  const a = contract({ startDate: '2026-01-01', endDate: '2026-03-09', items: [item(50)] });
  const b = contract({ startDate: '2026-03-11', items: [item(70)] });
  const entries = customerMrrEntries([a, b]);

  it('sums a month’s entries; the movements add up to the month’s change', () => {
    const rows = monthlyFigures(entries);
    expect(rows).toEqual([
      {
        currency: 'EUR',
        month: '2026-01-01',
        change: 50,
        new: 50,
        expansion: 0,
        contraction: 0,
        churn: 0,
        reactivation: 0,
        newCustomers: 1,
        reactivatedCustomers: 0,
        churnedCustomers: 0,
      },
      {
        currency: 'EUR',
        month: '2026-03-01',
        change: 20,
        new: 0,
        expansion: 20,
        contraction: 0,
        churn: 0,
        reactivation: 0,
        newCustomers: 0,
        reactivatedCustomers: 0,
        churnedCustomers: 0,
      },
    ]);
    for (const r of rows)
      expect(r.new + r.expansion + r.reactivation - r.contraction - r.churn).toBe(r.change);
  });

  it('gives the differences between two sets of figures, leaving out months that do not move', () => {
    const before = monthlyFigures(entries);
    const after = monthlyFigures(customerMrrEntries([a]));
    expect(figureDeltas(before, after)).toEqual([
      {
        currency: 'EUR',
        month: '2026-03-01',
        change: -70,
        new: 0,
        expansion: -20,
        contraction: 0,
        churn: 50,
        reactivation: 0,
        newCustomers: 0,
        reactivatedCustomers: 0,
        churnedCustomers: 1,
      },
    ]);
    expect(figureDeltas(before, before)).toEqual([]);
  });

  it('labels calendar periods', () => {
    expect(reportPeriods('2026-01-15', '2026-03-02', 'month').map((p) => [p.label, p.start, p.end])).toEqual([
      ['2026-01', '2026-01-01', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31'],
    ]);
    expect(
      reportPeriods('2025-12-31', '2026-04-01', 'quarter').map((p) => [p.label, p.start, p.end]),
    ).toEqual([
      ['2025-Q4', '2025-10-01', '2025-12-31'],
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
    ]);
    expect(reportPeriods('2026-05-01', '2026-05-01', 'year').map((p) => p.label)).toEqual(['2026']);
  });

  it('carries the balance of earlier months, computes ARR, customers and the rates, org currency first', () => {
    const monthly: MonthlyMrrRow[] = [
      ...monthlyFigures(entries),
      {
        currency: 'CHF',
        month: '2026-02-01',
        change: 900,
        new: 900,
        expansion: 0,
        contraction: 0,
        churn: 0,
        reactivation: 0,
        newCustomers: 1,
        reactivatedCustomers: 0,
        churnedCustomers: 0,
      },
    ];
    const rows = mrrReport(monthly, reportPeriods('2026-02-01', '2026-03-31', 'month'), 'EUR');
    expect(
      rows.map((r) => [
        r.currency,
        r.period,
        r.startingMrr,
        r.mrr,
        r.arr,
        r.customers,
        r.netChange,
        r.growthRate,
        r.grossChurnRate,
        r.netChurnRate,
        r.retentionRate,
      ]),
    ).toEqual([
      ['EUR', '2026-02', 50, 50, 600, 1, 0, '0.0000', '0.0000', '0.0000', '1.0000'],
      ['EUR', '2026-03', 50, 70, 840, 1, 20, '0.4000', '0.0000', '0.2857', '1.0000'],
      ['CHF', '2026-02', 0, 900, 10_800, 1, 900, null, '0.0000', '1.0000', '1.0000'],
      ['CHF', '2026-03', 900, 900, 10_800, 1, 0, '0.0000', '0.0000', '0.0000', '1.0000'],
    ]);
    // an organisation without figures still gets its currency, with zeros
    expect(mrrReport([], reportPeriods('2026-01-01', '2026-01-31', 'month'), 'EUR')).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        mrr: 0,
        customers: 0,
        growthRate: null,
        grossChurnRate: null,
      }),
    ]);
  });
});
