/**
 * Bank CSV exports, read through a column mapping the caller gives (every bank names its columns
 * differently: "Buchungstag", "Betrag", "Verwendungszweck", "Beguenstigter/Zahlungspflichtiger" …). Pure:
 * text and mapping in, normalised statements out (one per account), a bad row refused naming its line and
 * column. Amounts are read as exact decimals: `1.234,56` with a `,` decimal separator, `-12,50`, `12,50-`.
 */
import { parse } from 'csv-parse/sync';
import {
  asBic,
  asIban,
  clean,
  fileError,
  fullYear,
  isCalendarDate,
  isCurrencyCode,
  isoDate,
  MAX_TRANSACTIONS,
  parseMinor,
  reference,
  SEPA_RETURN_REASONS,
  StatementErrors,
  YIELD_EVERY,
  yieldToLoop,
} from './common';
import type {
  CsvColumnMapping,
  CsvDateFormat,
  CsvOptions,
  ParsedFile,
  ParsedStatement,
  ParsedTransaction,
} from './model';

/** Longest record accepted (characters): far above a real row, far below a memory problem. */
const MAX_RECORD_SIZE = 100_000;

const CREDIT = new Set(['C', 'CR', 'CRDT', 'H', 'HABEN', 'CREDIT', '+']);
const DEBIT = new Set(['D', 'DR', 'DBIT', 'S', 'SOLL', 'DEBIT', '-', '−']);

/** `;`, `,` or tab, whichever occurs most often outside quotes in the header line; `;` when none does. */
export function detectDelimiter(line: string): ',' | ';' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ';' : best[0];
}

/**
 * The mapping's own consistency, before any row is read: the date column, and the amount given exactly one
 * way (one signed column, or one unsigned column with a credit/debit marker, or a credit and a debit column).
 */
export function checkMapping(columns: CsvColumnMapping, errors: StatementErrors): void {
  if (!columns.bookingDate)
    errors.add('csv.columns.bookingDate', 'required', 'name the column of the booking date');
  const single = columns.amount !== undefined;
  const split = columns.credit !== undefined || columns.debit !== undefined;
  if (single && split)
    errors.add('csv.columns.amount', 'mapping_invalid', 'give either amount or credit + debit, not both');
  else if (!single && !split)
    errors.add('csv.columns.amount', 'required', 'name the amount column (or a credit and a debit column)');
  else if (split && (columns.credit === undefined || columns.debit === undefined)) {
    errors.add(
      columns.credit === undefined ? 'csv.columns.credit' : 'csv.columns.debit',
      'required',
      'credit and debit columns come as a pair',
    );
  }
  if (columns.creditDebit !== undefined && !single) {
    errors.add(
      'csv.columns.creditDebit',
      'mapping_invalid',
      'a credit/debit marker column goes with an amount column',
    );
  }
}

export async function parseCsv(text: string, options: CsvOptions): Promise<ParsedFile> {
  const errors = new StatementErrors();
  checkMapping(options.columns, errors);
  const currencyDefault = options.currency ?? 'EUR';
  if (!isCurrencyCode(currencyDefault))
    errors.add('csv.currency', 'currency_invalid', `'${currencyDefault}' is not an ISO 4217 currency code`);
  const accountDefault = options.accountIban ? asIban(options.accountIban) : null;
  if (options.accountIban && !accountDefault)
    errors.add('csv.accountIban', 'iban_invalid', `'${options.accountIban}' is not an IBAN`);
  errors.throwIfAny();

  const body = text.replace(/^\uFEFF/, '');
  const skip = options.skipLines ?? 0;
  const headerLine = body.split(/\r\n|\r|\n/)[skip] ?? '';
  const delimiter = options.delimiter ?? detectDelimiter(headerLine);
  const decimal = options.decimalSeparator ?? (delimiter === ';' ? ',' : '.');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      from_line: skip + 1,
      info: true,
      skip_empty_lines: true,
      // bank exports end rows with a stray delimiter or leave trailing cells out; cells are read by header name
      relax_column_count: true,
      relax_quotes: false,
      max_record_size: MAX_RECORD_SIZE,
      to: MAX_TRANSACTIONS + 2,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    if (typeof e.code === 'string' && (e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')) {
      throw fileError(
        'csv_malformed',
        `Line ${e.lines}: the CSV is malformed: ${e.message}`,
        `line ${e.lines}`,
        { line: e.lines },
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header)
    throw fileError(
      'csv_header_missing',
      `The file has no header line${skip ? ` after the ${skip} skipped lines` : ''}.`,
    );
  if (rows.length > MAX_TRANSACTIONS) {
    throw fileError(
      'bank_statement_too_many_transactions',
      `A file may hold at most ${MAX_TRANSACTIONS} transactions; split it.`,
    );
  }

  const index = new Map<string, number>();
  header.record.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const columns = Object.entries(options.columns).filter(
    (entry): entry is [keyof CsvColumnMapping, string] => entry[1] !== undefined,
  );
  for (const [field, name] of columns) {
    if (!index.has(name.trim().toLowerCase())) {
      errors.add(
        `csv.columns.${field}`,
        'csv_column_unknown',
        `the header has no column '${name}'; it has ${header.record.map((h) => `'${h.trim()}'`).join(', ')}`,
      );
    }
  }
  errors.throwIfAny();

  const byAccount = new Map<string, ParsedTransaction[]>();
  for (const [i, { record, info }] of rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
    if (record.every((cell) => cell.trim() === '')) continue;
    const cell = (field: keyof CsvColumnMapping): string | null => {
      const name = options.columns[field];
      if (name === undefined) return null;
      return clean(record[index.get(name.trim().toLowerCase())!] ?? null);
    };
    const where = (field: keyof CsvColumnMapping) => `line ${info.lines}, column '${options.columns[field]}'`;
    const transaction = readRow(
      cell,
      where,
      {
        decimal,
        dateFormat: options.dateFormat,
        currency: currencyDefault,
        split: options.columns.amount === undefined,
      },
      errors,
    );
    const account = asIban(cell('accountIban')) ?? accountDefault;
    if (options.columns.accountIban && cell('accountIban') && !asIban(cell('accountIban'))) {
      errors.add(where('accountIban'), 'iban_invalid', `'${cell('accountIban')}' is not an IBAN`);
    }
    if (!transaction) continue;
    const key = account ?? '';
    if (!byAccount.has(key)) byAccount.set(key, []);
    byAccount.get(key)!.push(transaction);
  }
  errors.throwIfAny();

  const statements: ParsedStatement[] = [...byAccount.entries()].map(([account, transactions]) => {
    const dates = transactions.map((t) => t.bookingDate).sort();
    const currencies = new Set(transactions.map((t) => t.currency));
    return {
      format: 'csv',
      formatVersion: null,
      messageId: null,
      reference: null,
      sequenceNumber: null,
      account: {
        iban: account || null,
        number: null,
        bic: null,
        currency: currencies.size === 1 ? [...currencies][0]! : null,
        owner: null,
      },
      createdAt: null,
      fromDate: dates[0] ?? null,
      toDate: dates[dates.length - 1] ?? null,
      openingBalance: null,
      closingBalance: null,
      transactions,
    };
  });
  if (statements.length === 0) {
    // a file with a header and no rows is a statement without entries (a quiet day), not an error
    statements.push({
      format: 'csv',
      formatVersion: null,
      messageId: null,
      reference: null,
      sequenceNumber: null,
      account: { iban: accountDefault, number: null, bic: null, currency: currencyDefault, owner: null },
      createdAt: null,
      fromDate: null,
      toDate: null,
      openingBalance: null,
      closingBalance: null,
      transactions: [],
    });
  }
  return { format: 'csv', statements, warnings: [] };
}

type Cell = (field: keyof CsvColumnMapping) => string | null;

function readRow(
  cell: Cell,
  where: (field: keyof CsvColumnMapping) => string,
  options: { decimal: ',' | '.'; dateFormat?: CsvDateFormat; currency: string; split: boolean },
  errors: StatementErrors,
): ParsedTransaction | null {
  const before = errors.list.length;
  const currency = cell('currency')?.toUpperCase() ?? options.currency;
  if (!isCurrencyCode(currency))
    errors.add(where('currency'), 'currency_invalid', `'${currency}' is not an ISO 4217 currency code`);

  const bookingText = cell('bookingDate');
  const bookingDate = bookingText ? parseDate(bookingText, options.dateFormat) : null;
  if (!bookingText) errors.add(where('bookingDate'), 'required', 'the booking date is empty');
  else if (!bookingDate)
    errors.add(
      where('bookingDate'),
      'date_invalid',
      `'${bookingText}' is not a date${options.dateFormat ? ` in the format ${options.dateFormat}` : ' (YYYY-MM-DD or DD.MM.YYYY)'}`,
    );
  const valueText = cell('valueDate');
  const valueDate = valueText ? parseDate(valueText, options.dateFormat) : null;
  if (valueText && !valueDate) errors.add(where('valueDate'), 'date_invalid', `'${valueText}' is not a date`);

  const amount = isCurrencyCode(currency) ? readAmount(cell, where, options, currency, errors) : null;
  if (errors.list.length > before || amount === null || !bookingDate) return null;

  const returnCode = cell('returnReasonCode')?.toUpperCase() ?? null;
  const isReturn = returnCode !== null && SEPA_RETURN_REASONS.has(returnCode);
  const ibanText = cell('counterpartyIban');
  return {
    bookingDate,
    valueDate,
    amount,
    currency,
    creditDebit: amount < 0 ? 'debit' : 'credit',
    reversal: false,
    isReturn,
    returnReasonCode: isReturn ? returnCode : null,
    counterpartyName: cell('counterpartyName'),
    counterpartyIban: asIban(ibanText),
    counterpartyBic: asBic(cell('counterpartyBic')),
    counterpartyAccount: ibanText && !asIban(ibanText) ? ibanText : null,
    remittanceInformation: cell('remittanceInformation'),
    structuredReference: cell('structuredReference'),
    endToEndId: reference(cell('endToEndId')),
    mandateReference: reference(cell('mandateReference')),
    creditorId: reference(cell('creditorId')),
    bankReference: reference(cell('bankReference')),
    customerReference: reference(cell('customerReference')),
    transactionCode: null,
    proprietaryCode: null,
    bookingText: cell('bookingText'),
    originalAmount: null,
    chargesAmount: null,
    entryReference: null,
  };
}

function readAmount(
  cell: Cell,
  where: (field: keyof CsvColumnMapping) => string,
  { decimal, split }: { decimal: ',' | '.'; split: boolean },
  currency: string,
  errors: StatementErrors,
): number | null {
  const read = (field: 'amount' | 'credit' | 'debit'): number | null | 'empty' => {
    const text = cell(field);
    if (text === null) return 'empty';
    const value = csvAmount(text, decimal, currency);
    if (value === null) {
      errors.add(
        where(field),
        'amount_invalid',
        `'${text}' is not an amount in ${currency} with '${decimal}' as decimal separator`,
      );
    }
    return value;
  };
  if (!split) {
    const amount = read('amount');
    if (amount === 'empty') {
      errors.add(where('amount'), 'required', 'the amount is empty');
      return null;
    }
    if (amount === null) return null;
    const marker = cell('creditDebit');
    if (marker === null) return amount;
    const upper = marker.toUpperCase();
    if (CREDIT.has(upper)) return Math.abs(amount);
    if (DEBIT.has(upper)) return -Math.abs(amount);
    errors.add(
      where('creditDebit'),
      'value_not_allowed',
      `'${marker}' is not a credit/debit marker (C/D, CRDT/DBIT, H/S, credit/debit, +/-)`,
    );
    return null;
  }
  const credit = read('credit');
  const debit = read('debit');
  if (credit === null || debit === null) return null;
  const filled = [credit, debit].filter((v) => v !== 'empty' && v !== 0);
  if (filled.length === 2) {
    errors.add(where('credit'), 'amount_ambiguous', 'both the credit and the debit column hold an amount');
    return null;
  }
  if (credit !== 'empty' && credit !== 0) return Math.abs(credit);
  if (debit !== 'empty') return -Math.abs(debit);
  return credit === 'empty' ? 0 : credit;
}

/**
 * A signed amount in the CSV's notation, exactly: the sign leading or trailing (`-12,50`, `12,50-`), the
 * other separator only as thousands grouping (`1.234,56`), never guessed (`12.50` with a `,` decimal is an
 * error, not 1250).
 */
export function csvAmount(text: string, decimal: ',' | '.', currency: string): number | null {
  let value = text.replace(/[\s\u00a0\u202f']/g, '').replace(/\u2212/g, '-');
  let negative = false;
  if (/^[+-]/.test(value)) {
    negative = value.startsWith('-');
    value = value.slice(1);
  } else if (/[+-]$/.test(value)) {
    negative = value.endsWith('-');
    value = value.slice(0, -1);
  }
  const group = decimal === ',' ? '\\.' : ',';
  const sep = decimal === ',' ? ',' : '\\.';
  const shape = new RegExp(`^(\\d+|\\d{1,3}(${group}\\d{3})+)(${sep}\\d*)?$`);
  if (!shape.test(value)) return null;
  let minor: number | null;
  try {
    minor = parseMinor(value.replace(new RegExp(group, 'g'), ''), currency, decimal);
  } catch {
    return null;
  }
  if (minor === null) return null;
  return negative ? -minor : minor;
}

/** A date cell in the given format; without one, ISO `YYYY-MM-DD` and German `DD.MM.YYYY` / `DD.MM.YY`. */
export function parseDate(text: string, format?: CsvDateFormat): string | null {
  const value = text.trim();
  const formats: CsvDateFormat[] = format ? [format] : ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD.MM.YY'];
  for (const f of formats) {
    let match: RegExpExecArray | null = null;
    let date: string | null = null;
    switch (f) {
      case 'YYYY-MM-DD':
        date = isCalendarDate(value) ? value : null;
        break;
      case 'DD.MM.YYYY':
        match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
        date = match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
        break;
      case 'DD.MM.YY':
        match = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(value);
        date = match ? isoDate(fullYear(Number(match[3])), Number(match[2]), Number(match[1])) : null;
        break;
      case 'DD/MM/YYYY':
        match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
        date = match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
        break;
      case 'MM/DD/YYYY':
        match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
        date = match ? isoDate(Number(match[3]), Number(match[1]), Number(match[2])) : null;
        break;
    }
    if (date) return date;
  }
  return null;
}
