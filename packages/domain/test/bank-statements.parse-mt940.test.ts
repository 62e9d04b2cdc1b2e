import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMt940 } from '../src/bank-statements/parse/mt940';
import type { DomainError } from '../src/errors';

// The official samples (../shared/schemas, see its README): railslove/cmxl's fixtures.
const MT940 = resolve(__dirname, '../../../../shared/schemas/samples/mt940');
const read = (name: string) => readFileSync(join(MT940, name), 'utf8');

async function failure(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the file to be refused');
}

/** A German SEPA statement as banks send it: DK subfields, SEPA tags, a return, 65-character wrapped lines. */
const GERMAN = [
  ':20:STARTUMS',
  ':25:37040044/0532013000',
  ':28C:00012/001',
  ':60F:C250301EUR1000,00',
  ':61:2503030303CR119,00NTRFNONREF//250303-00042',
  ':86:166?00SEPA-GUTSCHRIFT?109310?20EREF+RE-2025-0042?21SVWZ+Rechnung RE-2025-0042 vo?22m 01.03.2025 Kd 10001?30COBADEFFXXX?31DE8937040044053201',
  '3000?32Nordlicht GmbH?34997',
  ':61:2503050305DR108,50NDDTNONREF//250305-00007',
  ':86:109?00SEPA-DD SOLL RUECKBEL. CORE?1097186?20EREF+RE-2025-0040?21MREF+MANDATE-0001?22CRED+DE98ZZZ09999999999?23OAMT+98,50?24SVWZ+RETOURE RE-2025-0040 ?25AC04 KONTO ERLOSCHEN?30COBADEFFXXX?31DE02120300000000202051?32Erika Mustermann?34902',
  ':61:2503060306CR50,00NTRFKREF-77//250306-1',
  ':86:166?00SEPA-GUTSCHRIFT?20EREF+NOTPROVIDED?21KREF+SAMMLER-77 SVWZ+Anzahlung?22 Auftrag 4711?32Max Muster?33mann',
  ':62F:C250306EUR1060,50',
  '-',
].join('\n');

const german = await parseMt940(GERMAN);

describe('MT940: the official samples', () => {
  it('reads every statement of mt940.txt, balances adding up', async () => {
    const file = await parseMt940(read('mt940.txt'));
    expect(file.format).toBe('mt940');
    expect(file.statements.map((s) => [s.reference, s.sequenceNumber, s.transactions.length])).toEqual([
      ['131110', '27/01', 11],
      ['1234567', '5/1', 2],
      ['TELEWIZORY S.A.', '00084/001', 3],
      ['01ANWZTPJTYEGJWA', '27/01', 11],
    ]);
    // 31 November is no date: the closing balance keeps its amount, and only a warning says so
    expect(file.warnings).toEqual([
      expect.objectContaining({ code: 'balance_date_invalid', path: 'line 45' }),
    ]);
    const [first, german, polish] = file.statements;
    expect(first).toMatchObject({
      account: { iban: null, number: '45050050/76198810', currency: 'DEM' },
      openingBalance: { amount: 8434974, currency: 'DEM', date: '2013-10-16' },
      closingBalance: { amount: 8443704, currency: 'DEM', date: '2013-10-17' },
    });
    expect(first!.transactions.slice(0, 2)).toEqual([
      expect.objectContaining({
        amount: -680000,
        transactionCode: 'NCHK',
        customerReference: '16703074',
        proprietaryCode: '999',
        remittanceInformation: 'PN5477SCHECK-NR. 0000016703074',
      }),
      // "620,3": one decimal digit is 620.30
      expect.objectContaining({ amount: -62030, transactionCode: 'NSTO' }),
    ]);
    expect(german!.transactions).toEqual([
      expect.objectContaining({
        valueDate: '2002-11-01',
        bookingDate: '2002-11-02',
        amount: -80000,
        creditDebit: 'debit',
        bookingText: 'DAUERAUFTRAG',
        remittanceInformation: 'Miete November',
        counterpartyName: 'MUELLER',
        counterpartyAccount: '10020030/234567',
        bankReference: '55555',
        customerReference: null,
      }),
      expect.objectContaining({
        amount: 300000,
        proprietaryCode: '051',
        // continuation lines are joined as banks wrap them: mid-word
        remittanceInformation: 'Gehalt Oktober FirmaMustermannGmbH',
        counterpartyAccount: '50060400/0847564700',
      }),
    ]);
    expect(polish!.account).toMatchObject({
      number: 'BPHKPLPK/320000546101',
      bic: 'BPHKPLPK',
      currency: 'PLN',
    });
    expect(polish!.transactions[0]).toMatchObject({
      amount: 2000000,
      counterpartyIban: 'PL08106000760000777777777777',
      counterpartyName: 'HUTA SZKLA TOPIC ULPRZEMYSLOWA 67 32-669 WROCLAW',
      bankReference: '8327000090031789',
      transactionCode: 'FMSC',
    });
    expect(polish!.transactions[2]).toMatchObject({ amount: 4000, bookingText: 'Uznanie kwotą odsetek' });
  });

  it('reads the Deutsche Bank sample the same way, supplementary details included', async () => {
    const file = await parseMt940(read('mt940-deutsche_bank.txt'));
    expect(file.statements.map((s) => s.transactions.length)).toEqual([11, 2, 3]);
    // /OCMT/ in CAD is another currency than the statement's: not an original amount in DEM
    expect(file.statements[0]!.transactions[0]).toMatchObject({ amount: -680000, originalAmount: null });
  });
});

describe('MT940: German ?20–?34 subfields and SEPA tags', () => {
  const [statement] = german.statements;
  const [credit, returned, advance] = statement!.transactions;

  it('reads the statement and its balances', async () => {
    expect(statement).toMatchObject({
      reference: 'STARTUMS',
      sequenceNumber: '00012/001',
      account: { number: '37040044/0532013000', currency: 'EUR' },
      openingBalance: { amount: 100000, date: '2025-03-01' },
      closingBalance: { amount: 106050, date: '2025-03-06' },
    });
    expect(german.warnings).toEqual([]);
  });

  it('joins the purpose subfields of SVWZ+ without adding spaces and takes each tag', async () => {
    expect(credit).toMatchObject({
      bookingDate: '2025-03-03',
      amount: 11900,
      creditDebit: 'credit',
      proprietaryCode: '166',
      bookingText: 'SEPA-GUTSCHRIFT',
      endToEndId: 'RE-2025-0042',
      remittanceInformation: 'Rechnung RE-2025-0042 vom 01.03.2025 Kd 10001',
      counterpartyName: 'Nordlicht GmbH',
      counterpartyIban: 'DE89370400440532013000',
      counterpartyBic: 'COBADEFFXXX',
      bankReference: '250303-00042',
      isReturn: false,
      returnReasonCode: null,
    });
  });

  it('recognises a returned direct debit: GVC 109, ?34 902 → AC04, original amount and the fee', async () => {
    expect(returned).toMatchObject({
      amount: -10850,
      creditDebit: 'debit',
      isReturn: true,
      returnReasonCode: 'AC04',
      endToEndId: 'RE-2025-0040',
      mandateReference: 'MANDATE-0001',
      creditorId: 'DE98ZZZ09999999999',
      originalAmount: 9850,
      chargesAmount: 1000,
      counterpartyName: 'Erika Mustermann',
      counterpartyIban: 'DE02120300000000202051',
      remittanceInformation: 'RETOURE RE-2025-0040 AC04 KONTO ERLOSCHEN',
    });
  });

  it('takes several tags of one subfield, drops NOTPROVIDED and joins ?32 and ?33', async () => {
    expect(advance).toMatchObject({
      amount: 5000,
      endToEndId: null,
      customerReference: 'SAMMLER-77',
      remittanceInformation: 'Anzahlung Auftrag 4711',
      counterpartyName: 'Max Mustermann',
      entryReference: null,
    });
  });

  it('takes a return reason from the text when ?34 has none, and leaves an unknown DK code unmapped', async () => {
    const text = GERMAN.replace('?34902', '').replace('AC04 KONTO', 'MD06 WIDERSPRUCH');
    expect((await parseMt940(text)).statements[0]!.transactions[1]).toMatchObject({
      isReturn: true,
      returnReasonCode: 'MD06',
    });
    const unknown = GERMAN.replace('?34902', '?34999').replace('?25AC04 KONTO ERLOSCHEN', '');
    expect((await parseMt940(unknown)).statements[0]!.transactions[1]).toMatchObject({
      isReturn: true,
      returnReasonCode: null,
    });
  });
});

describe('MT940: envelopes, reversals and several statements', () => {
  it('reads SWIFT-enveloped statements with CRLF lines, a subfield marker cut by a line break, RC/RD marks', async () => {
    const text = [
      '{1:F01COBADEFFAXXX0000000000}{2:O9401200250306COBADEFFAXXX00000000002503061200N}{4:',
      ':20:DAY1',
      ':25:DE89370400440532013000',
      ':28C:1/1',
      ':60F:C250305EUR0,00',
      ':61:2503050305RD25,00NTRFNONREF',
      ':86:166?00STORNO?20SVWZ+Storno Lastschrift?',
      '32Firma A',
      ':61:2503050305RC5,00NMSCNONREF',
      ':86:999Storno Gutschrift',
      ':62F:C250305EUR20,00',
      '-}',
      '{1:F01COBADEFFAXXX0000000000}{2:O9401200250306COBADEFFAXXX00000000002503061200N}{4:',
      ':20:DAY2',
      ':25:DE89370400440532013000',
      ':28C:2/1',
      ':60F:C250306EUR20,00',
      ':62F:C250306EUR20,00',
      '-}',
    ].join('\r\n');
    const file = await parseMt940(text);
    expect(file.statements.map((s) => [s.reference, s.account.iban, s.transactions.length])).toEqual([
      ['DAY1', 'DE89370400440532013000', 2],
      ['DAY2', 'DE89370400440532013000', 0],
    ]);
    expect(file.statements[0]!.transactions).toEqual([
      expect.objectContaining({
        amount: 2500,
        creditDebit: 'credit',
        reversal: true,
        counterpartyName: 'Firma A',
        remittanceInformation: 'Storno Lastschrift',
      }),
      expect.objectContaining({
        amount: -500,
        creditDebit: 'debit',
        reversal: true,
        remittanceInformation: 'Storno Gutschrift',
      }),
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('picks the booking year closest to the value date across the turn of the year', async () => {
    const text = [
      ':20:X',
      ':25:1/2',
      ':28C:1',
      ':60F:C241231EUR0,00',
      ':61:2412310102C1,00NTRFNONREF',
      ':62F:C250102EUR1,00',
    ].join('\n');
    expect((await parseMt940(text)).statements[0]!.transactions[0]).toMatchObject({
      valueDate: '2024-12-31',
      bookingDate: '2025-01-02',
    });
  });
});

describe('MT940: refused files', () => {
  it('names the line of every broken field', async () => {
    const text = GERMAN.replace(':61:2503030303CR119,00', ':61:2503030303CR119.00').replace(
      ':61:2503060306',
      ':61:2513060306',
    );
    const error = await failure(() => parseMt940(text));
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'bank_statement_invalid' });
    expect(error.errors!.map((e) => [e.path, e.code])).toEqual([
      ['line 5', 'mt940_malformed'],
      ['line 10', 'date_invalid'],
    ]);
    expect(error.message).toContain('line 5');
  });

  it('refuses a statement without account or opening balance, and text outside any field', async () => {
    const error = await failure(() =>
      parseMt940(':20:X\n:28C:1\n:61:2503030303C1,00NTRFNONREF\n:62F:C250303EUR1,00\n'),
    );
    expect(error.errors!.map((e) => e.message)).toEqual([
      expect.stringContaining('no :25: account'),
      expect.stringContaining('no :60F: opening balance'),
    ]);
    expect((await failure(() => parseMt940('hello\n:20:X\n'))).errors![0]).toMatchObject({
      path: 'line 1',
      code: 'mt940_malformed',
    });
  });
});
