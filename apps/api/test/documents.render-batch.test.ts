import { documentService, fixedClock, jobs, systemContext } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
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
import { contact, draft, finalize, line, ok, patch } from './documents.support';
import { dueNow } from './sending.support';

// The `documents_render` task renders many documents per job (graphile-worker batch jobs): a finalizing billing
// run queues its invoices in batches, one job loads and stores a batch with one statement each (one commit), a
// document that fails is retried alone while the others are stored, and re-running stores nothing twice.
const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });
const KINDS = ['pdf', 'xrechnung-cii', 'xrechnung-ubl'];

interface QueuedJob {
  id: string;
  payload: unknown;
  attempts: number;
  last_error: string | null;
}

async function renderJobsQueued(): Promise<QueuedJob[]> {
  const { rows } = await t.db.raw<{ rows: QueuedJob[] }>(
    `SELECT j.id, j.payload, j.attempts, j.last_error
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
      WHERE k.identifier = 'documents_render' ORDER BY j.id`,
  );
  return rows;
}

/** Drops the one-document jobs finalize queued, so a test can queue the batch it is about. */
async function dropQueuedRenderJobs(): Promise<void> {
  await t.db.raw(
    `DELETE FROM graphile_worker._private_jobs WHERE task_id IN
       (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'documents_render')`,
  );
}

/** The stored files of documents: kind, hash and the id of the transaction that wrote each row (xmin). */
async function filesOf(ids: readonly string[]) {
  const { rows } = await t.db.raw<{
    rows: { document_id: string; kind: string; sha256: string; tx: string }[];
  }>(
    `SELECT document_id, kind, sha256, xmin::text AS tx FROM document_files
      WHERE document_id = ANY(?::text[]) ORDER BY document_id, kind`,
    [[...ids]],
  );
  return rows;
}

/** Changes an issued document as someone with database rights would (the GoBD trigger switched off). */
async function tamper(id: string, seller: unknown): Promise<void> {
  await t.db.transaction(async (trx) => {
    await trx.raw('SET LOCAL session_replication_role = replica');
    await trx('documents')
      .where({ id })
      .update({ seller: JSON.stringify(seller) });
  });
}

async function issuedInvoices(count: number, as?: TestTenant): Promise<string[]> {
  const buyer = await contact(t, companyInput({ buyerReference: '991-12345-67' }), as);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await draft(t, { contactId: buyer.id, lines: [line({ quantity: String(i + 1) })] }, as);
    ids.push((await finalize(t, created.id, as)).id);
  }
  return ids;
}

const queue = (organizationId: string, ids: readonly string[]) =>
  jobs.enqueueMany({ db: t.db }, jobs.renderJobs(organizationId, ids));

beforeAll(async () => {
  await readyToBill(t);
  // XRechnung needs the seller's e-mail and phone (BR-DE-2, BR-DE-6/7)
  await ok(
    patch(t, '/v1/organization', {
      legalName: 'Nordlicht Software GmbH',
      email: 'rechnung@example.com',
      phone: '+49 30 123456',
    }),
  );
});

describe('documents_render batch jobs', () => {
  it('a finalizing billing run queues its invoices as one batch job; the job stores every file in one commit', async () => {
    const hosting = await createArticle(t, {
      name: 'Hosting',
      priceModel: { kind: 'per_unit', unitAmount: '1000' },
    });
    for (const name of ['Alpha GmbH', 'Beta GmbH', 'Gamma GmbH']) {
      const buyer = await createContact(
        t,
        companyInput({ companyName: name, buyerReference: '991-12345-67' }),
      );
      await createContract(t, {
        contactId: buyer.id,
        startDate: '2026-03-01',
        items: [{ articleId: hosting.id, quantity: '2' }],
      });
    }
    const run = await startRun(t, { mode: 'finalize' });
    await w.run(['billing_run_plan', 'billing_run_batch']);
    expect(await getRun(t, run.id)).toMatchObject({ status: 'completed' });
    const invoices: string[] = (
      await t.db('documents').where({ billing_run_id: run.id, status: 'finalized' }).orderBy('id')
    ).map((d) => d.id);
    expect(invoices).toHaveLength(3);

    // one job, its payload an array naming each invoice (graphile-worker's batch job)
    const [job, ...more] = await renderJobsQueued();
    expect(more).toEqual([]);
    expect(job!.payload).toEqual(
      expect.arrayContaining(
        invoices.map((documentId) => ({ organizationId: t.main.organizationId, documentId })),
      ),
    );
    expect(job!.payload).toHaveLength(3);

    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    const files = await filesOf(invoices);
    expect(files.map((f) => `${f.document_id}:${f.kind}`)).toEqual(
      invoices.flatMap((id) => KINDS.map((kind) => `${id}:${kind}`)),
    );
    // written by one transaction: one statement, one commit for the batch
    expect(new Set(files.map((f) => f.tx)).size).toBe(1);
    // each invoice carries the SHA-256 of its PDF and CII
    for (const doc of await t.db('documents').whereIn('id', invoices)) {
      expect(doc.pdf_sha256).toBe(files.find((f) => f.document_id === doc.id && f.kind === 'pdf')!.sha256);
      expect(doc.xml_sha256).toBe(
        files.find((f) => f.document_id === doc.id && f.kind === 'xrechnung-cii')!.sha256,
      );
    }
  });

  it('a document that fails is retried alone while the others of its batch are stored', async () => {
    const [first, bad, last] = await issuedInvoices(3);
    await dropQueuedRenderJobs();
    const good = (await t.db('documents').where({ id: bad }).first()).seller;
    // a snapshot no renderer can read: the PDF needs the seller's address
    await tamper(bad!, { legalName: 'Kaputt GmbH' });
    await queue(t.main.organizationId, [first!, bad!, last!]);

    await w.run(['documents_render']);
    const [retry, ...more] = await renderJobsQueued();
    expect(more).toEqual([]);
    // graphile-worker keeps only the failed entry: the retry renders that document alone, with back-off
    expect(retry).toMatchObject({
      payload: [{ organizationId: t.main.organizationId, documentId: bad }],
      attempts: 1,
      last_error: expect.stringContaining('Batch failures'),
    });
    const stored = await filesOf([first!, bad!, last!]);
    expect(stored.map((f) => `${f.document_id}:${f.kind}`)).toEqual(
      [first!, last!].flatMap((id) => KINDS.map((kind) => `${id}:${kind}`)),
    );

    // repaired, the retry stores it; the others' files stay as they were
    await tamper(bad!, good);
    expect(await dueNow(t, 'documents_render')).toBe(1);
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    const after = await filesOf([first!, bad!, last!]);
    expect(after.filter((f) => f.document_id !== bad)).toEqual(stored);
    expect(after.filter((f) => f.document_id === bad).map((f) => f.kind)).toEqual(KINDS);
  });

  it('a one-document job that fails is retried as it was (the object payload finalize queues)', async () => {
    const [bad] = await issuedInvoices(1);
    const good = (await t.db('documents').where({ id: bad }).first()).seller;
    await tamper(bad!, { legalName: 'Kaputt GmbH' });
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([
      expect.objectContaining({
        payload: { organizationId: t.main.organizationId, documentId: bad },
        attempts: 1,
        last_error: expect.any(String),
      }),
    ]);
    expect(await filesOf([bad!])).toEqual([]);
    await tamper(bad!, good);
    await dueNow(t, 'documents_render');
    await w.run(['documents_render']);
    expect((await filesOf([bad!])).map((f) => f.kind)).toEqual(KINDS);
  });

  it('re-running a batch stores nothing twice, also with a document named twice', async () => {
    const ids = await issuedInvoices(2);
    await w.run(['documents_render']);
    const before = await filesOf(ids);
    expect(before).toHaveLength(6);

    await jobs.enqueue({ db: t.db }, 'documents_render', [
      { organizationId: t.main.organizationId, documentId: ids[0]! },
      { organizationId: t.main.organizationId, documentId: ids[1]!, kinds: ['pdf'] },
      { organizationId: t.main.organizationId, documentId: ids[0]!, kinds: ['xrechnung-ubl'] },
    ]);
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    // the same rows, written by the same transactions as before
    expect(await filesOf(ids)).toEqual(before);

    // what the domain reports for such a batch: nothing stored now, no failure
    const ctx = systemContext(t.db, t.main.organizationId, clock, 'test');
    expect(
      await documentService.renderStoredMany(ctx, [
        { documentId: ids[0]! },
        { documentId: ids[0]!, kinds: ['pdf'] },
      ]),
    ).toEqual([
      { documentId: ids[0], stored: [] },
      { documentId: ids[0], stored: [] },
    ]);
  });

  it('renders each document for its own organisation only: another tenant’s id under this one renders nothing', async () => {
    const other = await t.tenant();
    await readyToBill(t, other);
    await ok(patch(t, '/v1/organization', { email: 'billing@other.example', phone: '+49 30 654321' }, other));
    const [theirs] = await issuedInvoices(1, other);
    const [ours] = await issuedInvoices(1);
    await dropQueuedRenderJobs();

    await jobs.enqueue({ db: t.db }, 'documents_render', [
      { organizationId: t.main.organizationId, documentId: theirs! },
    ]);
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    expect(await filesOf([theirs!])).toEqual([]);

    // one job naming documents of two organisations: each is rendered under its own
    await jobs.enqueue({ db: t.db }, 'documents_render', [
      { organizationId: other.organizationId, documentId: theirs! },
      { organizationId: t.main.organizationId, documentId: ours! },
    ]);
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    const files = await t
      .db('document_files')
      .whereIn('document_id', [theirs!, ours!])
      .select('organization_id', 'document_id');
    expect(files).toHaveLength(6);
    for (const f of files)
      expect(f.organization_id).toBe(f.document_id === theirs ? other.organizationId : t.main.organizationId);
  });

  it('a batch payload that does not fit the schema fails for good, recorded in job_failures', async () => {
    await t.db.raw(`SELECT graphile_worker.add_job('documents_render', ?::json)`, [
      JSON.stringify([{ organizationId: t.main.organizationId, documentId: 'doc_nope' }]),
    ]);
    await t.db.raw(`SELECT graphile_worker.add_job('documents_render', '[]'::json)`);
    await w.run(['documents_render']);
    expect(await renderJobsQueued()).toEqual([]);
    const failures = await t.db('job_failures').where('task', 'documents_render').orderBy('id');
    expect(failures).toHaveLength(2);
    expect(failures.map((f) => f.error)).toEqual([
      "The payload of a 'documents_render' job is invalid.",
      "The payload of a 'documents_render' job is invalid.",
    ]);
  });
});
