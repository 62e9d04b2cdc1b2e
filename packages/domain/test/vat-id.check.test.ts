import { describe, expect, it } from 'vitest';
import { checkVatId, normaliseVatId } from '../src/validation/vat-id';

describe('VAT id: format and check digit', () => {
  it('accepts valid ids of DE, AT, FR, NL, BE and names the state', () => {
    expect(checkVatId('DE136695976')).toEqual({
      value: 'DE136695976',
      country: 'DE',
      validFormat: true,
      valid: true,
    });
    expect(checkVatId('ATU13585627')).toMatchObject({ country: 'AT', valid: true });
    expect(checkVatId('FR40303265045')).toMatchObject({ country: 'FR', valid: true });
    expect(checkVatId('NL004495445B01')).toMatchObject({ country: 'NL', valid: true });
    expect(checkVatId('BE0202239951')).toMatchObject({ country: 'BE', valid: true });
  });

  it('reports a failed check digit apart from a broken format', () => {
    expect(checkVatId('DE136695977')).toMatchObject({ validFormat: true, valid: false });
    expect(checkVatId('ATU13585628')).toMatchObject({ validFormat: true, valid: false });
    expect(checkVatId('FR41303265045')).toMatchObject({ valid: false });
    expect(checkVatId('DE13669597')).toMatchObject({ validFormat: false, valid: false }); // 8 digits
    expect(checkVatId('AT13585627')).toMatchObject({ validFormat: false, valid: false }); // Austria needs the U
  });

  it('maps Greece’s EL prefix to the country GR; GR is not a VAT prefix (VIES uses EL)', () => {
    expect(checkVatId('EL094259216')).toMatchObject({ value: 'EL094259216', country: 'GR', valid: true });
    expect(checkVatId('EL094259217')).toMatchObject({ country: 'GR', validFormat: true, valid: false });
    expect(checkVatId('GR094259216')).toMatchObject({ valid: false });
  });

  it('normalises spaces, dots, dashes and case before checking', () => {
    expect(normaliseVatId('de 136.695-976')).toBe('DE136695976');
    expect(checkVatId('de 136 695 976')).toMatchObject({ value: 'DE136695976', valid: true });
  });

  it('knows no country for an unknown prefix', () => {
    expect(checkVatId('XX123456789')).toEqual({
      value: 'XX123456789',
      country: null,
      validFormat: false,
      valid: false,
    });
    expect(checkVatId('')).toMatchObject({ valid: false });
  });
});
