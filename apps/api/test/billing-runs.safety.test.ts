import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  getRun,
  readyToBill,
  startRun,
  worker,
} from './billing.support';

// Idempotency under failure (DOMAIN.md §6–§7): two runs at once, a batch that dies mid-way and is retried,
// and cancelling — a period is billed at most once whatever happens.
const clock = fixedClock('2026-05-10T09:00:00Z');
const t = await createTestApp({ clock });

let article: { id: string };
beforeAll(async () => {
  await readyToBill(t);
  article = await createArticle(t, { name: 'Lizenz', priceModel: { kind: 'per_unit', unitAmount: '990' } });
});

/** Contracts from Jan 1: by May 10, five monthly periods each are due. */
async function contracts(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const contact = await createContact(t, companyInput());
    ids.push(
      (
        await createContract(t, {
          contactId: contact.id,
          startDate: '2026-01-01',
          items: [{ articleId: article.id, quantity: '3' }],
        })
      ).id,
    );
  }
  return ids;
}

/** Per (contract, period): how many invoice lines bill it. Exactly one each, or something was billed twice. */
async function linesPerPeriod(ids: string[]) {
  const rows = await t
    .db('document_lines')
    .whereIn('contract_id', ids)
    .groupBy('contract_id', 'period_start')
    .select('contract_id', 'period_start')
    .count({ n: '*' });
  return rows.map((r) => Number(r.n));
}

describe('two runs at once', () => {
  it('bill each period exactly once between them', async () => {
    const ids = await contracts(4);
    // The first batch to write holds its transaction open until the other batch has loaded its contracts, so
    // both compose the same due periods before either commits; the period keys alone must decide.
    const claims: { runId: string; due: number; won: number }[] = [];
    let loaded = 0;
    let release = () => {};
    const bothLoaded = new Promise<void>((resolve) => {
      release = resolve;
    });
    const w = worker(t, {
      clock,
      concurrency: 4,
      hooks: {
        beforeClaim: () => {
          loaded += 1;
          if (loaded === 2) release();
        },
        claimed: ({ runId, due, won }) => claims.push({ runId, due, won }),
        afterWrites: () =>
          Promise.race([bothLoaded, new Promise((r) => setTimeout(r, 10_000))]).then(() => {}),
      },
    });
    const [a, b] = await Promise.all([startRun(t, { contractIds: ids }), startRun(t, { contractIds: ids })]);
    await w.run();
    const [ra, rb] = [await getRun(t, a.id), await getRun(t, b.id)];
    expect([ra.status, rb.status]).toEqual(['completed', 'completed']);
    expect([ra.failed, rb.failed]).toEqual([0, 0]);
    // 4 contracts × 5 months, split between the runs however the race went
    expect(ra.invoicesCreated + rb.invoicesCreated).toBe(20);
    // both batches found all 20 periods due (neither saw the other's uncommitted invoices), and the keys
    // decided: one won all of them, the other waited for its commit and won none
    expect(claims.map((c) => [c.due, c.won]).sort()).toEqual([
      [20, 0],
      [20, 20],
    ]);
    const lines = await linesPerPeriod(ids);
    expect(lines).toHaveLength(20);
    expect(lines.every((n) => n === 1)).toBe(true);
    expect(await t.db('billed_periods').whereIn('contract_id', ids)).toHaveLength(20);
    const invoiceEvents = await t.db('events').where('type', 'invoice.created');
    const documents = await t.db('documents').whereIn('billing_run_id', [a.id, b.id]).pluck('id');
    expect(invoiceEvents.filter((e) => documents.includes(e.resource_id))).toHaveLength(20);
  });
});

describe('a batch that dies mid-way', () => {
  it('is rolled back whole, retried, and completes without duplicates', async () => {
    const ids = await contracts(3);
    let attempts = 0;
    const w = worker(t, {
      clock,
      hooks: {
        afterWrites: () => {
          attempts += 1;
          // the invoices, lines, keys and events of the batch are written when it dies
          if (attempts === 1) throw new Error('worker killed mid-batch');
        },
      },
    });
    const run = await startRun(t, { contractIds: ids });
    await w.run();
    // the failed attempt left nothing behind; the job waits for its retry
    expect(attempts).toBe(1);
    expect(await t.db('documents').where('billing_run_id', run.id)).toHaveLength(0);
    expect(await t.db('billed_periods').whereIn('contract_id', ids)).toHaveLength(0);
    expect(await getRun(t, run.id)).toMatchObject({ status: 'running', processed: 0, batchesDone: 0 });
    const [job] = await t.db('graphile_worker.jobs').where('task_identifier', 'billing_run_batch');
    expect(job).toMatchObject({
      attempts: 1,
      last_error: expect.stringContaining('worker killed mid-batch'),
    });

    // the retry, made due now instead of after graphile-worker's back-off
    await t.db.raw(
      "UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'billing_run_batch')",
    );
    await w.run();
    expect(attempts).toBe(2);
    expect(await getRun(t, run.id)).toMatchObject({
      status: 'completed',
      processed: 3,
      failed: 0,
      invoicesCreated: 15,
    });
    const lines = await linesPerPeriod(ids);
    expect(lines).toHaveLength(15);
    expect(lines.every((n) => n === 1)).toBe(true);
    expect(
      await t
        .db('events')
        .where('type', 'invoice.created')
        .whereIn('resource_id', t.db('documents').where('billing_run_id', run.id).select('id')),
    ).toHaveLength(15);
  });

  it('a batch run again after it committed does nothing (the batch row is done)', async () => {
    const ids = await contracts(1);
    const w = worker(t, { clock });
    const run = await startRun(t, { contractIds: ids });
    await w.run();
    // a worker that died between commit and marking the job done: the job comes back
    await t.db.raw(`SELECT graphile_worker.add_job('billing_run_batch', ?::json)`, [
      JSON.stringify({ organizationId: t.main.organizationId, runId: run.id, batch: 0 }),
    ]);
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({
      status: 'completed',
      processed: 1,
      invoicesCreated: 5,
      batchesDone: 1,
    });
    expect(await t.db('documents').where('billing_run_id', run.id)).toHaveLength(5);
  });
});

describe('cancel', () => {
  it('a run not yet planned is cancelled at once and bills nothing', async () => {
    const ids = await contracts(1);
    const w = worker(t, { clock });
    const run = await startRun(t, { contractIds: ids });
    const cancelled = await t.api({ method: 'POST', url: `/v1/billing-runs/${run.id}/cancel` });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelRequested: true });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({ status: 'cancelled', total: 0, invoicesCreated: 0 });
    expect(await t.db('billed_periods').whereIn('contract_id', ids)).toHaveLength(0);
    const again = await t.api({ method: 'POST', url: `/v1/billing-runs/${run.id}/cancel` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('billing_run_not_running');
  });

  it('a running run stops: the remaining batches bill nothing, then it is cancelled', async () => {
    const ids = await contracts(2);
    const w = worker(t, { clock });
    const run = await startRun(t, { contractIds: ids });
    await w.run(['billing_run_plan']); // planned, its batch job waiting
    expect(await getRun(t, run.id)).toMatchObject({ status: 'running', total: 2, batchesTotal: 1 });
    const res = await t.api({ method: 'POST', url: `/v1/billing-runs/${run.id}/cancel` });
    expect(res.body).toMatchObject({ status: 'cancelling', cancelRequested: true });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({
      status: 'cancelled',
      processed: 0,
      invoicesCreated: 0,
      batchesDone: 1,
    });
    expect(await t.db('billed_periods').whereIn('contract_id', ids)).toHaveLength(0);
    const events = await t.db('events').where('resource_id', run.id).orderBy('id').pluck('type');
    expect(events).toEqual(['billing_run.started', 'billing_run.cancelled']);
    // the contracts are still due: the next run bills them
    const next = await startRun(t, { contractIds: ids });
    await w.run();
    expect(await getRun(t, next.id)).toMatchObject({ status: 'completed', invoicesCreated: 10 });
  });
});
