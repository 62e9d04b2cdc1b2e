import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMinor } from '../src/bank-statements/parse/common';
import {
  decodeStatementFile,
  detectFormat,
  MAX_FILE_BYTES,
  parseStatementFile,
} from '../src/bank-statements/parse/index';
import type { DomainError } from '../src/errors';

async function failure(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

const CAMT =
  '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>';
const MT940 = ':20:X\n:25:37040044/0532013000\n:28C:1\n:60F:C250301EUR0,00\n:62F:C250301EUR0,00\n-\n';

describe('statement files: format detection', () => {
  it('recognises camt by its namespace and MT940 by its :20:, with or without a SWIFT envelope', async () => {
    expect(detectFormat(`\uFEFF  ${CAMT}`)).toBe('camt');
    expect(detectFormat(MT940)).toBe('mt940');
    expect(detectFormat(`\r\n{1:F01COBADEFFAXXX0000000000}{2:O940}{4:\r\n${MT940}`)).toBe('mt940');
    expect(detectFormat('Datum;Betrag\n')).toBeNull();
    expect((await parseStatementFile(CAMT)).format).toBe('camt.053');
    expect((await parseStatementFile(MT940)).format).toBe('mt940');
  });

  it('parses CSV only when asked, and refuses a file that is not what the caller says', async () => {
    expect((await failure(() => parseStatementFile('Datum;Betrag\n2025-03-01;1,00\n'))).code).toBe(
      'bank_statement_format_unknown',
    );
    expect((await failure(() => parseStatementFile('Datum;Betrag\n', { format: 'csv' }))).code).toBe(
      'csv_mapping_required',
    );
    const csv = await parseStatementFile('Datum;Betrag\n2025-03-01;1,00\n', {
      csv: { columns: { bookingDate: 'Datum', amount: 'Betrag' } },
    });
    expect(csv.statements[0]!.transactions[0]).toMatchObject({ amount: 100, currency: 'EUR' });
    expect((await failure(() => parseStatementFile(MT940, { format: 'camt' }))).code).toBe(
      'bank_statement_format_mismatch',
    );
    expect((await failure(() => parseStatementFile('  \n'))).code).toBe('bank_statement_empty');
  });
});

describe('statement files: decoding', () => {
  it('reads UTF-8, and Windows-1252 when the bytes are not UTF-8 (German bank exports)', async () => {
    expect(decodeStatementFile(Buffer.from('Müller', 'utf8'))).toBe('Müller');
    expect(decodeStatementFile(Buffer.from('Müller', 'latin1'))).toBe('Müller');
    expect(decodeStatementFile(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeStatementFile(Buffer.from('\uFEFFMüller', 'utf16le'))).toBe('Müller');
  });

  it('follows the declared charset (transport first, then the XML declaration), strictly', async () => {
    expect(decodeStatementFile(Buffer.from('Müller', 'latin1'), 'ISO-8859-1')).toBe('Müller');
    const xml = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Müller</a>', 'latin1');
    expect(decodeStatementFile(xml)).toContain('<a>Müller</a>');
    expect((await failure(() => decodeStatementFile(Buffer.from('Müller', 'latin1'), 'utf-8'))).code).toBe(
      'encoding_invalid',
    );
    expect((await failure(() => decodeStatementFile(Buffer.from('x'), 'ebcdic-xyz'))).code).toBe(
      'encoding_unsupported',
    );
  });

  it('names a UTF-16 declaration over 8-bit bytes as the wrong encoding, not an unknown format', async () => {
    // an even number of bytes: decoded as UTF-16 they are other, valid text (an odd one fails to decode at all)
    const mislabelled = Buffer.from(
      '<?xml version="1.0" encoding="UTF-16"?><Document>Müller</Document>\n',
      'utf8',
    );
    expect(mislabelled.length % 2).toBe(0);
    const error = await failure(() => decodeStatementFile(mislabelled));
    expect(error.code).toBe('encoding_invalid');
    expect(error.message).toContain('utf-16');
    // real UTF-16, with its byte order mark, is read
    const utf16 = Buffer.from('\uFEFF<?xml version="1.0" encoding="UTF-16"?><a>Müller</a>', 'utf16le');
    expect(decodeStatementFile(utf16)).toContain('<a>Müller</a>');
  });

  it('refuses a file above the size limit', async () => {
    expect((await failure(() => decodeStatementFile(new Uint8Array(MAX_FILE_BYTES + 1)))).code).toBe(
      'bank_statement_too_large',
    );
  });
});

describe('statement files: exact amounts', () => {
  it('turns any decimal text into the same integer of minor units, never through a float', async () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (minor, currency) => {
          const exponent = currency === 'EUR' ? 2 : currency === 'JPY' ? 0 : 3;
          const digits = minor.toString().padStart(exponent + 1, '0');
          const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
          expect(parseMinor(text, currency, '.')).toBe(Number(minor));
          expect(parseMinor(text.replace('.', ','), currency, ',')).toBe(Number(minor));
        },
      ),
    );
  });

  it('reads the short forms banks write, and refuses more decimals than the currency has', async () => {
    expect(parseMinor('6800,', 'EUR', ',')).toBe(680000);
    expect(parseMinor('620,3', 'EUR', ',')).toBe(62030);
    expect(parseMinor('0.10', 'EUR', '.')).toBe(10);
    expect(parseMinor('8.850', 'EUR', '.')).toBe(885);
    expect(parseMinor('8.855', 'EUR', '.')).toBeNull();
    expect(parseMinor('8,85', 'EUR', '.')).toBeNull();
    expect(parseMinor('-8.85', 'EUR', '.')).toBeNull();
    expect(parseMinor('1e3', 'EUR', '.')).toBeNull();
  });
});
