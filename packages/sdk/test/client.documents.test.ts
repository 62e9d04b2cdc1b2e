/**
 * Documents through the SDK without billing runs: invoices by hand (merge, needs-attention, delete), quotes
 * from offer to invoice, credit notes with their files, and the audit log that records it all — over HTTP
 * against the real API.
 */
import { createHash } from 'node:crypto';
import { fixedClock } from '@fakturo/domain';
import { companyInput } from '@fakturo/testing';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AuditEntry,
  ConflictError,
  type Contact,
  type CreditNote,
  FakturoError,
  type Invoice,
  NotFoundError,
  type Quote,
  ValidationError,
} from '../src/index';
import { startLiveApi } from './support';

// Rendering PDFs is CPU-heavy: the describes issuing documents wait longer than the default 30 s.
const api = await startLiveApi({ clock: fixedClock('2026-03-15T10:00:00Z') });
const fakturo = api.client();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ascii = (bytes: Uint8Array, length: number) =>
  Buffer.from(bytes.subarray(0, length)).toString('latin1');
const consulting = { name: 'Beratung', quantity: '2', unitCode: 'HUR', unitAmount: 10_000 };

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

let buyer: Contact;
beforeAll(async () => {
  await fakturo.organization.update({
    address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
    vatId: 'DE136695976',
    email: 'rechnung@nordlicht.example',
    phone: '+49 40 1234567',
    bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    paymentTermsDays: 14,
  });
  buyer = await fakturo.contacts.create(companyInput({ buyerReference: 'LEITWEG-4711' }));
});

describe('invoices by hand', { timeout: 60_000 }, () => {
  it('creates drafts, lists those needing attention, merges them into one collective invoice', async () => {
    const first = await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] });
    const second = await fakturo.invoices.create({
      contactId: buyer.id,
      lines: [{ ...consulting, name: 'Schulung', quantity: '1' }],
    });
    const scheduled = await fakturo.invoices.create({
      contactId: buyer.id,
      lines: [consulting],
      sendDate: '2026-03-20',
    });
    expect(first).toMatchObject({ status: 'draft', number: null, lineNetTotal: 20_000, taxTotal: 3800 });

    // a draft with a send date will go out by itself; the other two wait for someone
    const attention = await fakturo.invoices.listNeedingAttention({ contactId: buyer.id });
    expect(attention.data.map((i) => i.id)).toEqual([second.id, first.id]);
    expect((await fakturo.invoices.list({ contactId: buyer.id, needsAttention: true })).data).toEqual(
      attention.data,
    );

    const merged = await fakturo.invoices.merge({ invoiceIds: [first.id, second.id] });
    expectTypeOf(merged).toEqualTypeOf<Invoice>();
    expect(merged).toMatchObject({ status: 'draft', lineNetTotal: 30_000 });
    expect(merged.lines.map((l) => l.name)).toEqual(['Beratung', 'Schulung']);
    expect(await failure(fakturo.invoices.get(first.id))).toBeInstanceOf(NotFoundError);

    await fakturo.invoices.del(scheduled.id);
    const left = await fakturo.invoices.list({ contactId: buyer.id });
    expect(left.data.map((i) => i.id)).toEqual([merged.id]);
  });

  it('refuses an issued invoice’s deletion and content change with ConflictError', async () => {
    const issued = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    expect(await failure(fakturo.invoices.del(issued.id))).toMatchObject({
      status: 409,
      code: 'invoice_not_draft',
    });
    const immutable = await failure(fakturo.invoices.update(issued.id, { notes: ['changed'] }));
    expect(immutable).toBeInstanceOf(ConflictError);
    expect(immutable.code).toBe('document_immutable');
    // what may still change after finalize
    expect(await fakturo.invoices.update(issued.id, { metadata: { order: 'A-1' } })).toMatchObject({
      metadata: { order: 'A-1' },
    });
  });

  it('a draft that breaks rules is a ValidationError naming every field, with code, status and requestId', async () => {
    const error = await failure(
      fakturo.invoices.create({
        contactId: buyer.id,
        lines: [
          { quantity: '1', unitAmount: 100 },
          { ...consulting, discountPercent: '150', articleId: 'art_01JD3Y8WQ4XK0R5N6S7T8V9W0A' },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      requestId: expect.stringMatching(/^req_/),
    });
    expect(error.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['lines.0.name', 'lines.1.discountPercent', 'lines.1.articleId']),
    );

    const missing = await failure(fakturo.invoices.finalize('doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'invoice_not_found', requestId: expect.any(String) });
  });
});

describe('quotes: offer, answer, invoice', { timeout: 60_000 }, () => {
  async function openQuote(): Promise<Quote> {
    const draft = await fakturo.quotes.create({
      contactId: buyer.id,
      lines: [{ name: 'Website-Relaunch', quantity: '1', unitAmount: 450_000 }],
    });
    return fakturo.quotes.finalize(draft.id);
  }

  it('accept records the exact PDF answered; convert makes a draft invoice with its lines', async () => {
    const quote = await openQuote();
    expect(quote).toMatchObject({
      type: 'quote',
      status: 'finalized',
      number: expect.stringMatching(/^AN-2026-\d{5}$/),
      validUntil: '2026-04-14',
    });
    const pdf = await fakturo.quotes.pdf(quote.id);
    expect(ascii(pdf, 5)).toBe('%PDF-');

    const accepted = await fakturo.quotes.accept(quote.id, { signerName: 'Erika Muster' });
    expect(accepted).toMatchObject({
      status: 'accepted',
      decision: { signerName: 'Erika Muster', reason: null, documentSha256: sha256(pdf) },
    });
    const again = await failure(fakturo.quotes.accept(quote.id));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.code).toBe('quote_already_accepted');

    const draft = await fakturo.quotes.convert(quote.id);
    expectTypeOf(draft).toEqualTypeOf<Invoice>();
    expect(draft).toMatchObject({
      type: 'invoice',
      status: 'draft',
      convertedFromDocumentId: quote.id,
      lineNetTotal: 450_000,
    });
    expect(await fakturo.quotes.get(quote.id)).toMatchObject({
      status: 'converted',
      convertedToDocumentId: draft.id,
    });
    const invoice = await fakturo.invoices.finalize(draft.id);
    expect(invoice.number).toMatch(/^RE-2026-\d{5}$/);
  });

  it('decline without a body; a declined quote cannot be converted', async () => {
    const quote = await openQuote();
    const declined = await fakturo.quotes.decline(quote.id);
    expect(declined).toMatchObject({ status: 'declined', decision: { signerName: null } });
    const error = await failure(fakturo.quotes.convert(quote.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'quote_not_accepted' });
    expect((await fakturo.quotes.list({ status: 'declined' })).data.map((q) => q.id)).toEqual([quote.id]);
  });

  it('a draft quote can be changed and deleted', async () => {
    const draft = await fakturo.quotes.create({ contactId: buyer.id, lines: [consulting] });
    const changed = await fakturo.quotes.update(
      draft.id,
      { validUntil: '2026-06-30' },
      { ifMatch: draft.version },
    );
    expect(changed.validUntil).toBe('2026-06-30');
    await fakturo.quotes.del(draft.id);
    expect(await failure(fakturo.quotes.get(draft.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('credit notes', { timeout: 60_000 }, () => {
  it('credits part of an issued invoice: negative amounts, PDF and XRechnung like an invoice', async () => {
    const invoice = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const draft = await fakturo.creditNotes.create({
      invoiceId: invoice.id,
      lines: [{ ...consulting, quantity: '1' }],
    });
    expectTypeOf(draft).toEqualTypeOf<CreditNote>();
    const note = await fakturo.creditNotes.finalize(draft.id);
    expect(note).toMatchObject({
      type: 'credit_note',
      typeCode: '381',
      status: 'finalized',
      precedingDocumentId: invoice.id,
      lineNetTotal: -10_000,
      grossTotal: -11_900,
    });
    const pdf = await fakturo.creditNotes.pdf(note.id);
    expect(ascii(pdf, 5)).toBe('%PDF-');
    expect((await fakturo.creditNotes.get(note.id)).pdfSha256).toBe(sha256(pdf));
    const xml = await fakturo.creditNotes.eInvoice(note.id, { format: 'xrechnung-cii' });
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toContain(invoice.number!);

    const notes = await fakturo.creditNotes
      .listAutoPaging({ contactId: buyer.id }, { maxItems: 10 })
      .toArray();
    expect(notes.map((n) => n.id)).toEqual([note.id]);
    // an invoice with a credit note is not cancelled, it is credited
    expect(await failure(fakturo.invoices.cancel(invoice.id))).toBeInstanceOf(ConflictError);
  });
});

// No worker runs in this file, so a billing run stays `pending` until cancelled: its states are stable here.
describe('billing runs nobody works off', () => {
  it('a pending run is cancelled at once; a finished one cannot be cancelled again', async () => {
    const run = await fakturo.billingRuns.create({ mode: 'draft' });
    expect(run.status).toBe('pending');
    const cancelled = await fakturo.billingRuns.cancel(run.id);
    expect(cancelled).toMatchObject({ id: run.id, status: 'cancelled', cancelRequested: true });
    // finished: the wait ends with the first read
    const seen: string[] = [];
    const done = await fakturo.billingRuns.waitForCompletion(run.id, {
      onProgress: (r) => seen.push(r.status),
    });
    expect(done).toEqual(cancelled);
    expect(seen).toEqual(['cancelled']);
    const again = await failure(fakturo.billingRuns.cancel(run.id));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ status: 409, code: 'billing_run_not_running' });
  });

  it('waiting gives up after maxWaitMs with billing_run_wait_timeout, and stops on an abort', async () => {
    const run = await fakturo.billingRuns.create();
    const reads: string[] = [];
    const started = Date.now();
    const timeout = await failure(
      fakturo.billingRuns.waitForCompletion(run.id, {
        intervalMs: 20,
        maxWaitMs: 150,
        onProgress: (r) => reads.push(r.status),
      }),
    );
    expect(timeout).toMatchObject({ code: 'billing_run_wait_timeout', status: undefined });
    expect(timeout.message).toContain(run.id);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reads.length).toBeGreaterThan(1);
    expect(new Set(reads)).toEqual(new Set(['pending']));

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    await expect(
      fakturo.billingRuns.waitForCompletion(run.id, { intervalMs: 10_000, signal: controller.signal }),
    ).rejects.toThrow('user gave up');
    await expect(fakturo.billingRuns.waitForCompletion(run.id, { intervalMs: 0 })).rejects.toThrow(
      /intervalMs/,
    );
    await fakturo.billingRuns.cancel(run.id);
  });
});

describe('the audit log', { timeout: 60_000 }, () => {
  it('lists who did what to a document, walks every entry, and verifies the chain', async () => {
    const invoice = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const history = await fakturo.auditLog.list({ resourceId: invoice.id });
    expect(history.data.map((e) => e.action)).toEqual(['invoice.finalized', 'invoice.created']);
    expect(history.data[0]).toMatchObject({
      resourceType: 'invoice',
      actor: { type: 'api_key' },
      before: { status: 'draft', number: null },
      after: { status: 'finalized', number: invoice.number },
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const all: AuditEntry[] = [];
    for await (const entry of fakturo.auditLog.listAutoPaging({ limit: 7 }, { maxItems: 10_000 }))
      all.push(entry);
    // newest first, gap-free, each linked to the one before
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => all.length - i));
    for (let i = 0; i < all.length - 1; i += 1) expect(all[i]!.prevHash).toBe(all[i + 1]!.hash);

    const verified = await fakturo.auditLog.verify();
    expect(verified).toMatchObject({ valid: true, checked: all.length, firstBrokenSeq: null });
  });

  it('verify names the first entry someone changed behind the API’s back', async () => {
    const tenant = await api.t.tenant('Manipuliert GmbH');
    const theirs = api.client({}, tenant);
    await theirs.contacts.create(companyInput());
    await theirs.contacts.create(companyInput());
    expect((await theirs.auditLog.verify()).valid).toBe(true);
    // with database rights and the append-only trigger switched off
    await api.t.db.transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await trx('audit_log')
        .where({ organization_id: tenant.organizationId, seq: 1 })
        .update({ after: trx.raw(`jsonb_set(after, '{notes}', '"forged"')`) });
    });
    expect(await theirs.auditLog.verify()).toMatchObject({ valid: false, firstBrokenSeq: 1 });
    // the main organisation's chain is untouched
    expect((await fakturo.auditLog.verify()).valid).toBe(true);
  });
});
