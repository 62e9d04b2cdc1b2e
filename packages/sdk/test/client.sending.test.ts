/**
 * Sending documents by e-mail through the SDK: an invoice, a credit note and a quote mailed by the real
 * worker task to a real SMTP server (smtp-server on a loopback port), their send logs, a bounce retried to a
 * corrected address, and the refusals; then dunning — levels, a run worked off by the worker, the letter
 * mailed and downloaded — over HTTP against the real API.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '@fakturo/domain';
import { companyInput } from '@fakturo/testing';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { FROM_ADDRESS, sendingWorker, startMailServer } from '../../../apps/api/test/sending.support';
import {
  ConflictError,
  type Contact,
  type DocumentSend,
  type DunningRun,
  FakturoError,
  type Invoice,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../src/index';
import { SELLER, startLiveApi } from './support';

// the organisation's clock: documents are issued on 15 March; dunning moves it past the due date
let now = new Date('2026-03-15T10:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const api = await startLiveApi({ clock });
const mail = await startMailServer();
// the worker's real `documents_send` task, its mailer on the test SMTP server
const worker = sendingWorker(api.t, mail, clock);
const fakturo = api.client();

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

/** The mails the server accepted for an address. */
const mailsTo = (address: string) => mail.messages.filter((m) => JSON.stringify(m.to).includes(address));

let buyer: Contact;
let billingAddress: string;
beforeAll(async () => {
  await fakturo.organization.update({
    ...SELLER,
    paymentTermsDays: 14,
  });
  buyer = await fakturo.contacts.create(companyInput({ companyName: 'Hansa Logistik GmbH' }));
  billingAddress = buyer.emails[0]!.email;
});

// the first send of the file renders the first PDF in this process: slow when the machine is busy
describe('an invoice by e-mail', { timeout: 90_000 }, () => {
  let invoice: Invoice;
  let queued: DocumentSend;

  it('queues the send; the worker mails the PDF to the billing address; the invoice becomes sent', async () => {
    invoice = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    queued = await fakturo.invoices.send(invoice.id);
    expectTypeOf(queued).toEqualTypeOf<DocumentSend>();
    expect(queued).toMatchObject({
      id: expect.stringMatching(/^dsnd_/),
      documentId: invoice.id,
      documentFamily: 'invoice',
      documentNumber: invoice.number,
      status: 'queued',
      trigger: 'manual',
      recipients: [billingAddress],
      attempts: 0,
    });
    // one send on its way at a time
    const twice = await failure(fakturo.invoices.send(invoice.id));
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.code).toBe('document_send_in_progress');

    await worker.run();
    const [message, ...more] = mailsTo(billingAddress);
    expect(more).toHaveLength(0);
    expect(message!.subject).toBe(`Rechnung ${invoice.number} von Nordlicht Software GmbH`);
    expect(message!.from?.value[0]?.address).toBe(FROM_ADDRESS);
    expect(message!.attachments.map((a) => a.filename)).toEqual([`${invoice.number}.pdf`]);
    // the mail carries exactly the stored PDF the SDK downloads
    const pdf = await fakturo.invoices.pdf(invoice.id);
    expect(Buffer.compare(message!.attachments[0]!.content, Buffer.from(pdf))).toBe(0);

    const sent = await fakturo.documentSends.get(queued.id);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      smtpCode: 250,
      sentAt: '2026-03-15T10:00:00.000Z',
      attachments: [{ filename: `${invoice.number}.pdf`, contentType: 'application/pdf' }],
    });
    expect(await fakturo.invoices.get(invoice.id)).toMatchObject({
      status: 'sent',
      sentAt: '2026-03-15T10:00:00.000Z',
    });
  });

  it('a bounce fails the send with the server’s reply; a retry to a corrected address delivers it', async () => {
    const bounced = await fakturo.invoices.send(invoice.id, { recipients: ['nobody@bounce.test'] });
    await worker.run();
    expect(await fakturo.documentSends.get(bounced.id)).toMatchObject({
      status: 'failed',
      lastErrorCode: 'smtp_rejected',
      smtpCode: 550,
      smtpResponse: expect.stringContaining('User unknown'),
    });

    const retried = await fakturo.documentSends.retry(bounced.id, {
      recipients: ['buchhaltung@hansa.example'],
    });
    expect(retried).toMatchObject({
      id: bounced.id,
      status: 'queued',
      recipients: ['buchhaltung@hansa.example'],
    });
    // only a failed send is retried
    const again = await failure(fakturo.documentSends.retry(bounced.id));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.code).toBe('document_send_not_failed');
    await worker.run();
    expect(await fakturo.documentSends.get(bounced.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsTo('buchhaltung@hansa.example')).toHaveLength(1);
  });

  it('lists the invoice’s sends, newest first, filtered and page by page', async () => {
    const log = await fakturo.invoices.listSends(invoice.id);
    expect(log.data.map((s) => [s.id, s.status])).toEqual([
      [expect.stringMatching(/^dsnd_/), 'sent'],
      [queued.id, 'sent'],
    ]);
    expect(log.data[0]!.recipients).toEqual(['buchhaltung@hansa.example']);
    const walked = await fakturo.invoices
      .listSendsAutoPaging(invoice.id, { limit: 1 }, { maxItems: 10 })
      .toArray();
    expect(walked).toEqual(log.data);
    expect((await fakturo.invoices.listSends(invoice.id, { status: 'failed' })).data).toEqual([]);
  });

  it('refuses a draft, and another organisation’s documents and sends are not found', async () => {
    const draft = await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] });
    const notIssued = await failure(fakturo.invoices.send(draft.id));
    expect(notIssued).toBeInstanceOf(ConflictError);
    expect(notIssued.code).toBe('invoice_not_finalized');

    const stranger = api.client({}, await api.t.tenant('Fremd GmbH'));
    expect(await failure(stranger.invoices.send(invoice.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.invoices.listSends(invoice.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.documentSends.get(queued.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('credit notes and quotes by e-mail', { timeout: 90_000 }, () => {
  it('mails a credit note and a quote, each with its own send log', async () => {
    const invoice = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const note = await fakturo.creditNotes.finalize(
      (await fakturo.creditNotes.create({ invoiceId: invoice.id })).id,
    );
    const noteSend = await fakturo.creditNotes.send(note.id, { recipients: ['gutschrift@hansa.example'] });
    expect(noteSend).toMatchObject({ documentId: note.id, documentFamily: 'credit_note', status: 'queued' });

    const quote = await fakturo.quotes.finalize(
      (await fakturo.quotes.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const quoteSend = await fakturo.quotes.send(quote.id, { recipients: ['angebot@hansa.example'] });
    expect(quoteSend).toMatchObject({ documentId: quote.id, documentFamily: 'quote', status: 'queued' });

    await worker.run();
    expect(mailsTo('gutschrift@hansa.example')[0]!.attachments.map((a) => a.filename)).toEqual([
      `${note.number}.pdf`,
    ]);
    expect(mailsTo('angebot@hansa.example')[0]!.attachments.map((a) => a.filename)).toEqual([
      `${quote.number}.pdf`,
    ]);
    expect((await fakturo.creditNotes.listSends(note.id)).data).toEqual([
      expect.objectContaining({ id: noteSend.id, status: 'sent' }),
    ]);
    const quoteLog = await fakturo.quotes.listSendsAutoPaging(quote.id, {}, { maxItems: 5 }).toArray();
    expect(quoteLog).toEqual([expect.objectContaining({ id: quoteSend.id, status: 'sent' })]);
  });
});

describe('portal links without a mail', () => {
  // the URL starts with the public URL the API is told (the default here); the page is this server's
  const portal = (url: string | undefined) => fetch(`${api.baseUrl}${new URL(url!).pathname}`);

  it('makes, lists and revokes share links of an invoice, a credit note and a quote', async () => {
    const invoice = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const link = await fakturo.invoices.createShareLink(invoice.id, { expiresInDays: 30 });
    expect(link).toMatchObject({
      documentId: invoice.id,
      sendId: null,
      expiresAt: '2026-04-14T10:00:00.000Z',
    });
    const page = await portal(link.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(invoice.number!);
    expect((await fakturo.invoices.listShareLinks(invoice.id)).data).toEqual([{ ...link, url: undefined }]);

    const note = await fakturo.creditNotes.finalize(
      (await fakturo.creditNotes.create({ invoiceId: invoice.id })).id,
    );
    expect((await fakturo.creditNotes.createShareLink(note.id)).documentId).toBe(note.id);
    const quote = await fakturo.quotes.finalize(
      (await fakturo.quotes.create({ contactId: buyer.id, lines: [consulting] })).id,
    );
    const quoteLink = await fakturo.quotes.createShareLink(quote.id);
    expect((await fakturo.quotes.listShareLinks(quote.id)).data.map((l) => l.id)).toEqual([quoteLink.id]);

    await fakturo.shareLinks.revoke(link.id);
    expect((await portal(link.url)).status).toBe(410);
    const draft = await fakturo.invoices.create({ contactId: buyer.id, lines: [consulting] });
    const refused = await failure(fakturo.invoices.createShareLink(draft.id));
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe('invoice_not_finalized');
    expect(await failure(fakturo.invoices.createShareLink(invoice.id, { expiresInDays: 0 }))).toBeInstanceOf(
      ValidationError,
    );
    const stranger = api.client({}, await api.t.tenant('Fremd Links GmbH'));
    expect(await failure(stranger.shareLinks.revoke(quoteLink.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('dunning', { timeout: 90_000 }, () => {
  let late: Contact;
  let overdue: Invoice;

  beforeAll(async () => {
    late = await fakturo.contacts.create(companyInput({ companyName: 'Säumig GmbH' }));
    overdue = await fakturo.invoices.finalize(
      (await fakturo.invoices.create({ contactId: late.id, lines: [consulting] })).id,
    ); // due 29 March
  });

  it('reads the default levels, replaces them, and refuses bad levels and a stale version', async () => {
    const defaults = await fakturo.dunningLevels.get();
    expect(defaults).toMatchObject({ isDefault: true, currency: 'EUR' });
    expect(defaults.levels.map((l) => [l.level, l.daysAfterDue, l.fee, l.interest])).toEqual([
      [1, 7, 0, false],
      [2, 14, 500, false],
      [3, 28, 1000, true],
    ]);

    const bad = await failure(
      fakturo.dunningLevels.update({
        levels: [
          { level: 1, daysAfterDue: 14, fee: 0, interest: false },
          { level: 2, daysAfterDue: 7, fee: -100, interest: false },
        ],
      }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['levels.1.fee']));
    expect(await fakturo.dunningLevels.get()).toEqual(defaults);

    const mine = await fakturo.dunningLevels.update(
      {
        levels: [
          { level: 1, daysAfterDue: 7, fee: 0, interest: false },
          { level: 2, daysAfterDue: 21, fee: 750, interest: true, name: 'Letzte Mahnung' },
        ],
      },
      { ifMatch: defaults.version },
    );
    expect(mine).toMatchObject({ isDefault: false, version: defaults.version + 1 });
    expect(mine.levels.map((l) => [l.level, l.daysAfterDue, l.fee, l.name])).toEqual([
      [1, 7, 0, null],
      [2, 21, 750, 'Letzte Mahnung'],
    ]);
    const stale = await failure(fakturo.dunningLevels.update({ levels: [] }, { ifMatch: defaults.version }));
    expect(stale).toBeInstanceOf(PreconditionFailedError);
  });

  it('8 days past due: previews the reminder, runs in the worker, mails the letter and serves its PDF', async () => {
    now = new Date('2026-04-06T10:00:00Z');
    const preview = await fakturo.dunningRuns.preview({ contactIds: [late.id] });
    expect(preview).toMatchObject({ dryRun: true, asOf: '2026-04-06', noticeCount: 1 });
    expect(preview.notices[0]).toMatchObject({
      contactId: late.id,
      level: 1,
      fee: 0,
      openTotal: overdue.amountOpen,
      invoices: [{ invoiceId: overdue.id, daysOverdue: 8 }],
    });
    expect((await fakturo.dunningRuns.list()).data).toEqual([]);

    const run = await fakturo.dunningRuns.create({ contactIds: [late.id] });
    expect(run).toMatchObject({ id: expect.stringMatching(/^drun_/), status: 'pending', asOf: '2026-04-06' });
    // waiting reads the run while the worker works it off
    const seen: DunningRun['status'][] = [];
    const waiting = fakturo.dunningRuns.waitForCompletion(run.id, {
      intervalMs: 50,
      maxWaitMs: 60_000,
      onProgress: (r) => seen.push(r.status),
    });
    await worker.run(['dunning_run', 'dunning_notice_send']);
    const done = await waiting;
    expect(done).toMatchObject({ status: 'completed', noticesCreated: 1, invoicesDunned: 1, errors: [] });
    expect(seen.at(-1)).toBe('completed');
    expect(
      (await fakturo.dunningRuns.listAutoPaging({}, { maxItems: 10 }).toArray()).map((r) => r.id),
    ).toEqual([run.id]);

    const { data } = await fakturo.dunningNotices.list({ runId: run.id });
    expect(data).toHaveLength(1);
    const notice = data[0]!;
    expect(notice).toMatchObject({
      contactId: late.id,
      level: 1,
      status: 'open',
      total: overdue.amountOpen,
      invoices: [{ invoiceId: overdue.id }],
      email: { status: 'sent', recipients: [late.emails[0]!.email] },
    });
    expect(await fakturo.dunningNotices.get(notice.id)).toEqual(notice);
    expect(
      (
        await fakturo.dunningNotices.listAutoPaging({ invoiceId: overdue.id }, { maxItems: 10 }).toArray()
      ).map((n) => n.id),
    ).toEqual([notice.id]);

    const pdf = await fakturo.dunningNotices.pdf(notice.id);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(notice.pdfSha256);
    const [letter] = mailsTo(late.emails[0]!.email);
    expect(letter!.subject).toBe('Zahlungserinnerung von Nordlicht Software GmbH');
    expect(Buffer.compare(letter!.attachments[0]!.content, Buffer.from(pdf))).toBe(0);

    // never the same level twice
    const again = await fakturo.dunningRuns.create({ contactIds: [late.id] });
    await worker.run(['dunning_run', 'dunning_notice_send']);
    expect(await fakturo.dunningRuns.get(again.id)).toMatchObject({ status: 'completed', noticesCreated: 0 });
  });

  it('refuses a future date, and another organisation’s letters are not found', async () => {
    const future = await failure(fakturo.dunningRuns.create({ asOf: '2099-01-01' }));
    expect(future).toBeInstanceOf(ValidationError);
    expect(future.errors.map((e) => `${e.path}:${e.code}`)).toEqual(['asOf:as_of_in_future']);
    const stranger = api.client({}, await api.t.tenant('Andere GmbH'));
    const [notice] = (await fakturo.dunningNotices.list()).data;
    expect(await failure(stranger.dunningNotices.get(notice!.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.dunningNotices.pdf(notice!.id))).toBeInstanceOf(NotFoundError);
    expect((await stranger.dunningRuns.list()).data).toEqual([]);
  });
});
