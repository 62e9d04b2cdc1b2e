import { addDays, compareDates, dateInMonth, isDate, monthIndex } from '../billing/dates';
import { calendarDate } from '../clock';
import { type Ctx, inTransaction } from '../context';
import type { FieldErrors } from '../errors';
import { isCurrency } from '../money';
import * as organizations from '../organizations/service';
import type { Organization } from '../organizations/types';

/** Reports cover at most this many months (20 years), so one request cannot ask for an unbounded answer. */
export const MAX_REPORT_MONTHS = 240;

/** The first calendar day there is (dates are 0001-01-01 … 9999-12-31). */
export const FIRST_DAY = '0001-01-01';

export interface RangeInput {
  from?: string;
  to?: string;
}

export interface ReportContext {
  organization: Organization;
  /** The organisation's calendar day on its clock (a sandbox's test clock included). */
  today: string;
}

export async function reportContext(ctx: Ctx): Promise<ReportContext> {
  const organization = await organizations.get(ctx);
  return { organization, today: calendarDate(ctx.clock.now(), organization.timezone) };
}

export const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** The last day of the month containing `date`. */
export function lastOfMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * Checks `from`/`to` (calendar dates, `from` ≤ `to`, at most MAX_REPORT_MONTHS months apart) and fills in
 * what is missing: `to` defaults to today, `from` to the first day of the month `defaultMonths − 1` months
 * before `to`'s. Problems go into `errors` (`query.from`, `query.to`) so the caller reports them with the
 * others at once; the range is null when there were any.
 */
export function resolveRange(
  input: RangeInput,
  today: string,
  defaultMonths: number,
  errors: FieldErrors,
): { from: string; to: string } | null {
  let ok = true;
  if (input.from !== undefined && !isDate(input.from)) {
    errors.add('query.from', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    ok = false;
  }
  if (input.to !== undefined && !isDate(input.to)) {
    errors.add('query.to', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    ok = false;
  }
  if (!ok) return null;
  const to = input.to ?? today;
  // not before January of year 1, the first month there is
  const back = Math.max(monthIndex(to) - (defaultMonths - 1), monthIndex(FIRST_DAY));
  const from = input.from ?? dateInMonth(back, 1);
  if (compareDates(from, to) > 0) {
    errors.add('query.from', 'range_invalid', 'must not be after to');
    return null;
  }
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_REPORT_MONTHS) {
    errors.add('query.from', 'range_too_long', `a report covers at most ${MAX_REPORT_MONTHS} months`);
    return null;
  }
  return { from, to };
}

/** A currency filter must be an ISO 4217 code. */
export function checkCurrency(currency: string | undefined, errors: FieldErrors): void {
  if (currency !== undefined && !isCurrency(currency))
    errors.add('query.currency', 'currency_invalid', `'${currency}' is not ISO 4217`);
}

/**
 * Runs a report's reads on one snapshot (REPEATABLE READ, read only): figures read by separate queries — the
 * payments, the money on invoices, the invoices — then belong to one moment, even while money is booked.
 */
export async function onSnapshot<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return inTransaction(ctx, async (tx) => {
    await tx.db.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(tx);
  });
}
