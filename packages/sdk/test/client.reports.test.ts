/**
 * Reports through the SDK: MRR from contracts (report, movements, rebuild in the real worker), revenue, VAT
 * and receivables aging from an issued invoice — each as JSON and as CSV text with the same rows — over
 * HTTP against the real API.
 */
import { fixedClock } from '@fakturo/domain';
import { companyInput } from '@fakturo/testing';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { worker } from '../../../apps/api/test/billing.support';
import { type Contact, FakturoError, type Invoice, type MrrReport, ValidationError } from '../src/index';
import { SELLER, startLiveApi } from './support';

const clock = fixedClock('2026-03-15T10:00:00Z');
const api = await startLiveApi({ clock });
const jobs = worker(api.t, { clock });
const fakturo = api.client();

async function failure(promise: Promise<unknown>): Promise<FakturoError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FakturoError);
  return error as FakturoError;
}

/** CSV text as rows of cells (the reports quote nothing here: no commas or quotes in these values). */
const csvRows = (csv: string) =>
  csv
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

/** The JSON rows as the CSV writes them: the header's fields in order, null as an empty cell. */
function asCsv(header: string[], rows: object[]): string[][] {
  return rows.map((row) =>
    header.map((field) => {
      const value = (row as Record<string, unknown>)[field];
      return value === null || value === undefined ? '' : String(value);
    }),
  );
}

let alpha: Contact;
let beta: Contact;
let invoice: Invoice;

beforeAll(async () => {
  await fakturo.organization.update({
    ...SELLER,
    paymentTermsDays: 14,
  });
  const hosting = await fakturo.articles.create({
    name: 'Managed hosting',
    unitCode: 'MON',
    priceModel: { kind: 'per_unit', unitAmount: '4900' },
  });
  alpha = await fakturo.contacts.create(companyInput({ companyName: 'Alpha GmbH' }));
  beta = await fakturo.contacts.create(companyInput({ companyName: 'Beta AG' }));
  // MRR: 2 × 49.00 from January, 1 × 49.00 more from February
  await fakturo.contracts.create({
    contactId: alpha.id,
    startDate: '2026-01-01',
    items: [{ articleId: hosting.id, quantity: '2' }],
  });
  await fakturo.contracts.create({
    contactId: beta.id,
    startDate: '2026-02-01',
    items: [{ articleId: hosting.id, quantity: '1' }],
  });
  // revenue, VAT and receivables: one invoice of 100.00 + 19 % issued today, due on the 29th
  const draft = await fakturo.invoices.create({
    contactId: alpha.id,
    lines: [{ name: 'Beratung', quantity: '1', unitCode: 'HUR', unitAmount: 10_000 }],
  });
  invoice = await fakturo.invoices.finalize(draft.id);
});

describe('MRR', () => {
  const range = { from: '2026-01-01', to: '2026-03-31', currency: 'EUR' };

  it('reports MRR, ARR and movements per month from the contracts', async () => {
    const report = await fakturo.reports.mrr(range);
    expectTypeOf(report).toEqualTypeOf<MrrReport>();
    expect(report).toMatchObject({ from: '2026-01-01', to: '2026-03-31', interval: 'month' });
    expect(report.data.map((r) => [r.period, r.startingMrr, r.mrr, r.arr, r.customers, r.new])).toEqual([
      ['2026-01', 0, 9_800, 117_600, 1, 9_800],
      ['2026-02', 9_800, 14_700, 176_400, 2, 4_900],
      ['2026-03', 14_700, 14_700, 176_400, 2, 0],
    ]);

    const quarter = await fakturo.reports.mrr({ ...range, interval: 'quarter' });
    expect(quarter.data.map((r) => [r.period, r.mrr, r.new])).toEqual([['2026-Q1', 14_700, 14_700]]);
  });

  it('lists the movements page by page, and every one as CSV', async () => {
    const page = await fakturo.reports.mrrMovements({ currency: 'EUR' });
    expect(page.data.map((e) => [e.date, e.contactId, e.change, e.movement])).toEqual([
      ['2026-01-01', alpha.id, 9_800, 'new'],
      ['2026-02-01', beta.id, 4_900, 'new'],
    ]);
    const walked = await fakturo.reports
      .mrrMovementsAutoPaging({ currency: 'EUR', limit: 1 }, { maxItems: 10 })
      .toArray();
    expect(walked).toEqual(page.data);

    const csv = await fakturo.reports.mrrMovementsCsv({ currency: 'EUR' });
    const [header, ...rows] = csvRows(csv);
    expect(header!.slice(0, 4)).toEqual(['id', 'date', 'currency', 'contactId']);
    expect(rows).toEqual(asCsv(header!, page.data));
  });

  it('answers the same rows as CSV text', async () => {
    const csv = await fakturo.reports.mrrCsv(range);
    expectTypeOf(csv).toEqualTypeOf<string>();
    const [header, ...rows] = csvRows(csv);
    expect(header!.slice(0, 7)).toEqual([
      'currency',
      'period',
      'periodStart',
      'periodEnd',
      'startingMrr',
      'mrr',
      'arr',
    ]);
    expect(rows).toEqual(asCsv(header!, (await fakturo.reports.mrr(range)).data));
  });

  it('rebuilds the entries in the worker, with the same figures', async () => {
    const before = await fakturo.reports.mrr(range);
    const queued = () =>
      api.t.db('graphile_worker.jobs').where('task_identifier', 'reports_mrr_rebuild').count({ n: '*' });
    expect(await fakturo.reports.rebuildMrr()).toEqual({ status: 'queued' });
    // a second request while one is queued queues nothing more
    expect(await fakturo.reports.rebuildMrr()).toEqual({ status: 'queued' });
    expect(Number((await queued())[0]!.n)).toBe(1);
    await jobs.run(['reports_mrr_rebuild']);
    // a job left behind failed: its error says why
    expect(
      await api.t
        .db('graphile_worker.jobs')
        .where('task_identifier', 'reports_mrr_rebuild')
        .select('last_error'),
    ).toEqual([]);
    expect(await fakturo.reports.mrr(range)).toEqual(before);
  });
});

describe('revenue, VAT and receivables aging', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('gives the month’s revenue by VAT rate, as JSON and CSV', async () => {
    const revenue = await fakturo.reports.revenue(march);
    expect(revenue.data).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        period: '2026-03',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        net: 10_000,
        tax: 1_900,
        gross: 11_900,
        byTaxRate: [
          expect.objectContaining({ category: 'S', rate: '19', net: 10_000, tax: 1_900, gross: 11_900 }),
        ],
      }),
    ]);
    const [header, ...rows] = csvRows(await fakturo.reports.revenueCsv(march));
    expect(header).toContain('category');
    expect(rows).toHaveLength(1);
    expect(Object.fromEntries(header!.map((field, i) => [field, rows[0]![i]]))).toMatchObject({
      currency: 'EUR',
      period: '2026-03',
      category: 'S',
      rate: '19',
      net: '10000',
      tax: '1900',
      gross: '11900',
    });
  });

  it('gives the VAT return’s fields (Kennzahl 81), as JSON and CSV', async () => {
    const vat = await fakturo.reports.vat(march);
    expect(vat).toMatchObject({ from: '2026-03-01', to: '2026-03-31', dateBasis: 'issue_date' });
    expect(vat.data).toEqual([
      expect.objectContaining({
        category: 'S',
        rate: '19',
        net: 10_000,
        tax: 1_900,
        documents: 1,
        elsterNetField: '81',
      }),
    ]);
    expect(vat.totals).toEqual([expect.objectContaining({ taxableNet: 10_000, vat: 1_900 })]);
    const [header, ...rows] = csvRows(await fakturo.reports.vatCsv(march));
    expect(rows).toEqual(asCsv(header!, vat.data));
  });

  it('puts the open invoice in the current bucket, as JSON and CSV', async () => {
    const aging = await fakturo.reports.receivablesAging({ currency: 'EUR' });
    expect(aging.asOf).toBe('2026-03-15');
    expect(aging.data).toEqual([
      expect.objectContaining({
        contactId: alpha.id,
        current: invoice.grossTotal,
        over90: 0,
        total: invoice.grossTotal,
        invoices: 1,
        oldestDueDate: '2026-03-29',
      }),
    ]);
    const [header, ...rows] = csvRows(await fakturo.reports.receivablesAgingCsv({ currency: 'EUR' }));
    expect(rows).toEqual(asCsv(header!, aging.data));
  });

  it('a bad filter is a ValidationError, whether JSON or CSV was asked for', async () => {
    const json = await failure(fakturo.reports.vat({ from: '2026-03-31', to: '2026-03-01' }));
    expect(json).toBeInstanceOf(ValidationError);
    const csv = await failure(fakturo.reports.vatCsv({ from: '2026-03-31', to: '2026-03-01' }));
    expect(csv).toBeInstanceOf(ValidationError);
    expect(csv.code).toBe(json.code);
    expect(csv.errors).toEqual(json.errors);
  });
});
