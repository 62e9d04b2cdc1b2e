import type { FieldErrors } from '../errors';
import type { PostalAddress } from '../organizations/types';
import { isCountryCode } from './codes';

/** Adds an error for each rule a postal address breaks (required parts, ISO country). */
export function checkAddress(errors: FieldErrors, path: string, address: PostalAddress): void {
  if (!address.line1?.trim()) errors.add(`${path}.line1`, 'required', 'street and number are required');
  if (!address.postalCode?.trim()) errors.add(`${path}.postalCode`, 'required', 'postal code is required');
  if (!address.city?.trim()) errors.add(`${path}.city`, 'required', 'city is required');
  if (!isCountryCode(address.country)) {
    errors.add(
      `${path}.country`,
      'country_invalid',
      `'${address.country}' is not an ISO 3166-1 alpha-2 country code`,
    );
  }
}
