/**
 * Contacts as CSV: one flat row per contact, the same columns for export and import, so an exported file
 * imports again. Pure functions (no I/O): the service resolves group names and writes.
 *
 * Conventions of the format (documented on the API routes too):
 * - UTF-8; a byte order mark is tolerated (Excel's "CSV UTF-8" writes one). Delimiter `,` or `;`, detected
 *   from the header line unless given. Quotes as in RFC 4180; a malformed file is refused naming its line.
 * - The header names the columns (any order, any subset, case-insensitive); an unknown column is refused.
 * - An empty cell means "not given": defaults apply (language `de`, currency `EUR`, next customer number).
 * - `tags` and `groups` hold several values separated by `|` (not `;` or `,`, which may be the delimiter).
 * - `collectiveInvoicing` is `true` or `false` (also `yes`/`no`, `1`/`0`, any case; export writes
 *   `true`/`false`); `eInvoiceFormat` is `xrechnung-cii`, `xrechnung-ubl` or `zugferd` (empty: the PDF alone).
 *   `groups` names existing contact groups.
 * - The row is flattened: one e-mail (type billing), one phone (type work), one billing address, one bank
 *   account (`iban`, `bic`, `accountHolder`) and at most one SEPA mandate (`mandateReference`,
 *   `mandateSignedDate`) which debits that same account. Export writes the billing (else first) e-mail,
 *   the first phone, the default (else first) bank account and the first active (else first) mandate.
 * - Formula injection: on export, a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 *   leading `'` so spreadsheet programs show it as text (OWASP "CSV injection"); on import, a `'` followed
 *   by one of those characters is removed again, so `+49 30 1234567` survives the round trip.
 */
import { type Options, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { DomainError, type FieldError } from '../errors';
import {
  CONTACT_EINVOICE_FORMATS,
  CONTACT_KINDS,
  type Contact,
  type ContactInput,
  PAYMENT_METHODS,
} from './types';

export const CONTACT_CSV_COLUMNS = [
  'kind',
  'customerNumber',
  'companyName',
  'salutation',
  'firstName',
  'lastName',
  'email',
  'phone',
  'vatId',
  'taxNumber',
  'buyerReference',
  'language',
  'currency',
  'paymentTermsDays',
  'preferredPaymentMethod',
  'collectiveInvoicing',
  'eInvoiceFormat',
  'billingLine1',
  'billingLine2',
  'billingPostalCode',
  'billingCity',
  'billingRegion',
  'billingCountry',
  'iban',
  'bic',
  'accountHolder',
  'mandateReference',
  'mandateSignedDate',
  'tags',
  'groups',
  'notes',
  'externalId',
  'source',
] as const;

export type ContactCsvColumn = (typeof CONTACT_CSV_COLUMNS)[number];
export type ContactCsvRow = Partial<Record<ContactCsvColumn, string>>;

/** Separates the values of `tags` and `groups` inside one cell. */
export const CSV_LIST_SEPARATOR = '|';
export const MAX_IMPORT_ROWS = 10_000;
/** Longest record csv-parse accepts (characters): well above a full row, far below a memory problem. */
export const MAX_RECORD_SIZE = 100_000;

export type CsvDelimiter = ',' | ';';

export interface ParsedCsvRow {
  /** 1-based number of the data row (the header is not counted). */
  row: number;
  /** Line of the file where the row starts (the header is line 1; quoted line breaks count). */
  line: number;
  cells: ContactCsvRow;
}

export interface RowInput {
  input: ContactInput;
  /** Group names as written in the `groups` cell; the service turns them into ids. */
  groupNames: string[];
  /** Cells that cannot become a contact field at all (an unknown kind, a non-integer number of days). */
  errors: FieldError[];
}

const badCsv = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('invalid_request', code, message, { details });

/** `,` or `;`, whichever occurs more often outside quotes in the header line; `,` when neither does. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

interface CsvRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

const CHUNK = 64 * 1024;

/**
 * csv-parse fed in 64 KiB pieces with a turn of the event loop between them: a 5 MiB file takes the CPU
 * for a fraction of a second, and other requests of this process are served in between rather than after.
 */
async function parseChunked(text: string, options: Options): Promise<CsvRecord[]> {
  const parser = parse(options);
  const records: CsvRecord[] = [];
  let failure: unknown;
  parser.on('readable', () => {
    for (let record = parser.read(); record !== null; record = parser.read()) records.push(record);
  });
  parser.on('error', (error) => {
    failure = error;
  });
  const done = new Promise<void>((resolve) => parser.on('close', resolve));
  for (let start = 0; start < text.length && failure === undefined && !parser.writableEnded; ) {
    let end = Math.min(start + CHUNK, text.length);
    // never split a surrogate pair: each piece is encoded to UTF-8 on its own
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
    parser.write(text.slice(start, end));
    start = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!parser.writableEnded) parser.end();
  await done;
  if (failure !== undefined) throw failure;
  return records;
}

const CANONICAL = new Map(CONTACT_CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));

/**
 * Parses a contacts file into rows keyed by column. Throws 400 (`invalid_request`) for what makes the whole
 * file unusable: not UTF-8, no header, an unknown or repeated column, malformed CSV (naming the line),
 * more than MAX_IMPORT_ROWS rows. Rows whose cells are all empty (spreadsheet leftovers) are skipped.
 */
export async function parseContactsCsv(
  text: string,
  options: { delimiter?: CsvDelimiter } = {},
): Promise<ParsedCsvRow[]> {
  // Decoding invalid UTF-8 leaves U+FFFD; importing those would store garbled names.
  if (text.includes('\uFFFD')) {
    throw badCsv(
      'csv_encoding_invalid',
      'The file is not valid UTF-8; save it as "CSV UTF-8" and try again.',
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = await parseChunked(text, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
      relax_column_count: false,
      max_record_size: MAX_RECORD_SIZE,
      // one record more than allowed (plus the header) is enough to know the file is too long
      to: MAX_IMPORT_ROWS + 2,
    });
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    if (typeof e.code === 'string' && (e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')) {
      throw badCsv('csv_malformed', `The CSV is malformed at line ${e.lines}: ${e.message}`, {
        line: e.lines,
        reason: e.code,
      });
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw badCsv('csv_header_missing', 'The file is empty; the first line must name the columns.');
  if (body.length > MAX_IMPORT_ROWS) {
    throw badCsv('csv_too_many_rows', `A file may hold at most ${MAX_IMPORT_ROWS} rows; split it.`, {
      maxRows: MAX_IMPORT_ROWS,
    });
  }

  const columns: ContactCsvColumn[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const name of header.record) {
    const column = CANONICAL.get(name.trim().toLowerCase());
    if (!column) unknown.push(name);
    else if (columns.includes(column)) repeated.push(name);
    else columns.push(column);
  }
  if (unknown.length > 0) {
    throw badCsv(
      'csv_column_unknown',
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}; the columns are: ${CONTACT_CSV_COLUMNS.join(', ')}.`,
      { columns: unknown },
    );
  }
  if (repeated.length > 0) {
    throw badCsv(
      'csv_column_repeated',
      `The column${repeated.length > 1 ? 's' : ''} ${repeated.map((r) => `'${r}'`).join(', ')} appear more than once.`,
      {
        columns: repeated,
      },
    );
  }

  const rows: ParsedCsvRow[] = [];
  // info.lines is the line a record ends on; it starts after the previous record and any skipped empty lines.
  // csv-parse counts a CRLF inside a quoted cell as two lines (CR and LF each); a file counts it as one, so
  // the CRLFs inside the cells read so far are taken off (a cell keeps its CRLF as written).
  let crlfInCells = crlfCount(header.record);
  let previousEnd = header.info.lines - crlfInCells;
  let previousEmpty = header.info.empty_lines;
  for (const { record, info } of body) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    crlfInCells += crlfCount(record);
    previousEnd = info.lines - crlfInCells;
    previousEmpty = info.empty_lines;
    if (record.every((cell) => cell.trim() === '')) continue;
    const cells: ContactCsvRow = {};
    columns.forEach((column, i) => {
      cells[column] = record[i];
    });
    rows.push({ row: rows.length + 1, line, cells });
  }
  return rows;
}

/** CRLF pairs inside a record's cells (only a quoted cell can hold one). */
function crlfCount(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    for (let i = cell.indexOf('\r\n'); i !== -1; i = cell.indexOf('\r\n', i + 2)) count += 1;
  }
  return count;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Undoes the export's formula guard: `'=SUM(A1)` → `=SUM(A1)`, `'+49 30 1234` → `+49 30 1234`. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function cell(cells: ContactCsvRow, column: ContactCsvColumn): string | undefined {
  const raw = cells[column];
  if (raw === undefined) return undefined;
  const value = unguardFormula(raw.trim());
  return value === '' ? undefined : value;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(CSV_LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** What a `collectiveInvoicing` cell may say (lower-cased): spreadsheets write TRUE/FALSE, people yes/no or 1/0. */
const BOOLEAN_CELLS = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
]);

/** Turns one row into the input the API would receive; cells that cannot be converted become errors. */
export function rowToInput(cells: ContactCsvRow): RowInput {
  const errors: FieldError[] = [];
  const input: ContactInput = {};
  const get = (column: ContactCsvColumn) => cell(cells, column);

  const kind = get('kind');
  if (kind === undefined)
    errors.push({ path: 'kind', code: 'required', message: 'kind is required (person or company)' });
  else if (!(CONTACT_KINDS as readonly string[]).includes(kind)) {
    errors.push({
      path: 'kind',
      code: 'value_not_allowed',
      message: `must be one of ${CONTACT_KINDS.join(', ')}`,
    });
  } else input.kind = kind as Contact['kind'];

  for (const column of [
    'customerNumber',
    'companyName',
    'salutation',
    'firstName',
    'lastName',
    'vatId',
    'taxNumber',
    'buyerReference',
    'language',
    'currency',
    'notes',
    'externalId',
    'source',
  ] as const) {
    const value = get(column);
    if (value !== undefined) input[column] = value;
  }

  const email = get('email');
  if (email !== undefined) input.emails = [{ email, type: 'billing' }];
  const phone = get('phone');
  if (phone !== undefined) input.phones = [{ number: phone, type: 'work' }];

  const days = get('paymentTermsDays');
  if (days !== undefined) {
    if (/^\d{1,9}$/.test(days)) input.paymentTermsDays = Number(days);
    else
      errors.push({
        path: 'paymentTermsDays',
        code: 'type_invalid',
        message: 'must be a whole number of days',
      });
  }
  const method = get('preferredPaymentMethod');
  if (method !== undefined) {
    if ((PAYMENT_METHODS as readonly string[]).includes(method)) {
      input.preferredPaymentMethod = method as Contact['preferredPaymentMethod'];
    } else {
      errors.push({
        path: 'preferredPaymentMethod',
        code: 'value_not_allowed',
        message: `must be one of ${PAYMENT_METHODS.join(', ')}`,
      });
    }
  }

  const collective = get('collectiveInvoicing');
  if (collective !== undefined) {
    const flag = BOOLEAN_CELLS.get(collective.toLowerCase());
    if (flag !== undefined) input.collectiveInvoicing = flag;
    else
      errors.push({
        path: 'collectiveInvoicing',
        code: 'value_not_allowed',
        message: `'${collective}' must be true or false`,
      });
  }
  const format = get('eInvoiceFormat');
  if (format !== undefined) {
    if ((CONTACT_EINVOICE_FORMATS as readonly string[]).includes(format)) {
      input.eInvoiceFormat = format as Contact['eInvoiceFormat'];
    } else {
      errors.push({
        path: 'eInvoiceFormat',
        code: 'value_not_allowed',
        message: `'${format}' must be one of ${CONTACT_EINVOICE_FORMATS.join(', ')} (or empty: the PDF alone)`,
      });
    }
  }

  const address = {
    line1: get('billingLine1'),
    line2: get('billingLine2'),
    postalCode: get('billingPostalCode'),
    city: get('billingCity'),
    region: get('billingRegion'),
    country: get('billingCountry'),
  };
  if (Object.values(address).some((v) => v !== undefined)) {
    // missing required parts stay empty so the address rules report them by name
    input.billingAddress = {
      line1: address.line1 ?? '',
      line2: address.line2 ?? null,
      postalCode: address.postalCode ?? '',
      city: address.city ?? '',
      region: address.region ?? null,
      country: address.country ?? '',
    };
  }

  const iban = get('iban');
  const bic = get('bic') ?? null;
  const accountHolder = get('accountHolder') ?? null;
  if (iban !== undefined) input.bankAccounts = [{ iban, bic, accountHolder }];
  else if (bic !== null || accountHolder !== null) {
    errors.push({
      path: 'iban',
      code: 'required',
      message: 'bic and accountHolder describe an account: give its iban',
    });
  }
  const reference = get('mandateReference');
  const signedDate = get('mandateSignedDate');
  if (reference !== undefined || signedDate !== undefined) {
    if (reference === undefined) {
      errors.push({ path: 'mandateReference', code: 'required', message: 'a mandate needs its reference' });
    }
    if (signedDate === undefined) {
      errors.push({
        path: 'mandateSignedDate',
        code: 'required',
        message: 'a mandate needs the date it was signed',
      });
    }
    if (iban === undefined)
      errors.push({ path: 'iban', code: 'required', message: 'a mandate needs the iban it debits' });
    if (reference !== undefined && signedDate !== undefined && iban !== undefined) {
      input.sepaMandates = [{ reference, signedDate, iban, bic, accountHolder }];
    }
  }

  const tags = list(get('tags'));
  if (tags.length > 0) input.tags = tags;
  return { input, groupNames: [...new Set(list(get('groups')))], errors };
}

const PATH_COLUMNS: [RegExp, ContactCsvColumn][] = [
  [/^emails(\.|$)/, 'email'],
  [/^phones(\.|$)/, 'phone'],
  [/^billingAddress\.line1$/, 'billingLine1'],
  [/^billingAddress\.line2$/, 'billingLine2'],
  [/^billingAddress\.postalCode$/, 'billingPostalCode'],
  [/^billingAddress\.city$/, 'billingCity'],
  [/^billingAddress\.region$/, 'billingRegion'],
  [/^billingAddress(\.country)?$/, 'billingCountry'],
  [/^(bankAccounts|sepaMandates)\.\d+\.iban$/, 'iban'],
  [/^(bankAccounts|sepaMandates)\.\d+\.bic$/, 'bic'],
  [/^(bankAccounts|sepaMandates)\.\d+\.accountHolder$/, 'accountHolder'],
  [/^bankAccounts(\.|$)/, 'iban'],
  [/^sepaMandates\.\d+\.signedDate$/, 'mandateSignedDate'],
  [/^sepaMandates(\.|$)/, 'mandateReference'],
  [/^groupIds(\.|$)/, 'groups'],
  [/^tags(\.|$)/, 'tags'],
];

/** The CSV column a contact field error belongs to (`bankAccounts.0.iban` → `iban`), so a row report names cells. */
export function columnForPath(path: string): string {
  for (const [pattern, column] of PATH_COLUMNS) if (pattern.test(path)) return column;
  return path;
}

/**
 * Field errors of one row with contact paths turned into column names; the same column, code and message only
 * once (the account's and the mandate's IBAN are one cell), while different messages of one column stay —
 * two unknown groups in one `groups` cell are two errors.
 */
export function rowErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = columnForPath(error.path);
    const key = `${path}\u0000${error.code}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...error, path });
  }
  return out;
}

/** One contact as a row in CONTACT_CSV_COLUMNS order; `groupNames` maps the contact's group ids to names. */
export function contactToRow(contact: Contact, groupNames: ReadonlyMap<string, string>): string[] {
  const email = contact.emails.find((e) => e.type === 'billing') ?? contact.emails[0];
  const account = contact.bankAccounts.find((b) => b.isDefault) ?? contact.bankAccounts[0];
  const mandate = contact.sepaMandates.find((m) => m.status === 'active') ?? contact.sepaMandates[0];
  const address = contact.billingAddress;
  const values: Record<ContactCsvColumn, string | number | null | undefined> = {
    kind: contact.kind,
    customerNumber: contact.customerNumber,
    companyName: contact.companyName,
    salutation: contact.salutation,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: email?.email,
    phone: contact.phones[0]?.number,
    vatId: contact.vatId,
    taxNumber: contact.taxNumber,
    buyerReference: contact.buyerReference,
    language: contact.language,
    currency: contact.currency,
    paymentTermsDays: contact.paymentTermsDays,
    preferredPaymentMethod: contact.preferredPaymentMethod,
    collectiveInvoicing: contact.collectiveInvoicing ? 'true' : 'false',
    eInvoiceFormat: contact.eInvoiceFormat,
    billingLine1: address?.line1,
    billingLine2: address?.line2,
    billingPostalCode: address?.postalCode,
    billingCity: address?.city,
    billingRegion: address?.region,
    billingCountry: address?.country,
    iban: account?.iban ?? mandate?.iban,
    bic: account ? account.bic : mandate?.bic,
    accountHolder: account ? account.accountHolder : mandate?.accountHolder,
    mandateReference: mandate?.reference,
    mandateSignedDate: mandate?.signedDate,
    tags: contact.tags.join(CSV_LIST_SEPARATOR),
    groups: contact.groupIds
      .map((id) => groupNames.get(id))
      .filter((name): name is string => name !== undefined)
      .join(CSV_LIST_SEPARATOR),
    notes: contact.notes,
    externalId: contact.externalId,
    source: contact.source,
  };
  return CONTACT_CSV_COLUMNS.map((column) => {
    const value = values[column];
    return value === null || value === undefined ? '' : String(value);
  });
}

/**
 * Rows as CSV text (RFC 4180 quoting; cells with a delimiter, quote or line break are quoted), preceded by
 * the header line when `header` is true. Cells a spreadsheet would run as a formula get a leading `'`.
 */
export function stringifyRows(
  rows: string[][],
  options: { header: boolean; delimiter?: CsvDelimiter },
): string {
  const records = options.header ? [[...CONTACT_CSV_COLUMNS], ...rows] : rows;
  return stringify(records, { delimiter: options.delimiter ?? ',', escape_formulas: true });
}
