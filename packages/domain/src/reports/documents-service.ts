import { addDays, daysBetween, isDate, monthIndex } from '../billing/dates';
import type { Ctx } from '../context';
import { FieldErrors } from '../errors';
import { openAmount } from '../payments/rules';
import { collectedByRate, foldCash } from './collected';
import { type Cell, csvLine, toCsv } from './csv';
import {
  type AgingContactRow,
  type AgingTotal,
  agingReport,
  foldTaxRows,
  type RevenueRow,
  revenueRows,
  type VatReportRow,
  type VatReportTotal,
  vatReport,
} from './documents';
import { REPORT_INTERVALS, type ReportInterval, reportPeriods } from './mrr';
import { checkCurrency, FIRST_DAY, onSnapshot, reportContext, resolveRange } from './range';
import * as repo from './repo';

// Reports read from issued documents (issue 7, items 2–4). Issued documents never change (GoBD), so these
// figures are reproducible for any past period; corrections arrive as new documents in their own period.

const INTERVAL_MONTHS: Record<ReportInterval, number> = { month: 1, quarter: 3, year: 12 };

function checkInterval(interval: ReportInterval, errors: FieldErrors): void {
  if (!REPORT_INTERVALS.includes(interval))
    errors.add('query.interval', 'value_not_allowed', `must be one of ${REPORT_INTERVALS.join(', ')}`);
}

/** The calendar period (month, quarter or year) before the one containing `today`. */
function previousPeriod(today: string, interval: ReportInterval): { from: string; to: string } {
  const size = INTERVAL_MONTHS[interval];
  const first = Math.floor(monthIndex(today) / size) * size - size;
  const from = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}-01`;
  const next = first + size;
  const to = addDays(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`, -1);
  return { from, to };
}

// ---------------------------------------------------------------------------------------------------------
// VAT
// ---------------------------------------------------------------------------------------------------------

export interface VatReportQuery {
  /** Default (with `to`): the previous period of `interval` before today. */
  from?: string;
  to?: string;
  interval?: ReportInterval;
  /** Which day puts an invoice into a period (default `issue_date`; see repo.DateBasis). */
  dateBasis?: repo.DateBasis;
  currency?: string;
}

export interface VatReport {
  from: string;
  to: string;
  interval: ReportInterval;
  dateBasis: repo.DateBasis;
  /** Net and VAT per currency, period, VAT category and rate. */
  data: VatReportRow[];
  /** Per currency and period: the figures a return is filled from. */
  totals: VatReportTotal[];
}

/**
 * The VAT report (DOMAIN.md §5, issue 7 item 4): net and VAT of every issued invoice, corrected invoice,
 * credit note and cancellation (those two negative) per period, VAT category and rate, from the VAT breakdown
 * each document was issued with — so the report and the documents always agree to the cent. Pro-formas,
 * quotes and drafts are no supplies and never count. Amounts stay in the document's currency: a return is
 * filed in EUR, and converting another currency (UStG §16(6)) is the filer's step, so those rows come apart.
 */
export async function vat(ctx: Ctx, query: VatReportQuery = {}): Promise<VatReport> {
  const { organization, today } = await reportContext(ctx);
  const errors = new FieldErrors();
  const interval = query.interval ?? 'month';
  const dateBasis = query.dateBasis ?? 'issue_date';
  checkInterval(interval, errors);
  if (dateBasis !== 'issue_date' && dateBasis !== 'supply_date')
    errors.add('query.dateBasis', 'value_not_allowed', 'must be issue_date or supply_date');
  checkCurrency(query.currency, errors);
  const defaulted =
    query.from === undefined && query.to === undefined && REPORT_INTERVALS.includes(interval)
      ? previousPeriod(today, interval)
      : query;
  const range = resolveRange(defaulted, today, 1, errors);
  errors.throwIfAny();
  const { from, to } = range!;
  const periods = reportPeriods(from, to, interval);
  // whole periods, as the other reports: a period's row always covers all of the period
  const months = await repo.taxMonths(ctx, {
    from: periods[0]!.start,
    to: periods[periods.length - 1]!.end,
    basis: dateBasis,
    currency: query.currency,
  });
  const rows = foldTaxRows(months, periods, organization.currency);
  const { data, totals } = vatReport(rows, {
    sellerCountry: organization.address?.country ?? '',
    currency: organization.currency,
  });
  return { from, to, interval, dateBasis, data, totals };
}

export const VAT_REPORT_COLUMNS = [
  'currency',
  'period',
  'periodStart',
  'periodEnd',
  'category',
  'rate',
  'net',
  'tax',
  'gross',
  'documents',
  'elsterNetField',
  'elsterTaxField',
] as const satisfies readonly (keyof VatReportRow)[];

export function vatCsv(report: VatReport): string {
  return toCsv(VAT_REPORT_COLUMNS, report.data);
}

// ---------------------------------------------------------------------------------------------------------
// Revenue
// ---------------------------------------------------------------------------------------------------------

export interface RevenueReportQuery {
  from?: string;
  to?: string;
  interval?: ReportInterval;
  currency?: string;
}

export interface RevenueReport {
  from: string;
  to: string;
  interval: ReportInterval;
  data: RevenueRow[];
}

/**
 * Revenue per period: invoiced (issue date) and collected (the day money moved), per currency.
 *
 * - Invoiced: net, VAT and gross of issued invoices and corrected invoices less credit notes and
 *   cancellations, by VAT category and rate.
 * - Collected: succeeded payments less refunds by `paidAt` in the organisation's time zone; of it, the money
 *   on invoices split by the invoices' VAT rates (collected.collectedByRate: in proportion to what each
 *   invoice owes by rate, cumulatively), and the rest — what went into or came out of customers' credit
 *   balances.
 *
 * Default range: the 12 months up to today.
 */
export async function revenue(ctx: Ctx, query: RevenueReportQuery = {}): Promise<RevenueReport> {
  const { organization, today } = await reportContext(ctx);
  const errors = new FieldErrors();
  const interval = query.interval ?? 'month';
  checkInterval(interval, errors);
  checkCurrency(query.currency, errors);
  const range = resolveRange(query, today, 12, errors);
  errors.throwIfAny();
  const { from, to } = range!;
  const periods = reportPeriods(from, to, interval);
  // whole periods: a period is either in the report with all its documents and money or not at all
  const span = {
    from: periods[0]!.start,
    to: periods[periods.length - 1]!.end,
    timeZone: organization.timezone,
    currency: query.currency,
  };
  const { months, cash, money } = await onSnapshot(ctx, async (tx) => ({
    months: await repo.taxMonths(tx, { ...span, basis: 'issue_date' }),
    cash: await repo.collectedMonths(tx, span),
    money: await repo.invoiceMoney(tx, span),
  }));
  const currency = query.currency ?? organization.currency;
  const rows = foldTaxRows(months, periods, currency);
  const collected = {
    cash: foldCash(cash, periods),
    byRate: foldTaxRows(collectedByRate(money, span.from, span.to), periods, currency),
  };
  return { from, to, interval, data: revenueRows(rows, periods, currency, collected) };
}

export const REVENUE_CSV_COLUMNS = [
  'currency',
  'period',
  'periodStart',
  'periodEnd',
  'category',
  'rate',
  'net',
  'tax',
  'gross',
  'collectedNet',
  'collectedTax',
  'collected',
] as const;

/**
 * One line per currency, period, category and rate, and per period a line without category and rate for the
 * collected money that went to (or came from) credit balances, when there was any: a period's totals are the
 * sums of its lines.
 */
export function revenueCsv(report: RevenueReport): string {
  let out = csvLine(REVENUE_CSV_COLUMNS);
  for (const row of report.data) {
    for (const rate of row.byTaxRate) {
      const cells: Record<(typeof REVENUE_CSV_COLUMNS)[number], Cell> = { ...row, ...rate };
      out += csvLine(REVENUE_CSV_COLUMNS.map((c) => cells[c]));
    }
    if (row.collectedToCreditBalance !== 0) {
      const cells: Partial<Record<(typeof REVENUE_CSV_COLUMNS)[number], Cell>> = {
        currency: row.currency,
        period: row.period,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        collected: row.collectedToCreditBalance,
      };
      out += csvLine(REVENUE_CSV_COLUMNS.map((c) => cells[c]));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Receivables aging
// ---------------------------------------------------------------------------------------------------------

export interface AgingReportQuery {
  /** The day the aging is taken on (default today on the organisation's clock). */
  asOf?: string;
  currency?: string;
  /** The days of invoicing DSO compares the receivables with (default 90). */
  dsoDays?: number;
}

export interface AgingReport {
  /** The day the buckets are counted on: `asOf`, default today on the organisation's clock. */
  asOf: string;
  dsoDays: number;
  /** Per currency and contact, largest open total first. */
  data: AgingContactRow[];
  /** Per currency (the organisation's always): the buckets summed, and DSO. */
  totals: AgingTotal[];
}

/** The first day of the DSO window: the `dsoDays` days ending on `asOf`, none of them before the first day there is. */
function dsoSince(asOf: string, dsoDays: number): string {
  return daysBetween(FIRST_DAY, asOf) < dsoDays - 1 ? FIRST_DAY : addDays(asOf, -(dsoDays - 1));
}

/**
 * Receivables aging (issue 7 item 3) as of a day — today unless `asOf` names another: what each contact owed
 * at the end of that day on invoices issued by then and not cancelled by then — the amount due less the
 * credit notes issued by then less the money that moved on the invoice by then (payments, less refunds that
 * reopened it; payments/rules.openAmount) — bucketed by days past the due date on that day, with DSO per
 * currency over the `dsoDays` days ending then. It is taken from each invoice as it stands now with what
 * happened after that day undone, so today's aging agrees with the invoices' `amountOpen` to the cent.
 */
export async function receivablesAging(ctx: Ctx, query: AgingReportQuery = {}): Promise<AgingReport> {
  const { organization, today } = await reportContext(ctx);
  const errors = new FieldErrors();
  if (query.asOf !== undefined && !isDate(query.asOf))
    errors.add('query.asOf', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  checkCurrency(query.currency, errors);
  const dsoDays = query.dsoDays ?? 90;
  if (!Number.isInteger(dsoDays) || dsoDays < 1 || dsoDays > 730)
    errors.add('query.dsoDays', 'dso_days_invalid', 'must be a whole number of days from 1 to 730');
  errors.throwIfAny();
  const asOf = query.asOf ?? today;
  const { rows, sales } = await onSnapshot(ctx, async (tx) => ({
    rows: await repo.receivablesAsOf(tx, asOf, organization.timezone, query.currency),
    sales: await repo.invoicedGross(tx, dsoSince(asOf, dsoDays), asOf),
  }));
  const open = rows
    .map((row) => ({
      contactId: row.contact_id,
      contactName: row.contact_name ?? '',
      currency: row.currency,
      dueDate: row.due_date,
      open: openAmount({
        type: row.type,
        // the query keeps only invoices issued and not cancelled on asOf
        status: 'finalized',
        amountDue: Number(row.amount_due),
        amountCredited: Number(row.amount_credited) - Number(row.credited_after),
        amountPaid: Number(row.amount_paid) - Number(row.paid_after),
      }),
    }))
    .filter((invoice) => invoice.open > 0);
  const { data, totals } = agingReport(open, asOf, sales, dsoDays, query.currency ?? organization.currency);
  return { asOf, dsoDays, data, totals };
}

export const AGING_CSV_COLUMNS = [
  'currency',
  'contactId',
  'contactName',
  'current',
  'days1To30',
  'days31To60',
  'days61To90',
  'over90',
  'total',
  'invoices',
  'oldestDueDate',
] as const satisfies readonly (keyof AgingContactRow)[];

export function agingCsv(report: AgingReport): string {
  return toCsv(AGING_CSV_COLUMNS, report.data);
}
