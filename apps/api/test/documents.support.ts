import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiResponse, TestApp, TestTenant } from '@fakturo/testing';
import { createTaskList } from '@fakturo/worker';
import { expect } from 'vitest';
import { runJobsOnce } from './jobs.support';

/** Helpers of the document tests: a seller ready to issue, contacts, drafts and actions through the API. */

export const SELLER = {
  legalName: 'Nordlicht Software GmbH',
  address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
  vatId: 'DE136695976',
  taxNumber: '22/815/08154',
  email: 'rechnung@nordlicht.example',
  phone: '+49 40 1234567',
  bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank' },
  paymentTermsDays: 14,
};

export async function readySeller(t: TestApp, as?: TestTenant, overrides: Record<string, unknown> = {}) {
  const res = await t.api(
    { method: 'PATCH', url: '/v1/organization', body: { ...SELLER, ...overrides } },
    as,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function ok(res: Promise<ApiResponse>, status = 200): Promise<ApiResponse['body']> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

export const post = (t: TestApp, url: string, body?: unknown, as?: TestTenant) =>
  t.api({ method: 'POST', url, ...(body === undefined ? {} : { body }) }, as);
export const get = (t: TestApp, url: string, as?: TestTenant) => t.api({ method: 'GET', url }, as);
export const patch = (t: TestApp, url: string, body: unknown, as?: TestTenant) =>
  t.api({ method: 'PATCH', url, body }, as);

export async function contact(t: TestApp, body: object, as?: TestTenant) {
  return ok(post(t, '/v1/contacts', body, as), 201);
}

export const line = (overrides: Record<string, unknown> = {}) => ({
  name: 'Beratung',
  quantity: '2',
  unitCode: 'HUR',
  unitAmount: 10000,
  ...overrides,
});

export async function draft(t: TestApp, body: Record<string, unknown>, as?: TestTenant) {
  return ok(post(t, '/v1/invoices', body, as), 201);
}

export async function finalize(t: TestApp, id: string, as?: TestTenant, resource = 'invoices') {
  return ok(post(t, `/v1/${resource}/${id}/finalize`, undefined, as));
}

/** Writes bytes to a temporary file (for pdftotext, xmllint). */
export function tempFile(name: string, content: Buffer | string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fakturo-doc-')), name);
  writeFileSync(file, content);
  return file;
}

/** The PDF's text as a reader sees it (poppler's pdftotext). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', tempFile('doc.pdf', pdf), '-'], { encoding: 'utf8' });
}

/** Raw bytes of a response (PDF, XML) through Fastify inject. */
export async function bytes(
  t: TestApp,
  url: string,
  as?: TestTenant,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${(as ?? t.main).apiKey}` },
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/** The worker's real task list, run against the test database until no job is due (optionally some tasks only). */
export function documentWorker(t: TestApp) {
  const tasks = createTaskList(t.db, {
    // document tasks send no webhooks
    webhookSender: { send: () => Promise.reject(new Error('no webhooks here')), close: async () => {} },
  });
  return (only: string[] = ['documents_render']) =>
    runJobsOnce(t, Object.fromEntries(only.map((name) => [name, tasks[name]!])));
}

// The official EN 16931 CII schema in the shared folder beside the repository (../shared/schemas).
export const CII_XSD = resolve(
  import.meta.dirname,
  '../../../../shared/schemas/en16931/cii/CrossIndustryInvoice_100pD16B.xsd',
);

/** xmllint against an XSD: null when valid, else its complaint. */
export function xsdErrors(xml: Buffer | string, xsd = CII_XSD): string | null {
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, tempFile('einvoice.xml', xml)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}
