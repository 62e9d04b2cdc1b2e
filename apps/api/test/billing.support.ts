import { type billingRuns, type Clock, organizations, webhooks } from '@fakturo/domain';
import type { TestApp, TestTenant } from '@fakturo/testing';
import { createTaskList } from '@fakturo/worker';
import type { TaskList } from 'graphile-worker';
import { afterAll, expect } from 'vitest';
import { runJobsOnce } from './jobs.support';

/** Helpers of the billing tests: organisation set-up, articles and contracts through the API, the real worker. */

/** Runs the worker's real task list against the test database until no job is due. */
export function worker(
  t: TestApp,
  options: { clock?: Clock; hooks?: billingRuns.BatchHooks; concurrency?: number } = {},
) {
  const sender = webhooks.createSender({ policy: webhooks.ssrf.policyFromEnv() });
  afterAll(() => sender.close());
  const tasks: TaskList = createTaskList(t.db, {
    clock: options.clock,
    webhookSender: sender,
    billingBatchHooks: options.hooks,
  });
  return {
    tasks,
    /** Runs every due job (and the jobs they add) to completion. */
    run: (only?: (keyof typeof tasks)[]) =>
      runJobsOnce(
        t,
        only ? Object.fromEntries(only.map((name) => [name, tasks[name]!])) : tasks,
        options.concurrency ?? 4,
      ),
  };
}

export const SELLER_ADDRESS = {
  line1: 'Friedrichstraße 1',
  postalCode: '10117',
  city: 'Berlin',
  country: 'DE',
};

/** The organisation needs an address before it can bill (seller data, and VAT follows its country). */
export async function readyToBill(t: TestApp, as?: TestTenant) {
  const res = await t.api(
    {
      method: 'PATCH',
      url: '/v1/organization',
      body: {
        address: SELLER_ADDRESS,
        vatId: 'DE136695976',
        bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
        paymentTermsDays: 14,
      },
    },
    as,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A sandbox organisation with its key (the API has no endpoint to create one; the operator CLI does). */
export async function sandboxTenant(t: TestApp, clock: Clock): Promise<TestTenant> {
  const { organization, apiKey } = await organizations.create(t.db, clock, {
    legalName: 'Sandbox GmbH',
    isSandbox: true,
  });
  return {
    organizationId: organization.id,
    apiKey: apiKey.secret,
    ctx: {
      db: t.db,
      organizationId: organization.id,
      clock,
      actor: { type: 'system', id: 'test', scopes: ['read', 'write'] },
    },
  };
}

export async function post(t: TestApp, url: string, body: unknown, as?: TestTenant, status = 201) {
  const res = await t.api({ method: 'POST', url, body: body as object }, as);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

export async function createContact(t: TestApp, body: object, as?: TestTenant) {
  return post(t, '/v1/contacts', body, as);
}

export async function createArticle(t: TestApp, body: object, as?: TestTenant) {
  return post(t, '/v1/articles', body, as);
}

export async function createContract(t: TestApp, body: object, as?: TestTenant) {
  return post(t, '/v1/contracts', body, as);
}

export async function startRun(t: TestApp, body: object, as?: TestTenant) {
  return post(t, '/v1/billing-runs', body, as, 202);
}

export async function getRun(t: TestApp, id: string, as?: TestTenant) {
  const res = await t.api({ method: 'GET', url: `/v1/billing-runs/${id}` }, as);
  expect(res.status).toBe(200);
  return res.body;
}

/** The invoices a run wrote, with their lines, as stored. */
export async function invoicesOf(t: TestApp, where: Record<string, unknown>) {
  const docs = await t.db('documents').where(where).orderBy(['contact_id', 'service_period_start', 'id']);
  const lines = await t
    .db('document_lines')
    .whereIn(
      'document_id',
      docs.map((d) => d.id),
    )
    .orderBy(['document_id', 'position']);
  return docs.map((d) => ({ ...d, lines: lines.filter((l) => l.document_id === d.id) }));
}
