import { addDays, compareDates, dateInMonth, daysBetween, monthIndex } from '../billing/dates';
import { contractMrr, type MrrItem, type MrrRates, mrrRates, SMOOTHING_WINDOW_DAYS } from '../billing/mrr';
import { type BillingSchedule, isPausedOn, periodAt, periodIndexOn, periodOn } from '../billing/periods';
import { priceForPeriod, type PriceChange as TermsPriceChange } from '../billing/terms';
import { itemsInForce, scheduleOf } from '../contracts/rules';
import type { Contract, ContractItem, ContractPause, PriceChange } from '../contracts/types';

// MRR after JustOn's metric model (DOMAIN.md §8), derived from a contract's stored history: its item versions
// (startsOn/endsOn), its scheduled price changes, its pauses and its end date. Pure: no database, no clock —
// the same contracts always give the same entries, which is what makes a rebuild give the incremental result
// and any past month reproducible. Amounts are integer minor units of the contract's currency.

/** What MRR needs of a contract (a stored `Contract` fits). */
export type MrrContract = Pick<
  Contract,
  'id' | 'contactId' | 'currency' | 'startDate' | 'endDate' | 'intervalMonths' | 'timing' | 'billingAnchorDay'
> & {
  items: Pick<ContractItem, 'id' | 'priceModel' | 'quantity' | 'discountPercent' | 'startsOn' | 'endsOn'>[];
  priceChanges: Pick<PriceChange, 'itemId' | 'kind' | 'priceModel' | 'percent' | 'effectiveDate'>[];
  pauses: Pick<ContractPause, 'startsOn' | 'endsOn'>[];
};

function termsChange(change: MrrContract['priceChanges'][number]): TermsPriceChange {
  return change.kind === 'new_price'
    ? { kind: 'new_price', priceModel: change.priceModel!, effectiveDate: change.effectiveDate }
    : { kind: 'percent', percent: change.percent!, effectiveDate: change.effectiveDate };
}

/**
 * A contract's MRR on `day` (DOMAIN.md §8): the recurring items in force that day, each at the price in force
 * for the billing period containing the day (scheduled price changes apply from the first period starting
 * on or after their effective date, as billing applies them), normalised to a month by billing/mrr.contractMrr
 * (net per interval after the item's recurring discount ÷ months of the interval, rounded once per contract).
 *
 * 0 before the start, after the end date, and in a paused period (a period whose first day lies in a pause
 * is not billed, DOMAIN.md §6, so it earns nothing). Contract items are all recurring: one-time amounts
 * (installment plans, proration charges) are contract charges, not items, and never count.
 */
export function contractMrrOn(contract: MrrContract, day: string): number {
  const schedule = scheduleOf(contract, contract.pauses);
  const period = periodOn(schedule, day);
  if (period === null || isPausedOn(schedule, period.start)) return 0;
  const changes = contract.priceChanges.map((change) => ({
    itemId: change.itemId,
    terms: termsChange(change),
  }));
  return memoisedContractMrr(
    itemsInForce(contract.items, day).map((item) => {
      const own = changes.filter((c) => c.itemId === null || c.itemId === item.id).map((c) => c.terms);
      return {
        kind: 'recurring' as const,
        priceModel: own.length === 0 ? item.priceModel : priceForPeriod(item.priceModel, own, period.start),
        quantity: item.quantity,
        discountPercent: item.discountPercent ?? undefined,
        intervalMonths: contract.intervalMonths,
      };
    }),
  );
}

// A rebuild prices every contract on each of its change days, and contracts of one plan price alike: the MRR of
// a list of items is remembered by everything it depends on (price models as JSON, quantities, discounts,
// interval), so the decimal arithmetic runs once per distinct combination. Bounded: cleared when full.
const modelText = new WeakMap<object, string>();
const mrrOfItems = new Map<string, number>();
const MRR_MEMO_LIMIT = 50_000;

function memoisedContractMrr(items: MrrItem[]): number {
  let key = '';
  for (const item of items) {
    let text = modelText.get(item.priceModel);
    if (text === undefined) {
      text = JSON.stringify(item.priceModel);
      modelText.set(item.priceModel, text);
    }
    key += `${text}*${item.quantity}*${item.discountPercent ?? ''}*${item.intervalMonths}|`;
  }
  let mrr = mrrOfItems.get(key);
  if (mrr === undefined) {
    mrr = contractMrr(items);
    if (mrrOfItems.size >= MRR_MEMO_LIMIT) mrrOfItems.clear();
    mrrOfItems.set(key, mrr);
  }
  return mrr;
}

/** The first billing period start on or after `day` (the grid continues past an end date). */
function firstPeriodStartFrom(schedule: BillingSchedule, day: string): string {
  const open = { ...schedule, endDate: null, pauses: [] };
  if (compareDates(day, schedule.startDate) <= 0) return schedule.startDate;
  const index = periodIndexOn(open, day);
  const period = periodAt(open, index)!;
  return compareDates(period.start, day) >= 0 ? period.start : periodAt(open, index + 1)!.start;
}

/**
 * Every day on which a contract's MRR can change: its start, the day after its end, each item version's first
 * day and the day after its last, the first period start on or after each price change's effective date, and
 * the first period starts inside and after each pause. Between two of these days nothing the MRR depends on
 * moves, so evaluating the MRR on them gives its whole history.
 */
export function mrrChangeDays(contract: MrrContract): string[] {
  const schedule = scheduleOf(contract);
  const days = new Set<string>([contract.startDate]);
  if (contract.endDate) days.add(addDays(contract.endDate, 1));
  for (const item of contract.items) {
    if (item.startsOn) days.add(item.startsOn);
    if (item.endsOn) days.add(addDays(item.endsOn, 1));
  }
  for (const change of contract.priceChanges) days.add(firstPeriodStartFrom(schedule, change.effectiveDate));
  for (const pause of contract.pauses) {
    days.add(firstPeriodStartFrom(schedule, pause.startsOn));
    if (pause.endsOn) days.add(firstPeriodStartFrom(schedule, addDays(pause.endsOn, 1)));
  }
  const last = contract.endDate ? addDays(contract.endDate, 1) : null;
  // `YYYY-MM-DD` text (four-digit years, from date columns) orders like the dates: no parsing in the sort
  return [...days].filter((day) => day >= contract.startDate && (last === null || day <= last)).sort();
}

/** A contract's MRR from `date` on. */
export interface MrrStep {
  date: string;
  mrr: number;
}

/** The steps of a contract's MRR: one per day it changes, in date order (a step to the same value is none). */
export function contractMrrHistory(contract: MrrContract): MrrStep[] {
  const steps: MrrStep[] = [];
  let previous = 0;
  for (const date of mrrChangeDays(contract)) {
    const mrr = contractMrrOn(contract, date);
    if (mrr === previous) continue;
    steps.push({ date, mrr });
    previous = mrr;
  }
  return steps;
}

/** How a burst of a customer's changes moved its MRR (in one currency), as the monthly report counts it. */
export const MRR_MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MrrMovement = (typeof MRR_MOVEMENTS)[number];

/**
 * One change of a contract's MRR (DOMAIN.md §8, JustOn's metric entry), with what the change did to its
 * customer. Amounts in minor units of `currency`.
 */
export interface MrrEntry {
  /**
   * `mre_<YYYYMMDD>_<contract id>`: derived from what the entry is (a contract's change on a day), so a
   * rebuild gives every entry its old id, and ids sort by date (the list's order and cursor).
   */
  id: string;
  contractId: string;
  contactId: string;
  currency: string;
  /** The day the new MRR applies from. */
  date: string;
  /** The contract's MRR before. */
  previous: number;
  change: number;
  /** previous + change */
  actual: number;
  /** `actual` when `date` is the start of the customer's first contract, else 0. */
  initial: number;
  /** `change` when positive, else 0. */
  expansion: number;
  /** |change| when negative, else 0. */
  churn: number;
  /**
   * The customer's changes merged (DOMAIN.md §8): consecutive changes of the customer's contracts in this
   * currency within two days of the first of them — and in the same calendar month — form one group, whose
   * sum stands on its last entry (0 on the others). −50 then +70 a day later reads +20.
   */
  smoothChange: number;
  /** On the last entry of a group: what the group did to the customer; null on the others and when it nets out. */
  movement: MrrMovement | null;
  /** The amount of `movement` (≥ 0): new or reactivated MRR, the expansion, contraction, or MRR churned. */
  movementAmount: number;
  /** The customer's MRR in this currency (all its contracts) after this entry. */
  customerMrr: number;
}

const compactDate = (date: string) => date.replaceAll('-', '');

/** The id of a contract's entry on `date` (see MrrEntry.id). */
export const mrrEntryId = (contractId: string, date: string) => `mre_${compactDate(date)}_${contractId}`;

/**
 * The metric entries of one customer: its contracts' MRR histories turned into entries, then — per currency,
 * over all its contracts in date order — grouped by the smoothing window and classified.
 *
 * Smoothing is per customer because the case it exists for, "cancel and order again the next day" (−50 then
 * +70 → +20), is usually two contracts. A group never spans a month end, so the movements of a month always
 * add up to the month's MRR change (the report's balance: end = start + new + expansion + reactivation −
 * contraction − churn); a group on Jan 31 and Feb 1 is two groups.
 *
 * A group's movement compares the customer's MRR before and after it: from 0 to more is `new` the first time
 * (the customer never had MRR in this currency after an earlier group) and `reactivation` after that; to 0
 * is `churn` (of what it had); otherwise `expansion` or `contraction` by the difference. A group that starts
 * and ends at the same MRR is no movement — its smoothChange is 0.
 */
export function customerMrrEntries(contracts: readonly MrrContract[]): MrrEntry[] {
  if (contracts.length === 0) return [];
  const contactId = contracts[0]!.contactId;
  if (contracts.some((c) => c.contactId !== contactId))
    throw new RangeError('contracts of one customer only');
  const firstStart = contracts.map((c) => c.startDate).sort()[0]!;
  const byCurrency = new Map<string, MrrEntry[]>();
  for (const contract of contracts) {
    let previous = 0;
    for (const step of contractMrrHistory(contract)) {
      const change = step.mrr - previous;
      const entry: MrrEntry = {
        id: mrrEntryId(contract.id, step.date),
        contractId: contract.id,
        contactId,
        currency: contract.currency,
        date: step.date,
        previous,
        change,
        actual: step.mrr,
        initial: step.date === firstStart ? step.mrr : 0,
        expansion: Math.max(change, 0),
        churn: Math.max(-change, 0),
        smoothChange: 0,
        movement: null,
        movementAmount: 0,
        customerMrr: 0,
      };
      const list = byCurrency.get(contract.currency);
      if (list) list.push(entry);
      else byCurrency.set(contract.currency, [entry]);
      previous = step.mrr;
    }
  }
  const all: MrrEntry[] = [];
  for (const entries of byCurrency.values()) {
    // ids sort by date, then contract: the customer's chain in order
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    classify(entries);
    all.push(...entries);
  }
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function classify(entries: MrrEntry[]): void {
  let customerMrr = 0;
  let everActive = false;
  let start = 0;
  while (start < entries.length) {
    const anchor = entries[start]!;
    let end = start + 1;
    while (
      end < entries.length &&
      entries[end]!.date.slice(0, 7) === anchor.date.slice(0, 7) &&
      daysBetween(anchor.date, entries[end]!.date) <= SMOOTHING_WINDOW_DAYS
    ) {
      end++;
    }
    const before = customerMrr;
    for (let i = start; i < end; i++) {
      customerMrr += entries[i]!.change;
      entries[i]!.customerMrr = customerMrr;
    }
    const last = entries[end - 1]!;
    last.smoothChange = customerMrr - before;
    if (before === 0 && customerMrr > 0) {
      last.movement = everActive ? 'reactivation' : 'new';
      last.movementAmount = customerMrr;
    } else if (before > 0 && customerMrr === 0) {
      last.movement = 'churn';
      last.movementAmount = before;
    } else if (customerMrr > before) {
      last.movement = 'expansion';
      last.movementAmount = customerMrr - before;
    } else if (customerMrr < before) {
      last.movement = 'contraction';
      last.movementAmount = before - customerMrr;
    }
    if (customerMrr > 0) everActive = true;
    start = end;
  }
}

/** The rates of DOMAIN.md §8 for one entry (billing/mrr.mrrRates: 4-decimal fractions, null for ÷ 0). */
export function entryRates(entry: Pick<MrrEntry, 'previous' | 'change' | 'actual' | 'churn'>): MrrRates {
  return mrrRates(entry);
}

// ---------------------------------------------------------------------------------------------------------
// Monthly figures: what the report reads (stored per organisation, currency and month)
// ---------------------------------------------------------------------------------------------------------

/** The movements of one currency in one calendar month. Sums of entries; counts of customers. */
export interface MonthlyMrrFigures {
  /** Sum of the entries' changes: the month's net MRR change. */
  change: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
}

export const MONTHLY_FIELDS = [
  'change',
  'new',
  'expansion',
  'contraction',
  'churn',
  'reactivation',
  'newCustomers',
  'reactivatedCustomers',
  'churnedCustomers',
] as const satisfies readonly (keyof MonthlyMrrFigures)[];

export const emptyFigures = (): MonthlyMrrFigures => ({
  change: 0,
  new: 0,
  expansion: 0,
  contraction: 0,
  churn: 0,
  reactivation: 0,
  newCustomers: 0,
  reactivatedCustomers: 0,
  churnedCustomers: 0,
});

export interface MonthlyMrrRow extends MonthlyMrrFigures {
  currency: string;
  /** First day of the month, `YYYY-MM-01`. */
  month: string;
}

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** The monthly figures a set of entries contributes, keyed by currency and month, in that order. */
export function monthlyFigures(
  entries: readonly Pick<MrrEntry, 'currency' | 'date' | 'change' | 'movement' | 'movementAmount'>[],
): MonthlyMrrRow[] {
  const rows = new Map<string, MonthlyMrrRow>();
  for (const entry of entries) {
    const month = monthOf(entry.date);
    const key = `${entry.currency}|${month}`;
    let row = rows.get(key);
    if (!row) {
      row = { currency: entry.currency, month, ...emptyFigures() };
      rows.set(key, row);
    }
    row.change += entry.change;
    switch (entry.movement) {
      case null:
        break;
      case 'new':
        row.new += entry.movementAmount;
        row.newCustomers += 1;
        break;
      case 'reactivation':
        row.reactivation += entry.movementAmount;
        row.reactivatedCustomers += 1;
        break;
      case 'churn':
        row.churn += entry.movementAmount;
        row.churnedCustomers += 1;
        break;
      case 'expansion':
        row.expansion += entry.movementAmount;
        break;
      case 'contraction':
        row.contraction += entry.movementAmount;
        break;
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * What applying `after` in place of `before` changes in the monthly figures: one row per currency and month
 * that moves, with the differences (rows that do not move are left out). Sorted, so concurrent writers
 * update the shared monthly rows in one order.
 */
export function figureDeltas(
  before: readonly MonthlyMrrRow[],
  after: readonly MonthlyMrrRow[],
): MonthlyMrrRow[] {
  const deltas = new Map<string, MonthlyMrrRow>();
  const add = (row: MonthlyMrrRow, sign: 1 | -1) => {
    const key = `${row.currency}|${row.month}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = { currency: row.currency, month: row.month, ...emptyFigures() };
      deltas.set(key, delta);
    }
    for (const field of MONTHLY_FIELDS) delta[field] += sign * row[field];
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...deltas.entries()]
    .filter(([, d]) => MONTHLY_FIELDS.some((field) => d[field] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

// ---------------------------------------------------------------------------------------------------------
// The report: MRR at each period end and the period's movements, per currency
// ---------------------------------------------------------------------------------------------------------

export const REPORT_INTERVALS = ['month', 'quarter', 'year'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];
const INTERVAL_MONTHS: Record<ReportInterval, number> = { month: 1, quarter: 3, year: 12 };

/** One period of the MRR report in one currency. Amounts in minor units; rates as 4-decimal strings. */
export interface MrrReportRow {
  currency: string;
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string;
  periodStart: string;
  periodEnd: string;
  /** MRR on the last day of the period before (the period's opening balance). */
  startingMrr: number;
  /** MRR on the period's last day. */
  mrr: number;
  /** 12 × mrr */
  arr: number;
  /** Customers with MRR > 0 in this currency on the day before the period. */
  startingCustomers: number;
  /** Customers with MRR > 0 in this currency on the period's last day. */
  customers: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  /** mrr − startingMrr = new + expansion + reactivation − contraction − churn */
  netChange: number;
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
  /** netChange / startingMrr */
  growthRate: string | null;
  /** (contraction + churn) / mrr — JustOn's churn / actual */
  grossChurnRate: string | null;
  /** netChange / mrr — JustOn's change / actual (negative when MRR shrank) */
  netChurnRate: string | null;
  /** 1 − grossChurnRate */
  retentionRate: string | null;
}

export interface ReportPeriod {
  label: string;
  start: string;
  end: string;
  /** monthIndex of the first and last month. */
  firstMonth: number;
  lastMonth: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
// four-digit years, and a month's last day without stepping into the next month: a range may name any date
// from 0001-01-01 to 9999-12-31 (a typo such as 0202 for 2020 included) and must not end in a 500
const monthStart = (index: number) => dateInMonth(index, 1);
const monthEnd = (index: number) => dateInMonth(index, 31);

/** The calendar periods from the one containing `from` to the one containing `to`. */
export function reportPeriods(from: string, to: string, interval: ReportInterval): ReportPeriod[] {
  const size = INTERVAL_MONTHS[interval];
  const first = Math.floor(monthIndex(from) / size) * size;
  const last = Math.floor(monthIndex(to) / size) * size;
  const periods: ReportPeriod[] = [];
  for (let m = first; m <= last; m += size) {
    const year = String(Math.floor(m / 12)).padStart(4, '0');
    const label =
      interval === 'month'
        ? `${year}-${pad2((m % 12) + 1)}`
        : interval === 'quarter'
          ? `${year}-Q${(m % 12) / 3 + 1}`
          : String(year);
    periods.push({
      label,
      start: monthStart(m),
      end: monthEnd(m + size - 1),
      firstMonth: m,
      lastMonth: m + size - 1,
    });
  }
  return periods;
}

/**
 * The MRR report from the stored monthly figures: per currency (the organisation's own first, always present,
 * then the others that have figures, alphabetically) and period, the balances (cumulative sums of every
 * earlier month) and the period's movements. `monthly` must hold every month up to the last period's end.
 */
export function mrrReport(
  monthly: readonly MonthlyMrrRow[],
  periods: readonly ReportPeriod[],
  organizationCurrency: string,
): MrrReportRow[] {
  const currencies = [...new Set(monthly.map((r) => r.currency))]
    .filter((c) => c !== organizationCurrency)
    .sort();
  const rows: MrrReportRow[] = [];
  for (const currency of [organizationCurrency, ...currencies]) {
    const months = monthly
      .filter((r) => r.currency === currency)
      .map((r) => ({ index: monthIndex(r.month), row: r }))
      .sort((a, b) => a.index - b.index);
    let mrr = 0;
    let customers = 0;
    let next = 0;
    const take = (untilMonth: number) => {
      const sum = emptyFigures();
      while (next < months.length && months[next]!.index <= untilMonth) {
        const row = months[next]!.row;
        for (const field of MONTHLY_FIELDS) sum[field] += row[field];
        next++;
      }
      return sum;
    };
    if (periods.length > 0) {
      const opening = take(periods[0]!.firstMonth - 1);
      mrr = opening.change;
      customers = opening.newCustomers + opening.reactivatedCustomers - opening.churnedCustomers;
    }
    for (const period of periods) {
      const f = take(period.lastMonth);
      const startingMrr = mrr;
      const startingCustomers = customers;
      mrr += f.change;
      customers += f.newCustomers + f.reactivatedCustomers - f.churnedCustomers;
      const rates = mrrRates({
        previous: startingMrr,
        change: f.change,
        actual: mrr,
        churn: f.contraction + f.churn,
      });
      rows.push({
        currency,
        period: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        startingMrr,
        mrr,
        arr: 12 * mrr,
        startingCustomers,
        customers,
        new: f.new,
        expansion: f.expansion,
        contraction: f.contraction,
        churn: f.churn,
        reactivation: f.reactivation,
        netChange: f.change,
        newCustomers: f.newCustomers,
        reactivatedCustomers: f.reactivatedCustomers,
        churnedCustomers: f.churnedCustomers,
        growthRate: rates.growth,
        grossChurnRate: rates.grossChurnRate,
        netChurnRate: rates.netChurnRate,
        retentionRate: rates.retention,
      });
    }
  }
  return rows;
}
