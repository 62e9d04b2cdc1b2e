import { billingRuns, fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  getRun,
  invoicesOf,
  readyToBill,
  startRun,
  worker,
} from './billing.support';

// A billing run through REST and the real worker: what it bills, that a dry run writes nothing, that a second
// run bills nothing new, finalizing with gap-free numbers, collective invoices, and what is refused.
const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });

let hosting: { id: string };
let support: { id: string };

beforeAll(async () => {
  await readyToBill(t);
  hosting = await createArticle(t, {
    name: 'Hosting',
    unitCode: 'MON',
    priceModel: { kind: 'per_unit', unitAmount: '1000' },
  });
  support = await createArticle(t, { name: 'Support', priceModel: { kind: 'flat', amount: 5000 } });
});

/** Rows of the tables a run writes, to prove that something wrote nothing. */
async function footprint() {
  const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0]!.n);
  return {
    documents: await count('documents'),
    lines: await count('document_lines'),
    runs: await count('billing_runs'),
    periods: await count('billed_periods'),
    events: await count('events'),
    jobs: Number((await t.db.raw('SELECT count(*) AS n FROM graphile_worker.jobs')).rows[0].n),
  };
}

describe('a billing run through REST', () => {
  let contactA: { id: string };
  let monthly: { id: string; items: { id: string }[] };
  let quarterly: { id: string };

  it('previews with dryRun: the invoices it would write, and writes nothing', async () => {
    contactA = await createContact(t, companyInput({ companyName: 'Alpha GmbH' }));
    const contactB = await createContact(t, personInput());
    monthly = await createContract(t, {
      contactId: contactA.id,
      startDate: '2026-01-01',
      items: [{ articleId: hosting.id, quantity: '2' }, { articleId: support.id }],
    });
    // in arrears, quarterly: the first quarter is due on April 1, after the run's date
    quarterly = await createContract(t, {
      contactId: contactB.id,
      startDate: '2026-01-01',
      intervalMonths: 3,
      timing: 'in_arrears',
      items: [{ articleId: hosting.id }],
    });

    const before = await footprint();
    const dry = await t.api({ method: 'POST', url: '/v1/billing-runs', body: { dryRun: true } });
    expect(dry.status).toBe(200);
    expect(await footprint()).toEqual(before);
    expect(dry.body).toMatchObject({
      dryRun: true,
      asOf: '2026-03-15',
      mode: 'draft',
      contracts: 2,
      invoiceCount: 3,
      truncated: false,
      errors: [],
    });
    expect(dry.body.invoices.map((i: { servicePeriod: unknown }) => i.servicePeriod)).toEqual([
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-31' },
    ]);
    expect(dry.body.invoices[0]).toMatchObject({
      contactId: contactA.id,
      currency: 'EUR',
      contractIds: [monthly.id],
      lineNetTotal: 7000,
      taxTotal: 1330,
      grossTotal: 8330,
    });
    expect(dry.body.totals).toEqual([
      { currency: 'EUR', invoices: 3, lineNetTotal: 21000, taxTotal: 3990, grossTotal: 24990 },
    ]);
  });

  it('bills exactly the due periods: one draft invoice per period, with its lines', async () => {
    const run = await startRun(t, {});
    expect(run).toMatchObject({
      status: 'pending',
      asOf: '2026-03-15',
      mode: 'draft',
      trigger: 'api',
      total: 0,
    });
    await w.run();
    const done = await getRun(t, run.id);
    expect(done).toMatchObject({
      status: 'completed',
      total: 2,
      processed: 2,
      failed: 0,
      invoicesCreated: 3,
      batchesTotal: 1,
      batchesDone: 1,
      errors: [],
    });
    const invoices = await invoicesOf(t, { billing_run_id: run.id });
    expect(invoices).toHaveLength(3);
    for (const [i, month] of [
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
    ].entries()) {
      const invoice = invoices[i]!;
      expect(invoice).toMatchObject({
        type: 'invoice',
        type_code: '380',
        status: 'draft',
        number: null,
        contact_id: contactA.id,
        currency: 'EUR',
        language: 'de',
        issue_date: '2026-03-15',
        due_date: '2026-03-29', // the organisation's 14 days
        service_period_start: month[0],
        service_period_end: month[1],
        line_net_total: 7000,
        tax_total: 1330,
        gross_total: 8330,
        amount_due: 8330,
        collective: false,
      });
      expect(invoice.tax_breakdown).toEqual([
        {
          category: 'S',
          rate: '19',
          basis: 7000,
          tax: 1330,
          exemptionReasonCode: null,
          exemptionReason: null,
        },
      ]);
      expect(
        invoice.lines.map((l: Record<string, unknown>) => [
          l.position,
          l.name,
          l.quantity,
          l.unit_code,
          l.unit_amount,
          l.net_amount,
          l.tax_category,
          l.tax_rate,
          l.contract_id,
          l.period_start,
          l.period_end,
        ]),
      ).toEqual([
        [1, 'Hosting', '2', 'MON', '1000', 2000, 'S', '19', monthly.id, month[0], month[1]],
        [2, 'Support', '1', 'C62', '5000', 5000, 'S', '19', monthly.id, month[0], month[1]],
      ]);
    }
    const keys = await t.db('billed_periods').where('contract_id', monthly.id).orderBy('period_start');
    expect(keys.map((k) => [k.period_start, k.document_id])).toEqual(
      invoices.map((i) => [i.service_period_start, i.id]),
    );
    expect(await t.db('billed_periods').where('contract_id', quarterly.id)).toHaveLength(0);
  });

  it('writes one invoice.created event per invoice, with the invoice as stored', async () => {
    const events = await t.db('events').where('type', 'invoice.created').orderBy('id');
    expect(events).toHaveLength(3);
    for (const event of events) {
      const [invoice] = await invoicesOf(t, { id: event.resource_id });
      // the object PostgreSQL built is the object service.invoiceObject describes
      expect(event.data.object).toEqual(
        JSON.parse(JSON.stringify(billingRuns.invoiceObject(invoice!, invoice!.lines, 'draft'))),
      );
      expect(event.data.object).toMatchObject({ status: 'draft', grossTotal: 8330, contactId: contactA.id });
    }
    const lifecycle = await t
      .db('events')
      .whereIn('type', ['billing_run.started', 'billing_run.completed'])
      .orderBy('id');
    expect(lifecycle.map((e) => [e.type, e.data.object.status])).toEqual([
      ['billing_run.started', 'running'],
      ['billing_run.completed', 'completed'],
    ]);
  });

  it('a second run for the same day bills nothing new', async () => {
    const before = await footprint();
    const run = await startRun(t, { asOf: '2026-03-15' });
    await w.run();
    const done = await getRun(t, run.id);
    // the monthly contract's latest key says "nothing before April 1": it is not even looked at
    expect(done).toMatchObject({ status: 'completed', total: 1, processed: 1, invoicesCreated: 0 });
    const after = await footprint();
    expect([after.documents, after.lines, after.periods]).toEqual([
      before.documents,
      before.lines,
      before.periods,
    ]);
  });

  it('finalize: numbers from one gap-free block, snapshots, payment terms and invoice.finalized', async () => {
    const contact = await createContact(t, companyInput({ companyName: 'Omega AG', paymentTermsDays: 30 }));
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-01-15',
      autoSend: true,
      items: [{ name: 'Beratung', priceModel: { kind: 'flat', amount: 12000 }, discountPercent: '10' }],
    });
    const run = await startRun(t, { mode: 'finalize', contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({
      status: 'completed',
      invoicesCreated: 3,
      mode: 'finalize',
    });
    const invoices = await invoicesOf(t, { billing_run_id: run.id });
    expect(invoices.map((i) => [i.number, i.status, i.service_period_start])).toEqual([
      ['RE-2026-00001', 'finalized', '2026-01-15'],
      ['RE-2026-00002', 'finalized', '2026-02-15'],
      ['RE-2026-00003', 'finalized', '2026-03-15'],
    ]);
    const first = invoices[0]!;
    expect(first).toMatchObject({
      issue_date: '2026-03-15',
      due_date: '2026-04-14',
      send_date: '2026-03-15', // autoSend: e-mailed by the sending worker on that day
      line_net_total: 10800,
      tax_total: 2052,
      gross_total: 12852,
      payment_terms: 'Zahlbar ohne Abzug bis zum 14.04.2026.',
    });
    expect(first.finalized_at).toBeInstanceOf(Date);
    // the worker rendered and stored each invoice's files, as after a single finalize
    for (const invoice of invoices) expect(invoice.pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.seller).toMatchObject({
      legalName: 'Test GmbH',
      vatId: 'DE136695976',
      address: { city: 'Berlin', country: 'DE' },
    });
    expect(first.buyer).toMatchObject({ name: 'Omega AG', address: { country: 'DE' } });
    expect(first.payment_means).toMatchObject({ kind: 'transfer', iban: 'DE89370400440532013000' });
    expect(first.lines[0]).toMatchObject({
      quantity: '1',
      unit_amount: '12000',
      discount_percent: '10',
      net_amount: 10800,
    });
    expect(
      await t
        .db('events')
        .where('type', 'invoice.finalized')
        .whereIn(
          'resource_id',
          invoices.map((i) => i.id),
        ),
    ).toHaveLength(3);
    // GoBD: the database refuses to change an issued invoice
    await expect(t.db('documents').where('id', first.id).update({ gross_total: 1 })).rejects.toThrow(
      /immutable/,
    );
  });

  it('lists runs newest first and filters by status', async () => {
    const list = await t.api({ method: 'GET', url: '/v1/billing-runs?status=completed&limit=2' });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.hasMore).toBe(true);
    expect(list.body.data.every((r: { status: string }) => r.status === 'completed')).toBe(true);
  });
});

describe('collective invoices', () => {
  it('one invoice per contact and currency per run, combining every due item; other contracts stay apart', async () => {
    const collector = await createContact(
      t,
      companyInput({ companyName: 'Sammler KG', collectiveInvoicing: true }),
    );
    expect(collector.collectiveInvoicing).toBe(true);
    const loner = await createContact(t, companyInput({ companyName: 'Einzel GmbH' }));
    const usd = await createArticle(t, {
      name: 'US support',
      currency: 'USD',
      priceModel: { kind: 'flat', amount: 3000 },
    });
    const ids = [
      (
        await createContract(t, {
          contactId: collector.id,
          startDate: '2026-02-01',
          items: [{ articleId: hosting.id }],
        })
      ).id,
      (
        await createContract(t, {
          contactId: collector.id,
          startDate: '2026-03-01',
          items: [{ articleId: support.id }],
        })
      ).id,
      (
        await createContract(t, {
          contactId: collector.id,
          startDate: '2026-03-01',
          currency: 'USD',
          items: [{ articleId: usd.id }],
        })
      ).id,
      // collective by the contract's own flag on a contact that does not collect
      (
        await createContract(t, {
          contactId: loner.id,
          startDate: '2026-03-01',
          collective: true,
          items: [{ articleId: hosting.id }],
        })
      ).id,
      (
        await createContract(t, {
          contactId: loner.id,
          startDate: '2026-03-01',
          collective: true,
          items: [{ articleId: support.id }],
        })
      ).id,
      (
        await createContract(t, {
          contactId: loner.id,
          startDate: '2026-03-01',
          items: [{ articleId: support.id }],
        })
      ).id,
    ];
    const run = await startRun(t, { contractIds: ids });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({
      status: 'completed',
      total: 6,
      processed: 6,
      invoicesCreated: 4,
    });
    const invoices = await invoicesOf(t, { billing_run_id: run.id });
    const summary = invoices.map((i) => ({
      contact: i.contact_id,
      currency: i.currency,
      collective: i.collective,
      net: i.line_net_total,
      lines: i.lines.map((l: { contract_id: string; period_start: string }) => [
        ids.indexOf(l.contract_id),
        l.period_start,
      ]),
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        // Feb and Mar of contract 0 and Mar of contract 1: one EUR invoice
        {
          contact: collector.id,
          currency: 'EUR',
          collective: true,
          net: 7000,
          lines: [
            [0, '2026-02-01'],
            [0, '2026-03-01'],
            [1, '2026-03-01'],
          ],
        },
        { contact: collector.id, currency: 'USD', collective: true, net: 3000, lines: [[2, '2026-03-01']] },
        {
          contact: loner.id,
          currency: 'EUR',
          collective: true,
          net: 6000,
          lines: [
            [3, '2026-03-01'],
            [4, '2026-03-01'],
          ],
        },
        { contact: loner.id, currency: 'EUR', collective: false, net: 5000, lines: [[5, '2026-03-01']] },
      ]),
    );
    expect(summary).toHaveLength(4);
  });
});

describe('what a run refuses', () => {
  it('bad input: 400 for malformed fields, 422 for a day after today; nothing is written', async () => {
    const before = await footprint();
    const malformed = await t.api({
      method: 'POST',
      url: '/v1/billing-runs',
      body: { asOf: '2026-02-30', mode: 'sometimes', extra: 1 },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'asOf',
      'extra',
      'mode',
    ]);
    const future = await t.api({ method: 'POST', url: '/v1/billing-runs', body: { asOf: '2026-03-16' } });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'asOf', code: 'as_of_in_future' })]);
    expect(await footprint()).toEqual(before);
  });

  it('another tenant’s runs are 404, and its ids in filters are named (422), nothing written', async () => {
    const other = await t.tenant('Other GmbH');
    const [mine] = (await t.api({ method: 'GET', url: '/v1/billing-runs?limit=1' })).body.data;
    expect((await t.api({ method: 'GET', url: `/v1/billing-runs/${mine.id}` }, other)).status).toBe(404);
    expect((await t.api({ method: 'POST', url: `/v1/billing-runs/${mine.id}/cancel` }, other)).status).toBe(
      404,
    );
    await readyToBill(t, other);
    const contract = (await t.api({ method: 'GET', url: '/v1/contracts?limit=1' })).body.data[0];
    const before = await footprint();
    const res = await t.api(
      {
        method: 'POST',
        url: '/v1/billing-runs',
        body: { contractIds: [contract.id], contactIds: [contract.contactId] },
      },
      other,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['contactIds.0', 'contact_not_found'],
      ['contractIds.0', 'contract_not_found'],
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('an organisation without an address cannot bill (422 organization_address_missing)', async () => {
    const other = await t.tenant('No Address GmbH');
    const res = await t.api({ method: 'POST', url: '/v1/billing-runs', body: {} }, other);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('organization_address_missing');
  });

  it('a contract that cannot be billed is reported per contract; the others are billed', async () => {
    const noAddress = await createContact(
      t,
      companyInput({ companyName: 'Ohne Adresse GmbH', billingAddress: null }),
    );
    const fine = await createContact(t, companyInput());
    const bad = await createContract(t, {
      contactId: noAddress.id,
      startDate: '2026-03-01',
      items: [{ articleId: support.id }],
    });
    const good = await createContract(t, {
      contactId: fine.id,
      startDate: '2026-03-01',
      items: [{ articleId: support.id }],
    });
    const run = await startRun(t, { contractIds: [bad.id, good.id] });
    await w.run();
    const done = await getRun(t, run.id);
    expect(done).toMatchObject({
      status: 'completed',
      total: 2,
      processed: 1,
      failed: 1,
      invoicesCreated: 1,
    });
    expect(done.errors).toEqual([
      { contractId: bad.id, code: 'contact_address_missing', message: expect.any(String) },
    ]);
    expect(await t.db('billed_periods').where('contract_id', bad.id)).toHaveLength(0);
  });
});

describe('GraphQL', () => {
  it('startBillingRun previews (dryRun) and starts a run; billingRun reads its progress', async () => {
    const gql = (query: string, variables: object) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    const contact = await createContact(t, companyInput());
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-03-01',
      items: [{ articleId: support.id }],
    });
    const mutation = `mutation($input: BillingRunInput!) { startBillingRun(input: $input) { run { id status } preview } }`;
    const dry = await gql(mutation, { input: { dryRun: true, contractIds: [contract.id] } });
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data.startBillingRun.run).toBeNull();
    expect(dry.body.data.startBillingRun.preview).toMatchObject({
      invoiceCount: 1,
      totals: [{ grossTotal: 5950 }],
    });
    const started = await gql(mutation, { input: { contractIds: [contract.id] } });
    const id = started.body.data.startBillingRun.run.id;
    expect(started.body.data.startBillingRun).toMatchObject({ run: { status: 'pending' }, preview: null });
    await w.run();
    const read = await gql(
      `query($id: ID!) { billingRun(id: $id) { status total processed invoicesCreated errors { code } } }`,
      { id },
    );
    expect(read.body.data.billingRun).toEqual({
      status: 'completed',
      total: 1,
      processed: 1,
      invoicesCreated: 1,
      errors: [],
    });
    const bad = await gql(mutation, { input: { asOf: 'yesterday' } });
    expect(bad.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'asOf' })],
    });
  });
});

describe('the daily cron', () => {
  it('starts one scheduled draft run per organisation with contracts, for its clock’s date, once a day', async () => {
    const addCronJob = () => t.db.raw(`SELECT graphile_worker.add_job('billing_runs_daily', '{}'::json)`);
    await addCronJob();
    await w.run();
    const scheduled = await t.db('billing_runs').where('trigger', 'schedule');
    // the other tenants of this file have no contracts (or no address): no run for them
    expect(scheduled.map((r) => [r.organization_id, r.as_of, r.mode, r.status])).toEqual([
      [t.main.organizationId, '2026-03-15', 'draft', 'completed'],
    ]);
    await addCronJob();
    await w.run();
    expect(await t.db('billing_runs').where('trigger', 'schedule')).toHaveLength(1);
  });
});

describe('a finalizing run and the books', () => {
  it('a contact’s credit balance pays its new invoice; every issued invoice has an audit entry', async () => {
    const prepaid = await createContact(t, companyInput());
    const plain = await createContact(t, companyInput());
    for (const c of [prepaid, plain]) {
      await createContract(t, {
        contactId: c.id,
        startDate: '2026-03-01',
        items: [{ articleId: support.id }],
      });
    }
    // 100.00 paid in advance, nothing open: it waits in the credit balance
    const paid = await t.api({
      method: 'POST',
      url: '/v1/payments',
      body: { contactId: prepaid.id, amount: 10000, currency: 'EUR', method: 'bank_transfer' },
    });
    expect(paid.status).toBe(201);
    await startRun(t, { mode: 'finalize', contactIds: [prepaid.id, plain.id] });
    await w.run();
    const [mine] = await invoicesOf(t, { contact_id: prepaid.id });
    const [theirs] = await invoicesOf(t, { contact_id: plain.id });
    // 50.00 + 19 % = 59.50 from the balance of 100.00: paid, 40.50 left
    expect(mine).toMatchObject({ status: 'paid', gross_total: 5950, amount_paid: 5950 });
    expect(theirs).toMatchObject({ status: 'finalized', amount_paid: 0 });
    const balance = await t.api({ method: 'GET', url: `/v1/contacts/${prepaid.id}/credit-balance` });
    expect(JSON.stringify(balance.body)).toContain('4050');
    const entries = await t.api({ method: 'GET', url: `/v1/audit-log?resourceId=${theirs.id}` });
    expect(entries.body.data.map((e: { action: string }) => e.action)).toEqual(['invoice.finalized']);
    expect(entries.body.data[0].after).toMatchObject({ number: theirs.number, grossTotal: 5950 });
    expect((await t.api({ method: 'GET', url: '/v1/audit-log/verify' })).body).toMatchObject({ valid: true });
  });
});
