import { describe, expect, it } from 'vitest';
import { determineTax, type TaxInput, vatRate } from '../src/documents/tax';
import { DomainError } from '../src/errors';

const domestic: TaxInput = {
  sellerCountry: 'DE',
  sellerSmallBusiness: false,
  buyerCountry: 'DE',
  buyerVatIdValid: false,
  supplyKind: 'services',
  rateKind: 'standard',
  supplyDate: '2026-11-27',
};

describe('vatRate', () => {
  it('follows the date of supply across the 2020 German reduction', () => {
    expect(vatRate('DE', 'standard', '2020-06-30')).toBe('19');
    expect(vatRate('DE', 'standard', '2020-07-01')).toBe('16');
    expect(vatRate('DE', 'reduced', '2020-07-01')).toBe('5');
    expect(vatRate('DE', 'standard', '2020-12-31')).toBe('16');
    expect(vatRate('DE', 'reduced', '2020-12-31')).toBe('5');
    expect(vatRate('DE', 'standard', '2021-01-01')).toBe('19');
    expect(vatRate('DE', 'reduced', '2021-01-01')).toBe('7');
    expect(vatRate('DE', 'standard', '2006-12-31')).toBe('16');
  });

  it('knows the example countries', () => {
    expect(vatRate('AT', 'standard', '2026-01-01')).toBe('20');
    expect(vatRate('AT', 'reduced', '2026-01-01')).toBe('10');
    expect(vatRate('AT', 'second_reduced', '2026-01-01')).toBe('13');
    expect(vatRate('FR', 'standard', '2026-01-01')).toBe('20');
    expect(vatRate('FR', 'second_reduced', '2026-01-01')).toBe('5.5');
    expect(vatRate('FR', 'super_reduced', '2026-01-01')).toBe('2.1');
    expect(vatRate('NL', 'reduced', '2018-12-31')).toBe('6');
    expect(vatRate('NL', 'reduced', '2019-01-01')).toBe('9');
  });

  it('refuses unknown countries and rates with a coded error', () => {
    expect(() => vatRate('US', 'standard', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'vat_rates_unknown' }),
    );
    expect(() => vatRate('DE', 'super_reduced', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'vat_rate_unknown' }),
    );
    // The German zero rate for photovoltaics exists only from 2023.
    expect(() => vatRate('DE', 'zero', '2022-12-31')).toThrow(DomainError);
    expect(vatRate('DE', 'zero', '2023-01-01')).toBe('0');
  });
});

describe('determineTax', () => {
  it('taxes a domestic supply at the dated standard or reduced rate (S)', () => {
    expect(determineTax(domestic)).toEqual({
      category: 'S',
      rate: '19',
      exemptionReasonCode: null,
      legalNote: null,
    });
    expect(determineTax({ ...domestic, rateKind: 'reduced' }).rate).toBe('7');
    // An invoice written in 2021 for a supply in December 2020 still carries 16 %.
    expect(determineTax({ ...domestic, supplyDate: '2020-12-15' }).rate).toBe('16');
    expect(determineTax({ ...domestic, sellerCountry: 'AT', buyerCountry: 'AT' }).rate).toBe('20');
  });

  it('zero-rates a domestic supply at the zero rate (Z)', () => {
    const result = determineTax({ ...domestic, rateKind: 'zero' });
    expect(result.category).toBe('Z');
    expect(result.rate).toBe('0');
  });

  it('applies reverse charge to B2B services into another EU state (AE), with the §14a(5) note', () => {
    const result = determineTax({ ...domestic, buyerCountry: 'AT', buyerVatIdValid: true });
    expect(result.category).toBe('AE');
    expect(result.rate).toBe('0');
    expect(result.exemptionReasonCode).toBe('VATEX-EU-AE');
    expect(result.legalNote?.de).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(result.legalNote?.en).toContain('Reverse charge');
  });

  it('treats goods to an EU business as an exempt intra-Community supply (K), with the §14a(3) note', () => {
    const result = determineTax({
      ...domestic,
      buyerCountry: 'FR',
      buyerVatIdValid: true,
      supplyKind: 'goods',
    });
    expect(result.category).toBe('K');
    expect(result.exemptionReasonCode).toBe('VATEX-EU-IC');
    expect(result.legalNote?.de.toLowerCase()).toContain('steuerfreie innergemeinschaftliche lieferung');
    expect(result.legalNote?.en).toContain('intra-Community');
  });

  it('taxes an EU consumer (no valid VAT id) at the seller rate', () => {
    expect(determineTax({ ...domestic, buyerCountry: 'FR' }).category).toBe('S');
    expect(determineTax({ ...domestic, buyerCountry: 'FR', supplyKind: 'goods' }).rate).toBe('19');
    // A business whose VAT id fails the check is treated like a consumer: no reverse charge.
    expect(determineTax({ ...domestic, buyerCountry: 'AT', buyerIsBusiness: true }).category).toBe('S');
  });

  it('exports goods outside the EU (G) and leaves B2B services there not subject (O)', () => {
    const goods = determineTax({ ...domestic, buyerCountry: 'CH', supplyKind: 'goods' });
    expect(goods).toMatchObject({ category: 'G', rate: '0', exemptionReasonCode: 'VATEX-EU-G' });
    expect(goods.legalNote?.de).toContain('Ausfuhrlieferung');
    const services = determineTax({ ...domestic, buyerCountry: 'US', buyerIsBusiness: true });
    expect(services).toMatchObject({ category: 'O', rate: '0', exemptionReasonCode: 'VATEX-EU-O' });
    expect(services.legalNote?.de).toContain('§ 3a Abs. 2 UStG');
    // Services to a consumer outside the EU are taxed where the seller is (§3a(1) UStG).
    expect(determineTax({ ...domestic, buyerCountry: 'US' }).category).toBe('S');
  });

  it('exempts a §19 small business (E) with the exact note', () => {
    const result = determineTax({ ...domestic, sellerSmallBusiness: true });
    expect(result.category).toBe('E');
    expect(result.rate).toBe('0');
    expect(result.legalNote?.de).toBe('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');
    // §19 also wins for goods into the EU: a small business cannot make exempt intra-EU supplies.
    expect(
      determineTax({
        ...domestic,
        sellerSmallBusiness: true,
        buyerCountry: 'FR',
        buyerVatIdValid: true,
        supplyKind: 'goods',
      }).category,
    ).toBe('E');
    // …but B2B services abroad are not domestic turnover at all, so reverse charge applies.
    expect(
      determineTax({ ...domestic, sellerSmallBusiness: true, buyerCountry: 'AT', buyerVatIdValid: true })
        .category,
    ).toBe('AE');
  });

  it('rejects an unknown country or a malformed supply date', () => {
    expect(() => determineTax({ ...domestic, buyerCountry: 'XX' })).toThrow(
      expect.objectContaining({ code: 'country_invalid' }),
    );
    expect(() => determineTax({ ...domestic, supplyDate: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'date_invalid' }),
    );
  });
});
