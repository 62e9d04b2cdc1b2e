import { isDate } from '../billing/dates';
import { toMajorString } from '../money';
import type { PostalAddress } from '../organizations/types';
import { isValidBic, isValidCreditorId, isValidIban, isValidMandateReference } from '../validation/bank';
import { isSepaIdentifier, toSepaText } from './charset';
import type { MandateScheme, SequenceType } from './types';

/**
 * pain.008.001.08 (ISO 20022 CustomerDirectDebitInitiation, the version of the EPC 2019 implementation
 * guidelines in force since November 2023): a pure builder from plain data to the XML text. It groups the
 * transactions into one PmtInf per collection date, scheme (CORE, B2B — banks process them separately) and
 * sequence type; writes control sums as exact decimal strings from minor units; transliterates names and
 * remittance into the SEPA character set; and refuses input a bank would reject (an error here is a bug in
 * the caller, which checked the data when the collection was made).
 */

export const PAIN008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08';

/** SEPA direct debits are in euro only. */
const CURRENCY = 'EUR';
/** EPC: names are at most 70 characters (the schema allows 140). */
const NAME_MAX = 70;
/** Unstructured remittance information: one Ustrd of at most 140 characters (EPC). */
const REMITTANCE_MAX = 140;
/** EPC: at most 999,999,999.99 EUR per transaction. */
const AMOUNT_MAX = 99_999_999_999;

export interface Pain008Party {
  name: string;
  address?: PostalAddress | null;
}

export interface Pain008Creditor extends Pain008Party {
  iban: string;
  bic: string | null;
  /** SEPA creditor identifier, e.g. DE98ZZZ09999999999. */
  creditorId: string;
}

export interface Pain008Debtor extends Pain008Party {
  iban: string;
  bic: string | null;
}

export interface Pain008Transaction {
  endToEndId: string;
  /** Minor units of EUR, > 0. */
  amount: number;
  currency: string;
  collectionDate: string;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  mandateId: string;
  mandateSignedDate: string;
  debtor: Pain008Debtor;
  /** Unstructured remittance information (the invoice number and date), transliterated and cut to 140. */
  remittance: string | null;
}

export interface Pain008Message {
  /** Unique per creditor for at least 15 days (banks refuse duplicates); ≤ 35 characters. */
  messageId: string;
  /** CreDtTm. */
  createdAt: Date;
  /** Who hands the file in; defaults to the creditor's name. */
  initiatingPartyName?: string;
  creditor: Pain008Creditor;
  transactions: readonly Pain008Transaction[];
}

/** What grouping into batches looks at. */
export type Batchable = Pick<Pain008Transaction, 'collectionDate' | 'scheme' | 'sequenceType' | 'amount'>;

export interface Pain008Batch<T extends Batchable = Pain008Transaction> {
  paymentInformationId: string;
  collectionDate: string;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  transactions: T[];
  /** Minor units. */
  controlSum: number;
}

const SCHEME_ORDER: Record<MandateScheme, number> = { CORE: 0, B2B: 1 };
const SEQUENCE_ORDER: Record<SequenceType, number> = { FRST: 0, RCUR: 1, OOFF: 2 };

/**
 * One batch (PmtInf) per collection date × scheme × sequence type, ordered by date, then CORE before B2B,
 * then FRST, RCUR, OOFF; transactions keep their given order. PmtInfId is `<messageId>-<n>`, so it is
 * unique within the file and stable: the same transactions always give the same ids.
 */
export function paymentBatches<T extends Batchable>(
  messageId: string,
  transactions: readonly T[],
): Pain008Batch<T>[] {
  const groups = new Map<string, Omit<Pain008Batch<T>, 'paymentInformationId'>>();
  for (const tx of transactions) {
    const key = `${tx.collectionDate}|${tx.scheme}|${tx.sequenceType}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        collectionDate: tx.collectionDate,
        scheme: tx.scheme,
        sequenceType: tx.sequenceType,
        transactions: [],
        controlSum: 0,
      };
      groups.set(key, group);
    }
    group.transactions.push(tx);
    group.controlSum += tx.amount;
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      a.collectionDate.localeCompare(b.collectionDate) ||
      SCHEME_ORDER[a.scheme] - SCHEME_ORDER[b.scheme] ||
      SEQUENCE_ORDER[a.sequenceType] - SEQUENCE_ORDER[b.sequenceType],
  );
  return sorted.map((group, i) => ({ paymentInformationId: `${messageId}-${i + 1}`, ...group }));
}

/** XML character escaping for text content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An element tree written as indented XML; children `undefined`/`null` are left out. */
type Node = { name: string; attrs?: Record<string, string>; text?: string; children?: (Node | null)[] };

const el = (name: string, content: string | (Node | null)[], attrs?: Record<string, string>): Node =>
  typeof content === 'string' ? { name, text: content, attrs } : { name, children: content, attrs };

function write(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.text !== undefined) {
    out.push(`${pad}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>`);
  for (const child of node.children ?? []) if (child) write(child, depth + 1, out);
  out.push(`${pad}</${node.name}>`);
}

class Pain008Error extends RangeError {
  constructor(message: string) {
    super(`pain.008: ${message}`);
    this.name = 'Pain008Error';
  }
}

function requireName(name: string, what: string): string {
  const text = toSepaText(name, NAME_MAX);
  if (!text) throw new Pain008Error(`${what} name '${name}' has nothing in the SEPA character set`);
  return text;
}

function requireId(id: string, what: string): string {
  if (!isSepaIdentifier(id)) throw new Pain008Error(`${what} '${id}' is no SEPA identifier`);
  return id;
}

function requireIban(iban: string, what: string): string {
  if (!isValidIban(iban)) throw new Pain008Error(`${what} IBAN '${iban}' is invalid`);
  return iban;
}

/** Structured postal address (PostalAddress24) as the EPC 2023 guidelines prefer it; line1 is street and number. */
function address(a: PostalAddress | null | undefined): Node | null {
  if (!a) return null;
  const text = (value: string | null | undefined, max: number) => {
    const t = value ? toSepaText(value, max) : '';
    return t ? t : null;
  };
  const street = text(a.line1, 70);
  const postalCode = text(a.postalCode, 16);
  const town = text(a.city, 35);
  return el('PstlAdr', [
    street ? el('StrtNm', street) : null,
    postalCode ? el('PstCd', postalCode) : null,
    town ? el('TwnNm', town) : null,
    el('Ctry', a.country),
  ]);
}

/** Financial institution: the BIC, or "NOTPROVIDED" (EPC: the BIC is optional within the EEA since 2016). */
function agent(bic: string | null, what: string): Node {
  if (bic && !isValidBic(bic)) throw new Pain008Error(`${what} BIC '${bic}' is invalid`);
  return el('FinInstnId', [bic ? el('BICFI', bic) : el('Othr', [el('Id', 'NOTPROVIDED')])]);
}

const amountText = (minor: number) => toMajorString(minor, CURRENCY);

function checkTransaction(tx: Pain008Transaction, seen: Set<string>): void {
  requireId(tx.endToEndId, 'EndToEndId');
  if (seen.has(tx.endToEndId)) throw new Pain008Error(`EndToEndId '${tx.endToEndId}' appears twice`);
  seen.add(tx.endToEndId);
  if (tx.currency !== CURRENCY) throw new Pain008Error(`SEPA direct debits are in EUR, not ${tx.currency}`);
  if (!Number.isSafeInteger(tx.amount) || tx.amount <= 0 || tx.amount > AMOUNT_MAX) {
    throw new Pain008Error(`amount ${tx.amount} of ${tx.endToEndId} is out of 0.01–999999999.99 EUR`);
  }
  if (!isDate(tx.collectionDate)) throw new Pain008Error(`collection date '${tx.collectionDate}' is invalid`);
  if (!isDate(tx.mandateSignedDate)) {
    throw new Pain008Error(`mandate signature date '${tx.mandateSignedDate}' is invalid`);
  }
  if (!isValidMandateReference(tx.mandateId)) {
    throw new Pain008Error(`mandate reference '${tx.mandateId}' is invalid`);
  }
}

function transaction(tx: Pain008Transaction): Node {
  const remittance = tx.remittance ? toSepaText(tx.remittance, REMITTANCE_MAX) : '';
  return el('DrctDbtTxInf', [
    el('PmtId', [el('EndToEndId', tx.endToEndId)]),
    el('InstdAmt', amountText(tx.amount), { Ccy: tx.currency }),
    el('DrctDbtTx', [el('MndtRltdInf', [el('MndtId', tx.mandateId), el('DtOfSgntr', tx.mandateSignedDate)])]),
    el('DbtrAgt', [agent(tx.debtor.bic, 'debtor')]),
    el('Dbtr', [el('Nm', requireName(tx.debtor.name, 'debtor')), address(tx.debtor.address)]),
    el('DbtrAcct', [el('Id', [el('IBAN', requireIban(tx.debtor.iban, 'debtor'))])]),
    remittance ? el('RmtInf', [el('Ustrd', remittance)]) : null,
  ]);
}

/**
 * The pain.008.001.08 document as UTF-8 XML text. Throws a RangeError naming the first value a bank would
 * refuse (an id outside the SEPA set, a non-euro amount, a name with no Latin letter, an invalid IBAN).
 */
export function buildPain008(message: Pain008Message): string {
  const { creditor } = message;
  requireId(message.messageId, 'MsgId');
  if (message.transactions.length === 0) throw new Pain008Error('a file needs at least one transaction');
  if (!isValidCreditorId(creditor.creditorId)) {
    throw new Pain008Error(`creditor identifier '${creditor.creditorId}' is invalid`);
  }
  const seen = new Set<string>();
  for (const tx of message.transactions) checkTransaction(tx, seen);
  const creditorName = requireName(creditor.name, 'creditor');
  const batches = paymentBatches(message.messageId, message.transactions);
  const total = message.transactions.reduce((sum, tx) => sum + tx.amount, 0);
  if (!Number.isSafeInteger(total)) throw new Pain008Error('the control sum is out of range');
  for (const batch of batches) requireId(batch.paymentInformationId, 'PmtInfId');

  // xs:dateTime without fractions, in UTC
  const createdAt = message.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const creditorScheme = el('CdtrSchmeId', [
    el('Id', [
      el('PrvtId', [el('Othr', [el('Id', creditor.creditorId), el('SchmeNm', [el('Prtry', 'SEPA')])])]),
    ]),
  ]);

  const document = el(
    'Document',
    [
      el('CstmrDrctDbtInitn', [
        el('GrpHdr', [
          el('MsgId', message.messageId),
          el('CreDtTm', createdAt),
          el('NbOfTxs', String(message.transactions.length)),
          el('CtrlSum', amountText(total)),
          el('InitgPty', [
            el('Nm', requireName(message.initiatingPartyName ?? creditor.name, 'initiating party')),
          ]),
        ]),
        ...batches.map((batch) =>
          el('PmtInf', [
            el('PmtInfId', batch.paymentInformationId),
            el('PmtMtd', 'DD'),
            // one booking per batch on the creditor's statement: what EPC calls batch booking
            el('BtchBookg', 'true'),
            el('NbOfTxs', String(batch.transactions.length)),
            el('CtrlSum', amountText(batch.controlSum)),
            el('PmtTpInf', [
              el('SvcLvl', [el('Cd', 'SEPA')]),
              el('LclInstrm', [el('Cd', batch.scheme)]),
              el('SeqTp', batch.sequenceType),
            ]),
            el('ReqdColltnDt', batch.collectionDate),
            el('Cdtr', [el('Nm', creditorName), address(creditor.address)]),
            el('CdtrAcct', [el('Id', [el('IBAN', requireIban(creditor.iban, 'creditor'))])]),
            el('CdtrAgt', [agent(creditor.bic, 'creditor')]),
            // SLEV: each party pays its own bank's charges — the only value the SEPA schemes allow
            el('ChrgBr', 'SLEV'),
            creditorScheme,
            ...batch.transactions.map(transaction),
          ]),
        ),
      ]),
    ],
    { xmlns: PAIN008_NAMESPACE },
  );
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(document, 0, out);
  return `${out.join('\n')}\n`;
}
