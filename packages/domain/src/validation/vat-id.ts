import { checkVAT, countries } from 'jsvat';

export interface VatIdCheck {
  /** Normalised id (upper case, no spaces or dots). */
  value: string;
  /** ISO 3166 alpha-2 code of the issuing state (GR for EL). */
  country: string | null;
  validFormat: boolean;
  /** Format and check digit are right (jsvat). Whether the id is registered needs VIES, not done here. */
  valid: boolean;
}

export function normaliseVatId(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase();
}

export function checkVatId(input: string): VatIdCheck {
  const value = normaliseVatId(input);
  const result = checkVAT(value, countries);
  return {
    value,
    country: result.country?.isoCode.short ?? null,
    validFormat: result.isValidFormat,
    valid: result.isValid,
  };
}
