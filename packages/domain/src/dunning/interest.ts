import Big from 'big.js';
import { addDays, daysBetween, minDate } from '../billing/dates';
import { roundMinor } from '../money';
import { baseRateOn } from './base-rates';
import type { BaseRate, CustomerType, InterestPeriod } from './types';

/**
 * Default interest (Verzugszinsen) under § 288 BGB, pure. Rules and the choices made:
 * - rate: Basiszinssatz (§ 247 BGB) + 9 percentage points where no consumer is party to the transaction
 *   (§ 288 (2)), + 5 points otherwise (§ 288 (1)); a company contact counts as a business, a person as a
 *   consumer.
 * - period: interest runs from the day after the due date (the debtor is in default from then, § 286 (2)
 *   no. 1 BGB with a calendar due date; § 187 (1) BGB: the due day itself does not count) up to and
 *   including the letter's date. Days are counted actually and divided by 365 (act/365, also in leap years,
 *   as German courts reckon default interest).
 * - the base rate changes on 1 January and 1 July: the period is split there, each part at its own rate.
 * - the amount is what is open on the letter's date, for the whole period. Part payments earlier in the
 *   period would have made the claim larger then; taking today's open amount never claims too much.
 * - the exact sum of all parts is rounded half-up to the minor unit once, per invoice.
 */

/** Percentage points above the base rate, § 288 (1) and (2) BGB. */
export const INTEREST_POINTS: Record<CustomerType, string> = { business: '9', consumer: '5' };

export interface InterestResult {
  /** Minor units, rounded half-up once. */
  amount: number;
  periods: InterestPeriod[];
}

/** The first day of the half-year after the one `date` lies in. */
function nextHalfYear(date: string): string {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) < 7 ? `${year}-07-01` : `${year + 1}-01-01`;
}

/**
 * Default interest on `openAmount` (minor units) for an invoice due on `dueDate`, reckoned to `asOf`
 * (included), for a customer of `customerType`, with the base rates of `table`.
 */
export function defaultInterest(input: {
  openAmount: number;
  dueDate: string;
  asOf: string;
  customerType: CustomerType;
  table: readonly BaseRate[];
}): InterestResult {
  const { openAmount, dueDate, asOf, table } = input;
  if (openAmount <= 0 || daysBetween(dueDate, asOf) <= 0) return { amount: 0, periods: [] };
  const points = INTEREST_POINTS[input.customerType];
  const periods: InterestPeriod[] = [];
  let from = addDays(dueDate, 1);
  while (from <= asOf) {
    const to = minDate(addDays(nextHalfYear(from), -1), asOf);
    const baseRate = baseRateOn(from, table).rate;
    const last = periods[periods.length - 1];
    if (last && last.baseRate === baseRate) {
      // the same rate in the next half-year: one stretch on the letter, not two
      last.to = to;
      last.days = daysBetween(last.from, to) + 1;
    } else {
      const rate = new Big(baseRate).plus(points);
      periods.push({
        from,
        to,
        days: daysBetween(from, to) + 1,
        baseRate,
        points,
        // a (theoretical) negative rate would claim money back from the creditor: none is owed then
        rate: (rate.lt(0) ? new Big(0) : rate).toFixed(2),
      });
    }
    from = addDays(to, 1);
  }
  const exact = periods.reduce(
    (sum, p) => sum.plus(new Big(openAmount).times(p.rate).div(100).times(p.days).div(365)),
    new Big(0),
  );
  return { amount: roundMinor(exact), periods };
}
