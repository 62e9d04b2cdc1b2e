import Big from 'big.js';
import { DomainError } from '../errors';
import { EU_COUNTRIES, isCalendarDate, isCountryCode } from '../validation/codes';
import type { LocalisedText, TaxCategory } from './types';

/**
 * Which rate of a country applies. Countries name their rates differently; here `reduced` is the main
 * reduced rate, `second_reduced` and `super_reduced` the further ones (AT 13 %, FR 5.5 % and 2.1 %),
 * `zero` a zero rate a country applies to some supplies (DE: photovoltaic systems, §12(3) UStG).
 */
export const RATE_KINDS = ['standard', 'reduced', 'second_reduced', 'super_reduced', 'zero'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

export interface RatePeriod {
  /** First day of supply the rates apply to, `YYYY-MM-DD`. */
  from: string;
  /** Last day (inclusive), or null while in force. */
  to: string | null;
  rates: Partial<Record<RateKind, string>>;
}

/**
 * VAT rates per country with their validity. The rate follows the date of SUPPLY, not the invoice date
 * (UStG §27(1); the 2020 reduction applied to supplies completed 2020-07-01..2020-12-31, §28(1)/(2) UStG in
 * the version of the Zweites Corona-Steuerhilfegesetz).
 */
export const VAT_RATES: Readonly<Record<string, readonly RatePeriod[]>> = {
  DE: [
    { from: '1998-04-01', to: '2006-12-31', rates: { standard: '16', reduced: '7' } },
    { from: '2007-01-01', to: '2020-06-30', rates: { standard: '19', reduced: '7' } },
    { from: '2020-07-01', to: '2020-12-31', rates: { standard: '16', reduced: '5' } },
    { from: '2021-01-01', to: '2022-12-31', rates: { standard: '19', reduced: '7' } },
    // §12(3) UStG (Jahressteuergesetz 2022): 0 % for photovoltaic systems from 2023.
    { from: '2023-01-01', to: null, rates: { standard: '19', reduced: '7', zero: '0' } },
  ],
  AT: [{ from: '2016-01-01', to: null, rates: { standard: '20', reduced: '10', second_reduced: '13' } }],
  FR: [
    {
      from: '2014-01-01',
      to: null,
      rates: { standard: '20', reduced: '10', second_reduced: '5.5', super_reduced: '2.1' },
    },
  ],
  NL: [
    { from: '2012-10-01', to: '2018-12-31', rates: { standard: '21', reduced: '6' } },
    { from: '2019-01-01', to: null, rates: { standard: '21', reduced: '9' } },
  ],
};

/** The rate of `kind` in `country` for a supply on `supplyDate`; a coded error when none is known. */
export function vatRate(country: string, kind: RateKind, supplyDate: string): string {
  const periods = VAT_RATES[country];
  if (!periods) {
    throw new DomainError(
      'unprocessable',
      'vat_rates_unknown',
      `No VAT rates are known for country '${country}'.`,
      {
        details: { country },
      },
    );
  }
  const period = periods.find((p) => p.from <= supplyDate && (p.to === null || supplyDate <= p.to));
  const rate = period?.rates[kind];
  if (rate === undefined) {
    throw new DomainError(
      'unprocessable',
      'vat_rate_unknown',
      `Country '${country}' has no ${kind.replace('_', ' ')} VAT rate for a supply on ${supplyDate}.`,
      { details: { country, rateKind: kind, supplyDate } },
    );
  }
  return rate;
}

export interface TaxInput {
  /** ISO 3166-1 alpha-2 country of the seller's establishment. */
  sellerCountry: string;
  /** §19 UStG Kleinunternehmer (or the small-business scheme of the seller's country). */
  sellerSmallBusiness: boolean;
  buyerCountry: string;
  /** The buyer has a VAT id of valid format and check digit from another EU state (jsvat). */
  buyerVatIdValid: boolean;
  /**
   * The buyer is a business (B2B). Defaults to `buyerVatIdValid`; pass it for buyers outside the EU,
   * whose tax ids cannot be checked here.
   */
  buyerIsBusiness?: boolean;
  supplyKind: 'goods' | 'services';
  rateKind: RateKind;
  /** Date of supply, `YYYY-MM-DD`; for a period, its last day (the supply is completed then). */
  supplyDate: string;
}

export interface TaxDetermination {
  category: TaxCategory;
  /** Percent as a decimal string; "0" for every category but S. */
  rate: string;
  /** VATEX code for the e-invoice (BT-121), null where the category needs none (S, Z, §19 in DE). */
  exemptionReasonCode: string | null;
  /** The sentence the document must print (UStG §14a, §19), in German and English; null for S and Z. */
  legalNote: LocalisedText | null;
}

/** VATEX codes (CEF code list) behind each category that needs an exemption reason. */
const VATEX: Partial<Record<TaxCategory, string>> = {
  AE: 'VATEX-EU-AE',
  K: 'VATEX-EU-IC',
  G: 'VATEX-EU-G',
  O: 'VATEX-EU-O',
};

/**
 * The legal note of a category for a seller of a country. German sellers get the wording of the UStG;
 * others the neutral wording of the VAT Directive 2006/112/EC (Art. 226 no. 11, 11a).
 */
export function legalNoteFor(category: TaxCategory, sellerCountry: string): LocalisedText | null {
  const de = sellerCountry === 'DE';
  switch (category) {
    case 'AE':
      // UStG §14a(5): the invoice must say "Steuerschuldnerschaft des Leistungsempfängers";
      // CJEU C-247/21: without it the seller may owe the VAT. Art. 226 no. 11a: "Reverse charge".
      return {
        de: de
          ? 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, § 13b UStG).'
          : 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).',
        en: 'Reverse charge: the recipient is liable for the VAT (Steuerschuldnerschaft des Leistungsempfängers).',
      };
    case 'K':
      // UStG §14a(3): "steuerfreie innergemeinschaftliche Lieferung" plus both VAT ids.
      return {
        de: de
          ? 'Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1 Buchst. b i. V. m. § 6a UStG).'
          : 'Steuerfreie innergemeinschaftliche Lieferung (Art. 138 MwStSystRL).',
        en: 'Exempt intra-Community supply of goods (steuerfreie innergemeinschaftliche Lieferung).',
      };
    case 'G':
      return {
        de: de
          ? 'Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1 Buchst. a i. V. m. § 6 UStG).'
          : 'Steuerfreie Ausfuhrlieferung (Art. 146 MwStSystRL).',
        en: 'Exempt export supply outside the EU.',
      };
    case 'O':
      return {
        de: de
          ? 'Nicht im Inland steuerbare Leistung (Leistungsort nach § 3a Abs. 2 UStG im Ausland).'
          : 'Nicht steuerbare Leistung (Leistungsort im Drittland, Art. 44 MwStSystRL).',
        en: 'Not subject to VAT in the EU: the place of supply is outside the EU.',
      };
    case 'E':
      return smallBusinessNote(sellerCountry);
    default:
      return null;
  }
}

/** The small-business note of the seller's country; Germany's wording is fixed by practice and §19 UStG. */
function smallBusinessNote(sellerCountry: string): LocalisedText {
  switch (sellerCountry) {
    case 'DE':
      return {
        de: 'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.',
        en: 'No VAT is charged under the small business scheme of § 19 UStG (Gemäß § 19 UStG wird keine Umsatzsteuer berechnet).',
      };
    case 'AT':
      return {
        de: 'Umsatzsteuerfrei aufgrund der Kleinunternehmerregelung gemäß § 6 Abs. 1 Z 27 UStG.',
        en: 'VAT exempt under the small business scheme of § 6(1)(27) UStG (Austria).',
      };
    case 'FR':
      return {
        de: 'TVA non applicable, art. 293 B du CGI (Kleinunternehmerregelung).',
        en: 'TVA non applicable, art. 293 B du CGI (small business scheme).',
      };
    default:
      return {
        de: 'Steuerbefreit als Kleinunternehmer (Art. 284 MwStSystRL).',
        en: 'VAT exempt under the small business scheme (Art. 284 Directive 2006/112/EC).',
      };
  }
}

/** The VATEX code of a category for a seller of a country (France has its own code for the franchise). */
export function exemptionCodeFor(category: TaxCategory, sellerCountry: string): string | null {
  if (category === 'E') return sellerCountry === 'FR' ? 'VATEX-FR-FRANCHISE' : null;
  return VATEX[category] ?? null;
}

function result(category: TaxCategory, rate: string, sellerCountry: string): TaxDetermination {
  return {
    category,
    rate,
    exemptionReasonCode: exemptionCodeFor(category, sellerCountry),
    legalNote: legalNoteFor(category, sellerCountry),
  };
}

/**
 * VAT of one supply (DOMAIN.md §5). The decisions, in order:
 * - Small business (§19 UStG): E with the note. Exception: services to a business are taxed where the
 *   buyer is (§3a(2) UStG), so §19 does not apply and they are AE (EU) or O (outside the EU) as for
 *   anyone; goods never become K or G for a small business (§19(1) UStG excludes §4 no. 1).
 * - Buyer in the seller's country: S at the dated rate (Z for a zero rate).
 * - Buyer in another EU state with a valid VAT id: goods → K (§4 no. 1b, §6a UStG), services → AE
 *   (§3a(2), §13b UStG). Without one (a consumer): S at the seller's rate. Distance sales above the
 *   EU-wide €10,000 threshold (OSS, destination rates) are not handled here.
 * - Buyer outside the EU: goods → G (export, §4 no. 1a, §6 UStG). Services to a business → O, "not
 *   subject": the place of supply is abroad (§3a(2) UStG), which is what O means (UNCL5305 "not subject
 *   to VAT"); G is reserved for exports of goods. Services to a consumer stay taxable at home
 *   (§3a(1) UStG) → S.
 */
export function determineTax(input: TaxInput): TaxDetermination {
  for (const [field, code] of [
    ['sellerCountry', input.sellerCountry],
    ['buyerCountry', input.buyerCountry],
  ] as const) {
    if (!isCountryCode(code)) {
      throw new DomainError(
        'unprocessable',
        'country_invalid',
        `'${code}' is not an ISO 3166-1 alpha-2 code.`,
        {
          errors: [{ path: field, code: 'country_invalid', message: `'${code}' is not a country code` }],
        },
      );
    }
  }
  if (!isCalendarDate(input.supplyDate)) {
    throw new DomainError(
      'unprocessable',
      'date_invalid',
      `'${input.supplyDate}' is not a date YYYY-MM-DD.`,
      {
        errors: [{ path: 'supplyDate', code: 'date_invalid', message: 'must be a date YYYY-MM-DD' }],
      },
    );
  }
  const seller = input.sellerCountry;
  const domestic = input.buyerCountry === seller;
  const buyerInEu = EU_COUNTRIES.has(input.buyerCountry);
  const sellerInEu = EU_COUNTRIES.has(seller);
  const business = input.buyerIsBusiness ?? input.buyerVatIdValid;
  const services = input.supplyKind === 'services';

  if (!domestic && services && business) {
    if (buyerInEu && sellerInEu && input.buyerVatIdValid) return result('AE', '0', seller);
    if (!buyerInEu) return result('O', '0', seller);
  }
  if (input.sellerSmallBusiness) return result('E', '0', seller);
  if (!domestic && sellerInEu) {
    if (buyerInEu && input.buyerVatIdValid && !services) return result('K', '0', seller);
    if (!buyerInEu && !services) return result('G', '0', seller);
  }
  const rate = vatRate(seller, input.rateKind, input.supplyDate);
  return result(new Big(rate).eq(0) ? 'Z' : 'S', rate, seller);
}
