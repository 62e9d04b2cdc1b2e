import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPain008,
  escapeXml,
  type Pain008Message,
  type Pain008Transaction,
  paymentBatches,
} from '../src/sepa/pain008';

// The official pain.008.001.08 schema in the shared folder beside the repository (../shared/schemas, see its
// README); xmllint from libxml2-utils.
const XSD = resolve(__dirname, '../../../../shared/schemas/sepa/pain.008.001.08.xsd');

const dir = mkdtempSync(join(tmpdir(), 'fakturo-pain008-'));
let counter = 0;
function save(xml: string): string {
  const file = join(dir, `pain008-${++counter}.xml`);
  writeFileSync(file, xml);
  return file;
}

/** xmllint against the XSD: null when valid, else its complaint. */
function xsdErrors(xml: string): string | null {
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, save(xml)], { encoding: 'utf8', stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

/** XPath 1.0 over local names (the default namespace kept out of the way). */
function xpath(xml: string, expression: string): string {
  return execFileSync('xmllint', ['--xpath', `string(${expression})`, save(xml)], {
    encoding: 'utf8',
  }).trim();
}
const el = (...names: string[]) => `//${names.map((n) => `*[local-name()='${n}']`).join('/')}`;

const CREDITOR = {
  name: 'Nordlicht Software GmbH & Co. KG',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  creditorId: 'DE98ZZZ09999999999',
  address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
};

let e2e = 0;
function tx(overrides: Partial<Pain008Transaction> = {}): Pain008Transaction {
  e2e += 1;
  return {
    endToEndId: `sepi-01JD3Y8WQ4XK0R5N6S7T8V${String(e2e).padStart(4, '0')}`,
    amount: 11900,
    currency: 'EUR',
    collectionDate: '2026-04-01',
    scheme: 'CORE',
    sequenceType: 'RCUR',
    mandateId: 'MDT-2026-0001',
    mandateSignedDate: '2026-01-15',
    debtor: {
      name: 'Bäckerei Müller KG',
      iban: 'DE02120300000000202051',
      bic: null,
      address: { line1: 'Musterstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    },
    remittance: 'Rechnung RE-2026-00001 vom 15.03.2026',
    ...overrides,
  };
}

function message(
  transactions: Pain008Transaction[],
  overrides: Partial<Pain008Message> = {},
): Pain008Message {
  return {
    messageId: 'sepc-01JD3Y8WQ4XK0R5N6S7T8V9W0A',
    createdAt: new Date('2026-03-15T10:00:00.123Z'),
    creditor: CREDITOR,
    transactions,
    ...overrides,
  };
}

describe('pain.008.001.08: a file the official schema accepts', () => {
  it('one PmtInf per collection date, scheme and sequence type, with exact counts and control sums', () => {
    const transactions = [
      tx({ amount: 11900, sequenceType: 'FRST', mandateId: 'MDT-A' }),
      tx({ amount: 5, sequenceType: 'RCUR', mandateId: 'MDT-B' }),
      tx({ amount: 1, sequenceType: 'RCUR', mandateId: 'MDT-C' }),
      tx({ amount: 250000, scheme: 'B2B', sequenceType: 'RCUR', mandateId: 'MDT-D' }),
      tx({ amount: 3333, sequenceType: 'OOFF', mandateId: 'MDT-E' }),
      tx({ amount: 4200, collectionDate: '2026-04-03', sequenceType: 'RCUR', mandateId: 'MDT-F' }),
    ];
    const xml = buildPain008(message(transactions));
    expect(xsdErrors(xml)).toBeNull();

    expect(xpath(xml, el('GrpHdr', 'NbOfTxs'))).toBe('6');
    // 119.00 + 0.05 + 0.01 + 2500.00 + 33.33 + 42.00
    expect(xpath(xml, el('GrpHdr', 'CtrlSum'))).toBe('2694.39');
    expect(xpath(xml, `count(${el('PmtInf')})`)).toBe('5');

    const batch = (n: number, field: string) =>
      xpath(xml, `(${el('PmtInf')})[${n}]/*[local-name()='${field}']`);
    const kind = (n: number) =>
      [
        batch(n, 'ReqdColltnDt'),
        xpath(xml, `(${el('PmtInf')})[${n}]//*[local-name()='LclInstrm']/*[local-name()='Cd']`),
        xpath(xml, `(${el('PmtInf')})[${n}]//*[local-name()='SeqTp']`),
        batch(n, 'NbOfTxs'),
        batch(n, 'CtrlSum'),
      ].join(' ');
    // dates first, CORE before B2B, FRST before RCUR before OOFF
    expect([1, 2, 3, 4, 5].map(kind)).toEqual([
      '2026-04-01 CORE FRST 1 119.00',
      '2026-04-01 CORE RCUR 2 0.06',
      '2026-04-01 CORE OOFF 1 33.33',
      '2026-04-01 B2B RCUR 1 2500.00',
      '2026-04-03 CORE RCUR 1 42.00',
    ]);
    expect(batch(1, 'PmtInfId')).toBe('sepc-01JD3Y8WQ4XK0R5N6S7T8V9W0A-1');
    expect(batch(5, 'PmtInfId')).toBe('sepc-01JD3Y8WQ4XK0R5N6S7T8V9W0A-5');
  });

  it('carries the mandate (MndtId, DtOfSgntr), the creditor scheme id, SLEV and the end-to-end id', () => {
    const one = tx({ mandateId: 'MDT-2026-0042', mandateSignedDate: '2025-12-01' });
    const xml = buildPain008(message([one]));
    expect(xsdErrors(xml)).toBeNull();
    expect(xpath(xml, el('MndtRltdInf', 'MndtId'))).toBe('MDT-2026-0042');
    expect(xpath(xml, el('MndtRltdInf', 'DtOfSgntr'))).toBe('2025-12-01');
    expect(xpath(xml, el('CdtrSchmeId', 'Id', 'PrvtId', 'Othr', 'Id'))).toBe('DE98ZZZ09999999999');
    expect(xpath(xml, el('CdtrSchmeId', 'Id', 'PrvtId', 'Othr', 'SchmeNm', 'Prtry'))).toBe('SEPA');
    expect(xpath(xml, el('PmtInf', 'ChrgBr'))).toBe('SLEV');
    expect(xpath(xml, el('PmtId', 'EndToEndId'))).toBe(one.endToEndId);
    expect(xpath(xml, el('InstdAmt'))).toBe('119.00');
    expect(xpath(xml, `${el('InstdAmt')}/@Ccy`)).toBe('EUR');
    expect(xpath(xml, el('GrpHdr', 'CreDtTm'))).toBe('2026-03-15T10:00:00Z');
    // no debtor BIC: NOTPROVIDED, as the EPC guidelines ask
    expect(xpath(xml, el('DbtrAgt', 'FinInstnId', 'Othr', 'Id'))).toBe('NOTPROVIDED');
    expect(xpath(xml, el('CdtrAgt', 'FinInstnId', 'BICFI'))).toBe('COBADEFFXXX');
  });

  it('transliterates names, addresses and remittance into the SEPA set and escapes what XML needs', () => {
    const xml = buildPain008(
      message([
        tx({
          debtor: {
            name: 'Jürgen Groß & Söhne <Ölmühle> "Nord"',
            iban: 'DE02120300000000202051',
            bic: 'BYLADEM1001',
            address: { line1: 'Königsallee 5', postalCode: '40212', city: 'Düsseldorf', country: 'DE' },
          },
          remittance: 'Rechnung RE-2026-00007 — Café Señor Ørsted; 100 % erledigt!',
        }),
        tx({ debtor: { name: "Sinéad O'Brien", iban: 'IE29AIBK93115212345678', bic: null, address: null } }),
      ]),
    );
    expect(xsdErrors(xml)).toBeNull();
    expect(xml).toContain("<Nm>Juergen Gross + Soehne (Oelmuehle) 'Nord'</Nm>".replaceAll("'", '&apos;'));
    expect(xml).toContain('<StrtNm>Koenigsallee 5</StrtNm>');
    expect(xml).toContain('<TwnNm>Duesseldorf</TwnNm>');
    expect(xml).toContain('<Ustrd>Rechnung RE-2026-00007 - Cafe Senor Orsted, 100 Pct erledigt.</Ustrd>');
    expect(xml).toContain('<Nm>Sinead O&apos;Brien</Nm>');
    expect(xml).toContain('<Nm>Nordlicht Software GmbH + Co. KG</Nm>');
    // every text between tags is in the SEPA character set (the entities stand for ' only)
    for (const [, text] of xml.matchAll(/>([^<>\s][^<>]*)</g)) {
      expect(text!.replaceAll('&apos;', "'"), text).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
    }
  });

  it('cuts names to 70 and remittance to 140 characters, and the file stays valid', () => {
    const xml = buildPain008(
      message([
        tx({
          debtor: { name: 'A'.repeat(200), iban: 'DE02120300000000202051', bic: null, address: null },
          remittance: `Rechnung ${'X'.repeat(300)}`,
        }),
      ]),
    );
    expect(xsdErrors(xml)).toBeNull();
    expect(xpath(xml, el('Dbtr', 'Nm'))).toHaveLength(70);
    expect(xpath(xml, el('RmtInf', 'Ustrd'))).toHaveLength(140);
  });

  it('gives the same bytes for the same input (a stored collection downloads identically)', () => {
    const transactions = [tx(), tx({ scheme: 'B2B' })];
    expect(buildPain008(message(transactions))).toBe(buildPain008(message(transactions)));
  });

  it('writes control sums exactly from minor units, however many and however large', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 99_999_999_999 }), { minLength: 1, maxLength: 40 }),
        (amounts) => {
          const transactions = amounts.map((amount, i) =>
            tx({ amount, scheme: i % 2 ? 'B2B' : 'CORE', sequenceType: i % 3 ? 'RCUR' : 'FRST' }),
          );
          const xml = buildPain008(message(transactions));
          const exact = amounts.reduce((sum, a) => sum.plus(new Big(a).div(100)), new Big(0)).toFixed(2);
          const group = /<GrpHdr>[\s\S]*?<CtrlSum>([^<]+)<\/CtrlSum>/.exec(xml)![1];
          expect(group).toBe(exact);
          // each batch sums its own transactions, and the batches sum to the group
          let batches = new Big(0);
          for (const [, block] of xml.matchAll(/<PmtInf>([\s\S]*?)<\/PmtInf>/g)) {
            const ctrl = /<CtrlSum>([^<]+)<\/CtrlSum>/.exec(block!)![1]!;
            const amountsIn = [...block!.matchAll(/<InstdAmt Ccy="EUR">([^<]+)<\/InstdAmt>/g)].map(
              (m) => m[1]!,
            );
            expect(amountsIn.reduce((s, a) => s.plus(a), new Big(0)).toFixed(2)).toBe(ctrl);
            expect(/<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(block!)![1]).toBe(String(amountsIn.length));
            batches = batches.plus(ctrl);
          }
          expect(batches.toFixed(2)).toBe(exact);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the largest allowed amount and the smallest are written exactly and validate', () => {
    const xml = buildPain008(message([tx({ amount: 99_999_999_999 }), tx({ amount: 1 })]));
    expect(xsdErrors(xml)).toBeNull();
    expect(xml).toContain('<InstdAmt Ccy="EUR">999999999.99</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xpath(xml, el('GrpHdr', 'CtrlSum'))).toBe('1000000000.00');
  });
});

describe('pain.008: what a bank would refuse is refused before a file exists', () => {
  const cases: [string, () => Pain008Message, RegExp][] = [
    ['no transactions', () => message([]), /at least one transaction/],
    ['a non-euro amount', () => message([tx({ currency: 'CHF' })]), /EUR, not CHF/],
    ['a zero amount', () => message([tx({ amount: 0 })]), /out of 0\.01/],
    ['a fractional amount', () => message([tx({ amount: 10.5 })]), /out of 0\.01/],
    ['too large an amount', () => message([tx({ amount: 100_000_000_000 })]), /out of 0\.01/],
    ['an id outside the SEPA set', () => message([tx()], { messageId: 'sepc_01JD3Y8W' }), /MsgId/],
    ['an id that is too long', () => message([tx()], { messageId: 'X'.repeat(36) }), /MsgId/],
    [
      'two transactions with one end-to-end id',
      () => {
        const one = tx();
        return message([one, { ...one }]);
      },
      /appears twice/,
    ],
    [
      'an invalid creditor id',
      () => message([tx()], { creditor: { ...CREDITOR, creditorId: 'DE99ZZZ09999999999' } }),
      /creditor identifier/,
    ],
    [
      'an invalid debtor IBAN',
      () => message([tx({ debtor: { ...tx().debtor, iban: 'DE02120300000000202052' } })]),
      /debtor IBAN/,
    ],
    [
      'a debtor name without a Latin letter',
      () => message([tx({ debtor: { ...tx().debtor, name: '山田太郎' } })]),
      /nothing in the SEPA character set/,
    ],
    ['an invalid mandate reference', () => message([tx({ mandateId: '/MDT' })]), /mandate reference/],
    ['an invalid collection date', () => message([tx({ collectionDate: '2026-02-30' })]), /collection date/],
  ];
  for (const [name, make, error] of cases) {
    it(name, () => {
      expect(() => buildPain008(make())).toThrow(error);
    });
  }
});

describe('pain.008 helpers', () => {
  it('escapeXml escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('paymentBatches keeps the order of transactions inside a batch', () => {
    const a = tx({ amount: 1 });
    const b = tx({ amount: 2, scheme: 'B2B' });
    const c = tx({ amount: 3 });
    const batches = paymentBatches('MSG', [a, b, c]);
    expect(
      batches.map((x) => [x.paymentInformationId, x.scheme, x.transactions.map((t) => t.amount)]),
    ).toEqual([
      ['MSG-1', 'CORE', [1, 3]],
      ['MSG-2', 'B2B', [2]],
    ]);
    expect(batches.map((x) => x.controlSum)).toEqual([4, 2]);
  });
});
