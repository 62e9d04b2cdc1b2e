import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';

// VAT, revenue and receivables aging from issued documents (issue 7, items 2–4), with a hand-computed set of
// documents issued through the API on the days the organisation's clock is moved to. Amounts in cents.
//
//   #  issued      buyer          lines                                    category/rate  net     VAT    gross
//   1  2026-03-10  Bäckerei (DE)  5 × 49.00 licences                       S 19 %        24500   4655
//                  supplied 02-27 2 × 29.90 books (reduced, goods)         S 7 %          5980    419   35554
//                  due 03-24      10.00 of it paid (amount_paid)
//   2  2026-03-20  Alpenblick(AT) 2 × 100.00 consulting (services)         AE 0 %        20000      0   20000
//                  due 04-03      (EU business with VAT id: reverse charge)
//   3  2026-03-25  Alpenblick(AT) 1 × 1,500.00 server (goods)              K 0 %        150000      0  150000
//                  due 05-20      (intra-EU supply of goods)
//   4  2026-04-05  Bäckerei       1 × 1,000.00                             S 19 %       100000  19000  119000
//                  due 06-10      credit note 2026-04-15: −200.00          S 19 %       −20000  −3800  −23800
//   5  2026-04-10  Bäckerei       1 × 500.00                               S 19 %        50000   9500   59500
//                                 cancelled 2026-04-12 (Storno)            S 19 %       −50000  −9500  −59500
//   6  2026-04-20  Liberty (US)   1 × 300.00 USD services                  O 0 %         30000      0   30000 USD
//                  due 06-30
//   7  2026-05-02  Bäckerei       10 × 10.00                               S 19 %        10000   1900   11900
//                  due 07-15
//
// Aging on 2026-06-30 (days past due): #1 98 → >90: 35554 − 1000 = 34554; #2 88 → 61–90: 20000; #3 41 → 31–60:
// 150000; #4 20 → 1–30: 119000 − 23800 credited = 95200; #5 cancelled: not open; #6 0 → current (USD): 30000;
// #7 not yet due → current: 11900.

let now = new Date('2026-03-01T09:00:00Z');
const clock: Clock & { set: (day: string) => void } = {
  now: () => new Date(now),
  set: (day) => {
    now = new Date(`${day}T09:00:00Z`);
  },
};
const t = await createTestApp({ clock });

const ids: Record<string, string> = {};
const docs: Record<string, { id: string; grossTotal: number }> = {};

async function issue(day: string, body: Record<string, unknown>) {
  clock.set(day);
  return finalize(t, (await draft(t, body)).id);
}

beforeAll(async () => {
  await readySeller(t);
  ids.baeckerei = (await contact(t, companyInput({ companyName: 'Bäckerei Müller KG' }))).id;
  ids.alpen = (
    await contact(
      t,
      companyInput({
        companyName: 'Alpenblick Consulting GmbH',
        billingAddress: { line1: 'Mariahilfer Straße 1', postalCode: '1060', city: 'Wien', country: 'AT' },
        vatId: 'ATU13585627',
      }),
    )
  ).id;
  ids.liberty = (
    await contact(
      t,
      companyInput({
        companyName: 'Liberty Tools Inc.',
        billingAddress: { line1: '1 Main St', postalCode: '10001', city: 'New York', country: 'US' },
        vatId: null,
        currency: 'USD',
        bankAccounts: [],
      }),
    )
  ).id;

  docs.i1 = await issue('2026-03-10', {
    contactId: ids.baeckerei,
    serviceDate: '2026-02-27',
    dueDate: '2026-03-24',
    lines: [
      line({ name: 'Lizenz', quantity: '5', unitCode: 'C62', unitAmount: 4900 }),
      line({
        name: 'Buch',
        quantity: '2',
        unitCode: 'C62',
        unitAmount: 2990,
        taxRateKind: 'reduced',
        supplyKind: 'goods',
      }),
    ],
  });
  expect(docs.i1.grossTotal).toBe(35554);
  docs.i2 = await issue('2026-03-20', {
    contactId: ids.alpen,
    dueDate: '2026-04-03',
    lines: [line({ name: 'Beratung', quantity: '2', unitAmount: 10000 })],
  });
  docs.i3 = await issue('2026-03-25', {
    contactId: ids.alpen,
    dueDate: '2026-05-20',
    lines: [
      line({ name: 'Server', quantity: '1', unitCode: 'C62', unitAmount: 150000, supplyKind: 'goods' }),
    ],
  });
  docs.i4 = await issue('2026-04-05', {
    contactId: ids.baeckerei,
    dueDate: '2026-06-10',
    lines: [line({ name: 'Projekt', quantity: '1', unitCode: 'C62', unitAmount: 100000 })],
  });
  docs.i5 = await issue('2026-04-10', {
    contactId: ids.baeckerei,
    lines: [line({ name: 'Schulung', quantity: '1', unitCode: 'C62', unitAmount: 50000 })],
  });
  clock.set('2026-04-12');
  await ok(post(t, `/v1/invoices/${docs.i5.id}/cancel`));
  clock.set('2026-04-15');
  const credit = await ok(
    post(t, '/v1/credit-notes', {
      invoiceId: docs.i4.id,
      lines: [line({ name: 'Nachlass', quantity: '1', unitCode: 'C62', unitAmount: 20000 })],
    }),
    201,
  );
  await finalize(t, credit.id, undefined, 'credit-notes');
  docs.i6 = await issue('2026-04-20', {
    contactId: ids.liberty,
    dueDate: '2026-06-30',
    lines: [line({ name: 'Support', quantity: '1', unitCode: 'C62', unitAmount: 30000 })],
  });
  docs.i7 = await issue('2026-05-02', {
    contactId: ids.baeckerei,
    dueDate: '2026-07-15',
    lines: [line({ name: 'Brötchen-App', quantity: '10', unitCode: 'C62', unitAmount: 1000 })],
  });
  // a part payment of #1, arranged on its life-cycle columns (recording payments is the payments API's job)
  await t.db('documents').where({ id: docs.i1.id }).update({ amount_paid: 1000, status: 'partially_paid' });
  clock.set('2026-06-30');
});

const S19 = (period: string, net: number, tax: number, documents: number) => ({
  category: 'S',
  rate: '19',
  net,
  tax,
  gross: net + tax,
  documents,
  elsterNetField: '81',
  elsterTaxField: null,
  ...months[period],
});
/** No payment moved money in this dataset: the collected figures are apps/api/test/reports-payments.test.ts's. */
const uncollected = { collected: 0, collectedOnInvoices: 0, collectedToCreditBalance: 0 };
const months: Record<string, { currency: string; period: string; periodStart: string; periodEnd: string }> = {
  '2026-02': { currency: 'EUR', period: '2026-02', periodStart: '2026-02-01', periodEnd: '2026-02-28' },
  '2026-03': { currency: 'EUR', period: '2026-03', periodStart: '2026-03-01', periodEnd: '2026-03-31' },
  '2026-04': { currency: 'EUR', period: '2026-04', periodStart: '2026-04-01', periodEnd: '2026-04-30' },
  '2026-05': { currency: 'EUR', period: '2026-05', periodStart: '2026-05-01', periodEnd: '2026-05-31' },
};

describe('VAT report', () => {
  it('gives net and VAT per month, category and rate with the advance-return fields and totals', async () => {
    const body = await ok(get(t, '/v1/reports/vat?from=2026-03-01&to=2026-04-30'));
    expect(body).toMatchObject({
      from: '2026-03-01',
      to: '2026-04-30',
      interval: 'month',
      dateBasis: 'issue_date',
    });
    expect(body.data).toEqual([
      S19('2026-03', 24500, 4655, 1),
      {
        ...months['2026-03'],
        category: 'S',
        rate: '7',
        net: 5980,
        tax: 419,
        gross: 6399,
        documents: 1,
        elsterNetField: '86',
        elsterTaxField: null,
      },
      {
        ...months['2026-03'],
        category: 'AE',
        rate: '0',
        net: 20000,
        tax: 0,
        gross: 20000,
        documents: 1,
        elsterNetField: '21',
        elsterTaxField: null,
      },
      {
        ...months['2026-03'],
        category: 'K',
        rate: '0',
        net: 150000,
        tax: 0,
        gross: 150000,
        documents: 1,
        elsterNetField: '41',
        elsterTaxField: null,
      },
      // 100000 + 50000 − 20000 (credit note) − 50000 (Storno) = 80000; VAT 19000 + 9500 − 3800 − 9500 = 15200
      S19('2026-04', 80000, 15200, 4),
      // another currency: its own row, no return field (a return is filed in EUR)
      {
        ...months['2026-04'],
        currency: 'USD',
        category: 'O',
        rate: '0',
        net: 30000,
        tax: 0,
        gross: 30000,
        documents: 1,
        elsterNetField: null,
        elsterTaxField: null,
      },
    ]);
    expect(body.totals).toEqual([
      {
        ...months['2026-03'],
        net: 200480,
        vat: 5074,
        taxableNet: 30480,
        zeroRatedNet: 0,
        reverseChargeNet: 20000,
        intraEuSuppliesNet: 150000,
        exportNet: 0,
        exemptNet: 0,
        notSubjectNet: 0,
      },
      {
        ...months['2026-04'],
        net: 80000,
        vat: 15200,
        taxableNet: 80000,
        zeroRatedNet: 0,
        reverseChargeNet: 0,
        intraEuSuppliesNet: 0,
        exportNet: 0,
        exemptNet: 0,
        notSubjectNet: 0,
      },
      {
        ...months['2026-04'],
        currency: 'USD',
        net: 30000,
        vat: 0,
        taxableNet: 0,
        zeroRatedNet: 0,
        reverseChargeNet: 0,
        intraEuSuppliesNet: 0,
        exportNet: 0,
        exemptNet: 0,
        notSubjectNet: 30000,
      },
    ]);
  });

  it('assigns invoices by their date of supply with dateBasis=supply_date; quarters sum the months', async () => {
    const supply = await ok(
      get(t, '/v1/reports/vat?from=2026-02-01&to=2026-03-31&dateBasis=supply_date&currency=EUR'),
    );
    // #1 was supplied on 2026-02-27: February
    expect(
      supply.data.map((r: { period: string; category: string; rate: string; net: number }) => [
        r.period,
        r.category,
        r.rate,
        r.net,
      ]),
    ).toEqual([
      ['2026-02', 'S', '19', 24500],
      ['2026-02', 'S', '7', 5980],
      ['2026-03', 'AE', '0', 20000],
      ['2026-03', 'K', '0', 150000],
    ]);
    const quarter = await ok(
      get(t, '/v1/reports/vat?from=2026-04-01&to=2026-04-01&interval=quarter&currency=EUR'),
    );
    expect(quarter.totals).toEqual([
      expect.objectContaining({
        period: '2026-Q2',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        net: 90000,
        vat: 17100,
      }),
    ]);
  });

  it('defaults to the previous month on the organisation’s clock, and answers CSV', async () => {
    const body = await ok(get(t, '/v1/reports/vat'));
    expect(body).toMatchObject({ from: '2026-05-01', to: '2026-05-31' });
    expect(body.data).toEqual([S19('2026-05', 10000, 1900, 1)]);
    const csv = await t.api({
      method: 'GET',
      url: '/v1/reports/vat?from=2026-03-01&to=2026-03-31',
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.trim().split('\r\n')).toEqual([
      'currency,period,periodStart,periodEnd,category,rate,net,tax,gross,documents,elsterNetField,elsterTaxField',
      'EUR,2026-03,2026-03-01,2026-03-31,S,19,24500,4655,29155,1,81,',
      'EUR,2026-03,2026-03-01,2026-03-31,S,7,5980,419,6399,1,86,',
      'EUR,2026-03,2026-03-01,2026-03-31,AE,0,20000,0,20000,1,21,',
      'EUR,2026-03,2026-03-01,2026-03-31,K,0,150000,0,150000,1,41,',
    ]);
  });
});

describe('revenue report', () => {
  it('gives invoiced net, VAT and gross per month and rate, every month and currency', async () => {
    const body = await ok(get(t, '/v1/reports/revenue?from=2026-03-01&to=2026-05-31'));
    const rate = (category: string, r: string, net: number, tax: number) => ({
      category,
      rate: r,
      net,
      tax,
      gross: net + tax,
      collectedNet: 0,
      collectedTax: 0,
      collected: 0,
    });
    expect(body.data).toEqual([
      {
        ...months['2026-03'],
        net: 200480,
        tax: 5074,
        gross: 205554,
        ...uncollected,
        byTaxRate: [
          rate('S', '19', 24500, 4655),
          rate('S', '7', 5980, 419),
          rate('AE', '0', 20000, 0),
          rate('K', '0', 150000, 0),
        ],
      },
      {
        ...months['2026-04'],
        net: 80000,
        tax: 15200,
        gross: 95200,
        ...uncollected,
        byTaxRate: [rate('S', '19', 80000, 15200)],
      },
      {
        ...months['2026-05'],
        net: 10000,
        tax: 1900,
        gross: 11900,
        ...uncollected,
        byTaxRate: [rate('S', '19', 10000, 1900)],
      },
      { ...months['2026-03'], currency: 'USD', net: 0, tax: 0, gross: 0, ...uncollected, byTaxRate: [] },
      {
        ...months['2026-04'],
        currency: 'USD',
        net: 30000,
        tax: 0,
        gross: 30000,
        ...uncollected,
        byTaxRate: [rate('O', '0', 30000, 0)],
      },
      { ...months['2026-05'], currency: 'USD', net: 0, tax: 0, gross: 0, ...uncollected, byTaxRate: [] },
    ]);
    const csv = await t.api({
      method: 'GET',
      url: '/v1/reports/revenue?from=2026-04-01&to=2026-04-30',
      headers: { accept: 'text/csv' },
    });
    expect(csv.text.trim().split('\r\n')).toEqual([
      'currency,period,periodStart,periodEnd,category,rate,net,tax,gross,collectedNet,collectedTax,collected',
      'EUR,2026-04,2026-04-01,2026-04-30,S,19,80000,15200,95200,0,0,0',
      'USD,2026-04,2026-04-01,2026-04-30,O,0,30000,0,30000,0,0,0',
    ]);
  });
});

describe('receivables aging', () => {
  it('buckets what each contact owes by days past due, with totals and DSO per currency', async () => {
    const body = await ok(get(t, '/v1/reports/receivables-aging'));
    expect(body).toMatchObject({ asOf: '2026-06-30', dsoDays: 90 });
    expect(body.data).toEqual([
      {
        currency: 'EUR',
        contactId: ids.alpen,
        contactName: 'Alpenblick Consulting GmbH',
        current: 0,
        days1To30: 0,
        days31To60: 150000,
        days61To90: 20000,
        over90: 0,
        total: 170000,
        invoices: 2,
        oldestDueDate: '2026-04-03',
      },
      {
        currency: 'EUR',
        contactId: ids.baeckerei,
        contactName: 'Bäckerei Müller KG',
        current: 11900,
        days1To30: 95200,
        days31To60: 0,
        days61To90: 0,
        over90: 34554,
        total: 141654,
        invoices: 3,
        oldestDueDate: '2026-03-24',
      },
      {
        currency: 'USD',
        contactId: ids.liberty,
        contactName: 'Liberty Tools Inc.',
        current: 30000,
        days1To30: 0,
        days31To60: 0,
        days61To90: 0,
        over90: 0,
        total: 30000,
        invoices: 1,
        oldestDueDate: '2026-06-30',
      },
    ]);
    // DSO over the 90 days 2026-04-02 … 06-30: invoiced 119000 − 23800 + 59500 − 59500 + 11900 = 107100;
    // 311654 × 90 / 107100 = 261.89 → '261.9'. USD: 30000 × 90 / 30000 = '90.0'.
    expect(body.totals).toEqual([
      {
        currency: 'EUR',
        current: 11900,
        days1To30: 95200,
        days31To60: 150000,
        days61To90: 20000,
        over90: 34554,
        total: 311654,
        invoices: 5,
        dso: '261.9',
      },
      {
        currency: 'USD',
        current: 30000,
        days1To30: 0,
        days31To60: 0,
        days61To90: 0,
        over90: 0,
        total: 30000,
        invoices: 1,
        dso: '90.0',
      },
    ]);
    // 30 days: 2026-06-01 … 06-30, nothing invoiced in EUR: no DSO
    const short = await ok(get(t, '/v1/reports/receivables-aging?dsoDays=30&currency=EUR'));
    expect(short.totals).toEqual([expect.objectContaining({ currency: 'EUR', total: 311654, dso: null })]);
    expect(short.data.map((r: { contactId: string }) => r.contactId)).toEqual([ids.alpen, ids.baeckerei]);
  });

  it('moves invoices into later buckets as the clock moves on', async () => {
    clock.set('2026-07-16');
    try {
      const body = await ok(get(t, '/v1/reports/receivables-aging?currency=EUR'));
      // #7 (due 07-15) 1 day, #4 (06-10) 36, #3 (05-20) 57, #2 (04-03) 104, #1 (03-24) 114 days past due
      expect(body.totals).toEqual([
        expect.objectContaining({
          current: 0,
          days1To30: 11900,
          days31To60: 95200 + 150000,
          days61To90: 0,
          over90: 20000 + 34554,
        }),
      ]);
    } finally {
      clock.set('2026-06-30');
    }
  });

  it('answers CSV with the contact rows', async () => {
    const csv = await t.api({
      method: 'GET',
      url: '/v1/reports/receivables-aging?currency=USD',
      headers: { accept: 'text/csv' },
    });
    expect(csv.text.trim().split('\r\n')).toEqual([
      'currency,contactId,contactName,current,days1To30,days31To60,days61To90,over90,total,invoices,oldestDueDate',
      `USD,${ids.liberty},Liberty Tools Inc.,30000,0,0,0,0,30000,1,2026-06-30`,
    ]);
  });
});

describe('document reports: GraphQL, input, tenancy', () => {
  it('gives the same figures through GraphQL', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: `query {
          vatReport(from: "2026-03-01", to: "2026-03-31") { totals { period net vat reverseChargeNet intraEuSuppliesNet } }
          revenueReport(from: "2026-04-01", to: "2026-04-30", currency: "EUR") { data { period net gross byTaxRate { rate net } } }
          receivablesAging(currency: "EUR") { totals { total over90 dso } }
        }`,
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      vatReport: {
        totals: [
          { period: '2026-03', net: 200480, vat: 5074, reverseChargeNet: 20000, intraEuSuppliesNet: 150000 },
        ],
      },
      revenueReport: {
        data: [{ period: '2026-04', net: 80000, gross: 95200, byTaxRate: [{ rate: '19', net: 80000 }] }],
      },
      receivablesAging: { totals: [{ total: 311654, over90: 34554, dso: '261.9' }] },
    });
  });

  it('refuses bad input naming every field', async () => {
    const res = await get(t, '/v1/reports/vat?from=2026-02-30&dateBasis=paid&interval=week');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.dateBasis',
      'query.from',
      'query.interval',
    ]);
    const aging = await get(t, '/v1/reports/receivables-aging?dsoDays=0');
    expect(aging.status).toBe(400);
    expect(aging.body.errors).toEqual([expect.objectContaining({ path: 'query.dsoDays' })]);
    const gql = await t.api({
      method: 'POST',
      url: '/graphql',
      body: { query: '{ revenueReport(from: "2026-05-01", to: "2026-04-01") { from } }' },
    });
    expect(gql.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'query.from', code: 'range_invalid' })],
    });
  });

  it('answers a date at either end of the calendar (a typo for 2020, the year 9999) with figures, not a 500', async () => {
    // "0202-03-01" is a real date with nothing issued on it; the report has nothing to show, and says so
    const vat = await ok(get(t, '/v1/reports/vat?from=0202-03-01&to=0202-03-31&interval=quarter'));
    expect(vat).toMatchObject({ data: [], totals: [] });
    const revenue = await ok(get(t, '/v1/reports/revenue?from=0202-03-01&to=0202-03-31'));
    expect(revenue.data).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        period: '0202-03',
        periodStart: '0202-03-01',
        periodEnd: '0202-03-31',
        gross: 0,
      }),
    ]);
    // the default range: the 12 months up to `to`, which cannot reach back before year 1
    const early = await ok(get(t, '/v1/reports/revenue?to=0001-03-31'));
    expect(early.data.map((r: { period: string }) => r.period)).toEqual(['0001-01', '0001-02', '0001-03']);
    const last = await ok(get(t, '/v1/reports/vat?from=9999-12-01&to=9999-12-31&interval=year'));
    expect(last).toMatchObject({ data: [], totals: [] });
    const lastRevenue = await ok(get(t, '/v1/reports/revenue?from=9999-12-01&to=9999-12-31&interval=year'));
    expect(lastRevenue.data).toEqual([
      expect.objectContaining({ period: '9999', periodStart: '9999-01-01', periodEnd: '9999-12-31' }),
    ]);
    // DSO looks back dsoDays from asOf: from the first day there is at most
    const aging = await ok(get(t, '/v1/reports/receivables-aging?asOf=0001-01-01'));
    expect(aging).toMatchObject({ asOf: '0001-01-01', data: [] });
  });

  it('shows another organisation only its own (empty) figures', async () => {
    const other = await t.tenant('Andere GmbH');
    const vat = await ok(get(t, '/v1/reports/vat?from=2026-03-01&to=2026-04-30', other));
    expect(vat).toMatchObject({ data: [], totals: [] });
    const revenue = await ok(get(t, '/v1/reports/revenue?from=2026-03-01&to=2026-03-31', other));
    expect(revenue.data).toEqual([
      { ...months['2026-03'], net: 0, tax: 0, gross: 0, ...uncollected, byTaxRate: [] },
    ]);
    const aging = await ok(get(t, '/v1/reports/receivables-aging', other));
    expect(aging.data).toEqual([]);
    expect(aging.totals).toEqual([
      {
        currency: 'EUR',
        current: 0,
        days1To30: 0,
        days31To60: 0,
        days61To90: 0,
        over90: 0,
        total: 0,
        invoices: 0,
        dso: null,
      },
    ]);
  });
});
