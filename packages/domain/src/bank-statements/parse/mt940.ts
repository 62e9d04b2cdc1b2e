/**
 * SWIFT MT940 customer statements, with the German structure of field :86: (Deutsche Kreditwirtschaft,
 * DFÜ-Abkommen Anlage 3): a three-digit business transaction code (GVC) followed by `?nn` subfields —
 * ?00 booking text, ?20–?29 and ?60–?63 purpose, ?30 bank code/BIC, ?31 account/IBAN, ?32–?33 name, ?34
 * text key extension (the return reason of a SEPA return) — and inside the purpose the SEPA tags EREF+,
 * KREF+, MREF+, CRED+, SVWZ+, IBAN+, BIC+, OAMT+, COAM+, ABWA+, ABWE+. Pure: text in, statements out.
 *
 * Lines of a field are joined without a separator: banks wrap every line at 65 characters, in the middle of
 * a word as often as not (`Gehalt Oktob` / `er`), and a subfield marker may itself be cut (`?` / `22…`).
 */
import {
  asBic,
  asIban,
  checkBalances,
  clean,
  fileError,
  fullYear,
  isCurrencyCode,
  isoDate,
  MAX_TRANSACTIONS,
  parseMinor,
  reference,
  returnReasonIn,
  StatementErrors,
  YIELD_EVERY,
  yieldToLoop,
} from './common';
import type { ParsedBalance, ParsedFile, ParsedStatement, ParsedTransaction, ParseWarning } from './model';

interface Field {
  tag: string;
  /** Lines of the field, the first without its `:tag:`. */
  lines: string[];
  line: number;
}

/**
 * German GVCs of SEPA returns: 108 returned direct debit credited back to the debtor, 109 direct debit
 * returned to the creditor (Rücklastschrift), 159 returned credit transfer (Überweisung Retoure).
 */
export const RETURN_GVCS = new Set(['108', '109', '159']);

/**
 * The DK's numeric return reasons in ?34 and their ISO 20022 codes, for the codes on which the banks'
 * published tables agree (HVB/UniCredit "Geschäftsvorfall- und Rückgabecodes", bank forum answers). A code
 * not listed is kept as the proprietary value only, never guessed.
 */
export const DK_RETURN_REASONS: Readonly<Record<string, string>> = {
  '901': 'AC01',
  '902': 'AC04',
  '903': 'AC06',
  '904': 'AG01',
  '906': 'AM04',
  '909': 'MD01',
  '910': 'MD02',
  '912': 'MD06',
  '913': 'MD07',
  '915': 'RC01',
};

const SEPA_TAGS = [
  'EREF',
  'KREF',
  'MREF',
  'CRED',
  'DEBT',
  'SVWZ',
  'ABWA',
  'ABWE',
  'IBAN',
  'BIC',
  'COAM',
  'OAMT',
] as const;
type SepaTag = (typeof SEPA_TAGS)[number];
const TAG_PATTERN = new RegExp(`(^|\\u0000| )(${SEPA_TAGS.join('|')})\\+`, 'g');
const RETURN_TEXT = /R(UE|Ü)CKBEL|R(UE|Ü)CKLASTSCHRIFT|RETOURE|R(UE|Ü)CKGABE/i;

/** Field :61: — value date, entry date, mark, funds code, amount, type, references (SWIFT MT940 spec). */
const STATEMENT_LINE =
  /^(\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NFS][A-Z0-9]{3})(.*)$/;
const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d[\d,]*)$/;

/** True when a text looks like MT940: its first field is a `:20:` (possibly inside a SWIFT envelope). */
export function looksLikeMt940(text: string): boolean {
  return /^\s*(\{1:[^}]*\}[\s\S]*?\{4:\s*)?:20:/.test(text);
}

export async function parseMt940(text: string): Promise<ParsedFile> {
  const errors = new StatementErrors();
  const warnings: ParseWarning[] = [];
  const messages = splitMessages(text, errors);
  const statements: ParsedStatement[] = [];
  let count = 0;
  for (const fields of messages) {
    const statement = await readStatement(fields, errors, warnings);
    if (!statement) continue;
    count += statement.transactions.length;
    if (count > MAX_TRANSACTIONS) {
      throw fileError(
        'bank_statement_too_many_transactions',
        `A file may hold at most ${MAX_TRANSACTIONS} transactions; ask the bank for shorter periods.`,
      );
    }
    statements.push(statement);
  }
  if (statements.length === 0 && errors.empty)
    errors.add('line 1', 'required', 'the file holds no MT940 statement (no :20: field)');
  errors.throwIfAny();
  return { format: 'mt940', statements, warnings };
}

/** Fields grouped by statement: a statement starts at `:20:`, and a line `-` ends one. */
function splitMessages(text: string, errors: StatementErrors): Field[][] {
  const messages: Field[][] = [];
  let current: Field[] = [];
  let field: Field | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const number = i + 1;
    // the SWIFT envelope around block 4 ({1:…}{2:…}{4:) and its end (-} and a trailer block {5:…})
    let line = raw.replace(/^\{1:[^}]*\}(\{2:[^}]*\})?(\{3:(\{[^}]*\})*\})?\{4:/, '');
    if (/^-\}?(\{5:.*)?\s*$/.test(line) || /^\}\s*$/.test(line)) {
      if (current.length > 0) messages.push(current);
      current = [];
      field = null;
      return;
    }
    // numbered tags (:61:, :60F:) and the banks' own (:NS:, :NSF:), which are kept apart and ignored
    const tag = /^:(\d{2}[A-Z]?|[A-Z]{2,4}):(.*)$/.exec(line);
    if (tag) {
      if (tag[1] === '20' && current.some((f) => f.tag === '20')) {
        messages.push(current);
        current = [];
      }
      field = { tag: tag[1]!, lines: [tag[2]!], line: number };
      current.push(field);
      return;
    }
    line = line.replace(/\s+$/, '');
    if (line === '') return;
    if (field) field.lines.push(line);
    else
      errors.add(
        `line ${number}`,
        'mt940_malformed',
        `'${line.slice(0, 40)}' stands outside any field; MT940 lines start with a tag like :20:`,
      );
  });
  if (current.length > 0) messages.push(current);
  return messages;
}

async function readStatement(
  fields: Field[],
  errors: StatementErrors,
  warnings: ParseWarning[],
): Promise<ParsedStatement | null> {
  const first = fields[0]!;
  const find = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
  const where = `line ${first.line}`;
  const ref20 = find('20');
  const account = find('25');
  const opening = find('60F', '60M');
  const closing = find('62F', '62M');
  if (!ref20) errors.add(where, 'required', 'the statement has no :20: reference');
  if (!account) errors.add(where, 'required', 'the statement has no :25: account identification');
  if (!opening)
    errors.add(
      where,
      'required',
      'the statement has no :60F: opening balance (its currency is the currency of every entry)',
    );
  const openingBalance = opening ? balance(opening, errors, warnings) : null;
  const closingBalance = closing ? balance(closing, errors, warnings) : null;
  if (!ref20 || !account || !openingBalance) return null;
  const currency = openingBalance.currency;

  const transactions: ParsedTransaction[] = [];
  for (const [i, field] of fields.entries()) {
    if (field.tag !== '61') continue;
    if (transactions.length % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
    const next = fields[i + 1];
    const info = next?.tag === '86' ? next : null;
    const transaction = statementLine(field, info, currency, errors);
    if (transaction) transactions.push(transaction);
  }

  const statement: ParsedStatement = {
    format: 'mt940',
    formatVersion: null,
    messageId: null,
    reference: clean(ref20.lines.join('')),
    sequenceNumber: clean(find('28C', '28')?.lines.join('') ?? null),
    account: accountOf(account.lines.join('')),
    createdAt: null,
    fromDate: openingBalance.date,
    toDate: closingBalance?.date ?? null,
    openingBalance,
    closingBalance,
    transactions,
  };
  statement.account.currency = currency;
  checkBalances(statement, where, warnings);
  return statement;
}

function accountOf(value: string): ParsedStatement['account'] {
  const text = value.trim();
  const [head, tail] = text.includes('/')
    ? [text.slice(0, text.indexOf('/')), text.slice(text.indexOf('/') + 1)]
    : [null, text];
  const iban = asIban(tail) ?? asIban(text);
  return {
    iban,
    number: iban ? null : text,
    bic: head ? asBic(head) : null,
    currency: null,
    owner: null,
  };
}

function balance(field: Field, errors: StatementErrors, warnings: ParseWarning[]): ParsedBalance | null {
  const text = field.lines.join('').trim();
  const match = BALANCE.exec(text);
  const where = `line ${field.line}`;
  if (!match) {
    errors.add(
      where,
      'balance_invalid',
      `:${field.tag}: '${text}' is not a balance (C or D, date YYMMDD, currency, amount like 1234,56)`,
    );
    return null;
  }
  const [, mark, yy, mm, dd, currency, amountText] = match;
  const date = isoDate(fullYear(Number(yy)), Number(mm), Number(dd));
  const minor = amountOf(amountText!, currency!);
  // A balance's date only labels it (and real files carry ones like 31 November): a warning, not a refusal.
  if (!date) {
    warnings.push({
      code: 'balance_date_invalid',
      message: `:${field.tag}: '${yy}${mm}${dd}' is not a date; the balance is kept without one`,
      path: where,
    });
  }
  if (minor === null)
    errors.add(where, 'amount_invalid', `:${field.tag}: '${amountText}' is not an amount in ${currency}`);
  if (minor === null || !isCurrencyCode(currency!)) return null;
  return { amount: mark === 'D' ? -minor : minor, currency: currency!, date };
}

function amountOf(text: string, currency: string): number | null {
  try {
    return parseMinor(text, currency, ',');
  } catch {
    return null;
  }
}

/** The booking year of an `MMDD` entry date: the one that puts it closest to the value date (year ends). */
function entryDate(valueDate: string, mm: string, dd: string): string | null {
  const year = Number(valueDate.slice(0, 4));
  const candidates = [year - 1, year, year + 1]
    .map((y) => isoDate(y, Number(mm), Number(dd)))
    .filter((d): d is string => d !== null);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(valueDate));
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

function statementLine(
  field: Field,
  info: Field | null,
  currency: string,
  errors: StatementErrors,
): ParsedTransaction | null {
  const [head, ...rest] = field.lines;
  const where = `line ${field.line}`;
  const match = STATEMENT_LINE.exec(head!.trim());
  if (!match) {
    errors.add(
      where,
      'mt940_malformed',
      `:61: '${head!.trim()}' is not a statement line (value date YYMMDD, optional entry date MMDD, C/D/RC/RD, amount like 123,45, type like NTRF)`,
    );
    return null;
  }
  const [, yy, mm, dd, entryMm, entryDd, mark, , amountText, type, refs] = match;
  const valueDate = isoDate(fullYear(Number(yy)), Number(mm), Number(dd));
  if (!valueDate) {
    errors.add(where, 'date_invalid', `:61: '${yy}${mm}${dd}' is not a value date`);
    return null;
  }
  const bookingDate = entryMm && entryDd ? entryDate(valueDate, entryMm, entryDd) : valueDate;
  if (!bookingDate) {
    errors.add(where, 'date_invalid', `:61: '${entryMm}${entryDd}' is not an entry date`);
    return null;
  }
  const minor = amountOf(amountText!, currency);
  if (minor === null) {
    errors.add(
      where,
      'amount_invalid',
      `:61: '${amountText}' is not an amount in ${currency} (digits with one decimal comma)`,
    );
    return null;
  }
  // RC: reversal of a credit (money out), RD: reversal of a debit (money in)
  const credit = mark === 'C' || mark === 'RD';
  const [customerRef, bankRef] = refs!.includes('//')
    ? [refs!.slice(0, refs!.indexOf('//')), refs!.slice(refs!.indexOf('//') + 2)]
    : [refs!, null];
  const supplementary = rest.join('');
  const details = information(info, currency);
  const isReturn = details.isReturn || (details.gvc !== null && RETURN_GVCS.has(details.gvc));
  const oamt = details.originalAmount;
  const ocmt = supplementaryAmount(supplementary, 'OCMT', currency);
  const originalAmount = oamt ?? ocmt;
  // A return books the original amount plus the banks' fees; the difference is the return fee.
  const derivedCharges =
    isReturn && originalAmount !== null && minor > originalAmount ? minor - originalAmount : null;
  return {
    bookingDate,
    valueDate,
    amount: credit ? minor : -minor,
    currency,
    creditDebit: credit ? 'credit' : 'debit',
    reversal: mark === 'RC' || mark === 'RD',
    isReturn,
    returnReasonCode: isReturn
      ? (details.returnReasonCode ?? returnReasonIn(details.remittanceInformation))
      : null,
    counterpartyName: details.counterpartyName,
    counterpartyIban: details.counterpartyIban,
    counterpartyBic: details.counterpartyBic,
    counterpartyAccount: details.counterpartyAccount,
    remittanceInformation: details.remittanceInformation ?? (info ? null : clean(supplementary)),
    structuredReference: null,
    endToEndId: details.endToEndId,
    mandateReference: details.mandateReference,
    creditorId: details.creditorId,
    bankReference: reference(bankRef),
    customerReference: details.customerReference ?? reference(customerRef),
    transactionCode: type!,
    proprietaryCode: details.gvc,
    bookingText: details.bookingText,
    originalAmount,
    chargesAmount: supplementaryAmount(supplementary, 'CHGS', currency) ?? derivedCharges,
    // MT940 bank references are not unique (banks repeat them within a statement): the key is a content hash
    entryReference: null,
  };
}

/** `/OCMT/EUR12,50/` or `/CHGS/EUR1,50/` of the supplementary details, when in the statement's currency. */
function supplementaryAmount(text: string, code: 'OCMT' | 'CHGS', currency: string): number | null {
  const match = new RegExp(`/${code}/([A-Z]{3})(\\d[\\d,]*)`).exec(text);
  return match && match[1] === currency ? amountOf(match[2]!, currency) : null;
}

interface Information {
  gvc: string | null;
  bookingText: string | null;
  remittanceInformation: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  counterpartyAccount: string | null;
  endToEndId: string | null;
  mandateReference: string | null;
  creditorId: string | null;
  customerReference: string | null;
  returnReasonCode: string | null;
  isReturn: boolean;
  originalAmount: number | null;
}

const EMPTY: Information = {
  gvc: null,
  bookingText: null,
  remittanceInformation: null,
  counterpartyName: null,
  counterpartyIban: null,
  counterpartyBic: null,
  counterpartyAccount: null,
  endToEndId: null,
  mandateReference: null,
  creditorId: null,
  customerReference: null,
  returnReasonCode: null,
  isReturn: false,
  originalAmount: null,
};

/** Field :86: in the German structure, or as free text when it is not structured. */
function information(field: Field | null, currency = 'EUR'): Information {
  if (!field) return EMPTY;
  const text = field.lines.join('').trim();
  const structured = /^(\d{3})([^A-Za-z0-9\s])/.exec(text);
  if (!structured) {
    // GVC 999 (and banks outside Germany): free text, possibly after a GVC
    const gvc = /^\d{3}/.exec(text)?.[0] ?? null;
    return { ...EMPTY, gvc, remittanceInformation: clean(gvc ? text.slice(3) : text) };
  }
  const gvc = structured[1]!;
  const separator = structured[2]!;
  const subfields = new Map<string, string>();
  const marker = new RegExp(`\\${separator}(\\d{2})`, 'g');
  const body = text.slice(3);
  const positions = [...body.matchAll(marker)];
  positions.forEach((m, i) => {
    const end = positions[i + 1]?.index ?? body.length;
    const key = m[1]!;
    const value = body.slice(m.index! + 3, end);
    subfields.set(key, (subfields.get(key) ?? '') + value);
  });
  const purposeKeys = [...subfields.keys()].filter((k) => /^(2\d|6[0-3])$/.test(k)).sort();
  const pieces = purposeKeys.map((k) => subfields.get(k)!);
  const tags = sepaTags(pieces);

  const bankField = clean(subfields.get('30') ?? null);
  const accountField = clean(subfields.get('31') ?? null);
  const iban = asIban(accountField) ?? asIban(subfields.get('38')) ?? asIban(tags.IBAN);
  const bic = asBic(bankField) ?? asBic(tags.BIC);
  const textKey = clean(subfields.get('34') ?? null);
  const bookingText = clean(subfields.get('00') ?? null);
  const dkReason = textKey ? (DK_RETURN_REASONS[textKey.slice(0, 3)] ?? null) : null;
  const isReturn = RETURN_GVCS.has(gvc) || dkReason !== null || RETURN_TEXT.test(bookingText ?? '');
  const remittance = tags.SVWZ ?? tags.prefix;
  return {
    gvc,
    bookingText,
    remittanceInformation: clean(remittance),
    counterpartyName: clean([subfields.get('32'), subfields.get('33')].filter(Boolean).join('')),
    counterpartyIban: iban,
    counterpartyBic: bic,
    counterpartyAccount:
      iban || !accountField
        ? null
        : bankField && !asBic(bankField)
          ? `${bankField}/${accountField}`
          : accountField,
    endToEndId: reference(tags.EREF),
    mandateReference: reference(tags.MREF),
    creditorId: reference(tags.CRED),
    customerReference: reference(tags.KREF),
    returnReasonCode: dkReason ?? (isReturn ? returnReasonIn(remittance) : null),
    isReturn,
    originalAmount: tags.OAMT ? amountOf(tags.OAMT.replace(/\s+/g, ''), currency) : null,
  };
}

/**
 * The SEPA tags of the purpose subfields. Each tag opens a subfield (DK rule) and its value runs on in the
 * following subfields without the tag; some banks write several tags in one subfield, separated by a space.
 * Without any tag the purpose is free text, and its subfields are joined with spaces (27-character lines).
 */
function sepaTags(pieces: string[]): Partial<Record<SepaTag, string>> & { prefix: string | null } {
  const joined = pieces.join('\u0000');
  const found = [...joined.matchAll(TAG_PATTERN)];
  if (found.length === 0) return { prefix: clean(pieces.join(' ')) };
  const result: Partial<Record<SepaTag, string>> & { prefix: string | null } = {
    prefix: clean(joined.slice(0, found[0]!.index).replaceAll('\u0000', '')),
  };
  found.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = found[i + 1]?.index ?? joined.length;
    const tag = m[2] as SepaTag;
    const value = joined.slice(start, end).replaceAll('\u0000', '').trim();
    result[tag] = result[tag] ? `${result[tag]} ${value}` : value;
  });
  return result;
}
