import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';

// Collected revenue and receivables aging as of past days (issue 7, items 2–3), from a hand-computed story of
// invoices, payments, a refund, a credit note, a cancellation and a credit balance, all through the API with the
// organisation's clock moved along. The organisation is in Europe/Berlin (UTC+2 from 2026-03-29): an instant's
// calendar day is Berlin's. Amounts in cents.
//
// Invoices (due dates given)                                           19 %: net  VAT     7 %: net  VAT   gross
//   I1  03-02  Bäckerei  licence 1,000.00 + book 100.00, due 03-16          100000 19000       10000  700  129700
//   I2  03-10  Café      500.00, due 03-24                                   50000  9500                   59500
//   I3  03-20  Liberty   300.00 USD (not taxable here: O 0 %), due 04-19                                   30000 USD
//   I6  04-02  Café      100.00, due 04-09; cancelled 04-25 (Storno −11900)  10000  1900                   11900
//   I4  04-10  Bäckerei  200.00, due 04-24                                   20000  3800                   23800
//   CN  04-15  credit note for I1's book                                                     −10000 −700  −10700
//   I5  05-12  Bäckerei  100.00, due 05-26                                   10000  1900                   11900
//
// Money (paidAt → Berlin day)
//   P1  03-25T10:00Z → 03-25  Bäckerei 50000 on I1 (a partial payment: 79700 left, 69000 after the credit note)
//   P2  03-31T22:30Z → 04-01  Café 59500 on I2 (UTC says March; Berlin says April)
//   P3  04-05T10:00Z → 04-05  Liberty 30000 USD on I3
//   --  04-10         Café 5000 by card, failed: no money
//   P4  04-30T21:59Z → 04-30  Bäckerei 100000, no invoice named: oldest due first, I1 69000, I4 23800, and 7200
//                             to the credit balance
//   R1  04-30T22:30Z → 05-01  refund of 20000 of P2, taken back from I2 (reopened: 20000 open)
//   --  05-12         I5's finalize spends the 7200 credit balance on it (4700 open)
//
// Collected, by month (EUR): March 50000 (P1); April 59500 + 100000 = 159500 (P2, P4); May −20000 (R1).
// On invoices: March 50000; April 59500 (I2) + 69000 (I1) + 23800 (I4) = 152300, so 159500 − 152300 = 7200 went to
// the credit balance; May −20000 (I2) + 7200 (I5, from the balance) = −12800, so −20000 − (−12800) = −7200 came out
// of it. USD: April 30000 on I3.
//
// By rate — each invoice's money split in proportion to what it owes by rate, cumulatively (docs/reports.md):
//   I1 end of March: 50000 × 119000/129700 = 45875.10, 50000 × 10700/129700 = 4124.90 → 45875 + 4124, the last
//      cent to the larger remainder: 45875 at 19 % (VAT 45875 × 19/119 = 7324.58 → 7325, net 38550) and 4125 at
//      7 % (VAT 4125 × 7/107 = 269.86 → 270, net 3855).
//      end of April: 119000 on it, owed 119000 at 19 % and 0 at 7 % (credit note): 119000 (net 100000, VAT 19000)
//      and 0 — April: 73125 (net 61450, VAT 11675) at 19 %, −4125 (net −3855, VAT −270) at 7 %.
//   I2 April 59500 (50000 + 9500); end of May 39500 on it: VAT 39500 × 19/119 = 6306.72 → 6307, net 33193 —
//      May: −20000 (net −16807, VAT −3193).
//   I4 April 23800 (20000 + 3800).   I5 May 7200: VAT 7200 × 19/119 = 1149.58 → 1150, net 6050.
//   19 % April: 73125 + 59500 + 23800 = 156425, net 61450 + 50000 + 20000 = 131450, VAT 11675 + 9500 + 3800 = 24975.
//   19 % May: −20000 + 7200 = −12800, net −16807 + 6050 = −10757, VAT −3193 + 1150 = −2043.
//
// Aging (days past due on the day):
//   03-31  I1 79700 (15 days), I2 59500 (7 days; P2 came at 00:30 on 04-01), I3 30000 USD current.
//   04-20  I1 129700 − 10700 − 50000 = 69000 (35 days: 31–60), I4 23800 current, I6 11900 (11 days; cancelled only
//          on 04-25); I2 and I3 paid.
//   04-30  nothing: P4 paid I1 and I4 at 23:59, I6 was cancelled, R1 reopened I2 only at 00:30 on 05-01.
//   05-20 (today)  I2 20000 (57 days: 31–60), I5 4700 current.

let now = new Date('2026-03-01T09:00:00Z');
const clock: Clock & { set: (day: string) => void } = {
  now: () => new Date(now),
  set: (day) => {
    now = new Date(`${day}T09:00:00Z`);
  },
};
const t = await createTestApp({ clock });

const ids: Record<string, string> = {};
let other: TestTenant;

async function issue(day: string, body: Record<string, unknown>, as?: TestTenant) {
  clock.set(day);
  return finalize(t, (await draft(t, body, as)).id, as);
}

async function pay(day: string, body: Record<string, unknown>, as?: TestTenant) {
  clock.set(day);
  return ok(post(t, '/v1/payments', { method: 'bank_transfer', ...body }, as), 201);
}

const book = (net: number, overrides: Record<string, unknown> = {}) =>
  line({
    name: 'Buch',
    quantity: '1',
    unitCode: 'C62',
    unitAmount: net,
    taxRateKind: 'reduced',
    supplyKind: 'goods',
    ...overrides,
  });
const item = (name: string, net: number) => line({ name, quantity: '1', unitCode: 'C62', unitAmount: net });

beforeAll(async () => {
  await readySeller(t);
  ids.baeckerei = (await contact(t, companyInput({ companyName: 'Bäckerei Müller KG' }))).id;
  ids.cafe = (await contact(t, companyInput({ companyName: 'Café Sonne GmbH' }))).id;
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

  // another organisation with an invoice open in March and paid in April: never in this one's figures
  other = await t.tenant('Andere GmbH');
  await readySeller(t, other);
  const stranger = await contact(t, companyInput({ companyName: 'Fremdkunde AG' }), other);
  const foreign = await issue(
    '2026-03-05',
    { contactId: stranger.id, dueDate: '2026-03-19', lines: [item('Fremd', 10000)] },
    other,
  );
  ids.otherCustomer = stranger.id;

  const i1 = await issue('2026-03-02', {
    contactId: ids.baeckerei,
    dueDate: '2026-03-16',
    lines: [item('Lizenz', 100000), book(10000)],
  });
  expect(i1.grossTotal).toBe(129700);
  const i2 = await issue('2026-03-10', {
    contactId: ids.cafe,
    dueDate: '2026-03-24',
    lines: [item('Beratung', 50000)],
  });
  const i3 = await issue('2026-03-20', {
    contactId: ids.liberty,
    dueDate: '2026-04-19',
    lines: [item('Support', 30000)],
  });
  await pay('2026-03-25', { invoiceId: i1.id, amount: 50000, paidAt: '2026-03-25T10:00:00Z' });
  const p2 = await pay('2026-04-01', { invoiceId: i2.id, amount: 59500, paidAt: '2026-03-31T22:30:00Z' });
  const i6 = await issue('2026-04-02', {
    contactId: ids.cafe,
    dueDate: '2026-04-09',
    lines: [item('Schulung', 10000)],
  });
  await pay('2026-04-03', { invoiceId: foreign.id, amount: 11900, paidAt: '2026-04-03T10:00:00Z' }, other);
  await pay('2026-04-05', { invoiceId: i3.id, amount: 30000, paidAt: '2026-04-05T10:00:00Z' });
  const i4 = await issue('2026-04-10', {
    contactId: ids.baeckerei,
    dueDate: '2026-04-24',
    lines: [item('Projekt', 20000)],
  });
  await pay('2026-04-10', {
    contactId: ids.cafe,
    amount: 5000,
    method: 'card',
    status: 'failed',
    failureReason: 'card_declined',
    paidAt: '2026-04-10T10:00:00Z',
  });
  clock.set('2026-04-15');
  const credit = await ok(post(t, '/v1/credit-notes', { invoiceId: i1.id, lines: [book(10000)] }), 201);
  await finalize(t, credit.id, undefined, 'credit-notes');
  clock.set('2026-04-25');
  await ok(post(t, `/v1/invoices/${i6.id}/cancel`));
  const p4 = await pay('2026-05-01', {
    contactId: ids.baeckerei,
    amount: 100000,
    paidAt: '2026-04-30T21:59:00Z',
  });
  expect(p4).toMatchObject({ amountAllocated: 92800, amountUnapplied: 7200 });
  expect(p4.allocations).toEqual(
    expect.arrayContaining([
      { invoiceId: i1.id, amount: 69000 },
      { invoiceId: i4.id, amount: 23800 },
    ]),
  );
  await ok(
    post(t, `/v1/payments/${p2.id}/refund`, { amount: 20000, refundedAt: '2026-04-30T22:30:00Z' }),
    201,
  );
  const i5 = await issue('2026-05-12', {
    contactId: ids.baeckerei,
    dueDate: '2026-05-26',
    lines: [item('Wartung', 10000)],
  });
  expect(i5).toMatchObject({ grossTotal: 11900, amountPaid: 7200, status: 'partially_paid' });
  clock.set('2026-05-20');
});

const period = (currency: string, month: string, end: string) => ({
  currency,
  period: month,
  periodStart: `${month}-01`,
  periodEnd: `${month}-${end}`,
});
const rate = (
  category: string,
  r: string,
  invoiced: [net: number, tax: number],
  collected: [net: number, tax: number],
) => ({
  category,
  rate: r,
  net: invoiced[0],
  tax: invoiced[1],
  gross: invoiced[0] + invoiced[1],
  collectedNet: collected[0],
  collectedTax: collected[1],
  collected: collected[0] + collected[1],
});

describe('revenue: collected', () => {
  it('gives collected money per month and currency beside the invoiced, on invoices split by VAT rate', async () => {
    const body = await ok(get(t, '/v1/reports/revenue?from=2026-03-01&to=2026-05-31'));
    expect(body.data).toEqual([
      {
        ...period('EUR', '2026-03', '31'),
        // invoiced: 19 % 100000 + 50000, VAT 19000 + 9500; 7 % 10000, VAT 700
        net: 160000,
        tax: 29200,
        gross: 189200,
        collected: 50000,
        collectedOnInvoices: 50000,
        collectedToCreditBalance: 0,
        byTaxRate: [
          rate('S', '19', [150000, 28500], [38550, 7325]),
          rate('S', '7', [10000, 700], [3855, 270]),
        ],
      },
      {
        ...period('EUR', '2026-04', '30'),
        // invoiced: 19 % I4 20000 + I6 10000 − its Storno 10000 (VAT 3800 + 1900 − 1900); 7 % the credit note
        net: 10000,
        tax: 3100,
        gross: 13100,
        collected: 159500,
        collectedOnInvoices: 152300,
        collectedToCreditBalance: 7200,
        byTaxRate: [
          rate('S', '19', [20000, 3800], [131450, 24975]),
          rate('S', '7', [-10000, -700], [-3855, -270]),
        ],
      },
      {
        ...period('EUR', '2026-05', '31'),
        net: 10000,
        tax: 1900,
        gross: 11900,
        collected: -20000,
        collectedOnInvoices: -12800,
        collectedToCreditBalance: -7200,
        byTaxRate: [rate('S', '19', [10000, 1900], [-10757, -2043])],
      },
      {
        ...period('USD', '2026-03', '31'),
        net: 30000,
        tax: 0,
        gross: 30000,
        collected: 0,
        collectedOnInvoices: 0,
        collectedToCreditBalance: 0,
        byTaxRate: [rate('O', '0', [30000, 0], [0, 0])],
      },
      {
        ...period('USD', '2026-04', '30'),
        net: 0,
        tax: 0,
        gross: 0,
        collected: 30000,
        collectedOnInvoices: 30000,
        collectedToCreditBalance: 0,
        byTaxRate: [rate('O', '0', [0, 0], [30000, 0])],
      },
      {
        ...period('USD', '2026-05', '31'),
        net: 0,
        tax: 0,
        gross: 0,
        collected: 0,
        collectedOnInvoices: 0,
        collectedToCreditBalance: 0,
        byTaxRate: [],
      },
    ]);
  });

  it('sums months into quarters to the cent, and narrows to one currency', async () => {
    const body = await ok(
      get(t, '/v1/reports/revenue?from=2026-04-01&to=2026-06-30&interval=quarter&currency=EUR'),
    );
    // Q2 = April + May: collected 159500 − 20000; on invoices 152300 − 12800; the balance +7200 − 7200;
    // 19 % 156425 − 12800 = 143625 (net 131450 − 10757 = 120693, VAT 24975 − 2043 = 22932)
    expect(body.data).toEqual([
      {
        currency: 'EUR',
        period: '2026-Q2',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        net: 20000,
        tax: 5000,
        gross: 25000,
        collected: 139500,
        collectedOnInvoices: 139500,
        collectedToCreditBalance: 0,
        byTaxRate: [
          rate('S', '19', [30000, 5700], [120693, 22932]),
          rate('S', '7', [-10000, -700], [-3855, -270]),
        ],
      },
    ]);
    const usd = await ok(get(t, '/v1/reports/revenue?from=2026-04-01&to=2026-04-30&currency=USD'));
    expect(usd.data.map((r: { currency: string; collected: number }) => [r.currency, r.collected])).toEqual([
      ['USD', 30000],
    ]);
  });

  it('answers CSV: a line per rate and one for the credit balance, adding up to the period', async () => {
    const csv = await t.api({
      method: 'GET',
      url: '/v1/reports/revenue?from=2026-04-01&to=2026-04-30',
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toEqual([
      'currency,period,periodStart,periodEnd,category,rate,net,tax,gross,collectedNet,collectedTax,collected',
      'EUR,2026-04,2026-04-01,2026-04-30,S,19,20000,3800,23800,131450,24975,156425',
      'EUR,2026-04,2026-04-01,2026-04-30,S,7,-10000,-700,-10700,-3855,-270,-4125',
      // 156425 − 4125 + 7200 = 159500 collected
      'EUR,2026-04,2026-04-01,2026-04-30,,,,,,,,7200',
      'USD,2026-04,2026-04-01,2026-04-30,O,0,0,0,0,30000,0,30000',
    ]);
  });
});

const buckets = (
  b: Partial<Record<'current' | 'days1To30' | 'days31To60' | 'days61To90' | 'over90', number>>,
) => {
  const all = { current: 0, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0, ...b };
  return { ...all, total: Object.values(all).reduce((s, v) => s + v, 0) };
};

describe('receivables aging as of a day', () => {
  it('on 03-31: the partial payment counted, the payment of 00:30 on 04-01 not yet', async () => {
    const body = await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-03-31'));
    expect(body).toMatchObject({ asOf: '2026-03-31', dsoDays: 90 });
    expect(body.data).toEqual([
      {
        currency: 'EUR',
        contactId: ids.baeckerei,
        contactName: 'Bäckerei Müller KG',
        ...buckets({ days1To30: 79700 }),
        invoices: 1,
        oldestDueDate: '2026-03-16',
      },
      {
        currency: 'EUR',
        contactId: ids.cafe,
        contactName: 'Café Sonne GmbH',
        ...buckets({ days1To30: 59500 }),
        invoices: 1,
        oldestDueDate: '2026-03-24',
      },
      {
        currency: 'USD',
        contactId: ids.liberty,
        contactName: 'Liberty Tools Inc.',
        ...buckets({ current: 30000 }),
        invoices: 1,
        oldestDueDate: '2026-04-19',
      },
    ]);
    // DSO over 01-01 … 03-31: invoiced 129700 + 59500 = 189200; 139200 × 90 / 189200 = 66.22 → '66.2'.
    // USD: 30000 × 90 / 30000 = '90.0'
    expect(body.totals).toEqual([
      { currency: 'EUR', ...buckets({ days1To30: 139200 }), invoices: 2, dso: '66.2' },
      { currency: 'USD', ...buckets({ current: 30000 }), invoices: 1, dso: '90.0' },
    ]);
  });

  it('on 04-20: I1 moved to 31–60 less its credit note, the later-cancelled invoice still open', async () => {
    const body = await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-04-20'));
    expect(body.data).toEqual([
      {
        currency: 'EUR',
        contactId: ids.baeckerei,
        contactName: 'Bäckerei Müller KG',
        ...buckets({ current: 23800, days31To60: 69000 }),
        invoices: 2,
        oldestDueDate: '2026-03-16',
      },
      {
        currency: 'EUR',
        contactId: ids.cafe,
        contactName: 'Café Sonne GmbH',
        ...buckets({ days1To30: 11900 }),
        invoices: 1,
        oldestDueDate: '2026-04-09',
      },
    ]);
    // DSO over 01-21 … 04-20: 129700 + 59500 + 11900 + 23800 − 10700 = 214200 (the Storno of 04-25 not yet);
    // 104700 × 90 / 214200 = 43.99 → '44.0'. No USD open: only the organisation's currency is listed.
    expect(body.totals).toEqual([
      {
        currency: 'EUR',
        ...buckets({ current: 23800, days1To30: 11900, days31To60: 69000 }),
        invoices: 3,
        dso: '44.0',
      },
    ]);
  });

  it('on 04-30: paid and cancelled invoices have left; the refund of 00:30 on 05-01 has not reopened I2 yet', async () => {
    const body = await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-04-30'));
    expect(body.data).toEqual([]);
    // invoiced 01-31 … 04-30: 214200 − 11900 (Storno) = 202300; nothing open: 0 × 90 / 202300
    expect(body.totals).toEqual([{ currency: 'EUR', ...buckets({}), invoices: 0, dso: '0.0' }]);
  });

  it('today by default: the refund reopened I2, the credit balance paid part of I5 — as the invoices say', async () => {
    const body = await ok(get(t, '/v1/reports/receivables-aging'));
    expect(body.asOf).toBe('2026-05-20');
    expect(body.data).toEqual([
      {
        currency: 'EUR',
        contactId: ids.cafe,
        contactName: 'Café Sonne GmbH',
        ...buckets({ days31To60: 20000 }),
        invoices: 1,
        oldestDueDate: '2026-03-24',
      },
      {
        currency: 'EUR',
        contactId: ids.baeckerei,
        contactName: 'Bäckerei Müller KG',
        ...buckets({ current: 4700 }),
        invoices: 1,
        oldestDueDate: '2026-05-26',
      },
    ]);
    // DSO over 02-20 … 05-20: 129700 + 59500 + 11900 − 11900 + 23800 − 10700 + 11900 = 214200;
    // 24700 × 90 / 214200 = 10.38 → '10.4'
    expect(body.totals).toEqual([
      { currency: 'EUR', ...buckets({ current: 4700, days31To60: 20000 }), invoices: 2, dso: '10.4' },
    ]);
    // the invoices' own open amounts agree
    const open = await ok(get(t, '/v1/invoices?limit=100'));
    const owed = open.data
      .filter((d: { type: string }) => d.type === 'invoice')
      .reduce(
        (s: number, d: { currency: string; amountOpen: number }) =>
          s + (d.currency === 'EUR' ? d.amountOpen : 0),
        0,
      );
    expect(owed).toBe(24700);
    // naming today gives the same
    expect(await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-05-20'))).toEqual(body);
  });

  it('answers CSV as of the day', async () => {
    const csv = await t.api({
      method: 'GET',
      url: '/v1/reports/receivables-aging?asOf=2026-04-20&currency=EUR',
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="receivables-aging-2026-04-20.csv"',
    );
    expect(csv.text.trim().split('\r\n')).toEqual([
      'currency,contactId,contactName,current,days1To30,days31To60,days61To90,over90,total,invoices,oldestDueDate',
      `EUR,${ids.baeckerei},Bäckerei Müller KG,23800,0,69000,0,0,92800,2,2026-03-16`,
      `EUR,${ids.cafe},Café Sonne GmbH,0,11900,0,0,0,11900,1,2026-04-09`,
    ]);
  });
});

describe('collected and aging: GraphQL, input, tenancy', () => {
  it('gives the same figures through GraphQL', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: `query {
          revenueReport(from: "2026-05-01", to: "2026-05-31", currency: "EUR") {
            data { period collected collectedOnInvoices collectedToCreditBalance byTaxRate { rate collectedNet collectedTax collected } }
          }
          receivablesAging(asOf: "2026-04-20", currency: "EUR") { asOf data { contactName days31To60 total } totals { total dso } }
        }`,
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      revenueReport: {
        data: [
          {
            period: '2026-05',
            collected: -20000,
            collectedOnInvoices: -12800,
            collectedToCreditBalance: -7200,
            byTaxRate: [{ rate: '19', collectedNet: -10757, collectedTax: -2043, collected: -12800 }],
          },
        ],
      },
      receivablesAging: {
        asOf: '2026-04-20',
        data: [
          { contactName: 'Bäckerei Müller KG', days31To60: 69000, total: 92800 },
          { contactName: 'Café Sonne GmbH', days31To60: 0, total: 11900 },
        ],
        totals: [{ total: 104700, dso: '44.0' }],
      },
    });
  });

  it('refuses a malformed asOf naming every bad field', async () => {
    const res = await get(t, '/v1/reports/receivables-aging?asOf=2026-02-30&dsoDays=0');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.asOf',
      'query.dsoDays',
    ]);
    const gql = await t.api({
      method: 'POST',
      url: '/graphql',
      body: { query: '{ receivablesAging(asOf: "30.04.2026") { asOf } }' },
    });
    expect(gql.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      // GraphQL names the argument
      errors: [expect.objectContaining({ path: 'asOf', code: 'format_invalid' })],
    });
  });

  it('shows another organisation only its own money and receivables', async () => {
    const revenue = await ok(get(t, '/v1/reports/revenue?from=2026-03-01&to=2026-04-30', other));
    expect(revenue.data).toEqual([
      {
        ...period('EUR', '2026-03', '31'),
        net: 10000,
        tax: 1900,
        gross: 11900,
        collected: 0,
        collectedOnInvoices: 0,
        collectedToCreditBalance: 0,
        byTaxRate: [rate('S', '19', [10000, 1900], [0, 0])],
      },
      {
        ...period('EUR', '2026-04', '30'),
        net: 0,
        tax: 0,
        gross: 0,
        collected: 11900,
        collectedOnInvoices: 11900,
        collectedToCreditBalance: 0,
        byTaxRate: [rate('S', '19', [0, 0], [10000, 1900])],
      },
    ]);
    const march = await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-03-31', other));
    // due 03-19: 12 days past due on 03-31
    expect(march.data).toEqual([
      expect.objectContaining({
        contactId: ids.otherCustomer,
        ...buckets({ days1To30: 11900 }),
        invoices: 1,
      }),
    ]);
    const paid = await ok(get(t, '/v1/reports/receivables-aging?asOf=2026-04-03', other));
    expect(paid.data).toEqual([]);
  });
});
