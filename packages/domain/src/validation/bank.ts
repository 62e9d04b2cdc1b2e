import { electronicFormatIBAN, isValidBIC, validateIBAN } from 'ibantools';

/** Normalises user input ("de89 3704 …") to the electronic format, or null when it is no IBAN at all. */
export function normaliseIban(input: string): string | null {
  return electronicFormatIBAN(input) ?? null;
}

/** ISO 13616 IBAN: country format, length and the mod-97 check digits (ibantools). */
export function isValidIban(iban: string): boolean {
  return validateIBAN(iban).valid;
}

export function normaliseBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** ISO 9362 BIC (8 or 11 characters, valid country). */
export function isValidBic(bic: string): boolean {
  return isValidBIC(bic);
}

/**
 * SEPA creditor identifier (EPC262-08): country code, two check digits, three-character business code,
 * national id. The check digits are ISO 7064 mod 97-10 over the national id plus country code and "00",
 * ignoring the business code. Example: DE98ZZZ09999999999.
 */
export function isValidCreditorId(input: string): boolean {
  const id = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) return false;
  const country = id.slice(0, 2);
  const check = id.slice(2, 4);
  const national = id.slice(7);
  return mod97(lettersToDigits(national + country) + check) === 1;
}

function lettersToDigits(text: string): string {
  return [...text].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

/**
 * Characters allowed in SEPA identifiers such as the mandate reference (EPC "Latin character set"
 * restricted for ids: letters, digits and `/ - ? : ( ) . , ' +`, no leading or trailing slash, no `//`).
 */
export function isValidMandateReference(reference: string): boolean {
  if (reference.length < 1 || reference.length > 35) return false;
  if (!/^[A-Za-z0-9/\-?:().,'+ ]+$/.test(reference)) return false;
  return !reference.startsWith('/') && !reference.endsWith('/') && !reference.includes('//');
}
