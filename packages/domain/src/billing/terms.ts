import Big from 'big.js';
import type { FieldErrors } from '../errors';
import { allocate, isDecimalString, roundMinor } from '../money';
import { addDays, addMonths, compareDates, daysBetween, isDate, maxDate, monthIndex } from './dates';
import { type BillingSchedule, isPausedOn, periodAt, periodIndexOn, periodOn } from './periods';
import { checkPriceModel, lineAmount, type PeriodShare, type PriceModel, type PriceTier } from './pricing';

// ---------------------------------------------------------------------------------------------------------
// Minimum term, notice period, auto-renewal (DOMAIN.md §6)
// ---------------------------------------------------------------------------------------------------------

export interface NoticePeriod {
  amount: number;
  unit: 'days' | 'months';
}

export interface ContractTerms {
  /** Months from the start date during which the contract cannot end; 0 for none. */
  minimumTermMonths: number;
  /** How long before its end a cancellation must be received; null for none. */
  noticePeriod: NoticePeriod | null;
  /**
   * Auto-renewal: a term that is not cancelled in time extends by this many months; null when the contract
   * simply runs on period by period after the minimum term.
   */
  renewalTermMonths: number | null;
}

/** Last day of the minimum term (start + M months − 1 day), or null without one. */
export function minimumTermEnd(startDate: string, terms: ContractTerms): string | null {
  return terms.minimumTermMonths > 0 ? addDays(addMonths(startDate, terms.minimumTermMonths), -1) : null;
}

/**
 * The day the notice period that starts with a cancellation received on `receivedOn` runs out. Counted
 * like §§ 187(1), 188(2) BGB: the day of receipt is not counted, and a period of months ends on the day of
 * the last month that has the receipt day's number (clamped to month end: Nov 30 + 3 months = Feb 28/29).
 */
export function noticeEnd(receivedOn: string, notice: NoticePeriod | null): string {
  if (notice === null || notice.amount === 0) return receivedOn;
  return notice.unit === 'days' ? addDays(receivedOn, notice.amount) : addMonths(receivedOn, notice.amount);
}

/**
 * End of term number `j` under auto-renewal: the first term lasts the minimum term (or one renewal term
 * without one), each later term one renewal term. Always counted from the start date, never chained, so a
 * Jan 31 start keeps its month ends.
 */
function renewedTermEnd(startDate: string, terms: ContractTerms, j: number): string {
  const months = terms.minimumTermMonths + j * terms.renewalTermMonths!;
  return addDays(addMonths(startDate, months), -1);
}

/**
 * The end of the contract's term in force on `date`: with auto-renewal the first term end on or after
 * `date` (the term renews as long as nobody cancels); without, the minimum-term end (null without one).
 */
export function termEndOn(startDate: string, terms: ContractTerms, date: string): string | null {
  const renewal = terms.renewalTermMonths;
  if (renewal === null) return minimumTermEnd(startDate, terms);
  const first = terms.minimumTermMonths > 0 ? 0 : 1;
  // Jump close to the answer from the month distance, then step: at most a couple of iterations.
  const elapsed = monthIndex(date) - monthIndex(startDate) - terms.minimumTermMonths;
  let j = Math.max(first, Math.floor(elapsed / renewal) - 1);
  while (compareDates(renewedTermEnd(startDate, terms, j), date) < 0) j++;
  return renewedTermEnd(startDate, terms, j);
}

export interface CancellationResult {
  /** The last day of the contract. */
  endDate: string;
  /** The day the notice period runs out (receivedOn + notice). */
  noticeEnd: string;
  /** The term end that bound the result (minimum term or renewed term), null when no term applied. */
  termEnd: string | null;
  /** How many auto-renewals take effect before the contract ends (0 when cancelled in time). */
  renewals: number;
}

/**
 * When a cancellation received on `receivedOn` ends the contract (DOMAIN.md §6): at the first period end
 * that is both ≥ the end of the term in force and ≥ receivedOn + notice.
 *
 * DOMAIN.md's example, "3 months to end of term": start 2026-01-01, minimum term 12 months, renewal 12
 * months, notice 3 months; the first term ends 2026-12-31.
 * - received 2026-09-30: notice runs out 2026-12-30 ≤ 2026-12-31 → the contract ends 2026-12-31;
 * - received 2026-10-01: notice runs out 2027-01-01, too late for this term, so it renews once and ends
 *   2027-12-31 (renewals = 1).
 * Without auto-renewal the contract runs on period by period after its minimum term, so a cancellation
 * then ends it at the first period end after the notice runs out. A contract with an end date that comes
 * sooner keeps it. A cancellation before the start still ends no earlier than the first period's end —
 * voiding a contract that never started is a separate decision for the caller.
 */
export function cancellationEndDate(
  schedule: BillingSchedule,
  terms: ContractTerms,
  receivedOn: string,
): CancellationResult {
  const notice = noticeEnd(receivedOn, terms.noticePeriod);
  const termEnd = termEndOn(schedule.startDate, terms, notice);
  const renewals =
    termEnd === null || terms.renewalTermMonths === null
      ? 0
      : countRenewals(schedule.startDate, terms, termEnd);
  const bound = maxDate(maxDate(notice, termEnd ?? notice), schedule.startDate);
  // The end of the period containing `bound` is the first period end ≥ bound (periods tile the calendar).
  const open: BillingSchedule = { ...schedule, endDate: null };
  let endDate = periodAt(open, periodIndexOn(open, bound))!.end;
  if (schedule.endDate && compareDates(schedule.endDate, endDate) < 0) endDate = schedule.endDate;
  return { endDate, noticeEnd: notice, termEnd, renewals };
}

function countRenewals(startDate: string, terms: ContractTerms, termEnd: string): number {
  const first = terms.minimumTermMonths > 0 ? 0 : 1;
  let j = first;
  while (compareDates(renewedTermEnd(startDate, terms, j), termEnd) < 0) j++;
  return j - first;
}

/**
 * The last day a cancellation can be received to end the contract at `termEnd`: the latest D with
 * D + notice ≤ termEnd. For months, clamping makes several days reach the same end (Jan 28…31 + 1 month
 * all give Feb 28), so step forward to the last of them.
 */
export function cancellationDeadline(terms: ContractTerms, termEnd: string): string {
  const notice = terms.noticePeriod;
  if (notice === null || notice.amount === 0) return termEnd;
  if (notice.unit === 'days') return addDays(termEnd, -notice.amount);
  let deadline = addMonths(termEnd, -notice.amount);
  while (compareDates(noticeEnd(addDays(deadline, 1), notice), termEnd) <= 0) deadline = addDays(deadline, 1);
  return deadline;
}

/** Reports every problem of a contract's terms into `errors`. */
export function checkTerms(terms: ContractTerms, errors: FieldErrors, path = ''): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (
    !Number.isInteger(terms.minimumTermMonths) ||
    terms.minimumTermMonths < 0 ||
    terms.minimumTermMonths > 600
  ) {
    errors.add(at('minimumTermMonths'), 'minimum_term_invalid', 'must be a whole number of months, 0 to 600');
  }
  const notice = terms.noticePeriod;
  if (notice !== null) {
    if (notice.unit !== 'days' && notice.unit !== 'months') {
      errors.add(at('noticePeriod.unit'), 'notice_unit_invalid', 'must be days or months');
    }
    if (!Number.isInteger(notice.amount) || notice.amount < 0 || notice.amount > 3650) {
      errors.add(at('noticePeriod.amount'), 'notice_invalid', 'must be a whole number, 0 to 3650');
    }
  }
  const renewal = terms.renewalTermMonths;
  if (renewal !== null && (!Number.isInteger(renewal) || renewal < 1 || renewal > 600)) {
    errors.add(
      at('renewalTermMonths'),
      'renewal_term_invalid',
      'must be a whole number of months, 1 to 600, or null',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Changes to quantity or price (DOMAIN.md §6)
// ---------------------------------------------------------------------------------------------------------

/** `next_period` (default, no proration — Kill Bill #1661) or `immediate_prorated`. */
export type ChangeTiming = 'next_period' | 'immediate_prorated';

export interface ItemPrice {
  priceModel: PriceModel;
  quantity: string;
  discountPercent?: string;
}

export interface ChangeLine {
  /** `credit` for the unused days at the old price (negative amount), `charge` for them at the new price. */
  kind: 'credit' | 'charge';
  amount: number;
  /** The days the line covers: from the change date to the end of the current period. */
  start: string;
  end: string;
  share: PeriodShare;
}

export interface ChangeOutcome {
  /** First day the new price or quantity applies to. */
  effectiveFrom: string;
  /** Lines to bill now (immediate_prorated only; zero amounts omitted as for period charges). */
  lines: ChangeLine[];
}

/**
 * What a change of price or quantity made on `changeDate` does.
 *
 * - `next_period`: nothing now; the new values apply from the period after the one containing the change
 *   date. On a period's first day that period counts as current, since an in-advance run may already have
 *   billed it at the old price.
 * - `immediate_prorated`: the new values apply from the change date; the unused days of the current
 *   period (change date to period end) are credited at the old price and charged at the new one. The
 *   period itself is (or was, in advance) billed at the old price as usual, so old price + credit + charge
 *   is exactly "old for the used days, new for the rest". Both lines are shares of the full period rounded
 *   cumulatively (pricing.prorate), so credit and used part add up to the period's price.
 *
 * Before the contract starts a change simply applies from the start; in a paused period there is nothing
 * billed to credit, so no lines.
 */
export function changeOutcome(
  schedule: BillingSchedule,
  timing: ChangeTiming,
  changeDate: string,
  from: ItemPrice,
  to: ItemPrice,
): ChangeOutcome {
  const current = periodOn(schedule, changeDate);
  if (compareDates(changeDate, schedule.startDate) < 0 || current === null) {
    return { effectiveFrom: maxDate(changeDate, schedule.startDate), lines: [] };
  }
  if (timing === 'next_period') {
    const next = periodAt({ ...schedule, endDate: null }, current.index + 1)!;
    return { effectiveFrom: next.start, lines: [] };
  }
  if (isPausedOn(schedule, current.start)) return { effectiveFrom: changeDate, lines: [] };
  const share: PeriodShare = {
    from: daysBetween(current.fullStart, changeDate),
    to: current.share.to,
    of: current.share.of,
  };
  const line = (kind: ChangeLine['kind'], price: ItemPrice, sign: number): ChangeLine => ({
    kind,
    amount:
      sign *
      lineAmount(price.priceModel, price.quantity, { discountPercent: price.discountPercent, share }).amount,
    start: changeDate,
    end: current.end,
    share,
  });
  const lines = [line('credit', from, -1), line('charge', to, 1)].filter((l) => l.amount !== 0);
  return { effectiveFrom: changeDate, lines };
}

// ---------------------------------------------------------------------------------------------------------
// Scheduled price changes (DOMAIN.md §6)
// ---------------------------------------------------------------------------------------------------------

export type PriceChange = {
  /** The change applies to every period starting on or after this day. */
  effectiveDate: string;
  /** When the customer was told; kept beside the effective date for the record. */
  announcedOn?: string | null;
} & ({ kind: 'new_price'; priceModel: PriceModel } | { kind: 'percent'; percent: string });

/**
 * Scales a decimal amount by (1 + percent/100), rounded half-up once at the amount's own precision: whole
 * minor units stay whole ('1999' +3 % → '2059'), a sub-cent price keeps its decimals ('0.35' +10 % → '0.39').
 */
function scaleDecimal(value: string, percent: string): string {
  const decimals = (value.split('.')[1] ?? '').length;
  const factor = new Big(1).plus(new Big(percent).div(100));
  return new Big(value).times(factor).round(decimals, Big.roundHalfUp).toFixed(decimals);
}

function scaleTier(tier: PriceTier, percent: string): PriceTier {
  const scaled: PriceTier = { upTo: tier.upTo, unitAmount: scaleDecimal(tier.unitAmount, percent) };
  if (tier.flatAmount !== undefined)
    scaled.flatAmount = Number(scaleDecimal(String(tier.flatAmount), percent));
  return scaled;
}

/** A price model raised (or lowered) by `percent`: every amount in it scaled and rounded once. */
export function adjustPriceByPercent(model: PriceModel, percent: string): PriceModel {
  if (!isDecimalString(percent) || new Big(percent).lte(-100))
    throw new RangeError(`percent '${percent}' must be > −100`);
  switch (model.kind) {
    case 'flat':
      return {
        kind: 'flat',
        amount: roundMinor(new Big(model.amount).times(new Big(1).plus(new Big(percent).div(100)))),
      };
    case 'per_unit':
      return { kind: 'per_unit', unitAmount: scaleDecimal(model.unitAmount, percent) };
    case 'graduated':
    case 'volume':
      return { kind: model.kind, tiers: model.tiers.map((t) => scaleTier(t, percent)) };
  }
}

/**
 * The price in force for a period starting on `periodStart`: the base price with every scheduled change
 * whose effective date is on or before that start applied in effective-date order (DOMAIN.md §6: "from the
 * first period that starts on or after the effective date" — so a change dated exactly on a period's first
 * day applies to that period, and one dated a day later waits for the next). A percentage applies to the
 * price in force at that point, so +5 % twice compounds.
 */
export function priceForPeriod(base: PriceModel, changes: PriceChange[], periodStart: string): PriceModel {
  const applicable = changes
    .map((change, order) => ({ change, order }))
    .filter(({ change }) => compareDates(change.effectiveDate, periodStart) <= 0)
    .sort((a, b) => compareDates(a.change.effectiveDate, b.change.effectiveDate) || a.order - b.order);
  let price = base;
  for (const { change } of applicable) {
    price = change.kind === 'new_price' ? change.priceModel : adjustPriceByPercent(price, change.percent);
  }
  return price;
}

/** Reports every problem of a scheduled price change into `errors`. */
export function checkPriceChange(change: PriceChange, errors: FieldErrors, path = ''): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const effectiveOk = isDate(change.effectiveDate);
  if (!effectiveOk) errors.add(at('effectiveDate'), 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  const announced = change.announcedOn ?? null;
  if (announced !== null) {
    if (!isDate(announced))
      errors.add(at('announcedOn'), 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    else if (effectiveOk && compareDates(announced, change.effectiveDate) > 0) {
      errors.add(at('announcedOn'), 'announced_after_effective', 'must not be after effectiveDate');
    }
  }
  if (change.kind === 'percent') {
    if (!isDecimalString(change.percent) || new Big(change.percent).lte(-100)) {
      errors.add(at('percent'), 'percent_invalid', 'must be a decimal string greater than -100');
    }
  } else if (change.kind === 'new_price') {
    checkPriceModel(change.priceModel, errors, at('priceModel'));
  } else {
    errors.add(at('kind'), 'price_change_invalid', 'must be new_price or percent');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Installment plans (DOMAIN.md §6)
// ---------------------------------------------------------------------------------------------------------

export interface Installment {
  /** 1-based. */
  number: number;
  dueDate: string;
  amount: number;
}

/**
 * Splits a one-time `total` into `count` installments due every `intervalMonths` from `firstDueDate`
 * (dates from the first one, never chained: a Jan 31 plan is due Feb 28, Mar 31, …). The parts are
 * money.allocate's equal split, so they always sum to the total; the leftover minor units go to the
 * earliest installments (100.00 in 3 → 33.34, 33.33, 33.33).
 */
export function installmentPlan(
  total: number,
  count: number,
  firstDueDate: string,
  intervalMonths = 1,
): Installment[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number ≥ 1');
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1)
    throw new RangeError('intervalMonths must be ≥ 1');
  const amounts = allocate(
    total,
    Array.from({ length: count }, () => 1),
  );
  return amounts.map((amount, i) => ({
    number: i + 1,
    dueDate: addMonths(firstDueDate, i * intervalMonths),
    amount,
  }));
}
