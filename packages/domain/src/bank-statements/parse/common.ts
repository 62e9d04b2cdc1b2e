import { DomainError, type FieldError } from '../../errors';
import { currencyExponent } from '../../money';
import type { ParsedStatement, ParseWarning } from './model';

/**
 * Limits of one statement file. A month of camt.053 of a busy account is a few MiB; these bounds keep a
 * hostile or broken upload from costing more than a fraction of a second and a bounded amount of memory.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_TRANSACTIONS = 50_000;
/**
 * A turn of the event loop, taken every YIELD_EVERY entries while a file is read: a statement of thousands
 * of entries then takes the CPU in slices, and other requests of this process are served in between.
 */
export const YIELD_EVERY = 500;
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Errors listed in one 422; the first ones are what a person fixes first. */
export const MAX_REPORTED_ERRORS = 100;

/**
 * Collects what is wrong with a file, each naming where (element path with its line, or the line), so one
 * answer tells everything; `throwIfAny` answers 422 `bank_statement_invalid` and nothing is written.
 */
export class StatementErrors {
  readonly list: FieldError[] = [];

  /** `path` names the element (`/Document/…/Ntry[2]/Amt`) or the line; `line` is added to the message. */
  add(path: string, code: string, message: string, line?: number | null): void {
    if (this.list.length >= MAX_REPORTED_ERRORS) return;
    const where = line ? `${path} (line ${line})` : path;
    this.list.push({ path, code, message: `${where}: ${message}` });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const first = this.list[0]!;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more, see \`errors\`)` : '';
    throw new DomainError(
      'unprocessable',
      'bank_statement_invalid',
      `The statement file is invalid at ${first.message}${more}.`,
      {
        errors: this.list,
      },
    );
  }
}

/** A failure that makes the whole file unreadable (not XML, wrong version, too deep): one 422 with its code. */
export function fileError(
  code: string,
  message: string,
  path = 'body',
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError('unprocessable', code, message, { errors: [{ path, code, message }], details });
}

const UNSIGNED_DECIMAL = /^(\d+)(?:[.,](\d*))?$/;

/**
 * A decimal amount text as integer minor units of the currency, exactly (string arithmetic, no float ever
 * touches it): "8.85" EUR → 885, "620,3" → 62030, "2700" JPY → 2700, "6800," → 680000. More decimals than
 * the currency has are refused unless they are zeros ("8.850" is fine). Returns null when it is not an
 * amount; throws RangeError past the exact integer range.
 */
export function parseMinor(
  text: string,
  currency: string,
  decimalSeparator: '.' | ',' | 'either' = 'either',
): number | null {
  const value = text.trim();
  const match = UNSIGNED_DECIMAL.exec(value);
  if (!match) return null;
  if (match[2] !== undefined && decimalSeparator !== 'either' && !value.includes(decimalSeparator))
    return null;
  const exponent = currencyExponent(currency);
  let fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    if (!/^0*$/.test(fraction.slice(exponent))) return null;
    fraction = fraction.slice(0, exponent);
  }
  const digits = (match[1]! + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${value} is out of range`);
  return minor;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isoDate(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(text) ? text : null;
}

/** SWIFT's two-digit years: 00–79 are 2000–2079, 80–99 are 1980–1999 (statements older than 1980 do not exist). */
export function fullYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Spaces removed, upper case: `de89 3704 …` → `DE893704…`. */
export function compactId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The compact IBAN when `value` has the shape of one (country, check digits, 11–30 alphanumerics), else null. */
export function asIban(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = compactId(value);
  return IBAN_SHAPE.test(compact) ? compact : null;
}

export function asBic(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = compactId(value);
  return BIC_SHAPE.test(compact) ? compact : null;
}

/** Trimmed text with runs of whitespace folded to one space; null for nothing. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** References banks write when there is none. */
const NO_REFERENCE = new Set(['NONREF', 'NOTPROVIDED', 'NOT PROVIDED', 'NONE']);

export function reference(value: string | null | undefined): string | null {
  const text = clean(value);
  return text === null || NO_REFERENCE.has(text.toUpperCase()) ? null : text;
}

/**
 * ISO 20022 return reasons used in SEPA R-transactions (EPC guidance on reason codes). Only these are taken
 * from free text, and only on entries already known to be returns, so an ordinary word never becomes one.
 */
export const SEPA_RETURN_REASONS = new Set([
  'AC01',
  'AC04',
  'AC06',
  'AC13',
  'AG01',
  'AG02',
  'AM04',
  'AM05',
  'BE01',
  'BE04',
  'BE05',
  'CNOR',
  'CURR',
  'DNOR',
  'DUPL',
  'ED05',
  'FF01',
  'FF05',
  'FOCR',
  'FRAD',
  'MD01',
  'MD02',
  'MD06',
  'MD07',
  'MS02',
  'MS03',
  'NARR',
  'RC01',
  'RR01',
  'RR02',
  'RR03',
  'RR04',
  'SL01',
  'TECH',
  'TM01',
  'CUST',
  'AGNT',
  'LEGL',
  'AM09',
]);

/** The first SEPA return reason code standing as a word in `text`. */
export function returnReasonIn(text: string | null): string | null {
  if (!text) return null;
  for (const word of text.toUpperCase().split(/[^A-Z0-9]+/)) if (SEPA_RETURN_REASONS.has(word)) return word;
  return null;
}

/** 1-based line of a character offset, by binary search over the offsets where lines start. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Opening balance + the booked entries = closing balance, when the statement says enough to check it. A
 * mismatch is a warning, not a refusal: banks list pending entries differently, and the bookings themselves
 * are still right.
 */
export function checkBalances(statement: ParsedStatement, path: string, warnings: ParseWarning[]): void {
  const { openingBalance: open, closingBalance: close, transactions } = statement;
  if (!open || !close || open.currency !== close.currency) return;
  if (transactions.some((t) => t.currency !== open.currency)) return;
  const sum = transactions.reduce((total, t) => total + t.amount, 0);
  if (open.amount + sum !== close.amount) {
    warnings.push({
      code: 'balance_mismatch',
      message: `Opening balance ${open.amount} + entries ${sum} ≠ closing balance ${close.amount} (${open.currency} minor units); some entries may be missing from the file.`,
      path,
    });
  }
}
