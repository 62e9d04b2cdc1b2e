import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../src/bank-statements/parse/camt';
import type { DomainError } from '../src/errors';

// The official samples and genkgo/camt's expected parse results for them (../shared/schemas, see its README).
const CAMT = resolve(__dirname, '../../../../shared/schemas/samples/camt');
const read = (name: string) => readFileSync(join(CAMT, name), 'utf8');

interface GenkgoEntry {
  getAmount: { getAmount: string; getCurrency: { getCode: string } };
  getCreditDebitIndicator: string;
  getBookingDate: { 0: string };
  getValueDate: { 0: string };
  getAccountServicerReference: string | null;
  getTransactionDetails: unknown[];
  getTransactionDetail: { getReference: { getEndToEndId: string | null } | null } | null;
  getRecord: { getId: string; getBalances?: { getType: string; getAmount: { getAmount: string } }[] };
}

/** The entries genkgo/camt lists for a sample, reduced to what both parsers must agree on. */
function expected(name: string) {
  const json = JSON.parse(read(name)) as { getEntries: GenkgoEntry[] };
  return json.getEntries.map((e) => ({
    statement: e.getRecord.getId,
    amount: Number(e.getAmount.getAmount),
    currency: e.getAmount.getCurrency.getCode,
    creditDebit: e.getCreditDebitIndicator === 'CRDT' ? 'credit' : 'debit',
    valueDate: e.getValueDate[0].slice(0, 10),
    bankReference: e.getAccountServicerReference,
    endToEndId:
      e.getTransactionDetails.length === 1
        ? (e.getTransactionDetail?.getReference?.getEndToEndId ?? null)
        : undefined,
    opening: e.getRecord.getBalances?.find((b) => b.getType === 'opening')?.getAmount.getAmount,
  }));
}

async function failure(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the file to be refused');
}

const camt = (version: '02' | '08', body: string, message = '053') => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${message}.001.${version}">
<BkToCstmrStmt>
<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2025-03-05T18:00:00+01:00</CreDtTm></GrpHdr>
<Stmt>
<Id>STMT-1</Id>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
${body}
</Stmt>
</BkToCstmrStmt>
</Document>`;

describe('camt: the official samples', () => {
  for (const [xml, json] of [
    ['camt053.v2.minimal.xml', 'camt053.v2.minimal.json'],
    ['camt053.v2.multi.statement.xml', 'camt053.v2.multi.statement.json'],
    ['camt053.v8.xml', 'camt053.v8.json'],
    ['camt054.v8.xml', 'camt054.v8.json'],
  ] as const) {
    it(`reads ${xml} as genkgo/camt's expected result does`, async () => {
      const file = await parseCamt(read(xml));
      const all = file.statements.flatMap((s) => s.transactions.map((t) => ({ statement: s, t })));
      for (const entry of expected(json)) {
        const match = all.find(
          ({ statement, t }) => statement.reference === entry.statement && t.amount === entry.amount,
        );
        expect(match, `${entry.statement} ${entry.amount}`).toBeDefined();
        const { statement, t } = match!;
        expect(t).toMatchObject({
          currency: entry.currency,
          creditDebit: entry.creditDebit,
          valueDate: entry.valueDate,
        });
        expect(t.bankReference).toBe(entry.bankReference);
        if (entry.endToEndId !== undefined) expect(t.endToEndId).toBe(entry.endToEndId);
        if (entry.opening !== undefined) expect(statement.openingBalance?.amount).toBe(Number(entry.opening));
      }
    });
  }

  it('reads statement, account, balances and the debtor of a credit (camt.053.001.02)', async () => {
    const file = await parseCamt(read('camt053.v2.minimal.xml'));
    expect(file.format).toBe('camt.053');
    const [statement] = file.statements;
    expect(statement).toMatchObject({
      formatVersion: '001.02',
      messageId: 'CAMT053RIB000000000001',
      reference: '253EURNL26VAYB8060476890',
      sequenceNumber: '12312',
      account: { iban: 'NL26VAYB8060476890', currency: 'EUR' },
      createdAt: '2015-03-10T18:43:50.000Z',
      fromDate: '2007-10-18',
      toDate: '2007-10-18',
      openingBalance: { amount: 1815, currency: 'EUR', date: '2014-12-30' },
      // the sample's closing balance is a debit in SEK: kept as written, signed
      closingBalance: { amount: -2700, currency: 'SEK', date: '2014-12-31' },
    });
    expect(statement!.transactions).toEqual([
      expect.objectContaining({
        bookingDate: '2014-12-31',
        amount: 885,
        counterpartyName: 'NAME NAME',
        counterpartyIban: 'NL56AGDH9619008421',
        structuredReference: '4654654654654654',
        proprietaryCode: '544',
        isReturn: false,
      }),
    ]);
  });

  it('reads v08 shapes: Pty-wrapped parties, DtTm booking dates, Sts/Cd, ISO transaction codes', async () => {
    const [statement] = (await parseCamt(read('camt053.v8.xml'))).statements;
    expect(statement!.account).toMatchObject({ iban: 'NL26VAYB8060476890', owner: 'FINPETROL' });
    expect(statement!.transactions[0]).toMatchObject({
      bookingDate: '2014-12-31',
      counterpartyName: 'NAME NAME',
      transactionCode: 'PMNT-RCDT-BOOK',
      entryReference: 'AAAASESS-FP-CN_98765/01',
      endToEndId: 'MUELL/FINP/RA12345',
    });
  });

  it('keeps a camt.054 batch whole when its details do not add up to the entry', async () => {
    const file = await parseCamt(read('camt054.v8.xml'));
    expect(file.format).toBe('camt.054');
    expect(file.warnings).toEqual([
      expect.objectContaining({
        code: 'batch_not_split',
        path: '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]',
      }),
    ]);
    const [t] = file.statements[0]!.transactions;
    expect(t).toMatchObject({ amount: -20000000, currency: 'SEK', bookingText: 'Order', endToEndId: null });
    expect(t!.remittanceInformation).toContain('Unstructured Remittance Information V1');
    expect(t!.remittanceInformation).toContain('Additional Remittance Information V3 block 2');
  });
});

describe('camt: written statements', () => {
  const entry = (inner: string, amount = '150.00', indicator = 'CRDT', status = '<Sts><Cd>BOOK</Cd></Sts>') =>
    `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd>${status}<BookgDt><Dt>2025-03-03</Dt></BookgDt><ValDt><Dt>2025-03-04</Dt></ValDt>${inner}</Ntry>`;

  it('splits a batch booking into one transaction per detail when they add up', async () => {
    const tx = (e2e: string, amount: string, name: string, iban: string) =>
      `<TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>${name}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${iban}</IBAN></Id></DbtrAcct></RltdPties><RltdAgts><DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts><RmtInf><Ustrd>${e2e}</Ustrd></RmtInf></TxDtls>`;
    const xml = camt(
      '08',
      entry(
        `<AcctSvcrRef>BATCH-1</AcctSvcrRef><NtryDtls><Btch><PmtInfId>COLL-2025-03</PmtInfId></Btch>${tx('RE-1', '100.00', 'A GmbH', 'DE89370400440532013000')}${tx('RE-2', '50.00', 'B AG', 'DE02120300000000202051')}</NtryDtls>`,
      ),
    );
    const [statement] = (await parseCamt(xml)).statements;
    expect(
      statement!.transactions.map((t) => [
        t.amount,
        t.endToEndId,
        t.counterpartyName,
        t.counterpartyBic,
        t.entryReference,
        t.customerReference,
      ]),
    ).toEqual([
      [10000, 'RE-1', 'A GmbH', 'COBADEFFXXX', 'BATCH-1#1', 'COLL-2025-03'],
      [5000, 'RE-2', 'B AG', 'COBADEFFXXX', 'BATCH-1#2', 'COLL-2025-03'],
    ]);
  });

  it('reads the creditor reference, entities, reversals and skips pending entries with a warning', async () => {
    const xml = camt(
      '02',
      [
        entry(
          `<RvslInd>true</RvslInd><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>M&#252;ller &amp; S&#xF6;hne</Nm></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>`,
          '12.30',
          'CRDT',
          '<Sts>BOOK</Sts>',
        ),
        entry('', '99.00', 'CRDT', '<Sts>PDNG</Sts>'),
      ].join(''),
    );
    const file = await parseCamt(xml);
    const [t] = file.statements[0]!.transactions;
    expect(file.statements[0]!.transactions).toHaveLength(1);
    // a reversed credit undoes a debit: the counterparty is the creditor of that debit — none here
    expect(t).toMatchObject({
      amount: 1230,
      reversal: true,
      structuredReference: 'RF18539007547034',
      counterpartyName: null,
    });
    expect(file.warnings).toEqual([expect.objectContaining({ code: 'entries_not_booked' })]);

    const plain = await parseCamt(xml.replace('<RvslInd>true</RvslInd>', ''));
    expect(plain.statements[0]!.transactions[0]!.counterpartyName).toBe('Müller & Söhne');
  });

  it('warns when the balances do not add up, and reads JPY without decimals', async () => {
    const balance = (code: string, amount: string) =>
      `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-03</Dt></Dt></Bal>`;
    const ok = await parseCamt(camt('08', balance('OPBD', '100.00') + balance('CLBD', '250.00') + entry('')));
    expect(ok.warnings).toEqual([]);
    const off = await parseCamt(
      camt('08', balance('OPBD', '100.00') + balance('CLBD', '251.00') + entry('')),
    );
    expect(off.warnings).toEqual([expect.objectContaining({ code: 'balance_mismatch' })]);
    const yen = await parseCamt(camt('08', entry('').replace('Ccy="EUR">150.00', 'Ccy="JPY">2700')));
    expect(yen.statements[0]!.transactions[0]).toMatchObject({ amount: 2700, currency: 'JPY' });
  });
});

describe('camt: refused files', () => {
  it('names every broken element with its line', async () => {
    const xml = camt(
      '08',
      '<Ntry><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-03-03</Dt></BookgDt></Ntry>\n' +
        '<Ntry><Amt Ccy="EUR">1.234</Amt><CdtDbtInd>UP</CdtDbtInd><BookgDt><Dt>2025-02-30</Dt></BookgDt></Ntry>',
    );
    const error = await failure(() => parseCamt(xml));
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'bank_statement_invalid' });
    expect(error.errors!.map((e) => [e.path, e.code])).toEqual([
      ['/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt', 'required'],
      ['/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/CdtDbtInd', 'value_not_allowed'],
      ['/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt', 'amount_invalid'],
      ['/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/BookgDt/Dt', 'date_invalid'],
    ]);
    expect(error.errors![0]!.message).toContain('(line 8)');
    expect(error.errors![2]!.message).toContain('(line 9)');
    expect(error.message).toContain('/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt (line 8)');
  });

  it('refuses a DOCTYPE (XXE, entity expansion) before parsing, naming its line', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Document [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n${camt('02', '<Ntry><Amt Ccy="EUR">1.00</Amt><AddtlNtryInf>&xxe;</AddtlNtryInf></Ntry>').replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(await failure(() => parseCamt(xxe))).toMatchObject({
      code: 'xml_doctype_forbidden',
      details: { line: 2 },
    });
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Document>&lol2;</Document>`;
    expect((await failure(() => parseCamt(laughs))).code).toBe('xml_doctype_forbidden');
  });

  it('refuses malformed XML, unknown entities, deep nesting and other camt versions', async () => {
    expect(await failure(() => parseCamt('<Document>\n<A>\n</Document>'))).toMatchObject({
      code: 'xml_malformed',
      details: { line: 3 },
    });
    const entity = await failure(() =>
      parseCamt(
        camt(
          '08',
          '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-03-03</Dt></BookgDt><AddtlNtryInf>&nbsp;</AddtlNtryInf></Ntry>',
        ),
      ),
    );
    // only the five predefined entities exist without a DTD: &nbsp; is a well-formedness error with its place
    expect(entity).toMatchObject({ code: 'xml_malformed', details: { line: 8 } });
    const deep = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">${'<A>'.repeat(60)}${'</A>'.repeat(60)}</Document>`;
    expect((await failure(() => parseCamt(deep))).code).toBe('xml_too_deep');
    expect((await failure(() => parseCamt(camt('02', '').replace('001.02', '001.04')))).code).toBe(
      'bank_statement_format_unsupported',
    );
    expect(
      (
        await failure(() =>
          parseCamt('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'),
        )
      ).code,
    ).toBe('bank_statement_format_unknown');
  });
});
