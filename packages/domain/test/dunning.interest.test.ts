import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDESBANK_BASE_RATES, baseRateOn, effectiveBaseRates } from '../src/dunning/base-rates';
import { defaultInterest } from '../src/dunning/interest';

// Default interest under § 288 BGB: base rate + 9 points (business) or + 5 points (consumer), act/365 from the
// day after the due date to the letter's date, split where the base rate changes, rounded half-up once.

const table = effectiveBaseRates();

describe('dunning: the base rate table', () => {
  it('holds the Bundesbank values of recent half-years and the rate in effect on a day', () => {
    expect(baseRateOn('2023-06-30', table).rate).toBe('1.62');
    expect(baseRateOn('2023-07-01', table).rate).toBe('3.12');
    expect(baseRateOn('2024-01-01', table).rate).toBe('3.62');
    expect(baseRateOn('2024-12-31', table).rate).toBe('3.37');
    expect(baseRateOn('2025-01-01', table).rate).toBe('2.27');
    expect(baseRateOn('2025-07-01', table).rate).toBe('1.27');
    expect(baseRateOn('2026-03-01', table).rate).toBe('1.27');
    // a negative base rate (2013–2022) is a rate like any other
    expect(baseRateOn('2020-05-05', table).rate).toBe('-0.88');
    // the last known rate stays in effect until a newer one is known
    expect(baseRateOn('2030-01-01', table)).toEqual(BUNDESBANK_BASE_RATES.at(-1));
  });

  it('an organisation’s own entry wins over the built-in one and adds half-years', () => {
    const own = effectiveBaseRates([
      { validFrom: '2026-07-01', rate: '0.77' },
      { validFrom: '2025-07-01', rate: '1.30' },
    ]);
    expect(baseRateOn('2025-08-01', own).rate).toBe('1.30');
    expect(baseRateOn('2026-01-01', own).rate).toBe('1.27');
    expect(baseRateOn('2026-07-01', own).rate).toBe('0.77');
    expect(own.map((r) => r.validFrom)).toEqual([...own.map((r) => r.validFrom)].sort());
  });
});

describe('dunning: default interest', () => {
  it('business: 1,000.00 EUR 28 days overdue in 2026 at 1.27 + 9 = 10.27 % → 7.88 EUR', () => {
    // 100000 × 10.27 % × 28 / 365 = 287560 / 365 = 787.8356… → 788
    const result = defaultInterest({
      openAmount: 100000,
      dueDate: '2026-01-15',
      asOf: '2026-02-12',
      customerType: 'business',
      table,
    });
    expect(result.amount).toBe(788);
    expect(result.periods).toEqual([
      { from: '2026-01-16', to: '2026-02-12', days: 28, baseRate: '1.27', points: '9', rate: '10.27' },
    ]);
  });

  it('consumer: the same invoice at 1.27 + 5 = 6.27 % → 4.81 EUR', () => {
    // 100000 × 6.27 % × 28 / 365 = 175560 / 365 = 480.9863… → 481
    const result = defaultInterest({
      openAmount: 100000,
      dueDate: '2026-01-15',
      asOf: '2026-02-12',
      customerType: 'consumer',
      table,
    });
    expect(result.amount).toBe(481);
    expect(result.periods[0]!.rate).toBe('6.27');
  });

  it('splits at 1 July when the base rate changed (3.62 → 3.37 in 2024), rounding the sum once', () => {
    // 06-21…06-30: 10 days at 12.62 %, 07-01…07-10: 10 days at 12.37 %
    // 50000 × (0.1262 × 10 + 0.1237 × 10) / 365 = 124950 / 365 = 342.3287… → 342
    const result = defaultInterest({
      openAmount: 50000,
      dueDate: '2024-06-20',
      asOf: '2024-07-10',
      customerType: 'business',
      table,
    });
    expect(result.amount).toBe(342);
    expect(result.periods).toEqual([
      { from: '2024-06-21', to: '2024-06-30', days: 10, baseRate: '3.62', points: '9', rate: '12.62' },
      { from: '2024-07-01', to: '2024-07-10', days: 10, baseRate: '3.37', points: '9', rate: '12.37' },
    ]);
  });

  it('keeps half-years with the same rate as one stretch (2025-07-01 and 2026-01-01 are both 1.27)', () => {
    const result = defaultInterest({
      openAmount: 100000,
      dueDate: '2025-12-20',
      asOf: '2026-01-10',
      customerType: 'business',
      table,
    });
    expect(result.periods).toEqual([
      { from: '2025-12-21', to: '2026-01-10', days: 21, baseRate: '1.27', points: '9', rate: '10.27' },
    ]);
    // 100000 × 10.27 % × 21 / 365 = 215670 / 365 = 590.8767… → 591
    expect(result.amount).toBe(591);
  });

  it('rounds half-up: 6 % of 0.25 for a year is 1.5 cents → 2; of 0.24 → 1.44 → 1', () => {
    const flat = [{ validFrom: '2000-01-01', rate: '1.00' }];
    const year = {
      dueDate: '2025-12-31',
      asOf: '2026-12-31',
      customerType: 'consumer' as const,
      table: flat,
    };
    expect(defaultInterest({ ...year, openAmount: 25 }).amount).toBe(2);
    expect(defaultInterest({ ...year, openAmount: 75 }).amount).toBe(5);
    expect(defaultInterest({ ...year, openAmount: 24 }).amount).toBe(1);
  });

  it('counts the leap day but divides by 365 (act/365): 366 days of 6 % on 365.00 → 21.96', () => {
    const flat = [{ validFrom: '2000-01-01', rate: '1.00' }];
    // 36500 × 6 % × 366 / 365 = 2196 exactly
    const result = defaultInterest({
      openAmount: 36500,
      dueDate: '2027-12-31',
      asOf: '2028-12-31',
      customerType: 'consumer',
      table: flat,
    });
    expect(result.periods[0]!.days).toBe(366);
    expect(result.amount).toBe(2196);
  });

  it('nothing before the day after the due date, and nothing on nothing', () => {
    const base = { customerType: 'business' as const, table };
    expect(
      defaultInterest({ ...base, openAmount: 100000, dueDate: '2026-02-12', asOf: '2026-02-12' }),
    ).toEqual({
      amount: 0,
      periods: [],
    });
    expect(
      defaultInterest({ ...base, openAmount: 0, dueDate: '2026-01-01', asOf: '2026-02-12' }).amount,
    ).toBe(0);
  });

  it('the stretches cover every day once and the interest grows with the days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 1500 }),
        (amount, offset, days) => {
          const due = new Date(Date.UTC(2015, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const asOf = new Date(Date.parse(due) + days * 86_400_000).toISOString().slice(0, 10);
          const later = new Date(Date.parse(asOf) + 86_400_000).toISOString().slice(0, 10);
          const a = defaultInterest({
            openAmount: amount,
            dueDate: due,
            asOf,
            customerType: 'business',
            table,
          });
          const b = defaultInterest({
            openAmount: amount,
            dueDate: due,
            asOf: later,
            customerType: 'business',
            table,
          });
          expect(a.periods.reduce((s, p) => s + p.days, 0)).toBe(days);
          expect(a.periods[0]!.from > due).toBe(true);
          expect(a.periods.at(-1)!.to).toBe(asOf);
          expect(b.amount).toBeGreaterThanOrEqual(a.amount);
        },
      ),
      { numRuns: 300 },
    );
  });
});
