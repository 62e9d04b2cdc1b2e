import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidBic,
  isValidCreditorId,
  isValidIban,
  isValidMandateReference,
  normaliseBic,
  normaliseIban,
} from '../src/validation/bank';

describe('bank: IBAN (ISO 13616, mod-97 check digits)', () => {
  it('accepts real IBANs of several countries', () => {
    for (const iban of [
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'AT611904300234573201',
      'FR1420041010050500013M02606',
      'NL91ABNA0417164300',
      'CH9300762011623852957',
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('refuses wrong check digits, a changed digit, a wrong length and unknown countries', () => {
    expect(isValidIban('DE88370400440532013000')).toBe(false); // check digits 88 instead of 89
    expect(isValidIban('DE89370400440532013001')).toBe(false); // last digit changed
    expect(isValidIban('DE89370400440532031000')).toBe(false); // two digits swapped
    expect(isValidIban('DE8937040044053201300')).toBe(false); // one digit short
    expect(isValidIban('XX89370400440532013000')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('catches every single changed digit of an IBAN', () => {
    const iban = 'DE89370400440532013000';
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: iban.length - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (pos, delta) => {
          const digit = (Number(iban[pos]) + delta) % 10;
          const changed = iban.slice(0, pos) + digit + iban.slice(pos + 1);
          expect(isValidIban(changed)).toBe(false);
        },
      ),
    );
  });

  it('normalises what people type to the electronic format', () => {
    expect(normaliseIban('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(isValidIban(normaliseIban('de89 3704 0044 0532 0130 00')!)).toBe(true);
  });
});

describe('bank: BIC (ISO 9362)', () => {
  it('accepts 8 and 11 characters with a real country', () => {
    expect(isValidBic('COBADEFFXXX')).toBe(true);
    expect(isValidBic('COBADEFF')).toBe(true);
    expect(isValidBic('DEUTDEDB101')).toBe(true);
  });

  it('refuses other lengths, bad shapes and unknown countries', () => {
    expect(isValidBic('NOPE')).toBe(false);
    expect(isValidBic('COBADEFF1')).toBe(false);
    expect(isValidBic('COBAQQFFXXX')).toBe(false); // QQ is no country
    expect(isValidBic('1OBADEFFXXX')).toBe(false);
  });

  it('normalises spaces and case', () => {
    expect(normaliseBic(' coba de ff xxx ')).toBe('COBADEFFXXX');
  });
});

/** The creditor id check, computed independently with BigInt: (national id + country + check digits) mod 97 = 1. */
function creditorCheckDigits(country: string, national: string): string {
  const digits = [...`${national}${country}00`]
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  return String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
}

describe('bank: SEPA creditor identifier (EPC262, ISO 7064 mod 97-10)', () => {
  it('accepts the Bundesbank example and ignores the business code', () => {
    expect(isValidCreditorId('DE98ZZZ09999999999')).toBe(true);
    expect(isValidCreditorId('DE98ABC09999999999')).toBe(true); // business code is not part of the check
    expect(isValidCreditorId('de98 zzz0 9999 9999 99')).toBe(true);
  });

  it('refuses a changed digit, changed check digits and broken shapes', () => {
    expect(isValidCreditorId('DE98ZZZ09999999998')).toBe(false);
    expect(isValidCreditorId('DE97ZZZ09999999999')).toBe(false);
    expect(isValidCreditorId('DE98ZZZ')).toBe(false);
    expect(isValidCreditorId('D198ZZZ09999999999')).toBe(false);
    expect(isValidCreditorId('DE9XZZZ09999999999')).toBe(false);
    expect(isValidCreditorId('')).toBe(false);
  });

  it('agrees with an independent mod-97 computation for other countries and ids', () => {
    expect(creditorCheckDigits('DE', '09999999999')).toBe('98');
    fc.assert(
      fc.property(
        fc.constantFrom('DE', 'AT', 'FR', 'NL', 'IT', 'ES'),
        fc.stringMatching(/^[0-9A-Z]{5,20}$/),
        (country, national) => {
          const id = `${country}${creditorCheckDigits(country, national)}ZZZ${national}`;
          expect(isValidCreditorId(id), id).toBe(true);
        },
      ),
    );
  });

  it('catches every single changed digit of the national id', () => {
    const national = '09999999999';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: national.length - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (pos, delta) => {
          const digit = (Number(national[pos]) + delta) % 10;
          expect(
            isValidCreditorId(`DE98ZZZ${national.slice(0, pos)}${digit}${national.slice(pos + 1)}`),
          ).toBe(false);
        },
      ),
    );
  });
});

describe('bank: SEPA mandate reference', () => {
  it('accepts 1–35 characters of the SEPA identifier set', () => {
    expect(isValidMandateReference('MANDATE-0001')).toBe(true);
    expect(isValidMandateReference("A/B-C?D:E(F)G.H,I'J+K L")).toBe(true);
    expect(isValidMandateReference('x')).toBe(true);
    expect(isValidMandateReference('M'.repeat(35))).toBe(true);
  });

  it('refuses empty, too long, characters outside the set and misplaced slashes', () => {
    expect(isValidMandateReference('')).toBe(false);
    expect(isValidMandateReference('M'.repeat(36))).toBe(false);
    expect(isValidMandateReference('MÜLLER-1')).toBe(false);
    expect(isValidMandateReference('REF_1')).toBe(false);
    expect(isValidMandateReference('REF&1')).toBe(false);
    expect(isValidMandateReference('/REF1')).toBe(false);
    expect(isValidMandateReference('REF1/')).toBe(false);
    expect(isValidMandateReference('REF//1')).toBe(false);
  });
});
