/**
 * Calendar dates as `YYYY-MM-DD` strings, computed with integer arithmetic on the proleptic Gregorian
 * calendar. Billing periods are calendar days, not instants: a date never passes through `Date` or a time
 * zone here, so a period cannot shift by a day around a DST change or on a server in another zone. The
 * organisation's "today" comes from `calendarDate(ctx.clock.now(), timeZone)` in clock.ts.
 *
 * No dependency: the few operations billing needs (add days, add months with month-end clamping, count
 * days) are a page of code, while `@js-temporal/polyfill` would add ~200 kB and BigInt-based instants we
 * never use.
 */

export interface YearMonthDay {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** True for a real calendar date written `YYYY-MM-DD` (no Feb 30, Feb 29 only in leap years). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a date into its parts; throws a RangeError for anything that is not a real calendar date. */
export function parseDate(value: string): YearMonthDay {
  if (!isDate(value)) throw new RangeError(`'${value}' is not a calendar date YYYY-MM-DD`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

export function formatDate({ year, month, day }: YearMonthDay): string {
  if (year < 1 || year > 9999) throw new RangeError(`year ${year} is outside 0001..9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (negative before), after H. Hinnant's `days_from_civil`: shifting the year to
 * start in March puts the leap day last, so the day of the year is a closed formula.
 */
export function toDayNumber(value: string): number {
  const { year, month, day } = parseDate(value);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of `toDayNumber` (Hinnant's `civil_from_days`). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError('day number must be an integer');
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Signed number of days from `from` to `to`: daysBetween('2026-01-31', '2026-02-01') = 1. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Number of calendar days from `start` to `end`, both included: a whole January has 31. */
export function daysInclusive(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Months since year 0 (`year × 12 + month − 1`): one integer to step months across years. */
export function monthIndex(value: string): number {
  const { year, month } = parseDate(value);
  return year * 12 + month - 1;
}

/**
 * The date in the month `index` (see `monthIndex`) on `day`, clamped to the month's last day: day 31 in
 * February gives Feb 28 or 29. The day is the caller's anchor, never a clamped result, so it comes back in
 * longer months.
 */
export function dateInMonth(index: number, day: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/**
 * Adds calendar months keeping the day of `value`, clamped to month end: Jan 31 + 1 → Feb 28 (Feb 29 in a
 * leap year), Jan 31 + 2 → Mar 31. Always add to the anchor, never to a previous result, or the day drifts
 * (Jan 31 → Feb 28 → Mar 28).
 */
export function addMonths(value: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError('months must be an integer');
  return dateInMonth(monthIndex(value) + months, parseDate(value).day);
}

/** −1, 0 or 1. `YYYY-MM-DD` with four-digit years orders as text, but parsing rejects non-dates. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function minDate(a: string, b: string): string {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}
