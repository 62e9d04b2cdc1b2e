import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContact, createContract, readyToBill, startRun, worker } from './billing.support';

// The golden MRR test (issue 7, item 6): a hand-computed dataset of contracts that start, expand, contract,
// pause, churn and reactivate over 14 months (2026-01 … 2027-02), built through the public API with the
// organisation's clock moved along, and every figure of every month asserted through REST; GraphQL and CSV
// spot-checked; a rebuild compared row by row with what the contract changes kept up to date.
//
// All amounts are minor units (cents). Monthly contracts unless stated; all bill in advance.
//
//   customer  contract  what happens                                                      MRR (EUR cents)
//   Alpha     A1        starts 2026-01-01, flat 100.00/month                               Jan 1: 10000
//                       +20 % price change effective 2026-04-01 (applies to the period    Apr 1: 12000 (+2000)
//                       starting that day)
//   Beta      B1        starts 2026-01-15, yearly 1,200.00 → 1200.00 / 12 = 100.00/month  Jan 15: 10000
//                       cancelled 2026-05-10 without notice: ends with its yearly period
//                       on 2027-01-14                                                      2027-01-15: 0 (−10000)
//   Gamma     C1        starts 2026-02-01: 5 seats × 20.00 = 100.00, plus a 30.00 fee      Feb 1: 12700
//                       with a 10 % recurring discount = 27.00 → 127.00
//                       paused 2026-06-05 … 2026-08-20: the periods starting Jul 1 and     Jul 1: 0 (−12700)
//                       Aug 1 lie in the pause and are not billed; Sep 1 is billed again   Sep 1: 12700
//                       new seat price 15.00 effective 2026-10-01: 5 × 15.00 + 27.00       Oct 1: 10200 (−2500)
//   Delta     D1        starts 2026-03-01, quarterly 300.00 → 100.00/month, ends 2026-08-31 Mar 1: 10000; Sep 1: 0
//             D2        starts 2026-12-01, 80.00/month                                     Dec 1: 8000
//   Epsilon   E1        starts 2026-04-01, 50.00/month, ends 2026-06-09                    Apr 1: 5000; Jun 10: 0
//             E2        starts 2026-06-11, 70.00/month (cancel and order again: the       Jun 11: 7000
//                       DOMAIN.md example, −50 then +70 within two days → +20)
//   Golf      G1        starts 2026-01-01, 10 seats × 10.00; billed for January, then     Jan 1: 10000
//                       on 2026-03-10 changed to 15 seats "next period" → from Apr 1      Apr 1: 15000 (+5000)
//                       on 2026-11-16 changed to 12 seats "immediately, prorated"         Nov 16: 12000 (−3000)
//   Foxtrot   F1 (USD)  starts 2026-05-01, 99.00/month — another currency, never added   May 1: 9900 USD
//                       to the EUR figures
//
// EUR month by month (MRR at month end; movements of the month, per customer and smoothed):
//
//   month    start   new    expansion contraction churn  reactivation  end    customers
//   2026-01      0   30000        0         0        0        0        30000   3  A, B, G new
//   2026-02  30000   12700        0         0        0        0        42700   4  C new
//   2026-03  42700   10000        0         0        0        0        52700   5  D new
//   2026-04  52700    5000     7000         0        0        0        64700   6  E new; A +2000, G +5000
//   2026-05  64700       0        0         0        0        0        64700   6
//   2026-06  64700       0     2000         0        0        0        66700   6  E: −5000 then +7000 → +2000
//   2026-07  66700       0        0         0    12700        0        54000   5  C paused
//   2026-08  54000       0        0         0        0        0        54000   5
//   2026-09  54000       0        0         0    10000    12700        56700   5  C back, D ended
//   2026-10  56700       0        0      2500        0        0        54200   5  C cheaper seats
//   2026-11  54200       0        0      3000        0        0        51200   5  G 15 → 12 seats
//   2026-12  51200       0        0         0        0     8000        59200   6  D back with D2
//   2027-01  59200       0        0         0    10000        0        49200   5  B ended
//   2027-02  49200       0        0         0        0        0        49200   5
//
// Rates (DOMAIN.md §8, 4 decimals half-up): growth = net change / start; gross churn = (contraction + churn)
// / end; net churn = net change / end; retention = 1 − gross churn. E.g. 2026-07: growth −12700/66700 =
// −0.19040 → '-0.1904'; gross churn 12700/54000 = 0.23519 → '0.2352'; retention 1 − 0.2352 = '0.7648'.

let now = new Date('2025-12-20T09:00:00Z');
/** The organisation's clock, moved along the story: every change happens on its day. */
const clock: Clock & { set: (day: string) => void } = {
  now: () => new Date(now),
  set: (day) => {
    now = new Date(`${day}T09:00:00Z`);
  },
};

const t = await createTestApp({ clock });
const w = worker(t, { clock });

const flat = (name: string, amount: number) => ({ name, priceModel: { kind: 'flat', amount } });
const ids: Record<string, string> = {};
const contracts: Record<string, { id: string; currency: string; items: { id: string }[] }> = {};

/** A change through the API; answers 200 or 201 (a price change is a new resource). */
async function change(method: 'PATCH' | 'POST', url: string, body: object) {
  const res = await t.api({ method, url, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

beforeAll(async () => {
  await readyToBill(t);
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Golf']) {
    ids[name] = (await createContact(t, companyInput({ companyName: `${name} GmbH` }))).id;
  }
  ids.Foxtrot = (await createContact(t, companyInput({ companyName: 'Foxtrot Inc.', currency: 'USD' }))).id;

  // December 2025: the year's contracts are signed
  contracts.A1 = await createContract(t, {
    contactId: ids.Alpha,
    startDate: '2026-01-01',
    items: [flat('Plan', 10_000)],
  });
  contracts.B1 = await createContract(t, {
    contactId: ids.Beta,
    startDate: '2026-01-15',
    intervalMonths: 12,
    items: [flat('Jahreslizenz', 120_000)],
  });
  contracts.C1 = await createContract(t, {
    contactId: ids.Gamma,
    startDate: '2026-02-01',
    items: [
      { name: 'Seats', quantity: '5', priceModel: { kind: 'per_unit', unitAmount: '2000' } },
      { ...flat('Grundgebühr', 3000), discountPercent: '10' },
    ],
  });
  contracts.D1 = await createContract(t, {
    contactId: ids.Delta,
    startDate: '2026-03-01',
    endDate: '2026-08-31',
    intervalMonths: 3,
    items: [flat('Quartal', 30_000)],
  });
  contracts.E1 = await createContract(t, {
    contactId: ids.Epsilon,
    startDate: '2026-04-01',
    endDate: '2026-06-09',
    items: [flat('Basic', 5000)],
  });
  contracts.G1 = await createContract(t, {
    contactId: ids.Golf,
    startDate: '2026-01-01',
    items: [{ name: 'Seats', quantity: '10', priceModel: { kind: 'per_unit', unitAmount: '1000' } }],
  });
  contracts.F1 = await createContract(t, {
    contactId: ids.Foxtrot,
    startDate: '2026-05-01',
    items: [flat('Plan', 9900)],
  });
  expect(contracts.F1.currency).toBe('USD');

  // January: G1's first month is billed, so later item changes become versions (history)
  clock.set('2026-01-01');
  await startRun(t, { asOf: '2026-01-01', contractIds: [contracts.G1.id], mode: 'draft' });
  await w.run();
  expect(await t.db('billed_periods').where({ contract_id: contracts.G1.id }).count({ n: '*' })).toEqual([
    { n: 1 },
  ]);

  clock.set('2026-02-15');
  await change('POST', `/v1/contracts/${contracts.A1.id}/price-changes`, {
    kind: 'percent',
    percent: '20',
    effectiveDate: '2026-04-01',
    announcedOn: '2026-02-15',
  });

  clock.set('2026-03-10');
  await change('PATCH', `/v1/contracts/${contracts.G1.id}`, {
    items: [{ id: contracts.G1.items[0].id, quantity: '15' }],
  });

  clock.set('2026-05-10');
  const cancelled = await change('POST', `/v1/contracts/${contracts.B1.id}/cancel`, {});
  expect(cancelled.endDate).toBe('2027-01-14');

  clock.set('2026-06-04');
  await change('POST', `/v1/contracts/${contracts.C1.id}/pause`, {
    startsOn: '2026-06-05',
    endsOn: '2026-08-20',
  });

  clock.set('2026-06-10');
  contracts.E2 = await createContract(t, {
    contactId: ids.Epsilon,
    startDate: '2026-06-11',
    items: [flat('Pro', 7000)],
  });

  clock.set('2026-09-01');
  await change('POST', `/v1/contracts/${contracts.C1.id}/price-changes`, {
    kind: 'new_price',
    itemId: contracts.C1.items[0].id,
    priceModel: { kind: 'per_unit', unitAmount: '1500' },
    effectiveDate: '2026-10-01',
  });

  clock.set('2026-11-16');
  const g1 = await t.api({ method: 'GET', url: `/v1/contracts/${contracts.G1.id}` });
  const open = g1.body.items.find((i: { endsOn: string | null }) => i.endsOn === null);
  await change('PATCH', `/v1/contracts/${contracts.G1.id}`, {
    applyChange: 'immediate_prorated',
    items: [{ id: open.id, quantity: '12' }],
  });

  clock.set('2026-11-20');
  contracts.D2 = await createContract(t, {
    contactId: ids.Delta,
    startDate: '2026-12-01',
    items: [flat('Monatlich', 8000)],
  });

  clock.set('2027-03-05');
});

type Row = Record<string, unknown>;

async function report(query: string) {
  const res = await t.api({ method: 'GET', url: `/v1/reports/mrr?${query}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { from: string; to: string; interval: string; data: Row[] };
}

// [period, startingMrr, new, expansion, contraction, churn, reactivation, mrr, startingCustomers, customers,
//  newCustomers, reactivatedCustomers, churnedCustomers, growthRate, grossChurnRate, netChurnRate, retentionRate]
/** One EUR month of the table above, then its rates. */
type Month = [
  period: string,
  startingMrr: number,
  newMrr: number,
  expansion: number,
  contraction: number,
  churn: number,
  reactivation: number,
  mrr: number,
  startingCustomers: number,
  customers: number,
  newCustomers: number,
  reactivatedCustomers: number,
  churnedCustomers: number,
  growthRate: string | null,
  grossChurnRate: string | null,
  netChurnRate: string | null,
  retentionRate: string | null,
];

// The rates, month by month (growth = net / start; gross = (contraction + churn) / end; net = net / end):
//   01  growth: start 0 → null          gross 0/30000 = 0     net 30000/30000 = 1
//   02  12700/30000 = 0.42333           0                     12700/42700 = 0.29742
//   03  10000/42700 = 0.23419           0                     10000/52700 = 0.18975
//   04  12000/52700 = 0.22770           0                     12000/64700 = 0.18547
//   06   2000/64700 = 0.03091           0                      2000/66700 = 0.02999 → 0.0300
//   07 −12700/66700 = −0.19040          12700/54000 = 0.23519 −12700/54000 = −0.23519; retention 0.7648
//   09   2700/54000 = 0.05              10000/56700 = 0.17637   2700/56700 = 0.04762; retention 0.8236
//   10  −2500/56700 = −0.04409          2500/54200 = 0.04613   −2500/54200; retention 0.9539
//   11  −3000/54200 = −0.05535          3000/51200 = 0.05859   −3000/51200; retention 0.9414
//   12   8000/51200 = 0.15625 → 0.1563  0                      8000/59200 = 0.13514
//   2027-01 −10000/59200 = −0.16892     10000/49200 = 0.20325 −10000/49200; retention 0.7967
//   05, 08, 2027-02: nothing moved: 0, 0, 0, retention 1
const EUR: Month[] = [
  ['2026-01', 0, 30000, 0, 0, 0, 0, 30000, 0, 3, 3, 0, 0, null, '0.0000', '1.0000', '1.0000'],
  ['2026-02', 30000, 12700, 0, 0, 0, 0, 42700, 3, 4, 1, 0, 0, '0.4233', '0.0000', '0.2974', '1.0000'],
  ['2026-03', 42700, 10000, 0, 0, 0, 0, 52700, 4, 5, 1, 0, 0, '0.2342', '0.0000', '0.1898', '1.0000'],
  ['2026-04', 52700, 5000, 7000, 0, 0, 0, 64700, 5, 6, 1, 0, 0, '0.2277', '0.0000', '0.1855', '1.0000'],
  ['2026-05', 64700, 0, 0, 0, 0, 0, 64700, 6, 6, 0, 0, 0, '0.0000', '0.0000', '0.0000', '1.0000'],
  ['2026-06', 64700, 0, 2000, 0, 0, 0, 66700, 6, 6, 0, 0, 0, '0.0309', '0.0000', '0.0300', '1.0000'],
  ['2026-07', 66700, 0, 0, 0, 12700, 0, 54000, 6, 5, 0, 0, 1, '-0.1904', '0.2352', '-0.2352', '0.7648'],
  ['2026-08', 54000, 0, 0, 0, 0, 0, 54000, 5, 5, 0, 0, 0, '0.0000', '0.0000', '0.0000', '1.0000'],
  ['2026-09', 54000, 0, 0, 0, 10000, 12700, 56700, 5, 5, 0, 1, 1, '0.0500', '0.1764', '0.0476', '0.8236'],
  ['2026-10', 56700, 0, 0, 2500, 0, 0, 54200, 5, 5, 0, 0, 0, '-0.0441', '0.0461', '-0.0461', '0.9539'],
  ['2026-11', 54200, 0, 0, 3000, 0, 0, 51200, 5, 5, 0, 0, 0, '-0.0554', '0.0586', '-0.0586', '0.9414'],
  ['2026-12', 51200, 0, 0, 0, 0, 8000, 59200, 5, 6, 0, 1, 0, '0.1563', '0.0000', '0.1351', '1.0000'],
  ['2027-01', 59200, 0, 0, 0, 10000, 0, 49200, 6, 5, 0, 0, 1, '-0.1689', '0.2033', '-0.2033', '0.7967'],
  ['2027-02', 49200, 0, 0, 0, 0, 0, 49200, 5, 5, 0, 0, 0, '0.0000', '0.0000', '0.0000', '1.0000'],
];

const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

const expectedRow = ([
  period,
  start,
  nw,
  exp,
  con,
  churn,
  react,
  mrr,
  sc,
  c,
  nc,
  rc,
  cc,
  g,
  gc,
  nch,
  ret,
]: Month) => ({
  currency: 'EUR',
  period,
  periodStart: `${period}-01`,
  periodEnd: lastDay(period),
  startingMrr: start,
  mrr,
  arr: 12 * mrr,
  startingCustomers: sc,
  customers: c,
  new: nw,
  expansion: exp,
  contraction: con,
  churn,
  reactivation: react,
  netChange: mrr - start,
  newCustomers: nc,
  reactivatedCustomers: rc,
  churnedCustomers: cc,
  growthRate: g,
  grossChurnRate: gc,
  netChurnRate: nch,
  retentionRate: ret,
});

describe('MRR report: the golden dataset, every figure of every month', () => {
  it('matches the hand-computed EUR and USD figures for all 14 months (REST)', async () => {
    const body = await report('from=2026-01-01&to=2027-02-28');
    expect(body).toMatchObject({ from: '2026-01-01', to: '2027-02-28', interval: 'month' });
    const eur = body.data.filter((r) => r.currency === 'EUR');
    expect(eur).toEqual(EUR.map(expectedRow));
    // every month balances: end = start + new + expansion + reactivation − contraction − churn
    for (const [, start, nw, exp, con, churn, react, end] of EUR)
      expect(start + nw + exp + react - con - churn).toBe(end);

    // USD is reported on its own rows: Foxtrot's 99.00 from May, never added to the EUR figures
    const usd = body.data.filter((r) => r.currency === 'USD');
    expect(usd.map((r) => [r.period, r.mrr, r.new, r.customers])).toEqual(
      EUR.map(([period]) => {
        const active = period >= '2026-05';
        return [period, active ? 9900 : 0, period === '2026-05' ? 9900 : 0, active ? 1 : 0];
      }),
    );
    expect(body.data.map((r) => r.currency)).toEqual([...EUR.map(() => 'EUR'), ...EUR.map(() => 'USD')]);
  });

  it('reads any past month again with the same figures (a sub-range starts from the carried balance)', async () => {
    const june = await report('from=2026-06-15&to=2026-06-15&currency=EUR');
    expect(june.data).toEqual([expectedRow(EUR[5]!)]);
    const autumn = await report('from=2026-09-01&to=2026-11-30&currency=EUR');
    expect(autumn.data).toEqual(EUR.slice(8, 11).map(expectedRow));
  });

  it('sums quarters and years from the same months', async () => {
    const quarters = await report('from=2026-01-01&to=2026-12-31&interval=quarter&currency=EUR');
    expect(
      quarters.data.map((r) => [
        r.period,
        r.startingMrr,
        r.new,
        r.expansion,
        r.contraction,
        r.churn,
        r.reactivation,
        r.mrr,
        r.customers,
      ]),
    ).toEqual([
      ['2026-Q1', 0, 52700, 0, 0, 0, 0, 52700, 5], // A, B, G, C, D new
      ['2026-Q2', 52700, 5000, 9000, 0, 0, 0, 66700, 6], // E new; A +2000, G +5000, E +2000
      ['2026-Q3', 66700, 0, 0, 0, 22700, 12700, 56700, 5], // C out and back, D out
      ['2026-Q4', 56700, 0, 0, 5500, 0, 8000, 59200, 6], // C −2500, G −3000, D back
    ]);
    const year = await report('from=2026-01-01&to=2026-12-31&interval=year&currency=EUR');
    expect(year.data).toEqual([
      expect.objectContaining({
        period: '2026',
        startingMrr: 0,
        mrr: 59200,
        arr: 710_400,
        customers: 6,
        netChange: 59200,
      }),
    ]);
  });

  it('lists the entries of the DOMAIN.md smooth-change example: −50 then +70 within two days is +20', async () => {
    const res = await t.api({ method: 'GET', url: `/v1/reports/mrr/movements?contactId=${ids.Epsilon}` });
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((e: Row) => [
        e.date,
        e.contractId,
        e.previous,
        e.change,
        e.actual,
        e.initial,
        e.expansion,
        e.churn,
        e.smoothChange,
        e.movement,
        e.movementAmount,
        e.customerMrr,
      ]),
    ).toEqual([
      ['2026-04-01', contracts.E1.id, 0, 5000, 5000, 5000, 5000, 0, 5000, 'new', 5000, 5000],
      ['2026-06-10', contracts.E1.id, 5000, -5000, 0, 0, 0, 5000, 0, null, 0, 0],
      ['2026-06-11', contracts.E2.id, 0, 7000, 7000, 0, 7000, 0, 2000, 'expansion', 2000, 7000],
    ]);
    expect(res.body.data[1]).toMatchObject({
      growthRate: '-1.0000',
      grossChurnRate: null,
      retentionRate: null,
    });
    expect(res.body.data[2]).toMatchObject({
      growthRate: null,
      grossChurnRate: '0.0000',
      netChurnRate: '1.0000',
    });
    expect(res.body.data[0].id).toBe(`mre_20260401_${contracts.E1.id}`);
  });

  it('lists the entries of a contract that expands by item versions and price changes, pages and filters', async () => {
    const g = await t.api({ method: 'GET', url: `/v1/reports/mrr/movements?contractId=${contracts.G1.id}` });
    expect(
      g.body.data.map((e: Row) => [e.date, e.previous, e.change, e.actual, e.initial, e.movement]),
    ).toEqual([
      ['2026-01-01', 0, 10000, 10000, 10000, 'new'],
      ['2026-04-01', 10000, 5000, 15000, 0, 'expansion'],
      ['2026-11-16', 15000, -3000, 12000, 0, 'contraction'],
    ]);
    const churns = await t.api({
      method: 'GET',
      url: '/v1/reports/mrr/movements?movement=churn&currency=EUR',
    });
    expect(churns.body.data.map((e: Row) => [e.date, e.contactId, e.movementAmount])).toEqual([
      ['2026-07-01', ids.Gamma, 12700],
      ['2026-09-01', ids.Delta, 10000],
      ['2027-01-15', ids.Beta, 10000],
    ]);
    const first = await t.api({
      method: 'GET',
      url: '/v1/reports/mrr/movements?limit=2&from=2026-04-01&to=2026-04-30',
    });
    expect(first.body).toMatchObject({ hasMore: true });
    const second = await t.api({
      method: 'GET',
      url: `/v1/reports/mrr/movements?limit=2&from=2026-04-01&to=2026-04-30&startingAfter=${first.body.nextCursor}`,
    });
    expect(
      [...first.body.data, ...second.body.data].map((e: Row) => [e.date, e.contactId, e.change]),
    ).toEqual(
      [
        ['2026-04-01', ids.Alpha, 2000],
        ['2026-04-01', ids.Epsilon, 5000],
        ['2026-04-01', ids.Golf, 5000],
      ].sort((a, b) => {
        const id = (row: (string | number)[]) =>
          row[1] === ids.Alpha ? contracts.A1.id : row[1] === ids.Epsilon ? contracts.E1.id : contracts.G1.id;
        return id(a) < id(b) ? -1 : 1;
      }),
    );
    expect(second.body).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('answers CSV with the same rows for Accept: text/csv', async () => {
    const res = await t.api({
      method: 'GET',
      url: '/v1/reports/mrr?from=2026-07-01&to=2026-07-31&currency=EUR',
      headers: { accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.split('\r\n')).toEqual([
      'currency,period,periodStart,periodEnd,startingMrr,mrr,arr,startingCustomers,customers,new,expansion,contraction,churn,reactivation,netChange,newCustomers,reactivatedCustomers,churnedCustomers,growthRate,grossChurnRate,netChurnRate,retentionRate',
      'EUR,2026-07,2026-07-01,2026-07-31,66700,54000,648000,6,5,0,0,0,12700,0,-12700,0,0,1,-0.1904,0.2352,-0.2352,0.7648',
      '',
    ]);
    const entries = await t.api({
      method: 'GET',
      url: `/v1/reports/mrr/movements?contactId=${ids.Epsilon}`,
      headers: { accept: 'text/csv' },
    });
    const lines = entries.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,date,currency,contactId,contractId,previous,change,actual,initial,expansion,churn,smoothChange,movement,movementAmount,customerMrr,growthRate,grossChurnRate,netChurnRate,retentionRate',
    );
    expect(lines.slice(1)).toEqual([
      `mre_20260401_${contracts.E1.id},2026-04-01,EUR,${ids.Epsilon},${contracts.E1.id},0,5000,5000,5000,5000,0,5000,new,5000,5000,,0.0000,1.0000,1.0000`,
      `mre_20260610_${contracts.E1.id},2026-06-10,EUR,${ids.Epsilon},${contracts.E1.id},5000,-5000,0,0,0,5000,0,,0,0,-1.0000,,,`,
      `mre_20260611_${contracts.E2.id},2026-06-11,EUR,${ids.Epsilon},${contracts.E2.id},0,7000,7000,0,7000,0,2000,expansion,2000,7000,,0.0000,1.0000,1.0000`,
    ]);
  });

  it('gives the same figures through GraphQL', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: `query { mrrReport(from: "2026-09-01", to: "2026-09-30", currency: "EUR") {
          data { period startingMrr mrr arr customers new expansion contraction churn reactivation netChange growthRate grossChurnRate retentionRate }
        }
        mrrMovements(contactId: "${ids.Epsilon}", movement: "expansion") { data { date smoothChange movementAmount } hasMore } }`,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.mrrReport.data).toEqual([
      {
        period: '2026-09',
        startingMrr: 54000,
        mrr: 56700,
        arr: 680_400,
        customers: 5,
        new: 0,
        expansion: 0,
        contraction: 0,
        churn: 10000,
        reactivation: 12700,
        netChange: 2700,
        growthRate: '0.0500',
        grossChurnRate: '0.1764',
        retentionRate: '0.8236',
      },
    ]);
    expect(res.body.data.mrrMovements).toEqual({
      data: [{ date: '2026-06-11', smoothChange: 2000, movementAmount: 2000 }],
      hasMore: false,
    });
  });

  it('a rebuild from the contracts gives exactly the rows the contract changes kept up to date', async () => {
    const snapshot = async () => ({
      entries: await t.db('mrr_entries').where({ organization_id: t.main.organizationId }).orderBy('id'),
      monthly: await t
        .db('mrr_monthly')
        .where({ organization_id: t.main.organizationId })
        .orderBy(['currency', 'month']),
    });
    const kept = await snapshot();
    expect(kept.entries.length).toBe(18); // A1 2, B1 2, C1 4, D1 2, D2 1, E1 2, E2 1, G1 3, F1 1
    // wipe the derived rows, so the rebuild cannot pass by leaving them alone
    await t.db('mrr_entries').where({ organization_id: t.main.organizationId }).delete();
    await t.db('mrr_monthly').where({ organization_id: t.main.organizationId }).delete();
    expect((await report('from=2026-01-01&to=2026-01-31&currency=EUR')).data[0]).toMatchObject({ mrr: 0 });

    const res = await t.api({ method: 'POST', url: '/v1/reports/mrr/rebuild' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'queued' });
    await w.run(['reports_mrr_rebuild']);
    const rebuilt = await snapshot();
    expect(rebuilt.entries).toEqual(kept.entries);
    // the rebuild writes only months with entries; the incremental path may keep months whose sums went back
    // to 0 — both read the same
    const nonZero = (rows: Row[]) =>
      rows.filter((r) =>
        Object.entries(r).some(
          ([k, v]) => !['organization_id', 'currency', 'month'].includes(k) && Number(v) !== 0,
        ),
      );
    expect(nonZero(rebuilt.monthly)).toEqual(nonZero(kept.monthly));
    const body = await report('from=2026-01-01&to=2027-02-28&currency=EUR');
    expect(body.data).toEqual(EUR.map(expectedRow));
  });
});

describe('MRR report: input and tenancy', () => {
  it('refuses bad input naming every field', async () => {
    const res = await t.api({
      method: 'GET',
      url: '/v1/reports/mrr?from=2026-13-01&interval=week&currency=eur',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.currency',
      'query.from',
      'query.interval',
    ]);
    const reversed = await t.api({ method: 'GET', url: '/v1/reports/mrr?from=2026-05-01&to=2026-04-01' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ path: 'query.from', code: 'range_invalid' }),
    ]);
    const long = await t.api({ method: 'GET', url: '/v1/reports/mrr?from=2000-01-01&to=2026-04-01' });
    expect(long.status).toBe(422);
    expect(long.body.errors).toEqual([expect.objectContaining({ code: 'range_too_long' })]);
  });

  it('answers a date at either end of the calendar (a typo for 2020, the year 9999) with figures, not a 500', async () => {
    const typo = await t.api({ method: 'GET', url: '/v1/reports/mrr?from=0202-01-01&to=0202-02-28' });
    expect(typo.status, JSON.stringify(typo.body)).toBe(200);
    expect(typo.body.data.map((r: Row) => [r.period, r.periodStart, r.periodEnd, r.mrr])).toEqual([
      ['0202-01', '0202-01-01', '0202-01-31', 0],
      ['0202-02', '0202-02-01', '0202-02-28', 0],
    ]);
    const last = await t.api({
      method: 'GET',
      url: '/v1/reports/mrr?from=9999-10-01&to=9999-12-31&interval=quarter&currency=EUR',
    });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body.data.map((r: Row) => [r.period, r.periodStart, r.periodEnd])).toEqual([
      ['9999-Q4', '9999-10-01', '9999-12-31'],
    ]);
  });

  it('shows another organisation nothing of this one: its own zeros, and 404 for this one’s ids', async () => {
    const other = await t.tenant('Andere GmbH');
    const res = await t.api({ method: 'GET', url: '/v1/reports/mrr?from=2026-01-01&to=2026-12-31' }, other);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(12);
    expect(res.body.data.every((r: Row) => r.currency === 'EUR' && r.mrr === 0 && r.customers === 0)).toBe(
      true,
    );
    const byContact = await t.api(
      { method: 'GET', url: `/v1/reports/mrr/movements?contactId=${ids.Alpha}` },
      other,
    );
    expect(byContact.status).toBe(404);
    expect(byContact.body.code).toBe('contact_not_found');
    const byContract = await t.api(
      { method: 'GET', url: `/v1/reports/mrr/movements?contractId=${contracts.A1.id}` },
      other,
    );
    expect(byContract.status).toBe(404);
    const all = await t.api({ method: 'GET', url: '/v1/reports/mrr/movements' }, other);
    expect(all.body).toEqual({ data: [], hasMore: false, nextCursor: null });
  });
});

describe('MRR entries under concurrent contract changes', () => {
  it('stay what a rebuild gives when several contracts of one customer change at once', async () => {
    const tenant = await t.tenant('Parallel GmbH');
    const customer = (await createContact(t, companyInput({ companyName: 'Gleichzeitig AG' }), tenant)).id;
    // each change rebuilds the whole customer: without the per-customer lock, two of these would each
    // write entries computed without the other's contract
    const created = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        createContract(
          t,
          { contactId: customer, startDate: `2026-0${n}-01`, items: [flat('Plan', n * 1000)] },
          tenant,
        ),
      ),
    );
    const cancels = await Promise.all(
      created.slice(0, 3).map((c, i) =>
        t.api(
          {
            method: 'POST',
            url: `/v1/contracts/${c.id}/cancel`,
            body: { receivedOn: `2026-0${7 + i}-15` },
          },
          tenant,
        ),
      ),
    );
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = async () => ({
      entries: await t.db('mrr_entries').where({ organization_id: tenant.organizationId }).orderBy('id'),
      monthly: (
        await t
          .db('mrr_monthly')
          .where({ organization_id: tenant.organizationId })
          .orderBy(['currency', 'month'])
      ).filter(
        (r) =>
          Number(r.change) !== 0 ||
          Number(r.new) !== 0 ||
          Number(r.churn) !== 0 ||
          Number(r.expansion) !== 0 ||
          Number(r.contraction) !== 0,
      ),
    });
    const kept = await rows();
    // 6 starts + 3 ends
    expect(kept.entries).toHaveLength(9);
    const { reports } = await import('@fakturo/domain');
    expect(await reports.rebuild(tenant.ctx)).toEqual({ customers: 1, entries: 9 });
    expect(await rows()).toEqual(kept);
    // 1000 + 2000 + … + 6000 = 21000 by June; the first three end with their periods in Jul, Aug, Sep
    const res = await t.api({ method: 'GET', url: '/v1/reports/mrr?from=2026-06-01&to=2026-10-31' }, tenant);
    expect(res.body.data.map((r: Row) => [r.period, r.mrr, r.customers, r.contraction])).toEqual([
      ['2026-06', 21000, 1, 0],
      ['2026-07', 21000, 1, 0],
      ['2026-08', 20000, 1, 1000],
      ['2026-09', 18000, 1, 2000],
      ['2026-10', 15000, 1, 3000],
    ]);
  });
});
