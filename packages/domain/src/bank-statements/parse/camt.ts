/**
 * ISO 20022 camt.053 (bank to customer statement) and camt.054 (debit/credit notification), versions
 * 001.02 and 001.08 — what German banks deliver (DK "DFÜ-Abkommen" Anlage 3; .08 since November 2023).
 * Pure: text in, normalised statements out; a broken file is refused naming the element and its line.
 *
 * Version differences handled here: v08 wraps parties in `Pty` (`Dbtr/Pty/Nm` instead of `Dbtr/Nm`), names
 * the BIC `BICFI` (v02: `BIC`), puts the entry status in `Sts/Cd` (v02: `Sts`), allows `DtTm` for dates,
 * and gives each transaction detail its own `Amt` (v02: only `AmtDtls/TxAmt`).
 */
import { isValidIBAN } from 'ibantools';
import {
  asBic,
  asIban,
  checkBalances,
  clean,
  fileError,
  isCalendarDate,
  isCurrencyCode,
  MAX_TRANSACTIONS,
  parseMinor,
  reference,
  StatementErrors,
  YIELD_EVERY,
  yieldToLoop,
} from './common';
import type { ParsedBalance, ParsedFile, ParsedStatement, ParsedTransaction, ParseWarning } from './model';
import {
  at,
  attribute,
  child,
  children,
  readXml,
  type XmlDocument,
  type XmlNode,
  text as xmlText,
} from './xml';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.(\d{3}\.\d{2})$/;
export const CAMT_VERSIONS = ['001.02', '001.08'] as const;

/**
 * ISO bank transaction sub-families of returned payments: unpaid direct debit (UPDD), reversal due to a
 * payment return (RRTN) or a payment reversal of a direct debit (PRDD).
 */
const RETURN_SUB_FAMILIES = new Set(['UPDD', 'RRTN', 'PRDD']);

type Direction = 'credit' | 'debit';

/** The camt namespace of an XML text, or null: lets format detection ask without parsing twice. */
export function camtKind(namespace: string | null): { message: '053' | '054'; version: string } | null {
  const match = NAMESPACE.exec(namespace ?? '');
  return match ? { message: match[1] as '053' | '054', version: match[2]! } : null;
}

export async function parseCamt(text: string): Promise<ParsedFile> {
  return parseCamtDocument(await readXml(text));
}

export async function parseCamtDocument(doc: XmlDocument): Promise<ParsedFile> {
  const kind = camtKind(doc.namespace);
  if (doc.root.name !== 'Document' || !kind) {
    throw fileError(
      'bank_statement_format_unknown',
      `The XML is not a camt message (root <${doc.root.name}> in namespace ${doc.namespace ?? 'none'}); send camt.053 or camt.054.`,
    );
  }
  if (!(CAMT_VERSIONS as readonly string[]).includes(kind.version)) {
    throw fileError(
      'bank_statement_format_unsupported',
      `camt.${kind.message}.${kind.version} is not supported; send version ${CAMT_VERSIONS.join(' or ')} (ask the bank for camt.${kind.message}.001.08).`,
    );
  }
  return new CamtReader(doc, kind.message, kind.version).read();
}

class CamtReader {
  private readonly errors = new StatementErrors();
  private readonly warnings: ParseWarning[] = [];
  private readonly text = xmlText;
  private count = 0;

  constructor(
    private readonly doc: XmlDocument,
    private readonly message: '053' | '054',
    private readonly version: string,
  ) {}

  private fail(
    node: XmlNode | undefined,
    path: string,
    code: string,
    message: string,
    parent?: XmlNode,
  ): void {
    this.errors.add(path, code, message, node?.line ?? parent?.line);
  }

  async read(): Promise<ParsedFile> {
    const containerName = this.message === '053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn';
    const itemName = this.message === '053' ? 'Stmt' : 'Ntfctn';
    const container = child(this.doc.root, containerName);
    const base = `/Document/${containerName}`;
    const items = children(container, itemName);
    if (!container)
      this.fail(this.doc.root, '/Document', 'required', `the ${containerName} element is missing`);
    else if (items.length === 0) this.fail(container, base, 'required', `no ${itemName} element`);
    const messageId = this.text(container, 'GrpHdr', 'MsgId');
    const statements: ParsedStatement[] = [];
    for (const [i, item] of items.entries()) {
      statements.push(await this.statement(item, `${base}/${itemName}[${i + 1}]`, messageId));
    }
    this.errors.throwIfAny();
    return { format: this.message === '053' ? 'camt.053' : 'camt.054', statements, warnings: this.warnings };
  }

  private async statement(node: XmlNode, path: string, messageId: string | null): Promise<ParsedStatement> {
    const acct = child(node, 'Acct');
    const iban = asIban(this.text(acct, 'Id', 'IBAN'));
    const other = clean(this.text(acct, 'Id', 'Othr', 'Id'));
    // some banks put the IBAN under Othr; it is the same account, so it is read as one when its checksum holds
    const otherIban = other && isValidIBAN(other.replace(/\s+/g, '').toUpperCase()) ? asIban(other) : null;
    const currency = this.text(acct, 'Ccy');
    if (!acct) this.fail(node, `${path}/Acct`, 'required', 'the account is missing');
    else if (!iban && !other)
      this.fail(acct, `${path}/Acct/Id`, 'required', 'the account has no IBAN or other identification');

    const balances = children(node, 'Bal').map((bal, i) => ({ bal, i }));
    const balance = (codes: string[]): ParsedBalance | null => {
      const found = balances.find(({ bal }) => codes.includes(this.text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? ''));
      return found ? this.balance(found.bal, `${path}/Bal[${found.i + 1}]`) : null;
    };

    const transactions: ParsedTransaction[] = [];
    let notBooked = 0;
    for (const [i, entry] of children(node, 'Ntry').entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
      const parsed = this.entry(entry, `${path}/Ntry[${i + 1}]`);
      if (parsed === 'not_booked') notBooked += 1;
      else transactions.push(...parsed);
    }
    this.count += transactions.length;
    if (this.count > MAX_TRANSACTIONS) {
      throw fileError(
        'bank_statement_too_many_transactions',
        `A file may hold at most ${MAX_TRANSACTIONS} transactions; ask the bank for shorter periods.`,
      );
    }
    if (notBooked > 0) {
      this.warnings.push({
        code: 'entries_not_booked',
        message: `${notBooked} entr${notBooked === 1 ? 'y is' : 'ies are'} pending or for information only (Sts other than BOOK) and were not imported; they come again once booked.`,
        path,
      });
    }
    const statement: ParsedStatement = {
      format: this.message === '053' ? 'camt.053' : 'camt.054',
      formatVersion: this.version,
      messageId,
      reference: this.text(node, 'Id'),
      sequenceNumber: this.text(node, 'ElctrncSeqNb') ?? this.text(node, 'LglSeqNb'),
      account: {
        iban: iban ?? otherIban,
        number: iban || otherIban ? null : other,
        bic: asBic(
          this.text(acct, 'Svcr', 'FinInstnId', 'BICFI') ?? this.text(acct, 'Svcr', 'FinInstnId', 'BIC'),
        ),
        currency: currency && isCurrencyCode(currency) ? currency : null,
        owner: clean(this.text(acct, 'Ownr', 'Nm')),
      },
      createdAt: this.instant(this.text(node, 'CreDtTm')),
      fromDate: this.datePart(this.text(node, 'FrToDt', 'FrDtTm')),
      toDate: this.datePart(this.text(node, 'FrToDt', 'ToDtTm')),
      // PRCD (previously closed booked) is what some banks send instead of OPBD
      openingBalance: balance(['OPBD', 'PRCD']),
      closingBalance: balance(['CLBD']),
      transactions,
    };
    checkBalances(statement, path, this.warnings);
    return statement;
  }

  private balance(node: XmlNode, path: string): ParsedBalance | null {
    const amount = this.money(node, path, child(node, 'CdtDbtInd') ? this.direction(node, path) : 'credit');
    if (!amount) return null;
    return {
      amount: amount.amount,
      currency: amount.currency,
      date: this.date(child(node, 'Dt'), `${path}/Dt`, node),
    };
  }

  /** `Amt` with its `Ccy`, signed by `direction`; reports what is wrong and answers null. */
  private money(
    node: XmlNode,
    path: string,
    direction: Direction | null,
    name = 'Amt',
  ): { amount: number; currency: string } | null {
    const amt = child(node, name);
    const value = this.text(amt);
    const currency = attribute(amt, 'Ccy');
    if (value === null) {
      this.fail(amt, `${path}/${name}`, 'required', 'the amount is missing', node);
      return null;
    }
    if (!currency || !isCurrencyCode(currency)) {
      this.fail(
        amt,
        `${path}/${name}/@Ccy`,
        'currency_invalid',
        `'${currency ?? ''}' is not an ISO 4217 currency code`,
        node,
      );
      return null;
    }
    let minor: number | null;
    try {
      minor = parseMinor(value, currency, '.');
    } catch {
      minor = null;
    }
    if (minor === null) {
      this.fail(
        amt,
        `${path}/${name}`,
        'amount_invalid',
        `'${value}' is not an amount in ${currency} (a decimal with a point, at most as many decimals as the currency has)`,
        node,
      );
      return null;
    }
    if (direction === null) return null;
    return { amount: direction === 'debit' ? -minor : minor, currency };
  }

  private direction(node: XmlNode, path: string): Direction | null {
    const value = this.text(node, 'CdtDbtInd');
    if (value === 'CRDT') return 'credit';
    if (value === 'DBIT') return 'debit';
    this.fail(
      child(node, 'CdtDbtInd'),
      `${path}/CdtDbtInd`,
      value === null ? 'required' : 'value_not_allowed',
      value === null ? 'the credit/debit indicator is missing' : `'${value}' is not CRDT or DBIT`,
      node,
    );
    return null;
  }

  /** `Dt` or `DtTm` of a date choice; the calendar day as the bank wrote it (no time-zone shift). */
  private date(node: XmlNode | undefined, path: string, parent: XmlNode): string | null {
    if (!node) return null;
    const day = this.text(node, 'Dt');
    const value = day ?? this.text(node, 'DtTm')?.slice(0, 10) ?? null;
    if (value === null || !isCalendarDate(value)) {
      this.fail(
        node,
        `${path}/${day !== null ? 'Dt' : 'DtTm'}`,
        'date_invalid',
        `'${day ?? this.text(node, 'DtTm') ?? ''}' is not a date`,
        parent,
      );
      return null;
    }
    return value;
  }

  private datePart(value: string | null): string | null {
    const day = value?.slice(0, 10) ?? null;
    return day && isCalendarDate(day) ? day : null;
  }

  private instant(value: string | null): string | null {
    if (!value) return null;
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }

  private entry(node: XmlNode, path: string): ParsedTransaction[] | 'not_booked' {
    // v02: <Sts>BOOK</Sts>; v08: <Sts><Cd>BOOK</Cd></Sts>. Pending (PDNG) and information (INFO) entries may
    // still change; they are imported once they come booked.
    const status = this.text(node, 'Sts') ?? this.text(node, 'Sts', 'Cd') ?? this.text(node, 'Sts', 'Prtry');
    if (status !== null && status !== 'BOOK') return 'not_booked';
    const direction = this.direction(node, path);
    const money = this.money(node, path, direction);
    const valueDate = this.date(child(node, 'ValDt'), `${path}/ValDt`, node);
    const bookingDate = this.date(child(node, 'BookgDt'), `${path}/BookgDt`, node) ?? valueDate;
    if (!child(node, 'BookgDt') && !child(node, 'ValDt'))
      this.fail(node, `${path}/BookgDt`, 'required', 'the entry has neither a booking nor a value date');
    if (!money || !direction || !bookingDate) return [];

    const reversal = ['true', '1'].includes(this.text(node, 'RvslInd') ?? '');
    const entryCode = this.codes(child(node, 'BkTxCd'));
    const details = children(node, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
    const batchPmtInfId = this.text(node, 'NtryDtls', 'Btch', 'PmtInfId');
    const entryRef = reference(this.text(node, 'AcctSvcrRef')) ?? reference(this.text(node, 'NtryRef'));
    const common = {
      bookingDate,
      valueDate,
      currency: money.currency,
      reversal,
      bookingText: clean(this.text(node, 'AddtlNtryInf')),
    };

    // A batch booking (one entry, several transaction details) is split into one transaction per detail when
    // the details add up to the entry: each is a payment of its own for reconciliation. When they do not
    // (other currency, missing amounts) the entry stays whole and only what all details share is kept.
    const parts = details.length > 1 ? this.split(details, money.amount, money.currency, direction) : null;
    if (parts) {
      return details.map((tx, k) => {
        const part = parts[k]!;
        const info = this.details(tx, part.direction, reversal, entryCode, money.currency);
        const txRef = reference(this.text(tx, 'Refs', 'AcctSvcrRef'));
        return {
          ...common,
          ...info,
          amount: part.amount,
          creditDebit: part.direction,
          customerReference: info.customerReference ?? batchPmtInfId,
          bankReference: txRef ?? entryRef,
          entryReference: txRef ?? (entryRef ? `${entryRef}#${k + 1}` : null),
        };
      });
    }
    const infos = details.map((tx) => this.details(tx, direction, reversal, entryCode, money.currency));
    if (details.length > 1) {
      this.warnings.push({
        code: 'batch_not_split',
        message: `The ${details.length} transaction details do not add up to the entry amount in its currency; the entry is imported as one transaction.`,
        path,
      });
    }
    const info = infos.length === 1 ? infos[0]! : merge(infos);
    const entryCharges = this.charges(node, money.currency);
    const isReturn = info?.isReturn ?? RETURN_SUB_FAMILIES.has(entryCode.subFamily ?? '');
    return [
      {
        ...common,
        ...(info ?? emptyDetails(entryCode, isReturn)),
        amount: money.amount,
        creditDebit: direction,
        chargesAmount: info?.chargesAmount ?? entryCharges,
        customerReference: info?.customerReference ?? batchPmtInfId,
        bankReference: entryRef ?? info?.bankReference ?? null,
        entryReference: entryRef,
      },
    ];
  }

  private split(
    details: XmlNode[],
    total: number,
    currency: string,
    entryDirection: Direction,
  ): { amount: number; direction: Direction }[] | null {
    const parts: { amount: number; direction: Direction }[] = [];
    for (const tx of details) {
      const amt = child(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt');
      const value = this.text(amt);
      if (value === null || attribute(amt, 'Ccy') !== currency) return null;
      const minor = safeMinor(value, currency);
      const indicator = this.text(tx, 'CdtDbtInd');
      const direction: Direction =
        indicator === 'DBIT' ? 'debit' : indicator === 'CRDT' ? 'credit' : entryDirection;
      if (minor === null) return null;
      parts.push({ amount: direction === 'debit' ? -minor : minor, direction });
    }
    return parts.reduce((sum, p) => sum + p.amount, 0) === total ? parts : null;
  }

  private codes(node: XmlNode | undefined): {
    iso: string | null;
    subFamily: string | null;
    proprietary: string | null;
  } {
    const domain = this.text(node, 'Domn', 'Cd');
    const family = this.text(node, 'Domn', 'Fmly', 'Cd');
    const subFamily = this.text(node, 'Domn', 'Fmly', 'SubFmlyCd');
    return {
      iso: domain ? [domain, family, subFamily].filter(Boolean).join('-') : null,
      subFamily,
      proprietary: clean(this.text(node, 'Prtry', 'Cd')),
    };
  }

  /** Charges: v02 repeats `Chrgs` with an `Amt` each; v08 has one `Chrgs` with a total or `Rcrd` records. */
  private charges(node: XmlNode, currency: string): number | null {
    let total: number | null = null;
    const add = (amt: XmlNode | undefined) => {
      const value = this.text(amt);
      if (value === null || attribute(amt, 'Ccy') !== currency) return;
      const minor = safeMinor(value, currency);
      if (minor !== null) total = (total ?? 0) + minor;
    };
    for (const charges of children(node, 'Chrgs')) {
      if (child(charges, 'TtlChrgsAndTaxAmt')) add(child(charges, 'TtlChrgsAndTaxAmt'));
      else if (children(charges, 'Rcrd').length > 0)
        for (const record of children(charges, 'Rcrd')) add(child(record, 'Amt'));
      else add(child(charges, 'Amt'));
    }
    return total;
  }

  private details(
    tx: XmlNode,
    booked: Direction,
    reversal: boolean,
    entryCode: { iso: string | null; subFamily: string | null; proprietary: string | null },
    currency: string,
  ): Details {
    const own = child(tx, 'BkTxCd') ? this.codes(child(tx, 'BkTxCd')) : entryCode;
    const code = {
      iso: own.iso ?? entryCode.iso,
      subFamily: own.subFamily ?? entryCode.subFamily,
      proprietary: own.proprietary ?? entryCode.proprietary,
    };
    const returnInfo = child(tx, 'RtrInf');
    const isReturn = returnInfo !== undefined || RETURN_SUB_FAMILIES.has(code.subFamily ?? '');
    const reasonCode = this.text(returnInfo, 'Rsn', 'Cd') ?? this.text(returnInfo, 'Rsn', 'Prtry');
    // The counterparty is whoever stood on the other side of the original payment: the debtor of a credit,
    // the creditor of a debit — and the other way round for returns and reversals, which undo a payment.
    const original: Direction = isReturn || reversal ? (booked === 'credit' ? 'debit' : 'credit') : booked;
    const role = original === 'credit' ? 'Dbtr' : 'Cdtr';
    const parties = child(tx, 'RltdPties');
    const party = child(parties, role);
    const accountId = at(parties, `${role}Acct`, 'Id');
    const agent = at(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId');
    const otherAccount = clean(this.text(accountId, 'Othr', 'Id'));

    const remittance = child(tx, 'RmtInf');
    const structured = children(remittance, 'Strd');
    const texts = [
      ...children(remittance, 'Ustrd').map((u) => this.text(u)),
      ...structured.flatMap((s) => children(s, 'AddtlRmtInf').map((a) => this.text(a))),
      ...structured.flatMap((s) => children(s, 'RfrdDocInf').map((d) => this.text(d, 'Nb'))),
    ].filter((t): t is string => t !== null);
    const structuredReference =
      structured.map((s) => clean(this.text(s, 'CdtrRefInf', 'Ref'))).find((r) => r !== null) ?? null;

    const instructed = at(tx, 'AmtDtls', 'InstdAmt', 'Amt');
    const instructedValue = this.text(instructed);
    return {
      isReturn,
      returnReasonCode: reasonCode ? reasonCode.toUpperCase() : null,
      counterpartyName: clean(this.text(party, 'Nm') ?? this.text(party, 'Pty', 'Nm')),
      counterpartyIban: asIban(this.text(accountId, 'IBAN')),
      counterpartyBic: asBic(this.text(agent, 'BICFI') ?? this.text(agent, 'BIC')),
      counterpartyAccount: asIban(this.text(accountId, 'IBAN')) ? null : otherAccount,
      remittanceInformation: clean(texts.join(' ')),
      structuredReference,
      endToEndId: reference(this.text(tx, 'Refs', 'EndToEndId')),
      mandateReference: reference(this.text(tx, 'Refs', 'MndtId')),
      creditorId: this.creditorId(parties),
      bankReference: reference(this.text(tx, 'Refs', 'AcctSvcrRef')),
      customerReference:
        reference(this.text(tx, 'Refs', 'PmtInfId')) ?? reference(this.text(tx, 'Refs', 'InstrId')),
      transactionCode: code.iso,
      proprietaryCode: code.proprietary,
      originalAmount:
        instructedValue !== null && attribute(instructed, 'Ccy') === currency
          ? safeMinor(instructedValue, currency)
          : null,
      chargesAmount: this.charges(tx, currency),
    };
  }

  /** The SEPA creditor identifier: the creditor's private id whose scheme is `SEPA` (EPC rulebook). */
  private creditorId(parties: XmlNode | undefined): string | null {
    for (const role of ['Cdtr', 'UltmtCdtr']) {
      const party = child(parties, role);
      const id = child(party, 'Id') ?? at(party, 'Pty', 'Id');
      for (const other of children(child(id, 'PrvtId'), 'Othr')) {
        if ((this.text(other, 'SchmeNm', 'Prtry') ?? '').toUpperCase() === 'SEPA')
          return clean(this.text(other, 'Id'));
      }
    }
    return null;
  }
}

type Details = Omit<
  ParsedTransaction,
  | 'bookingDate'
  | 'valueDate'
  | 'amount'
  | 'currency'
  | 'creditDebit'
  | 'reversal'
  | 'bookingText'
  | 'entryReference'
>;

function safeMinor(value: string, currency: string): number | null {
  try {
    return parseMinor(value, currency, '.');
  } catch {
    return null;
  }
}

function emptyDetails(code: { iso: string | null; proprietary: string | null }, isReturn: boolean): Details {
  return {
    isReturn,
    returnReasonCode: null,
    counterpartyName: null,
    counterpartyIban: null,
    counterpartyBic: null,
    counterpartyAccount: null,
    remittanceInformation: null,
    structuredReference: null,
    endToEndId: null,
    mandateReference: null,
    creditorId: null,
    bankReference: null,
    customerReference: null,
    transactionCode: code.iso,
    proprietaryCode: code.proprietary,
    originalAmount: null,
    chargesAmount: null,
  };
}

/** One entry of several details that could not be split: what every detail agrees on, and all their texts. */
function merge(infos: Details[]): Details | null {
  if (infos.length === 0) return null;
  const same = <K extends keyof Details>(key: K): Details[K] | null => {
    const first = infos[0]![key];
    return infos.every((i) => i[key] === first) ? first : null;
  };
  const texts = [
    ...new Set(infos.map((i) => i.remittanceInformation).filter((t): t is string => t !== null)),
  ];
  return {
    isReturn: infos.some((i) => i.isReturn),
    returnReasonCode: same('returnReasonCode'),
    counterpartyName: same('counterpartyName'),
    counterpartyIban: same('counterpartyIban'),
    counterpartyBic: same('counterpartyBic'),
    counterpartyAccount: same('counterpartyAccount'),
    remittanceInformation: texts.length > 0 ? texts.join(' / ') : null,
    structuredReference: same('structuredReference'),
    endToEndId: same('endToEndId'),
    mandateReference: same('mandateReference'),
    creditorId: same('creditorId'),
    bankReference: same('bankReference'),
    customerReference: same('customerReference'),
    transactionCode: same('transactionCode'),
    proprietaryCode: same('proprietaryCode'),
    originalAmount: null,
    chargesAmount: null,
  };
}
