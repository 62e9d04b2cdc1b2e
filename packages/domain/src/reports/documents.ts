import Big from 'big.js';
import { daysBetween, monthIndex } from '../billing/dates';
import type { TaxCategory } from '../documents/types';
import type { ReportPeriod } from './mrr';

// The pure half of the reports read from issued documents (issue 7, items 2–4): VAT and revenue by period,
// category and rate, and receivables aging with DSO. The services load sums per currency and month (or the
// open invoices); the periods, buckets and ratios are computed here. Amounts in minor units of one currency:
// nothing here adds two currencies.

/** The sums of one currency, month, VAT category and rate, as the SQL returns them. */
export interface TaxMonthRow {
  currency: string;
  /** `YYYY-MM-01` */
  month: string;
  category: TaxCategory;
  /** Percent as stored on the document ('19', '7', '0'). */
  rate: string;
  net: number;
  tax: number;
  /** Documents contributing (each counted once per category and rate). */
  documents: number;
}

/** '19.00' and '19' are one rate. */
export const normaliseRate = (rate: string) => new Big(rate).toString();

export interface TaxPeriodRow {
  currency: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  category: TaxCategory;
  rate: string;
  net: number;
  tax: number;
  gross: number;
  documents: number;
}

const CATEGORY_ORDER: TaxCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

/**
 * Folds monthly sums into the report's periods: one row per currency (the organisation's first), period,
 * category and rate, in that order (rates high to low within a category). Months outside the periods are
 * ignored.
 */
export function foldTaxRows(
  months: readonly TaxMonthRow[],
  periods: readonly ReportPeriod[],
  organizationCurrency: string,
): TaxPeriodRow[] {
  const rows = new Map<string, TaxPeriodRow>();
  for (const m of months) {
    const index = monthIndex(m.month);
    const period = periods.find((p) => index >= p.firstMonth && index <= p.lastMonth);
    if (!period) continue;
    const rate = normaliseRate(m.rate);
    const key = `${m.currency}|${period.label}|${m.category}|${rate}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        currency: m.currency,
        period: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        category: m.category,
        rate,
        net: 0,
        tax: 0,
        gross: 0,
        documents: 0,
      };
      rows.set(key, row);
    }
    row.net += m.net;
    row.tax += m.tax;
    row.gross += m.net + m.tax;
    row.documents += m.documents;
  }
  const currencyRank = (c: string) => (c === organizationCurrency ? '' : c);
  return [...rows.values()].sort(
    (a, b) =>
      currencyRank(a.currency).localeCompare(currencyRank(b.currency)) ||
      a.periodStart.localeCompare(b.periodStart) ||
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      new Big(b.rate).cmp(new Big(a.rate)),
  );
}

// ---------------------------------------------------------------------------------------------------------
// VAT: the German advance return (Umsatzsteuer-Voranmeldung)
// ---------------------------------------------------------------------------------------------------------

/**
 * The field (Kennzahl) of the German advance VAT return a row's net amount belongs in, for a German seller
 * reporting in EUR (form USt 1 A): 81 and 86 the bases at 19 % and 7 %; 35 (with its tax in 36) other rates —
 * e.g. 16 % and 5 % of 2020; 87 the 0 % rate of §12(3) UStG; 41 intra-EU supplies of goods to buyers with a
 * VAT id (§4 Nr. 1b); 21 services taxed where the EU buyer is (§3a(2), reported under §18b); 43 further
 * exempt supplies with input-tax deduction (exports, §4 Nr. 1a); 48 exempt supplies without it; 45 supplies
 * not taxable in Germany. Null where no field applies (another currency or seller country).
 */
export function elsterField(category: TaxCategory, rate: string): { net: string; tax: string | null } | null {
  switch (category) {
    case 'S': {
      const r = normaliseRate(rate);
      if (r === '19') return { net: '81', tax: null };
      if (r === '7') return { net: '86', tax: null };
      return { net: '35', tax: '36' };
    }
    case 'Z':
      return { net: '87', tax: null };
    case 'K':
      return { net: '41', tax: null };
    case 'AE':
      return { net: '21', tax: null };
    case 'G':
      return { net: '43', tax: null };
    case 'E':
      return { net: '48', tax: null };
    case 'O':
      return { net: '45', tax: null };
  }
}

export interface VatReportRow extends TaxPeriodRow {
  /** USt 1 A field of the net amount (German seller, EUR), else null. */
  elsterNetField: string | null;
  /** USt 1 A field of the tax where the form asks for it (other rates: 36), else null. */
  elsterTaxField: string | null;
}

/** The figures of one currency and period that a return is filled from. */
export interface VatReportTotal {
  currency: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Every category. */
  net: number;
  /** The output VAT owed (category S). */
  vat: number;
  /** S: taxable at a positive rate. */
  taxableNet: number;
  /** Z: taxable at 0 %. */
  zeroRatedNet: number;
  /** AE: reverse charge — the buyer owes the VAT (also the figure of the EC Sales List). */
  reverseChargeNet: number;
  /** K: exempt intra-EU supplies of goods (also the figure of the EC Sales List). */
  intraEuSuppliesNet: number;
  /** G: exports outside the EU. */
  exportNet: number;
  /** E: exempt. */
  exemptNet: number;
  /** O: not subject to VAT here. */
  notSubjectNet: number;
}

const TOTAL_FIELD: Record<TaxCategory, keyof VatReportTotal> = {
  S: 'taxableNet',
  Z: 'zeroRatedNet',
  AE: 'reverseChargeNet',
  K: 'intraEuSuppliesNet',
  G: 'exportNet',
  E: 'exemptNet',
  O: 'notSubjectNet',
};

/** The rows with their return fields, and one total per currency and period. */
export function vatReport(
  rows: readonly TaxPeriodRow[],
  german: { sellerCountry: string; currency: string },
): { data: VatReportRow[]; totals: VatReportTotal[] } {
  const data = rows.map((row): VatReportRow => {
    const field =
      german.sellerCountry === 'DE' && row.currency === 'EUR' ? elsterField(row.category, row.rate) : null;
    return { ...row, elsterNetField: field?.net ?? null, elsterTaxField: field?.tax ?? null };
  });
  const totals = new Map<string, VatReportTotal>();
  for (const row of rows) {
    const key = `${row.currency}|${row.period}`;
    let total = totals.get(key);
    if (!total) {
      total = {
        currency: row.currency,
        period: row.period,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        net: 0,
        vat: 0,
        taxableNet: 0,
        zeroRatedNet: 0,
        reverseChargeNet: 0,
        intraEuSuppliesNet: 0,
        exportNet: 0,
        exemptNet: 0,
        notSubjectNet: 0,
      };
      totals.set(key, total);
    }
    total.net += row.net;
    total.vat += row.tax;
    (total[TOTAL_FIELD[row.category]] as number) += row.net;
  }
  return { data, totals: [...totals.values()] };
}

// ---------------------------------------------------------------------------------------------------------
// Revenue
// ---------------------------------------------------------------------------------------------------------

export interface RevenueRateRow {
  category: TaxCategory;
  rate: string;
  net: number;
  tax: number;
  gross: number;
  /** Money on invoices in the period attributed to this rate (see collected.ts): its net part. */
  collectedNet: number;
  /** … its VAT part. */
  collectedTax: number;
  /** collectedNet + collectedTax. */
  collected: number;
}

export interface RevenueRow {
  currency: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Invoiced net: invoices and corrected invoices, less credit notes and cancellations (negative). */
  net: number;
  tax: number;
  gross: number;
  /** Money received less refunds paid, by the day it moved: every succeeded payment, on invoices or not. */
  collected: number;
  /** The money that moved onto invoices (less off them) in the period: the sum of `byTaxRate[].collected`. */
  collectedOnInvoices: number;
  /** collected − collectedOnInvoices: what went into customers' credit balances (+) or was drawn from them (−). */
  collectedToCreditBalance: number;
  byTaxRate: RevenueRateRow[];
}

/** Collected money for `revenueRows`: payments per `currency|period` (collected.foldCash) and on invoices by rate. */
export interface CollectedInput {
  cash: ReadonlyMap<string, number>;
  byRate: readonly TaxPeriodRow[];
}

const rateOrder = (a: { category: TaxCategory; rate: string }, b: { category: TaxCategory; rate: string }) =>
  CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
  new Big(b.rate).cmp(new Big(a.rate));

/**
 * Every period of the range per currency (the organisation's always, others where they have figures): the
 * invoiced amounts and the collected ones side by side, one `byTaxRate` row per category and rate that was
 * invoiced or collected in the period.
 */
export function revenueRows(
  rows: readonly TaxPeriodRow[],
  periods: readonly ReportPeriod[],
  organizationCurrency: string,
  collected: CollectedInput = { cash: new Map(), byRate: [] },
): RevenueRow[] {
  const others = new Set([
    ...rows.map((r) => r.currency),
    ...collected.byRate.map((r) => r.currency),
    ...[...collected.cash.keys()].map((key) => key.slice(0, key.indexOf('|'))),
  ]);
  others.delete(organizationCurrency);
  const out: RevenueRow[] = [];
  for (const currency of [organizationCurrency, ...[...others].sort()]) {
    for (const period of periods) {
      const rates = new Map<string, RevenueRateRow>();
      const rateOf = (r: TaxPeriodRow) => {
        const key = `${r.category}|${r.rate}`;
        let row = rates.get(key);
        if (!row) {
          row = {
            category: r.category,
            rate: r.rate,
            net: 0,
            tax: 0,
            gross: 0,
            collectedNet: 0,
            collectedTax: 0,
            collected: 0,
          };
          rates.set(key, row);
        }
        return row;
      };
      const own = (r: TaxPeriodRow) => r.currency === currency && r.period === period.label;
      for (const r of rows.filter(own)) {
        const row = rateOf(r);
        row.net += r.net;
        row.tax += r.tax;
        row.gross += r.gross;
      }
      for (const r of collected.byRate.filter(own)) {
        const row = rateOf(r);
        row.collectedNet += r.net;
        row.collectedTax += r.tax;
        row.collected += r.gross;
      }
      const byTaxRate = [...rates.values()].sort(rateOrder);
      const cash = collected.cash.get(`${currency}|${period.label}`) ?? 0;
      const onInvoices = byTaxRate.reduce((s, r) => s + r.collected, 0);
      out.push({
        currency,
        period: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        net: byTaxRate.reduce((s, r) => s + r.net, 0),
        tax: byTaxRate.reduce((s, r) => s + r.tax, 0),
        gross: byTaxRate.reduce((s, r) => s + r.gross, 0),
        collected: cash,
        collectedOnInvoices: onInvoices,
        collectedToCreditBalance: cash - onInvoices,
        byTaxRate,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Receivables aging and DSO
// ---------------------------------------------------------------------------------------------------------

export const AGING_BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/**
 * The bucket of an amount due on `dueDate`, seen on `asOf`: `current` until and on the due date, then by
 * whole days past it — 1–30, 31–60, 61–90, more than 90. An invoice without a due date is current.
 */
export function agingBucket(dueDate: string | null, asOf: string): AgingBucket {
  if (dueDate === null) return 'current';
  const overdue = daysBetween(dueDate, asOf);
  if (overdue <= 0) return 'current';
  if (overdue <= 30) return 'days1To30';
  if (overdue <= 60) return 'days31To60';
  if (overdue <= 90) return 'days61To90';
  return 'over90';
}

export interface OpenInvoice {
  contactId: string;
  /** The buyer's name as issued. */
  contactName: string;
  currency: string;
  dueDate: string | null;
  /** What is still owed (> 0). */
  open: number;
}

export interface AgingBuckets {
  current: number;
  days1To30: number;
  days31To60: number;
  days61To90: number;
  over90: number;
  /** The sum of the buckets. */
  total: number;
}

export interface AgingContactRow extends AgingBuckets {
  currency: string;
  contactId: string;
  contactName: string;
  invoices: number;
  /** The earliest due date among its open invoices. */
  oldestDueDate: string | null;
}

export interface AgingTotal extends AgingBuckets {
  currency: string;
  invoices: number;
  /**
   * Days sales outstanding: open receivables ÷ net invoiced gross over the `dsoDays` days up to asOf ×
   * dsoDays, one decimal ('42.5'); null when nothing was invoiced in those days.
   */
  dso: string | null;
}

const emptyBuckets = (): AgingBuckets => ({
  current: 0,
  days1To30: 0,
  days31To60: 0,
  days61To90: 0,
  over90: 0,
  total: 0,
});

/**
 * Open amounts per contact and currency in buckets, largest total first; and per currency the totals with
 * DSO. `invoicedGross` is the net invoiced gross per currency over the DSO window.
 */
export function agingReport(
  invoices: readonly OpenInvoice[],
  asOf: string,
  invoicedGross: ReadonlyMap<string, number>,
  dsoDays: number,
  organizationCurrency: string,
): { data: AgingContactRow[]; totals: AgingTotal[] } {
  const byContact = new Map<string, AgingContactRow>();
  const totals = new Map<string, AgingTotal>();
  const totalOf = (currency: string) => {
    let total = totals.get(currency);
    if (!total) {
      total = { currency, invoices: 0, dso: null, ...emptyBuckets() };
      totals.set(currency, total);
    }
    return total;
  };
  totalOf(organizationCurrency);
  for (const invoice of invoices) {
    const key = `${invoice.currency}|${invoice.contactId}`;
    let row = byContact.get(key);
    if (!row) {
      row = {
        currency: invoice.currency,
        contactId: invoice.contactId,
        contactName: invoice.contactName,
        invoices: 0,
        oldestDueDate: null,
        ...emptyBuckets(),
      };
      byContact.set(key, row);
    }
    const bucket = agingBucket(invoice.dueDate, asOf);
    const total = totalOf(invoice.currency);
    for (const target of [row, total]) {
      target[bucket] += invoice.open;
      target.total += invoice.open;
      target.invoices += 1;
    }
    if (invoice.dueDate && (row.oldestDueDate === null || invoice.dueDate < row.oldestDueDate))
      row.oldestDueDate = invoice.dueDate;
  }
  for (const total of totals.values()) {
    const sales = invoicedGross.get(total.currency) ?? 0;
    total.dso =
      sales > 0 ? new Big(total.total).times(dsoDays).div(sales).round(1, Big.roundHalfUp).toFixed(1) : null;
  }
  const currencyRank = (c: string) => (c === organizationCurrency ? '' : c);
  const data = [...byContact.values()].sort(
    (a, b) =>
      currencyRank(a.currency).localeCompare(currencyRank(b.currency)) ||
      b.total - a.total ||
      a.contactId.localeCompare(b.contactId),
  );
  const sortedTotals = [...totals.values()].sort((a, b) =>
    currencyRank(a.currency).localeCompare(currencyRank(b.currency)),
  );
  return { data, totals: sortedTotals };
}
