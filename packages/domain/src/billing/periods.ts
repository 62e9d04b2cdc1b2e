import type { FieldErrors } from '../errors';
import { isDecimalString } from '../money';
import {
  addDays,
  compareDates,
  dateInMonth,
  daysBetween,
  daysInclusive,
  isDate,
  monthIndex,
  parseDate,
} from './dates';
import { lineAmount, type PeriodShare, type PriceComponent, type PriceModel } from './pricing';

/** In advance: a period is invoiced on its first day; in arrears: the day after its last (DOMAIN.md §6). */
export type BillingTiming = 'in_advance' | 'in_arrears';

/** How a partial first or last period is charged: `none` = as a full period, `daily` = by its share of days. */
export type ProrationMode = 'none' | 'daily';

/** Billing is suspended for periods that start on a day from `from` to `until` (both included; null = open). */
export interface PauseRange {
  from: string;
  until: string | null;
}

/** The calendar of a contract: what decides its billing periods and when each is due. */
export interface BillingSchedule {
  /** First day of service; anchors the periods. */
  startDate: string;
  /** Last day of service (included), or null while the contract runs on. */
  endDate?: string | null;
  /** Months per period: 1, 3, 6, 12, … */
  intervalMonths: number;
  timing: BillingTiming;
  /**
   * Aligned billing: periods start on this day of the month (1–31, clamped to short months) instead of the
   * start date's day; the days from the start date to the first aligned day form a partial first period.
   */
  billingAnchorDay?: number | null;
  pauses?: PauseRange[];
}

export interface BillingPeriod {
  /** 0 for the first period of the contract (the partial one under aligned billing), then 1, 2, … */
  index: number;
  /** First and last day billed (both included). `start` is the period's key: billed at most once. */
  start: string;
  end: string;
  /** The whole period of the grid this one lies in; differs from start/end only for a partial period. */
  fullStart: string;
  fullEnd: string;
  partial: boolean;
  /** The billed days within the full period, for daily proration. */
  share: PeriodShare;
  /** The day the period becomes billable: `start` in advance, the day after `end` in arrears. */
  dueDate: string;
}

/**
 * The grid of full periods: period j starts on `day` of month `base + j × interval`, clamped to the month's
 * end. Every start is computed from the anchor, never from the previous start, so a Jan 31 anchor gives
 * Feb 28 (29 in leap years), then Mar 31 again (DOMAIN.md §6) instead of drifting to the 28th.
 */
interface Grid {
  base: number;
  day: number;
  interval: number;
  /** True when the contract starts before the grid's first start: period 0 is a partial stub. */
  stub: boolean;
}

function gridOf(schedule: BillingSchedule): Grid {
  const startMonth = monthIndex(schedule.startDate);
  const day = schedule.billingAnchorDay ?? parseDate(schedule.startDate).day;
  const interval = schedule.intervalMonths;
  const inStartMonth = compareDates(dateInMonth(startMonth, day), schedule.startDate);
  if (inStartMonth === 0) return { base: startMonth, day, interval, stub: false };
  // Aligned billing: the first aligned day after the start date opens the first full period.
  return { base: inStartMonth > 0 ? startMonth : startMonth + 1, day, interval, stub: true };
}

function gridStart(grid: Grid, j: number): string {
  return dateInMonth(grid.base + j * grid.interval, grid.day);
}

function periodOnGrid(schedule: BillingSchedule, grid: Grid, index: number): BillingPeriod | null {
  const isStub = grid.stub && index === 0;
  const j = index - (grid.stub ? 1 : 0);
  const fullStart = gridStart(grid, j);
  const fullEnd = addDays(gridStart(grid, j + 1), -1);
  const start = isStub ? schedule.startDate : fullStart;
  const endDate = schedule.endDate ?? null;
  if (endDate !== null && compareDates(start, endDate) > 0) return null;
  const end = endDate !== null && compareDates(endDate, fullEnd) < 0 ? endDate : fullEnd;
  const share = {
    from: daysBetween(fullStart, start),
    to: daysBetween(fullStart, end) + 1,
    of: daysInclusive(fullStart, fullEnd),
  };
  return {
    index,
    start,
    end,
    fullStart,
    fullEnd,
    partial: share.from > 0 || share.to < share.of,
    share,
    dueDate: schedule.timing === 'in_advance' ? start : addDays(end, 1),
  };
}

/** Period number `index` of the contract, or null when the contract has ended before it. */
export function periodAt(schedule: BillingSchedule, index: number): BillingPeriod | null {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('period index must be an integer ≥ 0');
  return periodOnGrid(schedule, gridOf(schedule), index);
}

/** The contract's periods in order from `fromIndex`; endless while the contract has no end date. */
export function* billingPeriods(schedule: BillingSchedule, fromIndex = 0): Generator<BillingPeriod> {
  const grid = gridOf(schedule);
  for (let index = fromIndex; ; index++) {
    const period = periodOnGrid(schedule, grid, index);
    if (period === null) return;
    yield period;
  }
}

/**
 * Index of the period that contains `date` (ignoring the end date, so the answer exists for any day);
 * days before the start date belong to period 0. O(1): jumps to the month, then corrects for a day before
 * the anchor day.
 */
export function periodIndexOn(schedule: BillingSchedule, date: string): number {
  const grid = gridOf(schedule);
  if (compareDates(date, schedule.startDate) <= 0) return 0;
  if (grid.stub && compareDates(date, gridStart(grid, 0)) < 0) return 0;
  let j = Math.max(0, Math.floor((monthIndex(date) - grid.base) / grid.interval));
  while (j > 0 && compareDates(gridStart(grid, j), date) > 0) j--;
  while (compareDates(gridStart(grid, j + 1), date) <= 0) j++;
  return j + (grid.stub ? 1 : 0);
}

/** The period containing `date`, cut at the contract's end date; null before the start or after the end. */
export function periodOn(schedule: BillingSchedule, date: string): BillingPeriod | null {
  const period = periodAt(schedule, periodIndexOn(schedule, date));
  if (period === null || compareDates(date, period.start) < 0 || compareDates(date, period.end) > 0)
    return null;
  return period;
}

/** A period is skipped when its first day falls into a pause; billing resumes with the next period. */
export function isPausedOn(schedule: BillingSchedule, date: string): boolean {
  return (schedule.pauses ?? []).some(
    (p) => compareDates(date, p.from) >= 0 && (p.until === null || compareDates(date, p.until) <= 0),
  );
}

/**
 * The periods due on or before `asOf` (DOMAIN.md §7: a run bills every period due up to its date), in
 * order, leaving out paused ones. `notBefore` skips periods starting before it — the billing service passes
 * the day after the last billed period so a ten-year-old contract does not walk its whole history; the
 * (contract, period start) key still guards against billing twice.
 */
export function periodsDue(
  schedule: BillingSchedule,
  asOf: string,
  options: { notBefore?: string | null } = {},
): BillingPeriod[] {
  let from = 0;
  const notBefore = options.notBefore ?? null;
  if (notBefore !== null && compareDates(notBefore, schedule.startDate) > 0) {
    from = periodIndexOn(schedule, notBefore);
    const first = periodAt(schedule, from);
    if (first && compareDates(first.start, notBefore) < 0) from += 1;
  }
  const due: BillingPeriod[] = [];
  for (const period of billingPeriods(schedule, from)) {
    if (compareDates(period.dueDate, asOf) > 0) break; // due dates ascend: nothing later is due either
    if (!isPausedOn(schedule, period.start)) due.push(period);
  }
  return due;
}

/** The share of days to charge for a period: null (charge in full) unless it is partial and prorated daily. */
export function prorationShare(period: BillingPeriod, mode: ProrationMode): PeriodShare | null {
  return mode === 'daily' && period.partial ? period.share : null;
}

/** A recurring item as billing sees it: the price in force for the period (see terms.priceForPeriod). */
export interface ChargeItem {
  itemId: string;
  priceModel: PriceModel;
  quantity: string;
  discountPercent?: string;
}

export interface PeriodCharge {
  itemId: string;
  quantity: string;
  periodStart: string;
  periodEnd: string;
  /** Minor units, rounded once per line (DOMAIN.md §1). */
  amount: number;
  components: PriceComponent[];
  /** The prorated share of days, or null when the full price applies. */
  share: PeriodShare | null;
}

/**
 * The invoice lines of one period: each item priced, discounted and prorated, rounded once per line.
 *
 * Zero amounts produce no line (a documented choice, issue 4 item 6): a 0 line carries no taxable amount
 * and says nothing the customer must pay, and a period whose lines are all 0 then yields no invoice at
 * all — otherwise every free period would burn a gap-free invoice number (DOMAIN.md §2) on an immutable
 * document (§3) that bills nothing. The billing service still records the period as billed, so it is not
 * looked at again.
 */
export function periodCharges(
  items: ChargeItem[],
  period: BillingPeriod,
  mode: ProrationMode,
): PeriodCharge[] {
  const share = prorationShare(period, mode);
  const charges: PeriodCharge[] = [];
  for (const item of items) {
    const line = lineAmount(item.priceModel, item.quantity, { discountPercent: item.discountPercent, share });
    if (line.amount === 0) continue;
    charges.push({
      itemId: item.itemId,
      quantity: item.quantity,
      periodStart: period.start,
      periodEnd: period.end,
      amount: line.amount,
      components: line.components,
      share,
    });
  }
  return charges;
}

const MAX_INTERVAL_MONTHS = 120;

function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Reports every problem of a schedule into `errors` (paths relative to `path`, e.g. `startDate`). */
export function checkSchedule(schedule: BillingSchedule, errors: FieldErrors, path = ''): void {
  const startOk = isDate(schedule.startDate);
  if (!startOk) errors.add(at(path, 'startDate'), 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  const end = schedule.endDate ?? null;
  if (end !== null) {
    if (!isDate(end)) errors.add(at(path, 'endDate'), 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    else if (startOk && compareDates(end, schedule.startDate) < 0) {
      errors.add(at(path, 'endDate'), 'end_before_start', 'must not be before startDate');
    }
  }
  const interval = schedule.intervalMonths;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL_MONTHS) {
    errors.add(
      at(path, 'intervalMonths'),
      'interval_invalid',
      `must be a whole number of months, 1 to ${MAX_INTERVAL_MONTHS}`,
    );
  }
  if (schedule.timing !== 'in_advance' && schedule.timing !== 'in_arrears') {
    errors.add(at(path, 'timing'), 'timing_invalid', 'must be in_advance or in_arrears');
  }
  const anchor = schedule.billingAnchorDay ?? null;
  if (anchor !== null && (!Number.isInteger(anchor) || anchor < 1 || anchor > 31)) {
    errors.add(at(path, 'billingAnchorDay'), 'anchor_day_invalid', 'must be a day of the month, 1 to 31');
  }
  (schedule.pauses ?? []).forEach((pause, i) => {
    const p = at(path, `pauses.${i}`);
    if (!isDate(pause.from)) errors.add(`${p}.from`, 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    else if (pause.until !== null && !isDate(pause.until)) {
      errors.add(`${p}.until`, 'date_invalid', 'must be a calendar date YYYY-MM-DD or null');
    } else if (pause.until !== null && compareDates(pause.until, pause.from) < 0) {
      errors.add(`${p}.until`, 'pause_ends_before_start', 'must not be before from');
    }
  });
}

/** Reports a bad quantity or discount of an item (decimal strings; discount 0–100 %). */
export function checkChargeItem(
  item: Pick<ChargeItem, 'quantity' | 'discountPercent'>,
  errors: FieldErrors,
  path: string,
): void {
  if (!isDecimalString(item.quantity) || item.quantity.startsWith('-')) {
    errors.add(`${path}.quantity`, 'quantity_invalid', 'must be a decimal string ≥ 0');
  }
  const discount = item.discountPercent;
  if (
    discount !== undefined &&
    (!isDecimalString(discount) || Number(discount) < 0 || Number(discount) > 100)
  ) {
    errors.add(`${path}.discountPercent`, 'discount_invalid', 'must be a decimal string from 0 to 100');
  }
}
