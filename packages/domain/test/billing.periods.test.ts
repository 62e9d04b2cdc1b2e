import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysInclusive,
  daysInMonth,
  parseDate,
  toDayNumber,
} from '../src/billing/dates';
import {
  type BillingPeriod,
  type BillingSchedule,
  billingPeriods,
  checkChargeItem,
  checkSchedule,
  periodAt,
  periodCharges,
  periodIndexOn,
  periodOn,
  periodsDue,
} from '../src/billing/periods';
import { FieldErrors } from '../src/errors';

const monthly = (startDate: string, extra: Partial<BillingSchedule> = {}): BillingSchedule => ({
  startDate,
  intervalMonths: 1,
  timing: 'in_advance',
  ...extra,
});

function take(schedule: BillingSchedule, n: number): BillingPeriod[] {
  const out: BillingPeriod[] = [];
  for (const p of billingPeriods(schedule)) {
    out.push(p);
    if (out.length === n) break;
  }
  return out;
}

const ranges = (periods: BillingPeriod[]) => periods.map((p) => `${p.start}..${p.end}`);

describe('billing periods: the grid of a contract', () => {
  it('keeps the anchor day: a Jan 31 contract has periods starting Feb 28, Mar 31, Apr 30, …', () => {
    expect(take(monthly('2026-01-31'), 6).map((p) => p.start)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    // each period ends the day before the next starts
    expect(ranges(take(monthly('2026-01-31'), 3))).toEqual([
      '2026-01-31..2026-02-27',
      '2026-02-28..2026-03-30',
      '2026-03-31..2026-04-29',
    ]);
  });

  it('takes Feb 29 in a leap year from a Jan 31 anchor (2028 vs 2027)', () => {
    expect(take(monthly('2028-01-31'), 3).map((p) => p.start)).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
    expect(take(monthly('2027-01-31'), 3).map((p) => p.start)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
    expect(periodAt(monthly('2028-01-31'), 1)!.share.of).toBe(31); // Feb 29 .. Mar 30
    expect(periodAt(monthly('2027-01-31'), 1)!.share.of).toBe(31); // Feb 28 .. Mar 30
    expect(periodAt(monthly('2028-01-31'), 0)!.share.of).toBe(29); // Jan 31 .. Feb 28
    expect(periodAt(monthly('2027-01-31'), 0)!.share.of).toBe(28); // Jan 31 .. Feb 27
  });

  it('steps quarterly and yearly from the anchor, never from the previous (clamped) start', () => {
    const quarterly = { ...monthly('2026-11-30'), intervalMonths: 3 };
    expect(take(quarterly, 5).map((p) => p.start)).toEqual([
      '2026-11-30',
      '2027-02-28',
      '2027-05-30',
      '2027-08-30',
      '2027-11-30',
    ]);
    const yearly = { ...monthly('2028-02-29'), intervalMonths: 12 };
    expect(take(yearly, 5).map((p) => p.start)).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
    expect(periodAt(yearly, 0)!.end).toBe('2029-02-27');
    expect(periodAt(yearly, 3)!.end).toBe('2032-02-28');
  });

  it('is due on the first day in advance and on the day after the last day in arrears', () => {
    const advance = periodAt(monthly('2026-01-01'), 1)!;
    const arrears = periodAt(monthly('2026-01-01', { timing: 'in_arrears' }), 1)!;
    expect([advance.start, advance.end, advance.dueDate]).toEqual(['2026-02-01', '2026-02-28', '2026-02-01']);
    expect([arrears.start, arrears.end, arrears.dueDate]).toEqual(['2026-02-01', '2026-02-28', '2026-03-01']);
  });
});

describe('billing periods: aligned billing and end dates make partial periods', () => {
  it('starts with a partial period up to the first aligned day (start Jan 15, billed on the 1st)', () => {
    const schedule = monthly('2026-01-15', { billingAnchorDay: 1 });
    const [first, second] = take(schedule, 2);
    expect(first).toEqual({
      index: 0,
      start: '2026-01-15',
      end: '2026-01-31',
      fullStart: '2026-01-01',
      fullEnd: '2026-01-31',
      partial: true,
      share: { from: 14, to: 31, of: 31 },
      dueDate: '2026-01-15',
    });
    expect(second).toMatchObject({ index: 1, start: '2026-02-01', end: '2026-02-28', partial: false });
  });

  it('aligns to an anchor day later in the start month (start Jan 15, billed on the 20th)', () => {
    const [first, second] = take(monthly('2026-01-15', { billingAnchorDay: 20 }), 2);
    expect(first).toMatchObject({
      start: '2026-01-15',
      end: '2026-01-19',
      fullStart: '2025-12-20',
      partial: true,
    });
    expect(first!.share).toEqual({ from: 26, to: 31, of: 31 });
    expect(second).toMatchObject({ start: '2026-01-20', end: '2026-02-19', partial: false });
  });

  it('aligns to day 31 clamped in short months and lets the day come back', () => {
    const periods = take(monthly('2026-02-10', { billingAnchorDay: 31 }), 4);
    expect(ranges(periods)).toEqual([
      '2026-02-10..2026-02-27',
      '2026-02-28..2026-03-30',
      '2026-03-31..2026-04-29',
      '2026-04-30..2026-05-30',
    ]);
    expect(periods[0]).toMatchObject({ fullStart: '2026-01-31', share: { from: 10, to: 28, of: 28 } });
  });

  it('has no partial period when the start day is the anchor day (or clamps to it)', () => {
    expect(periodAt(monthly('2026-03-01', { billingAnchorDay: 1 }), 0)).toMatchObject({
      partial: false,
      end: '2026-03-31',
    });
    expect(periodAt(monthly('2026-02-28', { billingAnchorDay: 31 }), 0)).toMatchObject({
      partial: false,
      end: '2026-03-30',
    });
  });

  it('cuts the last period at the end date and has none after it', () => {
    const schedule = monthly('2026-01-01', { endDate: '2026-03-15' });
    const periods = [...billingPeriods(schedule)];
    expect(ranges(periods)).toEqual([
      '2026-01-01..2026-01-31',
      '2026-02-01..2026-02-28',
      '2026-03-01..2026-03-15',
    ]);
    expect(periods[2]).toMatchObject({ partial: true, share: { from: 0, to: 15, of: 31 } });
    expect(periodAt(schedule, 3)).toBeNull();
  });

  it('ends cleanly on a period end and allows a one-day contract', () => {
    const whole = [...billingPeriods(monthly('2026-01-01', { endDate: '2026-03-31' }))];
    expect(whole.map((p) => p.partial)).toEqual([false, false, false]);
    const oneDay = [...billingPeriods(monthly('2026-05-05', { endDate: '2026-05-05' }))];
    expect(oneDay).toHaveLength(1);
    expect(oneDay[0]).toMatchObject({
      start: '2026-05-05',
      end: '2026-05-05',
      share: { from: 0, to: 1, of: 31 },
    });
  });
});

describe('billing periods: which periods are due', () => {
  it('bills every period due on or before asOf, in advance from the first day', () => {
    const schedule = monthly('2026-01-01');
    expect(periodsDue(schedule, '2026-02-28').map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01']);
    expect(periodsDue(schedule, '2026-03-01').map((p) => p.start)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(periodsDue(schedule, '2025-12-31')).toEqual([]);
  });

  it('bills in arrears only once the period is over', () => {
    const schedule = monthly('2026-01-01', { timing: 'in_arrears' });
    expect(periodsDue(schedule, '2026-02-28').map((p) => p.start)).toEqual(['2026-01-01']);
    expect(periodsDue(schedule, '2026-03-01').map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('skips periods starting before notBefore (the day after the last billed period)', () => {
    const schedule = monthly('2020-01-31');
    expect(periodsDue(schedule, '2026-04-30', { notBefore: '2026-02-28' }).map((p) => p.start)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    // a notBefore inside a period starts with the next one
    expect(periodsDue(schedule, '2026-04-30', { notBefore: '2026-03-01' }).map((p) => p.start)).toEqual([
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('never skips or repeats a period when runs on successive days each continue from the last (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }),
        fc.constantFrom(1, 3, 12),
        fc.constantFrom('in_advance', 'in_arrears') as fc.Arbitrary<BillingSchedule['timing']>,
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
        fc.uniqueArray(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 8 }),
        (startDay, intervalMonths, timing, billingAnchorDay, runOffsets) => {
          const startDate = addDays('1970-01-01', startDay);
          const schedule: BillingSchedule = { startDate, intervalMonths, timing, billingAnchorDay };
          const runs = runOffsets.sort((a, b) => a - b).map((d) => addDays(startDate, d));
          const billed: string[] = [];
          for (const asOf of runs) {
            const last = billed.at(-1);
            const notBefore = last ? addDays(periodOn(schedule, last)!.end, 1) : null;
            billed.push(...periodsDue(schedule, asOf, { notBefore }).map((p) => p.start));
          }
          expect(billed).toEqual(periodsDue(schedule, runs.at(-1)!).map((p) => p.start));
        },
      ),
    );
  });
});

describe('billing periods: pauses', () => {
  it('skips the periods whose first day falls in a pause and resumes with the next period', () => {
    // Paused Feb 15 – Mar 20: February started before the pause (billed), March starts in it (skipped).
    const schedule = monthly('2026-01-01', { pauses: [{ from: '2026-02-15', until: '2026-03-20' }] });
    expect(periodsDue(schedule, '2026-05-01').map((p) => p.start)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-04-01',
      '2026-05-01',
    ]);
  });

  it('counts both pause days as paused and an open pause as lasting until resumed', () => {
    const onBoundaries = monthly('2026-01-01', { pauses: [{ from: '2026-02-01', until: '2026-03-01' }] });
    expect(periodsDue(onBoundaries, '2026-04-01').map((p) => p.start)).toEqual(['2026-01-01', '2026-04-01']);
    const open = monthly('2026-01-01', { pauses: [{ from: '2026-03-01', until: null }] });
    expect(periodsDue(open, '2027-01-01').map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01']);
  });
});

describe('billing periods: finding the period of a day', () => {
  it('finds the period containing any day, also under aligned billing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2090-12-31') }),
        fc.constantFrom(1, 2, 3, 6, 12),
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
        fc.integer({ min: 0, max: 3000 }),
        (startDay, intervalMonths, billingAnchorDay, offset) => {
          const startDate = addDays('1970-01-01', startDay);
          const schedule: BillingSchedule = {
            startDate,
            intervalMonths,
            timing: 'in_advance',
            billingAnchorDay,
          };
          const day = addDays(startDate, offset);
          const period = periodOn(schedule, day)!;
          expect(compareDates(period.start, day)).toBeLessThanOrEqual(0);
          expect(compareDates(day, period.end)).toBeLessThanOrEqual(0);
          expect(periodIndexOn(schedule, day)).toBe(period.index);
        },
      ),
    );
    expect(periodOn(monthly('2026-01-01'), '2025-12-31')).toBeNull();
    expect(periodOn(monthly('2026-01-01', { endDate: '2026-01-10' }), '2026-01-11')).toBeNull();
  });
});

describe('billing periods: tiling (property)', () => {
  it('tiles the timeline from start to end without gaps or overlaps, keeping the anchor day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2090-12-31') }),
        fc.constantFrom(1, 2, 3, 6, 12, 24),
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
        (startDay, intervalMonths, billingAnchorDay, length) => {
          const startDate = addDays('1970-01-01', startDay);
          const endDate = length === null ? null : addDays(startDate, length);
          const schedule: BillingSchedule = {
            startDate,
            endDate,
            intervalMonths,
            timing: 'in_advance',
            billingAnchorDay,
          };
          const periods = take(schedule, 40);
          expect(periods[0]!.start).toBe(startDate);
          const anchorDay = billingAnchorDay ?? parseDate(startDate).day;
          for (const [i, p] of periods.entries()) {
            expect(p.index).toBe(i);
            expect(compareDates(p.start, p.end)).toBeLessThanOrEqual(0);
            expect(p.share.to - p.share.from).toBe(daysInclusive(p.start, p.end));
            expect(p.share.of).toBe(daysInclusive(p.fullStart, p.fullEnd));
            if (i > 0) {
              expect(p.start).toBe(addDays(periods[i - 1]!.end, 1));
              const { year, month, day } = parseDate(p.start);
              expect(day).toBe(Math.min(anchorDay, daysInMonth(year, month)));
              expect(p.fullStart).toBe(p.start);
            }
          }
          if (endDate !== null && periods.length < 40) {
            expect(periods.at(-1)!.end).toBe(endDate);
            expect(periodAt(schedule, periods.length)).toBeNull();
          }
        },
      ),
    );
  });
});

describe('billing periods: the lines of a period', () => {
  const items = [
    { itemId: 'a', priceModel: { kind: 'flat' as const, amount: 3100 }, quantity: '1' },
    {
      itemId: 'b',
      priceModel: { kind: 'per_unit' as const, unitAmount: '1000' },
      quantity: '2',
      discountPercent: '10',
    },
  ];
  const lastPeriod = periodAt(monthly('2026-01-01', { endDate: '2026-03-15' }), 2)!;

  it('prorates a partial period by days under daily proration, rounding once per line', () => {
    expect(periodCharges(items, lastPeriod, 'daily').map((c) => [c.itemId, c.amount, c.share])).toEqual([
      ['a', 1500, { from: 0, to: 15, of: 31 }],
      ['b', 871, { from: 0, to: 15, of: 31 }], // 1800 × 15/31 = 870.97
    ]);
  });

  it('charges a partial period in full when proration is none, and a full period in full either way', () => {
    expect(periodCharges(items, lastPeriod, 'none').map((c) => c.amount)).toEqual([3100, 1800]);
    const full = periodAt(monthly('2026-01-01'), 1)!;
    expect(periodCharges(items, full, 'daily').map((c) => [c.amount, c.share])).toEqual([
      [3100, null],
      [1800, null],
    ]);
  });

  it('produces no line for a zero amount (documented choice)', () => {
    const full = periodAt(monthly('2026-01-01'), 1)!;
    const zero = [
      { itemId: 'free', priceModel: { kind: 'flat' as const, amount: 0 }, quantity: '1' },
      { itemId: 'off', priceModel: { kind: 'per_unit' as const, unitAmount: '1000' }, quantity: '0' },
    ];
    expect(periodCharges([...zero, items[0]!], full, 'daily').map((c) => c.itemId)).toEqual(['a']);
    expect(periodCharges(zero, full, 'daily')).toEqual([]);
  });
});

describe('billing periods: validating a schedule', () => {
  it('accepts a plain schedule', () => {
    const errors = new FieldErrors();
    checkSchedule(
      monthly('2026-01-31', { billingAnchorDay: 31, pauses: [{ from: '2026-02-01', until: null }] }),
      errors,
    );
    expect(errors.list).toEqual([]);
  });

  it('names every bad field at once', () => {
    const errors = new FieldErrors();
    checkSchedule(
      {
        startDate: '2026-02-01',
        endDate: '2026-01-31',
        intervalMonths: 0,
        timing: 'monthly' as BillingSchedule['timing'],
        billingAnchorDay: 32,
        pauses: [
          { from: '2026-02-30', until: null },
          { from: '2026-03-10', until: '2026-03-09' },
        ],
      },
      errors,
      'schedule',
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'schedule.endDate:end_before_start',
      'schedule.intervalMonths:interval_invalid',
      'schedule.timing:timing_invalid',
      'schedule.billingAnchorDay:anchor_day_invalid',
      'schedule.pauses.0.from:date_invalid',
      'schedule.pauses.1.until:pause_ends_before_start',
    ]);
  });

  it('checks an item quantity and discount', () => {
    const errors = new FieldErrors();
    checkChargeItem({ quantity: '-1', discountPercent: '101' }, errors, 'items.0');
    checkChargeItem({ quantity: '2.5', discountPercent: '100' }, errors, 'items.1');
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'items.0.quantity:quantity_invalid',
      'items.0.discountPercent:discount_invalid',
    ]);
  });

  it('rejects a negative period index', () => {
    expect(() => periodAt(monthly('2026-01-01'), -1)).toThrow(RangeError);
  });
});
