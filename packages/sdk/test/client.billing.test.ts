/**
 * Billing through the SDK, as an integrator drives it: articles, contracts and their actions, a billing run
 * worked off by the real worker and followed with `waitForCompletion`, the invoice it wrote issued,
 * downloaded (PDF, XRechnung, ZUGFeRD) and cancelled, a sandbox's test clock, and lists walked with the
 * async iterator — all over HTTP against the real API.
 */
import { createHash } from 'node:crypto';
import { fixedClock, organizations } from '@fakturo/domain';
import { companyInput, type TestTenant } from '@fakturo/testing';
import { startWorker } from '@fakturo/worker';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Article,
  type BillingRun,
  ConflictError,
  type Contract,
  FakturoError,
  type Invoice,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../src/index';
import { recordingFetch, SELLER, startLiveApi } from './support';

const clock = fixedClock('2026-03-15T10:00:00Z');
const api = await startLiveApi({ clock });
// The worker of `npm start`, on this file's database and clock: it plans and bills the runs started below.
// Rendering PDFs is CPU-heavy (here in this very process): the describes issuing documents wait longer.
const worker = await startWorker({ db: api.t.db, databaseUrl: api.t.database.url, clock, concurrency: 2 });
afterAll(() => worker.stop());
const fakturo = api.client();

/** What an invoice needs from the seller (UStG §14, and XRechnung's seller contact), with 14 days to pay. */
const SELLER_14_DAYS = { ...SELLER, paymentTermsDays: 14 };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ascii = (bytes: Uint8Array, length: number) =>
  Buffer.from(bytes.subarray(0, length)).toString('latin1');

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

let hosting: Article;
beforeAll(async () => {
  await fakturo.organization.update(SELLER_14_DAYS);
  hosting = await fakturo.articles.create({
    name: 'Managed hosting',
    unitCode: 'MON',
    priceModel: { kind: 'per_unit', unitAmount: '4900' },
  });
});

describe('a contract billed by a billing run, through the SDK', { timeout: 60_000 }, () => {
  let contract: Contract;
  let run: BillingRun;
  let invoice: Invoice;

  it('creates an article and a contract, typed from the spec', async () => {
    expectTypeOf(hosting).toEqualTypeOf<Article>();
    expect(hosting).toMatchObject({
      id: expect.stringMatching(/^art_/),
      number: expect.stringMatching(/^ART-\d{5}$/),
      priceModel: { kind: 'per_unit', unitAmount: '4900' },
      version: 1,
    });
    // XRechnung needs the buyer reference (BT-10, rule BR-DE-15)
    const contact = await fakturo.contacts.create(
      companyInput({ companyName: 'Hansa Logistik GmbH', buyerReference: '04011000-12345-34' }),
    );
    contract = await fakturo.contracts.create({
      contactId: contact.id,
      startDate: '2026-03-01',
      items: [{ articleId: hosting.id, quantity: '2' }],
    });
    expectTypeOf(contract).toEqualTypeOf<Contract>();
    expect(contract).toMatchObject({
      id: expect.stringMatching(/^ctr_/),
      status: 'active',
      contactId: contact.id,
      items: [{ articleId: hosting.id, quantity: '2', priceModel: { kind: 'per_unit', unitAmount: '4900' } }],
    });
    expect(await fakturo.contracts.get(contract.id)).toEqual(contract);
  });

  it('previews the run (nothing written), then runs it to completion in the worker', async () => {
    const preview = await fakturo.billingRuns.preview({ contractIds: [contract.id] });
    expect(preview).toMatchObject({
      dryRun: true,
      asOf: '2026-03-15',
      invoiceCount: 1,
      totals: [{ currency: 'EUR', invoices: 1, lineNetTotal: 9800, taxTotal: 1862, grossTotal: 11662 }],
    });
    expect((await fakturo.billingRuns.list()).data).toEqual([]);

    run = await fakturo.billingRuns.create({ contractIds: [contract.id] });
    expectTypeOf(run).toEqualTypeOf<BillingRun>();
    expect(run).toMatchObject({ id: expect.stringMatching(/^brun_/), asOf: '2026-03-15', mode: 'draft' });

    const seen: BillingRun['status'][] = [];
    const done = await fakturo.billingRuns.waitForCompletion(run.id, {
      intervalMs: 50,
      maxWaitMs: 20_000,
      onProgress: (r) => seen.push(r.status),
    });
    expect(done).toMatchObject({
      id: run.id,
      status: 'completed',
      total: 1,
      processed: 1,
      failed: 0,
      invoicesCreated: 1,
      errors: [],
    });
    // the last read is the finished one
    expect(seen.at(-1)).toBe('completed');
    expect(await fakturo.billingRuns.get(run.id)).toEqual(done);
  });

  it('finds the run’s draft among those needing attention and issues it', async () => {
    const attention = await fakturo.invoices.listNeedingAttention({ contactId: contract.contactId });
    expect(attention.data).toHaveLength(1);
    const draft = attention.data[0]!;
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      billingRunId: run.id,
      sendDate: null,
      lineNetTotal: 9800,
      servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
    });

    invoice = await fakturo.invoices.finalize(draft.id);
    expectTypeOf(invoice).toEqualTypeOf<Invoice>();
    expect(invoice).toMatchObject({
      status: 'finalized',
      number: expect.stringMatching(/^RE-2026-\d{5}$/),
      issueDate: '2026-03-15',
      dueDate: '2026-03-29',
      grossTotal: 11662,
      amountDue: 11662,
    });
    // issued: nothing needs a decision any more
    expect((await fakturo.invoices.listNeedingAttention({ contactId: contract.contactId })).data).toEqual([]);
  });

  it('downloads the PDF as bytes: %PDF, the same bytes each time, their SHA-256 on the invoice', async () => {
    const pdf = await fakturo.invoices.pdf(invoice.id);
    expectTypeOf(pdf).toEqualTypeOf<Uint8Array>();
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(ascii(pdf, 5)).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    const again = await fakturo.invoices.pdf(invoice.id);
    expect(sha256(again)).toBe(sha256(pdf));
    expect((await fakturo.invoices.get(invoice.id)).pdfSha256).toBe(sha256(pdf));
  });

  it('downloads the XRechnung as XML text and the ZUGFeRD as PDF bytes', async () => {
    const cii = await fakturo.invoices.eInvoice(invoice.id, { format: 'xrechnung-cii' });
    expectTypeOf(cii).toEqualTypeOf<string>();
    expect(cii).toMatch(/^<\?xml/);
    expect(cii).toContain('CrossIndustryInvoice');
    expect(cii).toContain(`<ram:ID>${invoice.number}</ram:ID>`);
    expect(cii).toContain('04011000-12345-34');
    expect(cii).toContain('Hafenstraße 12'); // UTF-8 decoded, not mangled

    const ubl = await fakturo.invoices.eInvoice(invoice.id, { format: 'xrechnung-ubl' });
    expect(ubl).toContain('<Invoice');
    expect(ubl).toContain(invoice.number!);

    const zugferd = await fakturo.invoices.eInvoice(invoice.id, { format: 'zugferd' });
    expectTypeOf(zugferd).toEqualTypeOf<Uint8Array>();
    expect(ascii(zugferd, 5)).toBe('%PDF-');
    expect(Buffer.from(zugferd).includes('factur-x.xml')).toBe(true);
  });

  it('cancels the issued invoice with a Storno, and a second run bills nothing twice', async () => {
    const cancelled = await fakturo.invoices.cancel(invoice.id);
    expect(cancelled).toMatchObject({
      id: invoice.id,
      status: 'cancelled',
      cancelledByDocumentId: expect.stringMatching(/^doc_/),
    });
    const storno = await fakturo.invoices.get(cancelled.cancelledByDocumentId!);
    expect(storno).toMatchObject({
      type: 'cancellation',
      status: 'finalized',
      precedingDocumentId: invoice.id,
      grossTotal: -11662,
    });
    const twice = await failure(fakturo.invoices.cancel(invoice.id));
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice).toMatchObject({ status: 409, requestId: expect.stringMatching(/^req_/) });

    const again = await fakturo.billingRuns.create({ contractIds: [contract.id] });
    const done = await fakturo.billingRuns.waitForCompletion(again.id, { intervalMs: 50, maxWaitMs: 20_000 });
    expect(done).toMatchObject({ status: 'completed', invoicesCreated: 0 });
  });

  it('a PDF or e-invoice of a draft is a ConflictError read from the problem, not bytes', async () => {
    const draft = await fakturo.invoices.create({
      contactId: contract.contactId,
      lines: [{ articleId: hosting.id }],
    });
    const pdf = await failure(fakturo.invoices.pdf(draft.id));
    expect(pdf).toBeInstanceOf(ConflictError);
    expect(pdf).toMatchObject({ status: 409, code: 'invoice_not_finalized', requestId: expect.any(String) });
    const xml = await failure(fakturo.invoices.eInvoice(draft.id, { format: 'xrechnung-cii' }));
    expect(xml).toMatchObject({ status: 409, code: 'invoice_not_finalized' });
    await fakturo.invoices.del(draft.id);
  });

  it('an invoice breaking an XRechnung rule answers 422 with the rule in `errors`', async () => {
    const contact = await fakturo.contacts.create(companyInput()); // no buyerReference
    const draft = await fakturo.invoices.create({
      contactId: contact.id,
      lines: [{ articleId: hosting.id }],
    });
    const issued = await fakturo.invoices.finalize(draft.id);
    const error = await failure(fakturo.invoices.eInvoice(issued.id, { format: 'xrechnung-ubl' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 422, code: 'einvoice_rules_violated' });
    expect(error.errors.map((e) => e.code)).toContain('BR-DE-15');
  });
});

describe('contract actions', () => {
  let contract: Contract;

  beforeAll(async () => {
    const contact = await fakturo.contacts.create(companyInput());
    contract = await fakturo.contracts.create({
      contactId: contact.id,
      startDate: '2026-03-01',
      minimumTermMonths: 12,
      noticePeriod: { amount: 3, unit: 'months' },
      items: [{ articleId: hosting.id }],
    });
  });

  it('updates with ifMatch; a stale version is a PreconditionFailedError and changes nothing', async () => {
    const updated = await fakturo.contracts.update(
      contract.id,
      { description: 'Hosting, 2 servers' },
      { ifMatch: contract.version },
    );
    expect(updated).toMatchObject({ description: 'Hosting, 2 servers', version: contract.version + 1 });
    const stale = await failure(
      fakturo.contracts.update(contract.id, { description: 'lost' }, { ifMatch: contract.version }),
    );
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    expect(stale).toMatchObject({ status: 412, code: 'version_mismatch' });
    contract = await fakturo.contracts.get(contract.id);
    expect(contract.description).toBe('Hosting, 2 servers');
  });

  it('schedules a price change and an installment plan whose parts add up', async () => {
    const changed = await fakturo.contracts.addPriceChange(contract.id, {
      kind: 'percent',
      percent: '5',
      effectiveDate: '2026-07-01',
      announcedOn: '2026-03-15',
    });
    expect(changed.priceChanges).toEqual([
      expect.objectContaining({ kind: 'percent', percent: '5', effectiveDate: '2026-07-01' }),
    ]);
    const planned = await fakturo.contracts.addInstallmentPlan(contract.id, {
      name: 'Setup fee',
      total: 10_000,
      count: 3,
      firstDueDate: '2026-04-01',
    });
    const parts = planned.installmentPlans[0]!.installments;
    expect(parts.map((p) => p.dueDate)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    expect(parts.reduce((sum, p) => sum + p.amount, 0)).toBe(10_000);
  });

  it('pauses and resumes, then cancels at the end of the minimum term', async () => {
    const paused = await fakturo.contracts.pause(contract.id, { startsOn: '2026-05-01' });
    expect(paused.pauses).toEqual([expect.objectContaining({ startsOn: '2026-05-01', endsOn: null })]);
    const resumed = await fakturo.contracts.resume(contract.id, { resumesOn: '2026-06-01' });
    expect(resumed.status).toBe('active');
    expect(resumed.pauses[0]!.endsOn).not.toBeNull();

    const cancelled = await fakturo.contracts.cancel(contract.id);
    expect(cancelled.cancellation).toMatchObject({ receivedOn: '2026-03-15', endDate: '2027-02-28' });
    expect(cancelled.endDate).toBe('2027-02-28');
  });

  it('refuses a bad action with every offending field, and an unknown contract with 404', async () => {
    const bad = await failure(
      fakturo.contracts.addInstallmentPlan(contract.id, { name: '', total: -5, count: 0 }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.status).toBeOneOf([400, 422]);
    expect(bad.errors.length).toBeGreaterThan(0);

    const missing = await failure(fakturo.contracts.get('ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({
      status: 404,
      code: 'contract_not_found',
      requestId: expect.stringMatching(/^req_/),
    });
  });
});

describe('a sandbox’s test clock', { timeout: 60_000 }, () => {
  let sandbox: TestTenant;

  beforeAll(async () => {
    const { organization, apiKey } = await organizations.create(api.t.db, clock, {
      legalName: 'Sandbox GmbH',
      isSandbox: true,
    });
    sandbox = {
      organizationId: organization.id,
      apiKey: apiKey.secret,
      ctx: { ...api.t.main.ctx, organizationId: organization.id },
    };
  });

  it('is a ConflictError outside a sandbox', async () => {
    const error = await failure(fakturo.testClock.get());
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'test_clock_not_sandbox' });
  });

  it('advancing a month starts the daily run for the new date, which the worker bills', async () => {
    const sdk = api.client({}, sandbox);
    await sdk.organization.update({ ...SELLER_14_DAYS, legalName: 'Sandbox GmbH' });
    expect(await sdk.testClock.get()).toMatchObject({ today: '2026-03-15', frozen: false });

    const article = await sdk.articles.create({ name: 'Abo', priceModel: { kind: 'flat', amount: 2900 } });
    const contact = await sdk.contacts.create(companyInput());
    await sdk.contracts.create({
      contactId: contact.id,
      startDate: '2026-04-01',
      items: [{ articleId: article.id }],
    });

    const moved = await sdk.testClock.advance({ months: 1 });
    expect(moved).toMatchObject({ today: '2026-04-15', frozen: true });
    expect(moved.billingRunIds).toHaveLength(1);
    const done = await sdk.billingRuns.waitForCompletion(moved.billingRunIds[0]!, {
      intervalMs: 50,
      maxWaitMs: 20_000,
    });
    expect(done).toMatchObject({ status: 'completed', asOf: '2026-04-15', invoicesCreated: 1 });
    const invoices = await sdk.invoices.list({ contactId: contact.id });
    expect(invoices.data).toEqual([
      expect.objectContaining({
        servicePeriod: { start: '2026-04-01', end: '2026-04-30' },
        grossTotal: 3451,
      }),
    ]);
    // the main organisation's clock did not move
    expect((await fakturo.billingRuns.preview()).asOf).toBe('2026-03-15');
  });
});

describe('lists walked with the async iterator, bounded', () => {
  it('pages articles, contracts, billing runs and invoices newest first, never past maxItems', async () => {
    const tag = `page-${Date.now()}`;
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push(
        (await fakturo.articles.create({ name: `${tag} ${i}`, priceModel: { kind: 'flat', amount: 100 } }))
          .id,
      );
    }
    const recorder = recordingFetch();
    const counted = api.client({ fetch: recorder.fetch });
    const seen: string[] = [];
    for await (const article of counted.articles.listAutoPaging({ q: tag, limit: 2 }, { maxItems: 4 }))
      seen.push(article.id);
    expect(seen).toEqual([...created].reverse().slice(0, 4));
    expect(recorder.calls.map((c) => new URL(c.url).searchParams.get('limit'))).toEqual(['2', '2']);

    const contracts = await fakturo.contracts.listAutoPaging({ limit: 1 }, { maxItems: 100 }).toArray();
    expect(contracts.length).toBe((await fakturo.contracts.list({ limit: 100 })).data.length);
    expect(contracts.length).toBeGreaterThanOrEqual(2);

    const runs = await fakturo.billingRuns
      .listAutoPaging({ status: 'completed', limit: 1 }, { maxItems: 10 })
      .toArray();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.status === 'completed')).toBe(true);

    const invoices: Invoice[] = [];
    for await (const i of fakturo.invoices.listAutoPaging({ limit: 1 }, { maxItems: 100 })) invoices.push(i);
    expect(invoices.map((i) => i.id)).toEqual(
      (await fakturo.invoices.list({ limit: 100 })).data.map((i) => i.id),
    );
    expect(() => fakturo.invoices.listAutoPaging({}, undefined as never)).toThrow(/needs a bound/);
  });

  it("keeps organisations apart: another organisation's invoice and run are not found", async () => {
    const other = api.client({}, await api.t.tenant('Fremde AG'));
    const [invoice] = (await fakturo.invoices.list({ limit: 1 })).data;
    const [run] = (await fakturo.billingRuns.list({ limit: 1 })).data;
    expect(await failure(other.invoices.get(invoice!.id))).toMatchObject({
      status: 404,
      code: 'invoice_not_found',
    });
    expect(await failure(other.invoices.pdf(invoice!.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(other.billingRuns.get(run!.id))).toBeInstanceOf(NotFoundError);
  });
});
