import { describe, expect, it } from 'vitest';
import { applyPatch, type ContactDraft, checkContact, displayName, EMPTY_DRAFT } from '../src/contacts/rules';

const TODAY = '2026-11-27';

function company(overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    ...EMPTY_DRAFT,
    kind: 'company',
    companyName: 'Nordlicht GmbH',
    emails: [{ email: 'billing@nordlicht.example', type: 'billing' }],
    billingAddress: { line1: 'Hafenstraße 1', postalCode: '20457', city: 'Hamburg', country: 'DE' },
    ...overrides,
  };
}

const paths = (draft: ContactDraft) =>
  Object.fromEntries(checkContact(draft, TODAY).errors.list.map((e) => [e.path, e.code]));

describe('contact rules: checkContact reports every broken rule at once', () => {
  it('accepts a valid company with nothing to report', () => {
    expect(checkContact(company(), TODAY).errors.empty).toBe(true);
  });

  it('collects all errors of one draft instead of stopping at the first', () => {
    const draft = company({
      companyName: '  ',
      emails: [
        { email: 'ok@example.org', type: 'billing' },
        { email: 'not-an-address', type: 'general' },
      ],
      phones: [{ number: 'call me', type: 'work' }],
      billingAddress: { line1: '', postalCode: ' ', city: '', country: 'XX' },
      addresses: [{ type: 'delivery', line1: 'Weg 1', postalCode: '1', city: 'X', country: 'D' }],
      vatId: 'DE136695977',
      language: 'german',
      currency: 'EURO',
      bankAccounts: [
        { iban: 'DE89370400440532013001', bic: 'NOPE', isDefault: true },
        { iban: 'GB82WEST12345698765432', isDefault: true },
      ],
      sepaMandates: [
        { reference: 'bad//ref', signedDate: '2999-01-01', iban: 'DE00123' },
        { reference: 'bad//ref', signedDate: '2026-02-30', iban: 'DE89370400440532013000', bic: 'XX' },
      ],
      externalId: 'shop-42',
      source: null,
    });
    expect(paths(draft)).toEqual({
      companyName: 'required',
      'emails.1.email': 'email_invalid',
      'phones.0.number': 'phone_invalid',
      'billingAddress.line1': 'required',
      'billingAddress.postalCode': 'required',
      'billingAddress.city': 'required',
      'billingAddress.country': 'country_invalid',
      'addresses.0.country': 'country_invalid',
      vatId: 'vat_id_invalid',
      language: 'language_invalid',
      currency: 'currency_invalid',
      'bankAccounts.0.iban': 'iban_invalid',
      'bankAccounts.0.bic': 'bic_invalid',
      bankAccounts: 'bank_account_default_ambiguous',
      // the second mandate repeats the reference: both the charset rule and the duplicate are reported
      'sepaMandates.0.reference': 'mandate_reference_invalid',
      'sepaMandates.0.signedDate': 'mandate_signed_in_future',
      'sepaMandates.0.iban': 'iban_invalid',
      'sepaMandates.1.reference': 'mandate_reference_taken',
      'sepaMandates.1.signedDate': 'date_invalid',
      'sepaMandates.1.bic': 'bic_invalid',
      source: 'required',
    });
    const list = checkContact(draft, TODAY).errors.list;
    expect(list.filter((e) => e.path === 'sepaMandates.1.reference').map((e) => e.code)).toEqual([
      'mandate_reference_invalid',
      'mandate_reference_taken',
    ]);
    expect(list.every((e) => e.message.length > 0)).toBe(true);
  });

  it('needs a first or last name for a person', () => {
    const person = { ...EMPTY_DRAFT, kind: 'person' as const };
    expect(paths(person)).toEqual({ lastName: 'required' });
    expect(paths({ ...person, firstName: 'Cher' })).toEqual({});
    expect(paths({ ...person, lastName: 'Weber' })).toEqual({});
  });

  it('allows a mandate signed today but not tomorrow (in the organisation’s calendar)', () => {
    const mandate = (signedDate: string) => ({
      reference: 'M-1',
      signedDate,
      iban: 'DE89370400440532013000',
    });
    expect(paths(company({ sepaMandates: [mandate(TODAY)] }))).toEqual({});
    expect(paths(company({ sepaMandates: [mandate('2026-11-28')] }))).toEqual({
      'sepaMandates.0.signedDate': 'mandate_signed_in_future',
    });
  });

  it('returns the normalised draft: IBAN/BIC/VAT id in canonical form, tags trimmed and de-duplicated', () => {
    const { draft, errors } = checkContact(
      company({
        vatId: 'de 136 695 976',
        bankAccounts: [{ iban: 'de89 3704 0044 0532 0130 00', bic: 'coba de ff xxx' }],
        sepaMandates: [
          {
            reference: 'M-1',
            signedDate: '2025-01-01',
            iban: 'de89 3704 0044 0532 0130 00',
            bic: 'cobadeff',
          },
        ],
        tags: [' vip ', 'vip', '', 'newsletter'],
      }),
      TODAY,
    );
    expect(errors.empty).toBe(true);
    expect(draft.vatId).toBe('DE136695976');
    expect(draft.bankAccounts[0]).toMatchObject({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    expect(draft.sepaMandates[0]).toMatchObject({ iban: 'DE89370400440532013000', bic: 'COBADEFF' });
    expect(draft.tags).toEqual(['vip', 'newsletter']);
  });

  it('does not change the draft it was given', () => {
    const input = company({ tags: ['a', 'a'], vatId: 'de136695976' });
    checkContact(input, TODAY);
    expect(input.tags).toEqual(['a', 'a']);
    expect(input.vatId).toBe('de136695976');
  });
});

describe('contact rules: applyPatch', () => {
  const base = company({ notes: 'keep me', tags: ['a', 'b'], salutation: 'Firma' });

  it('replaces present keys, keeps absent ones', () => {
    const next = applyPatch(base, { companyName: 'Neu GmbH' });
    expect(next.companyName).toBe('Neu GmbH');
    expect(next.notes).toBe('keep me');
    expect(next.emails).toBe(base.emails);
  });

  it('clears a field sent as null and ignores one sent as undefined', () => {
    const next = applyPatch(base, { notes: null, salutation: undefined });
    expect(next.notes).toBeNull();
    expect(next.salutation).toBe('Firma');
  });

  it('replaces arrays as a whole, including with an empty array', () => {
    expect(applyPatch(base, { tags: ['c'] }).tags).toEqual(['c']);
    expect(applyPatch(base, { emails: [] }).emails).toEqual([]);
  });

  it('returns a new draft and leaves the original alone', () => {
    const next = applyPatch(base, { notes: 'changed' });
    expect(next).not.toBe(base);
    expect(base.notes).toBe('keep me');
  });
});

describe('contact rules: displayName', () => {
  it('uses the company name for a company', () => {
    expect(
      displayName({ kind: 'company', companyName: '  Nordlicht GmbH ', firstName: 'Ana', lastName: 'Li' }),
    ).toBe('Nordlicht GmbH');
    expect(displayName({ kind: 'company', companyName: null, firstName: null, lastName: null })).toBe('');
  });

  it('joins first and last name for a person, skipping the missing part', () => {
    expect(
      displayName({ kind: 'person', companyName: 'Ignored AG', firstName: 'Erika', lastName: 'Mustermann' }),
    ).toBe('Erika Mustermann');
    expect(displayName({ kind: 'person', companyName: null, firstName: null, lastName: 'Weber' })).toBe(
      'Weber',
    );
    expect(displayName({ kind: 'person', companyName: null, firstName: ' Cher ', lastName: '' })).toBe(
      'Cher',
    );
  });
});
