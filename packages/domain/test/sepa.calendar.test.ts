import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from '../src/billing/dates';
import {
  businessDayOnOrAfter,
  earliestCollectionDate,
  easterSunday,
  isBusinessDay,
  isTargetHoliday,
  nextBusinessDay,
  weekday,
} from '../src/sepa/calendar';

describe('sepa calendar: TARGET2 business days', () => {
  it('Easter Sunday of known years', () => {
    expect(
      ['2000', '2019', '2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y))),
    ).toEqual([
      '2000-04-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('closing days: New Year, Good Friday, Easter Monday, 1 May, 25 and 26 December', () => {
    for (const day of ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26']) {
      expect(isTargetHoliday(day), day).toBe(true);
    }
    // Easter Sunday is a Sunday anyway; 24 and 31 December, 3 October and Whit Monday are TARGET days
    for (const day of ['2026-12-24', '2026-12-31', '2026-10-05', '2026-05-25', '2026-04-07']) {
      expect(isTargetHoliday(day), day).toBe(false);
      expect(isBusinessDay(day), day).toBe(true);
    }
    expect(isBusinessDay('2026-03-14')).toBe(false); // Saturday
    expect(isBusinessDay('2026-03-15')).toBe(false); // Sunday
  });

  it('weekday agrees with the JavaScript calendar for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(weekday(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('moves to the next business day over weekends and holidays', () => {
    expect(businessDayOnOrAfter('2026-03-16')).toBe('2026-03-16');
    expect(businessDayOnOrAfter('2026-03-14')).toBe('2026-03-16');
    expect(businessDayOnOrAfter('2026-04-03')).toBe('2026-04-07'); // Good Friday … Easter Monday
    expect(nextBusinessDay('2026-12-24')).toBe('2026-12-28');
    expect(nextBusinessDay('2026-12-31')).toBe('2027-01-04'); // 1 January, then a weekend
  });

  it('the earliest collection date is one business day after the file reaches the bank (D-1)', () => {
    expect(earliestCollectionDate('2026-03-16')).toBe('2026-03-17'); // Monday → Tuesday
    expect(earliestCollectionDate('2026-03-13')).toBe('2026-03-16'); // Friday → Monday
    expect(earliestCollectionDate('2026-03-14')).toBe('2026-03-17'); // Saturday: the bank has it Monday
    expect(earliestCollectionDate('2026-04-02')).toBe('2026-04-07'); // Thursday before Easter
  });

  it('is always a business day, after today, and at most a week away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const today = fromDayNumber(n);
        const earliest = earliestCollectionDate(today);
        expect(isBusinessDay(earliest)).toBe(true);
        expect(earliest > today).toBe(true);
        expect(earliest <= addDays(today, 7)).toBe(true);
      }),
    );
  });
});
