import type { ContactInput } from '@fakturo/domain';

let counter = 0;

/** A valid company contact; override any field. IBAN and VAT id pass their checks. */
export function companyInput(overrides: ContactInput = {}): ContactInput & { kind: 'company' | 'person' } {
  counter += 1;
  return {
    kind: 'company',
    companyName: `Muster ${counter} GmbH`,
    emails: [{ email: `billing${counter}@muster.example`, type: 'billing' }],
    billingAddress: { line1: 'Musterstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    vatId: 'DE136695976',
    bankAccounts: [{ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }],
    ...overrides,
  } as ContactInput & { kind: 'company' | 'person' };
}

export function personInput(overrides: ContactInput = {}): ContactInput & { kind: 'company' | 'person' } {
  counter += 1;
  return {
    kind: 'person',
    firstName: 'Erika',
    lastName: `Mustermann ${counter}`,
    emails: [{ email: `erika${counter}@example.org`, type: 'billing' }],
    billingAddress: { line1: 'Heidestraße 17', postalCode: '51147', city: 'Köln', country: 'DE' },
    ...overrides,
  } as ContactInput & { kind: 'company' | 'person' };
}
