import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInclusive,
  daysInMonth,
  fromDayNumber,
  isDate,
  isLeapYear,
  maxDate,
  minDate,
  parseDate,
  toDayNumber,
} from '../src/billing/dates';

/** Test oracle only: JavaScript's UTC calendar, which the billing code deliberately does not use. */
const utcDate = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

const anyDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(utcDate);

describe('billing dates: calendar arithmetic on YYYY-MM-DD', () => {
  it('adds months keeping the day, clamped to the month end (Jan 31 → Feb 28/29 → Mar 31)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('keeps a Feb 29 anchor on Feb 28 in common years and Feb 29 in the next leap year', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 36)).toBe('2031-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2028-02-29', 1)).toBe('2028-03-29');
  });

  it('knows the Gregorian leap years (2028 and 2000 are, 2027 and 2100 are not)', () => {
    expect([2028, 2000, 2027, 2100].map(isLeapYear)).toEqual([true, true, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between dates and days of a range with both ends included', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2028-01-31', '2028-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(daysInclusive('2026-01-01', '2026-01-31')).toBe(31);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysInclusive('2026-05-05', '2026-05-05')).toBe(1);
  });

  it('compares dates and picks the earlier and later one', () => {
    expect(compareDates('2026-01-31', '2026-02-01')).toBe(-1);
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(minDate('2026-03-01', '2026-02-28')).toBe('2026-02-28');
    expect(maxDate('2026-03-01', '2026-02-28')).toBe('2026-03-01');
  });

  it('rejects anything that is not a real calendar date', () => {
    for (const bad of [
      '2027-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00',
    ]) {
      expect(isDate(bad), bad).toBe(false);
      expect(() => parseDate(bad), bad).toThrow(RangeError);
    }
    expect(isDate('2028-02-29')).toBe(true);
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('agrees with the UTC calendar on every day from 1900 to 2200 (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
        expect(toDayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
        expect(addDays(date, days)).toBe(utcDate(toDayNumber(date) + days));
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('adds months like the anchor rule says: month moves by n, day is the anchor day clamped (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const from = parseDate(date);
        const to = parseDate(addMonths(date, months));
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});
