import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTestApp, type TestTenant } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// DOMAIN.md §9: bank statements (camt.053/.054, MT940, CSV) are imported idempotently; a file that cannot be
// read is refused naming its line or element, and nothing is written.
const t = await createTestApp();

// The official samples beside the repository (../shared/schemas, see its README).
const SAMPLES = resolve(__dirname, '../../../../shared/schemas/samples');
const sample = (path: string) => readFileSync(join(SAMPLES, path));

function upload(
  body: string | Buffer,
  contentType: string,
  tenant?: TestTenant,
  query = '',
  headers: Record<string, string> = {},
) {
  return t.api(
    {
      method: 'POST',
      url: `/v1/bank-statements${query}`,
      body,
      headers: { 'content-type': contentType, ...headers },
    },
    tenant,
  );
}

const get = (url: string, tenant?: TestTenant) => t.api({ method: 'GET', url }, tenant);

async function count(table: string, tenant: TestTenant): Promise<number> {
  const [{ n }] = await t.db(table).where({ organization_id: tenant.organizationId }).count({ n: '*' });
  return Number(n);
}

async function transactionsOf(statementId: string, tenant: TestTenant) {
  const res = await get(`/v1/bank-transactions?statementId=${statementId}&limit=100`, tenant);
  expect(res.status).toBe(200);
  return res.body.data as Record<string, unknown>[];
}

const GERMAN_MT940 = (days: string[]) => {
  const lines: Record<string, string> = {
    '0303': [
      ':61:2503030303CR119,00NTRFNONREF//250303-00042',
      ':86:166?00SEPA-GUTSCHRIFT?109310?20EREF+RE-2025-0042?21SVWZ+Rechnung RE-2025-0042 vo?22m 01.03.2025?30COBADEFFXXX?31DE89370400440532013000?32Nordlicht GmbH',
    ].join('\n'),
    '0305': [
      ':61:2503050305DR108,50NDDTNONREF//250305-00007',
      ':86:109?00SEPA-DD SOLL RUECKBEL. CORE?1097186?20EREF+RE-2025-0040?21MREF+MANDATE-0001?22CRED+DE98ZZZ09999999999?23OAMT+98,50?24SVWZ+RETOURE RE-2025-0040?30COBADEFFXXX?31DE02120300000000202051?32Erika Mustermann?34902',
    ].join('\n'),
    '0306': [
      ':61:2503060306CR50,00NTRFNONREF',
      ':86:166?00SEPA-GUTSCHRIFT?20SVWZ+Anzahlung Auftrag 4711?32Max Mustermann',
    ].join('\n'),
  };
  return [
    ':20:STARTUMS',
    ':25:37040044/0532013000',
    ':28C:00012/001',
    ':60F:C250301EUR1000,00',
    ...days.map((d) => lines[d]!),
    ':62F:C250306EUR1000,00',
    '-',
  ].join('\r\n');
};

describe('bank statements: camt', () => {
  it('imports a camt.053.001.02 file with two statements, and a second upload imports nothing twice', async () => {
    const tenant = await t.tenant('Camt GmbH');
    const file = sample('camt/camt053.v2.multi.statement.xml');
    const first = await upload(file, 'application/xml', tenant);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ format: 'camt.053', imported: 2, skipped: 0, warnings: [] });
    const [one, two] = first.body.statements;
    expect(one).toMatchObject({
      id: expect.stringMatching(/^bst_/),
      format: 'camt.053',
      formatVersion: '001.02',
      messageId: 'CAMT053RIB000000000001',
      reference: '253EURNL26VAYB8060476890',
      sequenceNumber: '12312',
      account: { iban: 'NL26VAYB8060476890', currency: 'EUR' },
      openingBalance: { amount: 1815, currency: 'EUR', date: '2014-12-30' },
      closingBalance: { amount: 2700, currency: 'EUR', date: '2014-12-31' },
      transactionCount: 1,
      importedCount: 1,
      skippedCount: 0,
    });
    expect(two).toMatchObject({ reference: '254EURNL26VAYB8060476890', importedCount: 1 });

    const [debit] = await transactionsOf(two.id, tenant);
    expect(debit).toMatchObject({
      id: expect.stringMatching(/^btx_/),
      statementId: two.id,
      status: 'unmatched',
      accountIban: 'NL26VAYB8060476890',
      bookingDate: '2014-12-31',
      valueDate: '2015-01-02',
      amount: -700,
      currency: 'EUR',
      creditDebit: 'debit',
      counterpartyName: 'Company Name 2',
      counterpartyIban: 'NL56AGDH9619008421',
      remittanceInformation: 'Transaction Description 2',
      endToEndId: '000000002',
      proprietaryCode: '544',
      matchConfidence: null,
      matchReason: null,
    });
    const single = await get(`/v1/bank-transactions/${debit!.id}`, tenant);
    expect(single.status).toBe(200);
    expect(single.body).toEqual(debit);

    const again = await upload(file, 'application/xml', tenant);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });
    expect(again.body.statements.map((s: { skippedCount: number }) => s.skippedCount)).toEqual([1, 1]);
    expect(again.body.statements[0].fileSha256).toBe(one.fileSha256);
    expect(await count('bank_transactions', tenant)).toBe(2);
    expect(await transactionsOf(again.body.statements[1].id, tenant)).toEqual([]);

    // every statement announced and audited in the transaction that stored it
    const events = await get('/v1/events?type=bank_statement.imported&limit=10', tenant);
    expect(events.body.data).toHaveLength(4);
    expect(events.body.data.at(-1).data.object).toMatchObject({ id: one.id, importedCount: 1 });
    const audited = await t
      .db('audit_log')
      .where({ organization_id: tenant.organizationId, action: 'bank_statement.imported' })
      .pluck('resource_id');
    expect(audited).toHaveLength(4);
    expect(audited).toContain(one.id);
  });

  it('imports camt.053.001.08 and camt.054.001.08 samples with their references', async () => {
    const tenant = await t.tenant('Camt V8 GmbH');
    const statement = await upload(sample('camt/camt053.v8.xml'), 'text/xml; charset=utf-8', tenant);
    expect(statement.status).toBe(201);
    expect(statement.body.statements[0]).toMatchObject({
      formatVersion: '001.08',
      account: { owner: 'FINPETROL' },
    });
    const [credit] = await transactionsOf(statement.body.statements[0].id, tenant);
    expect(credit).toMatchObject({
      amount: 885,
      creditDebit: 'credit',
      bookingDate: '2014-12-31',
      endToEndId: 'MUELL/FINP/RA12345',
      bankReference: 'AAAASESS-FP-CN_98765/01',
      structuredReference: '4654654654654654',
      transactionCode: 'PMNT-RCDT-BOOK',
      counterpartyName: 'NAME NAME',
    });

    const notification = await upload(sample('camt/camt054.v8.xml'), 'application/xml', tenant);
    expect(notification.status).toBe(201);
    expect(notification.body).toMatchObject({ format: 'camt.054', imported: 1, skipped: 0 });
    expect(notification.body.warnings).toEqual([expect.objectContaining({ code: 'batch_not_split' })]);
    const [batch] = await transactionsOf(notification.body.statements[0].id, tenant);
    expect(batch).toMatchObject({ amount: -20000000, currency: 'SEK', bankReference: 'ACSR160617103200001' });
  });

  it('two entries of one statement under one bank reference, same day and amount, are both imported', async () => {
    const tenant = await t.tenant('Verein e.V.');
    // a bank that numbers entries per day badly: two members pay the same fee, both under reference …001
    const entry = (name: string) => `
   <Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>2026030200001</AcctSvcrRef>
    <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties>
     <RmtInf><Ustrd>Mitgliedsbeitrag ${name}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>M-2</MsgId><CreDtTm>2026-03-03T06:00:00</CreDtTm></GrpHdr>
  <Stmt><Id>S-2</Id><CreDtTm>2026-03-03T06:00:00</CreDtTm>
   <Acct><Id><IBAN>DE12500105170648489890</IBAN></Id></Acct>${entry('Anna Alt')}${entry('Bernd Neu')}
  </Stmt>
 </BkToCstmrStmt>
</Document>`;
    const first = await upload(xml, 'application/xml', tenant);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ imported: 2, skipped: 0 });
    const names = (await transactionsOf(first.body.statements[0].id, tenant)).map((x) => x.counterpartyName);
    expect(names.sort()).toEqual(['Anna Alt', 'Bernd Neu']);
    // and the file again still imports nothing twice
    const again = await upload(xml, 'application/xml', tenant);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });
    expect(await count('bank_transactions', tenant)).toBe(2);
  });

  it('keeps a SEPA return with its reason, fee and the customer as counterparty', async () => {
    const tenant = await t.tenant('Return GmbH');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>M-1</MsgId><CreDtTm>2025-03-05T18:00:00+01:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>S-1</Id>
   <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Ntry>
    <Amt Ccy="EUR">108.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2025-03-05</Dt></BookgDt><ValDt><Dt>2025-03-05</Dt></ValDt>
    <AcctSvcrRef>RET-0001</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>RE-2025-0040</EndToEndId><MndtId>MANDATE-0001</MndtId></Refs>
     <AmtDtls><InstdAmt><Amt Ccy="EUR">98.50</Amt></InstdAmt></AmtDtls>
     <Chrgs><Rcrd><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs>
     <RltdPties>
      <Dbtr><Pty><Nm>Erika Mustermann</Nm></Pty></Dbtr>
      <DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct>
      <Cdtr><Pty><Nm>Fakturo Test GmbH</Nm><Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></Pty></Cdtr>
     </RltdPties>
     <RmtInf><Ustrd>Rechnung RE-2025-0040</Ustrd></RmtInf>
     <RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>
    </TxDtls></NtryDtls>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>`;
    const res = await upload(xml, 'application/xml', tenant);
    expect(res.status).toBe(201);
    const [returned] = await transactionsOf(res.body.statements[0].id, tenant);
    expect(returned).toMatchObject({
      amount: -10850,
      creditDebit: 'debit',
      isReturn: true,
      returnReasonCode: 'MD06',
      counterpartyName: 'Erika Mustermann',
      counterpartyIban: 'DE02120300000000202051',
      endToEndId: 'RE-2025-0040',
      mandateReference: 'MANDATE-0001',
      creditorId: 'DE98ZZZ09999999999',
      originalAmount: 9850,
      chargesAmount: 1000,
      transactionCode: 'PMNT-IDDT-UPDD',
    });
  });
});

describe('bank statements: MT940', () => {
  it('imports the sample files; a statement repeated in a file or in another file is skipped', async () => {
    const tenant = await t.tenant('MT940 GmbH');
    const res = await upload(sample('mt940/mt940.txt'), 'text/plain', tenant);
    expect(res.status).toBe(201);
    // the file's fourth statement repeats the first under another :20: reference
    expect(res.body).toMatchObject({ format: 'mt940', imported: 16, skipped: 11 });
    expect(res.body.statements.map((s: { importedCount: number }) => s.importedCount)).toEqual([11, 2, 3, 0]);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ code: 'balance_date_invalid', path: 'line 45' }),
    ]);
    const german = await transactionsOf(res.body.statements[1].id, tenant);
    expect(german.find((tx) => tx.amount === -80000)).toMatchObject({
      bookingDate: '2002-11-02',
      valueDate: '2002-11-01',
      counterpartyName: 'MUELLER',
      counterpartyAccount: '10020030/234567',
      remittanceInformation: 'Miete November',
      proprietaryCode: '008',
      bookingText: 'DAUERAUFTRAG',
      accountNumber: '10020030/1234567',
    });

    // the Deutsche Bank sample holds the same bookings: nothing new
    const other = await upload(sample('mt940/mt940-deutsche_bank.txt'), 'text/plain', tenant);
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ imported: 0, skipped: 16 });
    expect(await count('bank_transactions', tenant)).toBe(16);
  });

  it('parses German ?20–?34 subfields and SEPA tags; an overlapping statement adds only the new day', async () => {
    const tenant = await t.tenant('SEPA GmbH');
    const first = await upload(GERMAN_MT940(['0303', '0305']), 'text/plain; charset=iso-8859-1', tenant);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ imported: 2, skipped: 0 });
    const [returned, credit] = await transactionsOf(first.body.statements[0].id, tenant);
    expect(credit).toMatchObject({
      amount: 11900,
      remittanceInformation: 'Rechnung RE-2025-0042 vom 01.03.2025',
      endToEndId: 'RE-2025-0042',
      counterpartyName: 'Nordlicht GmbH',
      counterpartyIban: 'DE89370400440532013000',
      counterpartyBic: 'COBADEFFXXX',
      bankReference: '250303-00042',
      proprietaryCode: '166',
      transactionCode: 'NTRF',
    });
    expect(returned).toMatchObject({
      amount: -10850,
      isReturn: true,
      returnReasonCode: 'AC04',
      mandateReference: 'MANDATE-0001',
      creditorId: 'DE98ZZZ09999999999',
      originalAmount: 9850,
      chargesAmount: 1000,
    });

    const overlapping = await upload(GERMAN_MT940(['0305', '0306']), 'text/plain', tenant);
    expect(overlapping.body).toMatchObject({ imported: 1, skipped: 1 });
    const [added] = await transactionsOf(overlapping.body.statements[0].id, tenant);
    expect(added).toMatchObject({ amount: 5000, remittanceInformation: 'Anzahlung Auftrag 4711' });
  });
});

describe('bank statements: CSV', () => {
  const csv = [
    'Umsätze Girokonto;DE89370400440532013000',
    '',
    'Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Betrag;Währung',
    '03.03.2025;03.03.2025;Nordlicht GmbH;DE89 3704 0044 0532 0130 00;"Rechnung RE-2025-0042; danke";1.190,00;EUR',
    '05.03.2025;05.03.2025;Müller & Söhne;;RE-2025-0043;-12,50;EUR',
  ].join('\n');
  const mapping =
    '?format=csv&skipLines=2&bookingDateColumn=Buchungstag&valueDateColumn=Valuta&counterpartyNameColumn=Auftraggeber%2FEmpf%C3%A4nger&counterpartyIbanColumn=IBAN&remittanceInformationColumn=Verwendungszweck&amountColumn=Betrag&currencyColumn=W%C3%A4hrung&accountIban=DE89370400440532013000';

  it('reads a German export through the column mapping, Windows-1252 encoded', async () => {
    const tenant = await t.tenant('CSV GmbH');
    const latin1 = Buffer.from(csv, 'latin1');
    const res = await upload(latin1, 'text/csv', tenant, mapping);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'csv', imported: 2, skipped: 0 });
    expect(res.body.statements[0]).toMatchObject({
      account: { iban: 'DE89370400440532013000', currency: 'EUR' },
      fromDate: '2025-03-03',
      toDate: '2025-03-05',
    });
    const [debit, credit] = await transactionsOf(res.body.statements[0].id, tenant);
    expect(credit).toMatchObject({
      amount: 119000,
      counterpartyIban: 'DE89370400440532013000',
      remittanceInformation: 'Rechnung RE-2025-0042; danke',
    });
    expect(debit).toMatchObject({ amount: -1250, creditDebit: 'debit', counterpartyName: 'Müller & Söhne' });

    const again = await upload(Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8', tenant, mapping);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });
  });

  it('replays the first answer for the same Idempotency-Key and refuses the key for another file', async () => {
    const tenant = await t.tenant('CSV Retry GmbH');
    const key = { 'idempotency-key': 'upload-2025-03' };
    const first = await upload(csv, 'text/csv', tenant, mapping, key);
    expect(first.status).toBe(201);
    const retry = await upload(csv, 'text/csv', tenant, mapping, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count('bank_statements', tenant)).toBe(1);
    const other = await upload(
      `${csv}\n06.03.2025;06.03.2025;X;;Y;1,00;EUR`,
      'text/csv',
      tenant,
      mapping,
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('refuses a mapping naming a column the file lacks, listing the header', async () => {
    const tenant = await t.tenant('CSV Error GmbH');
    const res = await upload(
      csv,
      'text/csv',
      tenant,
      '?skipLines=2&bookingDateColumn=Datum&amountColumn=Betrag',
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('bank_statement_invalid');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'csv.columns.bookingDate', code: 'csv_column_unknown' }),
    ]);
    expect(res.body.errors[0].message).toContain("'Buchungstag'");
    const none = await upload(csv, 'text/csv', tenant);
    expect(none.status).toBe(422);
    expect(none.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'csv.columns.bookingDate',
      'csv.columns.amount',
    ]);
    expect(await count('bank_statements', tenant)).toBe(0);
  });
});

describe('bank statements: refused files', () => {
  it('answers 422 naming the line or element, and writes nothing', async () => {
    const tenant = await t.tenant('Broken GmbH');
    const badLine = GERMAN_MT940(['0303']).replace(':61:2503030303CR119,00', ':61:2503030303CR119.00');
    const mt940 = await upload(badLine, 'text/plain', tenant);
    expect(mt940.status).toBe(422);
    expect(mt940.body).toMatchObject({
      code: 'bank_statement_invalid',
      type: expect.stringContaining('bank_statement_invalid'),
    });
    expect(mt940.body.detail).toContain('line 5');
    expect(mt940.body.errors[0]).toMatchObject({ path: 'line 5', code: 'mt940_malformed' });

    const xml = readFileSync(join(SAMPLES, 'camt/camt053.v2.minimal.xml'), 'utf8').replace(
      '<Amt Ccy="EUR">8.85</Amt>',
      '<Amt Ccy="EUR">8,85</Amt>',
    );
    const camt = await upload(xml, 'application/xml', tenant);
    expect(camt.status).toBe(422);
    expect(camt.body.errors[0]).toMatchObject({
      path: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt',
      code: 'amount_invalid',
    });
    expect(camt.body.errors[0].message).toMatch(/\(line \d+\)/);

    const unclosed = await upload(
      '<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n</Document>',
      'application/xml',
      tenant,
    );
    expect(unclosed.status).toBe(422);
    expect(unclosed.body).toMatchObject({ code: 'xml_malformed', line: 4 });

    const xxe = await upload(
      '<?xml version="1.0"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></BkToCstmrStmt></Document>',
      'application/xml',
      tenant,
    );
    expect(xxe.status).toBe(422);
    expect(xxe.body).toMatchObject({ code: 'xml_doctype_forbidden', line: 2 });
    expect(xxe.text).not.toContain('root:');

    const unknown = await upload('Datum,Betrag\n2025-03-01,10.00\n', 'text/plain', tenant);
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('bank_statement_format_unknown');

    expect(await count('bank_statements', tenant)).toBe(0);
    expect(await count('bank_transactions', tenant)).toBe(0);
    expect(await count('events', tenant)).toBe(0);
  });

  it('answers 413 above the size limit and 415 for another media type', async () => {
    const tenant = await t.tenant('Big GmbH');
    const big = `:20:X\n:25:1/2\n:28C:1\n:60F:C250301EUR0,00\n${':86:x\n'.repeat(1_800_000)}`;
    const tooLarge = await upload(big, 'text/plain', tenant);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('body_too_large');
    const json = await t.api({ method: 'POST', url: '/v1/bank-statements', body: { file: 'x' } }, tenant);
    expect(json.status).toBe(415);
    expect(await count('bank_statements', tenant)).toBe(0);
  });
});

describe('bank transactions: lists and tenancy', () => {
  it('filters by status, date, amount and direction, and pages', async () => {
    const tenant = await t.tenant('Filter GmbH');
    await upload(GERMAN_MT940(['0303', '0305', '0306']), 'text/plain', tenant);
    const list = async (query: string) =>
      (await get(`/v1/bank-transactions?${query}`, tenant)).body.data.map(
        (tx: { amount: number }) => tx.amount,
      );
    expect(await list('status=unmatched')).toEqual([5000, -10850, 11900]);
    expect(await list('status=matched')).toEqual([]);
    expect(await list('bookingDateGte=2025-03-04&bookingDateLte=2025-03-05')).toEqual([-10850]);
    expect(await list('amountGte=5000')).toEqual([5000, 11900]);
    expect(await list('amountLte=0')).toEqual([-10850]);
    expect(await list('creditDebit=debit')).toEqual([-10850]);
    const page = await get('/v1/bank-transactions?limit=2', tenant);
    expect(page.body).toMatchObject({ hasMore: true, nextCursor: page.body.data[1].id });
    const rest = await get(`/v1/bank-transactions?limit=2&startingAfter=${page.body.nextCursor}`, tenant);
    expect(rest.body.data.map((tx: { amount: number }) => tx.amount)).toEqual([11900]);
    const bad = await get('/v1/bank-transactions?status=open', tenant);
    expect(bad.status).toBe(400);

    const statements = await get('/v1/bank-statements', tenant);
    expect(statements.body.data).toHaveLength(1);
    expect(statements.body.data[0]).toMatchObject({ format: 'mt940', transactionCount: 3 });

    const gql = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: {
          query: `query { bankTransactions(creditDebit: "debit", status: null) { data { amount isReturn returnReasonCode } } }`,
        },
      },
      tenant,
    );
    expect(gql.body).toEqual({
      data: { bankTransactions: { data: [{ amount: -10850, isReturn: true, returnReasonCode: 'AC04' }] } },
    });
  });

  it("keeps each organisation's statements apart: other ids are 404, and de-duplication is per organisation", async () => {
    const owner = await t.tenant('Owner GmbH');
    const stranger = await t.tenant('Stranger GmbH');
    const file = GERMAN_MT940(['0303']);
    const mine = await upload(file, 'text/plain', owner);
    const statementId = mine.body.statements[0].id;
    const [tx] = await transactionsOf(statementId, owner);

    for (const url of [`/v1/bank-statements/${statementId}`, `/v1/bank-transactions/${tx!.id}`]) {
      const res = await get(url, stranger);
      expect(res.status).toBe(404);
    }
    expect((await get(`/v1/bank-statements/${statementId}`, stranger)).body.code).toBe(
      'bank_statement_not_found',
    );
    expect((await get(`/v1/bank-transactions?statementId=${statementId}`, stranger)).body.data).toEqual([]);
    expect((await get('/v1/bank-statements', stranger)).body.data).toEqual([]);
    const gql = await t.api(
      { method: 'POST', url: '/graphql', body: { query: `{ bankTransaction(id: "${tx!.id}") { id } }` } },
      stranger,
    );
    expect(gql.body).toEqual({ data: { bankTransaction: null } });

    const theirs = await upload(file, 'text/plain', stranger);
    expect(theirs.body).toMatchObject({ imported: 1, skipped: 0 });
  });
});
