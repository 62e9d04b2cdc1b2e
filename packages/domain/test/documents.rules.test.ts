import { describe, expect, it } from 'vitest';
import type { Article } from '../src/articles/types';
import type { Contact } from '../src/contacts/types';
import {
  articleUnitAmount,
  checkDraftHead,
  checkIssuable,
  type LineDraft,
  linesFromInput,
  periodOfLines,
  priceLines,
  type TaxParties,
} from '../src/documents/rules';
import { numberRange } from '../src/documents/snapshot';
import { FieldErrors } from '../src/errors';
import { DEFAULT_NUMBER_FORMATS, type Organization } from '../src/organizations/types';

const org = (overrides: Partial<Organization> = {}): Organization => ({
  id: 'org_1',
  legalName: 'Nordlicht Software GmbH',
  address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
  email: null,
  phone: null,
  website: null,
  vatId: 'DE136695976',
  taxNumber: null,
  sepaCreditorId: null,
  bankAccount: null,
  paymentTermsDays: 14,
  locale: 'de-DE',
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  numberFormats: DEFAULT_NUMBER_FORMATS,
  branding: {},
  smallBusiness: false,
  isSandbox: false,
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...overrides,
});

const contact = (overrides: Partial<Contact> = {}): Contact =>
  ({
    id: 'con_1',
    kind: 'company',
    displayName: 'Bäckerei Müller KG',
    billingAddress: { line1: 'Lindenallee 5', postalCode: '80331', city: 'München', country: 'DE' },
    vatId: null,
    ...overrides,
  }) as Contact;

const article = (overrides: Partial<Article> = {}): Article =>
  ({
    id: 'art_1',
    number: 'ART-00001',
    name: 'Fachbuch',
    description: 'Taschenbuch',
    unitCode: 'C62',
    taxRateKind: 'reduced',
    supplyKind: 'goods',
    currency: 'EUR',
    priceModel: { kind: 'per_unit', unitAmount: '2990' },
    active: true,
    ...overrides,
  }) as Article;

const domestic: TaxParties = {
  sellerCountry: 'DE',
  sellerSmallBusiness: false,
  buyerCountry: 'DE',
  buyerVatIdValid: false,
  buyerIsBusiness: true,
};

const draft = (overrides: Partial<LineDraft> = {}): LineDraft => ({
  articleId: null,
  name: 'Beratung',
  description: null,
  quantity: '1',
  unitCode: 'HUR',
  unitAmount: '10000',
  discountPercent: null,
  taxRateKind: 'standard',
  supplyKind: 'services',
  fixedTax: null,
  period: null,
  contractId: null,
  contractItemId: null,
  ...overrides,
});

describe('linesFromInput', () => {
  it('fills a line from its article and keeps what the caller gave', () => {
    const errors = new FieldErrors();
    const [line] = linesFromInput(
      'invoice',
      [{ articleId: 'art_1', quantity: '2', description: null }],
      new Map([['art_1', article()]]),
      'EUR',
      errors,
    );
    expect(errors.list).toEqual([]);
    expect(line).toMatchObject({
      name: 'Fachbuch',
      description: null,
      unitAmount: '2990',
      taxRateKind: 'reduced',
      supplyKind: 'goods',
      quantity: '2',
    });
  });

  it('negates what a credit note credits, and wants it positive', () => {
    const errors = new FieldErrors();
    const lines = linesFromInput(
      'credit_note',
      [
        { name: 'A', quantity: '4', unitAmount: 100 },
        { name: 'B', quantity: '-1', unitAmount: 100 },
      ],
      new Map(),
      'EUR',
      errors,
    );
    expect(lines[0]!.quantity).toBe('-4');
    expect(errors.list).toEqual([
      expect.objectContaining({ path: 'lines.1.quantity', code: 'quantity_not_positive' }),
    ]);
  });

  it('reports every broken rule of every line', () => {
    const errors = new FieldErrors();
    linesFromInput(
      'invoice',
      [
        { quantity: '1' },
        { name: 'X', unitAmount: 1, unitAmountDecimal: '1' },
        { name: 'Y', unitAmountDecimal: '0.1234567890123' },
        {
          name: 'Z',
          unitAmount: 5,
          discountPercent: '101',
          period: { start: '2026-02-01', end: '2026-01-01' },
        },
        { articleId: 'art_1' },
        { articleId: 'art_2' },
        { articleId: 'art_3' },
      ],
      new Map([
        ['art_1', article({ currency: 'USD' })],
        ['art_3', article({ id: 'art_3', active: false })],
      ]),
      'EUR',
      errors,
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'lines.0.name:required',
      'lines.0.unitAmount:required',
      'lines.1.unitAmountDecimal:price_conflict',
      'lines.2.unitAmountDecimal:amount_invalid',
      'lines.3.discountPercent:discount_invalid',
      'lines.3.period.end:period_invalid',
      'lines.4.articleId:article_currency_mismatch',
      'lines.5.articleId:article_not_found',
      'lines.5.name:required',
      'lines.5.unitAmount:required',
      'lines.6.articleId:article_inactive',
    ]);
  });

  it('refuses text XML 1.0 cannot carry; tab, line breaks, umlauts and emoji are fine', () => {
    const errors = new FieldErrors();
    linesFromInput(
      'invoice',
      [
        { name: 'Äpfel 🍎\tKiste', description: 'Zeile 1\r\nZeile 2', unitAmount: 1 },
        { name: 'Zeile 1\u000bZeile 2', unitAmount: 1 },
        { name: 'Ende\ufffe', description: 'halbes Zeichen \ud83c', unitAmount: 1 },
      ],
      new Map(),
      'EUR',
      errors,
    );
    checkDraftHead('invoice', { notes: ['ok', 'Seite\u000c2'] }, errors);
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'lines.1.name:character_invalid',
      'lines.2.name:character_invalid',
      'lines.2.description:character_invalid',
      'notes.1:character_invalid',
    ]);
  });
});

describe('articleUnitAmount', () => {
  it('per unit as is, flat spread over the quantity, tiers as their exact average', () => {
    expect(articleUnitAmount(article(), '3')).toBe('2990');
    expect(articleUnitAmount(article({ priceModel: { kind: 'flat', amount: 1000 } }), '3')).toBe(
      '333.333333333333',
    );
    const tiered = article({
      priceModel: {
        kind: 'graduated',
        tiers: [
          { upTo: 10, unitAmount: '100' },
          { upTo: null, unitAmount: '50' },
        ],
      },
    });
    // 10 × 100 + 5 × 50 = 1250 for 15 units
    expect(articleUnitAmount(tiered, '15')).toBe('83.333333333333');
  });
});

describe('priceLines', () => {
  it('taxes each line at the rate of its date of supply', () => {
    const errors = new FieldErrors();
    const lines = priceLines(
      [
        draft(),
        draft({ taxRateKind: 'reduced', supplyKind: 'goods' }),
        draft({ period: { start: '2021-01-01', end: '2021-01-31' } }),
      ],
      domestic,
      '2020-08-15',
      errors,
    );
    expect(lines.map((l) => [l.position, l.taxCategory, l.taxRate, l.netAmount])).toEqual([
      [1, 'S', '16', 10000],
      [2, 'S', '5', 10000],
      [3, 'S', '19', 10000],
    ]);
  });

  it('follows the parties: reverse charge for an EU business, §19, and keeps a fixed tax', () => {
    const errors = new FieldErrors();
    const eu = { ...domestic, buyerCountry: 'AT', buyerVatIdValid: true };
    expect(priceLines([draft()], eu, '2026-01-10', errors)[0]).toMatchObject({
      taxCategory: 'AE',
      taxRate: '0',
    });
    expect(priceLines([draft({ supplyKind: 'goods' })], eu, '2026-01-10', errors)[0]).toMatchObject({
      taxCategory: 'K',
    });
    expect(
      priceLines([draft()], { ...domestic, sellerSmallBusiness: true }, '2026-01-10', errors)[0],
    ).toMatchObject({ taxCategory: 'E' });
    const fixed = draft({ taxRateKind: null, supplyKind: null, fixedTax: { category: 'S', rate: '7' } });
    expect(priceLines([fixed], eu, '2026-01-10', errors)[0]).toMatchObject({
      taxCategory: 'S',
      taxRate: '7',
    });
    expect(errors.list).toEqual([]);
  });

  it('reports a rate a country does not have', () => {
    const errors = new FieldErrors();
    priceLines([draft({ taxRateKind: 'super_reduced' })], domestic, '2026-01-10', errors);
    expect(errors.list).toEqual([
      expect.objectContaining({ path: 'lines.0.taxRateKind', code: 'vat_rate_unknown' }),
    ]);
  });
});

describe('checkIssuable (UStG §14(4))', () => {
  it('passes a complete document', () => {
    const errors = new FieldErrors();
    checkIssuable(org(), contact(), 1, errors);
    expect(errors.list).toEqual([]);
  });

  it('names every gap at once', () => {
    const errors = new FieldErrors();
    checkIssuable(
      org({
        vatId: null,
        taxNumber: null,
        address: { line1: '', postalCode: '20457', city: 'Hamburg', country: 'DE' },
      }),
      contact({ billingAddress: null }),
      0,
      errors,
    );
    expect(errors.list.map((e) => e.path)).toEqual([
      'organization.address.line1',
      'organization.vatId',
      'contact.billingAddress',
      'lines',
    ]);
  });

  it('takes a tax number instead of a VAT id (no. 2)', () => {
    const errors = new FieldErrors();
    checkIssuable(org({ vatId: null, taxNumber: '22/815/08154' }), contact(), 1, errors);
    expect(errors.list).toEqual([]);
  });
});

describe('draft head and ranges', () => {
  it('refuses fields of other resources and conflicting dates', () => {
    const errors = new FieldErrors();
    checkDraftHead(
      'quote',
      {
        dueDate: '2026-01-01',
        serviceDate: '2026-01-01',
        servicePeriod: { start: '2026-01-01', end: '2026-01-31' },
        invoiceId: 'doc_1',
      },
      errors,
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'servicePeriod:service_date_conflict',
      'dueDate:field_not_allowed',
      'invoiceId:field_not_allowed',
    ]);
  });

  it('a corrected invoice draws from the invoice range; the others from their own', () => {
    expect(numberRange('corrected_invoice', DEFAULT_NUMBER_FORMATS)).toEqual({
      base: 'invoice',
      format: 'RE-{YYYY}-{SEQ:5}',
    });
    expect(numberRange('cancellation', DEFAULT_NUMBER_FORMATS).format).toBe('ST-{YYYY}-{SEQ:5}');
    expect(numberRange('credit_note', DEFAULT_NUMBER_FORMATS).base).toBe('credit_note');
  });

  it('the period of the lines spans the first start to the last end', () => {
    expect(
      periodOfLines([
        { period: { start: '2026-02-01', end: '2026-02-28' } },
        { period: null },
        { period: { start: '2026-01-01', end: '2026-01-31' } },
      ]),
    ).toEqual({
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(periodOfLines([{ period: null }])).toBeNull();
  });
});
