import { addDays, fromDayNumber, parseDate, toDayNumber } from '../billing/dates';

/**
 * The TARGET2 calendar that SEPA direct debits settle on (ECB): every weekday except New Year's Day, Good
 * Friday, Easter Monday, 1 May, 25 and 26 December. A requested collection date must be such a day, and the
 * file must reach the creditor's bank at least one of them before it (EPC SDD Core and B2B rulebooks, D-1
 * since November 2016). Bank cut-off times within the day are the bank's business, not modelled here.
 */

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 Sunday … 6 Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isTargetHoliday(date: string): boolean {
  const { year, month, day } = parseDate(date);
  if ((month === 1 && day === 1) || (month === 5 && day === 1)) return true;
  if (month === 12 && (day === 25 || day === 26)) return true;
  const easter = toDayNumber(easterSunday(year));
  const n = toDayNumber(date);
  return n === easter - 2 || n === easter + 1;
}

/** A TARGET2 business day: a weekday that is no TARGET holiday. */
export function isBusinessDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isTargetHoliday(date);
}

/** `date` itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(date: string): string {
  let n = toDayNumber(date);
  while (!isBusinessDay(fromDayNumber(n))) n += 1;
  return fromDayNumber(n);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  return businessDayOnOrAfter(addDays(date, 1));
}

/**
 * The earliest collection date of a file created on `today`: it reaches the bank on the first business day
 * on or after today, and the collection settles one business day after that (D-1).
 */
export function earliestCollectionDate(today: string): string {
  return nextBusinessDay(businessDayOnOrAfter(today));
}
