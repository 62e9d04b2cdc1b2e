import Big from 'big.js';
import { addDays, daysBetween, isDate } from '../billing/dates';
import type { DocumentStatus } from '../documents/resource';
import type { DocumentLanguage, DocumentType } from '../documents/types';
import type { FieldErrors } from '../errors';
import { currencyExponent } from '../money';
import { openAmount } from '../payments/rules';
import { isHalfYearStart } from './base-rates';
import { defaultInterest } from './interest';
import type {
  BaseRate,
  CustomerType,
  DunningLevel,
  DunningLevelInput,
  DunningNoticeInvoice,
  DunningSettingsInput,
} from './types';

/**
 * The pure rules of dunning (DOMAIN.md §10): default levels, what a level is titled, what a settings input
 * must keep, which level an invoice has reached, and which letters a run issues. No database, no clock.
 */

/** More levels than this is no longer dunning but a collection agency's job. */
export const MAX_LEVELS = 10;
const MAX_DAYS_AFTER_DUE = 3650;
/** A fee above 10,000.00 of the currency is a typo, not a dunning fee. */
const MAX_FEE_MAJOR = 10_000;
const MAX_BASE_RATES = 200;
/** Days a letter gives to pay, from its date. */
export const PAY_WITHIN_DAYS = 7;

/**
 * The defaults of DOMAIN.md §10, in effect until an organisation saves its own: a free payment reminder 7 days
 * after the due date, the 1st dunning notice after 14 days with a fee of 5, the 2nd after 28 days with 10 plus
 * default interest. Fees are whole units of the organisation's currency (5 EUR = 500, 5 JPY = 5).
 */
export function defaultLevels(currency: string): DunningLevel[] {
  const unit = 10 ** currencyExponent(currency);
  return withTitles([
    { level: 1, name: null, daysAfterDue: 7, fee: 0, interest: false },
    { level: 2, name: null, daysAfterDue: 14, fee: 5 * unit, interest: false },
    { level: 3, name: null, daysAfterDue: 28, fee: 10 * unit, interest: true },
  ]);
}

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth'];

/**
 * The standard title of a level's letter: level 1 is the friendly reminder ("Zahlungserinnerung"), the
 * following ones are numbered dunning notices ("1. Mahnung", "2. Mahnung" …), as German practice names them.
 */
export function standardTitle(level: number, language: DocumentLanguage): string {
  if (level <= 1) return language === 'de' ? 'Zahlungserinnerung' : 'Payment reminder';
  const n = level - 1;
  if (language === 'de') return `${n}. Mahnung`;
  return `${ORDINALS[n - 1] ?? `${n}th`} dunning notice`;
}

export function titleOf(level: Pick<DunningLevel, 'level' | 'name'>, language: DocumentLanguage): string {
  return level.name ?? standardTitle(level.level, language);
}

export function withTitles(levels: readonly (DunningLevelInput & { name: string | null })[]): DunningLevel[] {
  return levels.map((l) => ({
    level: l.level,
    name: l.name,
    daysAfterDue: l.daysAfterDue,
    fee: l.fee,
    interest: l.interest,
    titles: { de: titleOf(l, 'de'), en: titleOf(l, 'en') },
  }));
}

const RATE = /^-?\d{1,2}(\.\d{1,2})?$/;

/**
 * Every rule a settings input must keep, all reported at once: levels numbered 1, 2, 3 … in order, days after
 * the due date rising with the level, fees whole minor units from 0, names 1–100 characters; base rates on a
 * 1 January or 1 July (the only days § 247 BGB changes them), each half-year once, −10 to 20 percent with at
 * most two decimals (the Bundesbank publishes two). Returns the normalised levels.
 */
export function checkSettings(
  input: DunningSettingsInput,
  currency: string,
  errors: FieldErrors,
): { levels: DunningLevel[]; baseRates: BaseRate[] } {
  const levels: DunningLevel[] = [];
  const given = Array.isArray(input.levels) ? input.levels : [];
  if (!Array.isArray(input.levels))
    errors.add('levels', 'required', 'give the list of levels (empty: no dunning)');
  if (given.length > MAX_LEVELS) errors.add('levels', 'too_many_levels', `at most ${MAX_LEVELS} levels`);
  const maxFee = MAX_FEE_MAJOR * 10 ** currencyExponent(currency);
  let previousDays: number | null = null;
  given.forEach((l, i) => {
    const path = `levels.${i}`;
    if (l.level !== i + 1) {
      errors.add(
        `${path}.level`,
        'level_sequence_invalid',
        `levels are numbered 1, 2, 3 … in order: expected ${i + 1}`,
      );
    }
    let name: string | null = null;
    if (l.name !== undefined && l.name !== null) {
      name = typeof l.name === 'string' ? l.name.trim() : '';
      if (name.length === 0 || name.length > 100) {
        errors.add(
          `${path}.name`,
          'name_invalid',
          'must be 1–100 characters, or null for the standard title',
        );
      }
    }
    const daysOk =
      Number.isInteger(l.daysAfterDue) && l.daysAfterDue >= 1 && l.daysAfterDue <= MAX_DAYS_AFTER_DUE;
    if (!daysOk) {
      errors.add(
        `${path}.daysAfterDue`,
        'days_after_due_invalid',
        `must be a whole number of days from 1 to ${MAX_DAYS_AFTER_DUE}`,
      );
    } else if (previousDays !== null && l.daysAfterDue <= previousDays) {
      errors.add(
        `${path}.daysAfterDue`,
        'days_after_due_not_increasing',
        `must be more than the ${previousDays} days of level ${i}: a higher level comes later`,
      );
    }
    if (daysOk) previousDays = l.daysAfterDue;
    if (!Number.isSafeInteger(l.fee) || l.fee < 0 || l.fee > maxFee) {
      errors.add(
        `${path}.fee`,
        'fee_invalid',
        `must be a whole number of minor units of ${currency} from 0 to ${maxFee}`,
      );
    }
    if (typeof l.interest !== 'boolean')
      errors.add(`${path}.interest`, 'interest_invalid', 'must be true or false');
    levels.push({
      level: i + 1,
      name,
      daysAfterDue: l.daysAfterDue,
      fee: l.fee,
      interest: l.interest,
      titles: { de: name ?? standardTitle(i + 1, 'de'), en: name ?? standardTitle(i + 1, 'en') },
    });
  });

  const baseRates: BaseRate[] = [];
  const rates = input.baseRates ?? [];
  if (rates.length > MAX_BASE_RATES)
    errors.add('baseRates', 'too_many_base_rates', `at most ${MAX_BASE_RATES}`);
  const seen = new Map<string, number>();
  rates.forEach((r, i) => {
    const path = `baseRates.${i}`;
    if (typeof r.validFrom !== 'string' || !isDate(r.validFrom) || !isHalfYearStart(r.validFrom)) {
      errors.add(
        `${path}.validFrom`,
        'base_rate_date_invalid',
        'must be a 1 January or 1 July (YYYY-01-01, YYYY-07-01): § 247 BGB changes the rate on those days',
      );
    } else if (seen.has(r.validFrom)) {
      errors.add(
        `${path}.validFrom`,
        'duplicate',
        `the half-year is already given in baseRates.${seen.get(r.validFrom)}`,
      );
    } else seen.set(r.validFrom, i);
    const rateOk =
      typeof r.rate === 'string' && RATE.test(r.rate) && new Big(r.rate).gte(-10) && new Big(r.rate).lte(20);
    if (!rateOk) {
      errors.add(
        `${path}.rate`,
        'base_rate_invalid',
        'must be a percentage from -10 to 20 with at most two decimals, e.g. "1.27"',
      );
    }
    baseRates.push({ validFrom: r.validFrom, rate: rateOk ? new Big(r.rate).toFixed(2) : r.rate });
  });
  baseRates.sort((a, b) => String(a.validFrom).localeCompare(String(b.validFrom)));
  return { levels, baseRates };
}

/** The highest level an invoice `daysOverdue` days past its due date has reached, or null. */
export function levelReached(levels: readonly DunningLevel[], daysOverdue: number): DunningLevel | null {
  let reached: DunningLevel | null = null;
  for (const level of levels) if (level.daysAfterDue <= daysOverdue) reached = level;
  return reached;
}

/** A contact is dunned as a business when it is a company (§ 288 (2) BGB), else as a consumer. */
export function customerTypeOf(kind: 'person' | 'company'): CustomerType {
  return kind === 'company' ? 'business' : 'consumer';
}

/** An issued invoice as dunning sees it. */
export interface DunnableInvoice {
  id: string;
  contactId: string;
  type: DocumentType;
  status: DocumentStatus;
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  amountDue: number;
  amountCredited: number;
  amountPaid: number;
}

/** One letter a run issues: a contact, a level and a currency, with the invoices that reached the level. */
export interface PlannedNotice {
  contactId: string;
  level: DunningLevel;
  currency: string;
  customerType: CustomerType;
  invoices: DunningNoticeInvoice[];
  fee: number;
  interestTotal: number;
  openTotal: number;
  total: number;
}

/**
 * The letters a run issues on `asOf` (DOMAIN.md §10):
 * - an invoice is dunned only while it owes something: its open amount (amount due − credited − paid) above
 *   0 and it neither paid nor cancelled (payments/rules.openAmount) — so payment ends its dunning;
 * - it reaches the highest level whose days after the due date have passed, and is dunned at that level only
 *   if it was not dunned at it or a higher one before (`dunned`): never the same level twice, and a level
 *   skipped while it was not overdue enough (or while the run did not run) is not made up later;
 * - letters are grouped per contact, level and currency — one letter each — and carry the level's fee once
 *   (in the organisation's currency only: a fee cannot be converted without a rate) and, where the level
 *   says so, default interest per invoice (interest.ts).
 * Deterministic: letters ordered by contact, level, currency; invoices by due date, then number.
 */
export function planNotices(input: {
  invoices: readonly DunnableInvoice[];
  levels: readonly DunningLevel[];
  /** The highest level each invoice was dunned at so far. */
  dunned: ReadonlyMap<string, number>;
  customerTypes: ReadonlyMap<string, CustomerType>;
  asOf: string;
  feeCurrency: string;
  baseRates: readonly BaseRate[];
}): PlannedNotice[] {
  const groups = new Map<string, PlannedNotice>();
  for (const invoice of input.invoices) {
    const open = openAmount(invoice);
    if (open <= 0 || !invoice.dueDate) continue;
    const daysOverdue = daysBetween(invoice.dueDate, input.asOf);
    const level = levelReached(input.levels, daysOverdue);
    if (!level || level.level <= (input.dunned.get(invoice.id) ?? 0)) continue;
    const customerType = input.customerTypes.get(invoice.contactId) ?? 'consumer';
    const interest = level.interest
      ? defaultInterest({
          openAmount: open,
          dueDate: invoice.dueDate,
          asOf: input.asOf,
          customerType,
          table: input.baseRates,
        })
      : { amount: 0, periods: [] };
    const key = `${invoice.contactId}\u0000${String(level.level).padStart(2, '0')}\u0000${invoice.currency}`;
    let notice = groups.get(key);
    if (!notice) {
      notice = {
        contactId: invoice.contactId,
        level,
        currency: invoice.currency,
        customerType,
        invoices: [],
        fee: invoice.currency === input.feeCurrency ? level.fee : 0,
        interestTotal: 0,
        openTotal: 0,
        total: 0,
      };
      groups.set(key, notice);
    }
    notice.invoices.push({
      invoiceId: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      openAmount: open,
      daysOverdue,
      interest: interest.amount,
      interestPeriods: interest.periods,
    });
  }
  const notices = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, n]) => n);
  for (const notice of notices) {
    notice.invoices.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
    notice.openTotal = notice.invoices.reduce((s, i) => s + i.openAmount, 0);
    notice.interestTotal = notice.invoices.reduce((s, i) => s + i.interest, 0);
    notice.total = notice.openTotal + notice.interestTotal + notice.fee;
  }
  return notices;
}

/** The day a letter dated `issueDate` asks to be paid by. */
export function payByOf(issueDate: string): string {
  return addDays(issueDate, PAY_WITHIN_DAYS);
}
