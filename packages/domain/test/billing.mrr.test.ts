import { describe, expect, it } from 'vitest';
import { contractMrr, type MrrItem, mrrMetricEntries, mrrRates } from '../src/billing/mrr';

const recurring = (amount: number, intervalMonths: number, extra: Partial<MrrItem> = {}): MrrItem => ({
  kind: 'recurring',
  priceModel: { kind: 'flat', amount },
  quantity: '1',
  intervalMonths,
  ...extra,
});

describe('billing MRR: normalising a contract to a month', () => {
  it('divides the net per interval by the months in the interval', () => {
    expect(contractMrr([recurring(4900, 1)])).toBe(4900);
    expect(contractMrr([recurring(12_000, 12)])).toBe(1000);
    expect(contractMrr([recurring(10_000, 12)])).toBe(833); // 833.33
    expect(contractMrr([recurring(1000, 3)])).toBe(333); // 333.33
  });

  it('rounds once per contract, not per item (833.33 + 333.33 = 1166.67 → 1167, not 833 + 333)', () => {
    expect(contractMrr([recurring(10_000, 12), recurring(1000, 3)])).toBe(1167);
  });

  it('uses the line net after recurring discounts and the price model', () => {
    const seats: MrrItem = {
      kind: 'recurring',
      priceModel: { kind: 'per_unit', unitAmount: '1999' },
      quantity: '5',
      discountPercent: '10',
      intervalMonths: 1,
    };
    expect(contractMrr([seats])).toBe(8996); // 9995 × 0.9 = 8995.5 → 8996, as invoiced
    const tiers: MrrItem = {
      kind: 'recurring',
      priceModel: {
        kind: 'graduated',
        tiers: [
          { upTo: 5, unitAmount: '700' },
          { upTo: null, unitAmount: '650' },
        ],
      },
      quantity: '6',
      intervalMonths: 3,
    };
    expect(contractMrr([tiers])).toBe(1383); // 4150 / 3 = 1383.33
  });

  it('leaves out one-time items and usage', () => {
    expect(
      contractMrr([
        recurring(4900, 1),
        recurring(50_000, 1, { kind: 'one_time' }),
        recurring(700, 1, { kind: 'usage' }),
      ]),
    ).toBe(4900);
    expect(contractMrr([])).toBe(0);
  });

  it('rejects an interval that is not a whole number of months', () => {
    expect(() => contractMrr([recurring(4900, 0)])).toThrow(RangeError);
  });
});

describe('billing MRR: metric entries (DOMAIN.md §8)', () => {
  it('reports −50 then +70 within two days as one +20 smooth change (the DOMAIN.md example)', () => {
    const entries = mrrMetricEntries(
      [
        { date: '2026-01-01', mrr: 100 },
        { date: '2026-03-10', mrr: 50 },
        { date: '2026-03-11', mrr: 120 },
      ],
      '2026-01-01',
    );
    expect(entries).toEqual([
      {
        date: '2026-01-01',
        previous: 0,
        change: 100,
        actual: 100,
        initial: 100,
        expansion: 100,
        churn: 0,
        smoothChange: 100,
      },
      {
        date: '2026-03-10',
        previous: 100,
        change: -50,
        actual: 50,
        initial: 0,
        expansion: 0,
        churn: 50,
        smoothChange: 0,
      },
      {
        date: '2026-03-11',
        previous: 50,
        change: 70,
        actual: 120,
        initial: 0,
        expansion: 70,
        churn: 0,
        smoothChange: 20,
      },
    ]);
  });

  it('merges changes up to two days after the first change of a group, not three', () => {
    const smooth = (dates: string[]) =>
      mrrMetricEntries(
        dates.map((date, i) => ({ date, mrr: [100, 50, 120][i]! })),
        null,
      ).map((e) => e.smoothChange);
    expect(smooth(['2026-03-01', '2026-03-10', '2026-03-12'])).toEqual([100, 0, 20]);
    expect(smooth(['2026-03-01', '2026-03-10', '2026-03-13'])).toEqual([100, -50, 70]);
    // a third change on day 2 of the group joins it; the window is measured from the group's first change
    const three = mrrMetricEntries(
      [
        { date: '2026-03-10', mrr: 100 },
        { date: '2026-03-11', mrr: 80 },
        { date: '2026-03-12', mrr: 90 },
        { date: '2026-03-13', mrr: 95 },
      ],
      null,
    );
    expect(three.map((e) => e.smoothChange)).toEqual([0, 0, 90, 5]);
  });

  it('marks the initial entry only on the start of the customer first contract', () => {
    const second = mrrMetricEntries([{ date: '2026-06-01', mrr: 300 }], '2026-01-01');
    expect(second[0]).toMatchObject({ initial: 0, expansion: 300 });
    expect(mrrMetricEntries([{ date: '2026-06-01', mrr: 300 }], null)[0]!.initial).toBe(0);
  });

  it('sorts the history by date and skips points that do not change the MRR', () => {
    const entries = mrrMetricEntries(
      [
        { date: '2026-05-01', mrr: 0 },
        { date: '2026-01-01', mrr: 100 },
        { date: '2026-02-01', mrr: 100 },
      ],
      '2026-01-01',
    );
    expect(entries.map((e) => [e.date, e.change, e.churn])).toEqual([
      ['2026-01-01', 100, 0],
      ['2026-05-01', -100, 100],
    ]);
  });

  it('derives growth, gross and net churn rate and retention', () => {
    expect(mrrRates({ previous: 100, change: -20, actual: 80, churn: 20 })).toEqual({
      growth: '-0.2000',
      grossChurnRate: '0.2500',
      netChurnRate: '-0.2500',
      retention: '0.7500',
    });
    expect(mrrRates({ previous: 300, change: 100, actual: 400, churn: 0 })).toEqual({
      growth: '0.3333',
      grossChurnRate: '0.0000',
      netChurnRate: '0.2500',
      retention: '1.0000',
    });
    // growth from nothing and rates of a fully churned contract are undefined
    expect(mrrRates({ previous: 0, change: 100, actual: 100, churn: 0 }).growth).toBeNull();
    expect(mrrRates({ previous: 100, change: -100, actual: 0, churn: 100 })).toEqual({
      growth: '-1.0000',
      grossChurnRate: null,
      netChurnRate: null,
      retention: null,
    });
  });
});
