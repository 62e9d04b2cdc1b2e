import { createHash } from 'node:crypto';
import { fixedClock, jobs, sending } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle, createContract } from './billing.support';
import { bytes, contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { dueNow, FROM_ADDRESS, PUBLIC_URL, sendingWorker, startMailServer } from './sending.support';

// Issue 5, item 7: documents go out by e-mail through a real SMTP server — PDF, the e-invoice the contact
// wants, the portal link — and what goes wrong (a bounce, a deferral) is visible and retried. Sends are queued
// by hand, by the send date arriving on the organisation's clock, and by finalize_and_send billing runs.

const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const mail = await startMailServer();
const worker = sendingWorker(t, mail, clock);

let german: { id: string; emails: { email: string }[] };
let english: { id: string; emails: { email: string }[] };

beforeAll(async () => {
  await readySeller(t);
  // a public buyer: XRechnung CII with its Leitweg-ID as buyer reference (BR-DE-15)
  german = await contact(
    t,
    companyInput({
      companyName: 'Stadtwerke Musterstadt',
      buyerReference: '04011000-12345-67',
      eInvoiceFormat: 'xrechnung-cii',
    }),
  );
  english = await contact(t, personInput({ language: 'en' }));
});

async function issuedInvoice(contactId: string, extra: Record<string, unknown> = {}) {
  const created = await draft(t, { contactId, lines: [line()], ...extra });
  return finalize(t, created.id);
}

const messagesTo = (address: string) =>
  mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') && JSON.stringify(m.to).includes(address));

describe('sending an invoice', () => {
  // the first send of the file renders the first PDF and compiles the XRechnung schema in this process: slow
  // when the machine is busy
  it('mails the PDF and the XRechnung the contact wants, with a portal link; the invoice becomes sent', {
    timeout: 90_000,
  }, async () => {
    const invoice = await issuedInvoice(german.id);
    expect(await t.db('document_files').where('document_id', invoice.id)).toHaveLength(0);

    const queued = await ok(post(t, `/v1/invoices/${invoice.id}/send`), 202);
    expect(queued).toMatchObject({
      id: expect.stringMatching(/^dsnd_/),
      documentId: invoice.id,
      documentFamily: 'invoice',
      documentNumber: invoice.number,
      status: 'queued',
      trigger: 'manual',
      recipients: [german.emails[0]!.email],
      eInvoiceFormat: 'xrechnung-cii',
      attempts: 0,
      attachments: [],
    });

    // only the send job runs: the PDF is not stored yet, so the send renders (and stores) it itself
    await worker.run(['documents_send']);
    const [message, ...more] = messagesTo(german.emails[0]!.email);
    expect(more).toHaveLength(0);
    expect(message!.subject).toBe(`Rechnung ${invoice.number} von Nordlicht Software GmbH`);
    expect(message!.from?.value[0]).toMatchObject({ address: FROM_ADDRESS, name: 'Nordlicht Software GmbH' });
    expect(message!.replyTo?.value[0]?.address).toBe('rechnung@nordlicht.example');
    expect(message!.text).toContain(`anbei erhalten Sie unsere Rechnung ${invoice.number} vom 15.03.2026`);
    expect(message!.text).toContain('Bitte begleichen Sie den Betrag bis zum 29.03.2026.');
    expect(message!.messageId).toBe(`<${queued.id}@fakturo.test>`);

    const [pdf, xml] = message!.attachments;
    expect(pdf).toMatchObject({ filename: `${invoice.number}.pdf`, contentType: 'application/pdf' });
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(xml).toMatchObject({ filename: `${invoice.number}-cii.xml`, contentType: 'application/xml' });
    expect(xml!.content.toString()).toContain('CrossIndustryInvoice');
    expect(xml!.content.toString()).toContain('04011000-12345-67');
    // the mail carries exactly the stored bytes the API serves
    const served = await bytes(t, `/v1/invoices/${invoice.id}/pdf`);
    expect(Buffer.compare(pdf!.content, served.body)).toBe(0);

    // the portal link: a token whose SHA-256 alone is stored, for this document, not revoked
    const link = /https:\/\/app\.fakturo\.test\/portal\/(fkp_[A-Za-z0-9_-]{43})/.exec(message!.text ?? '');
    expect(link, message!.text).not.toBeNull();
    expect(message!.html).toContain(`href="${PUBLIC_URL}/portal/${link![1]}"`);
    const token = await t
      .db('document_access_tokens')
      .where('token_hash', createHash('sha256').update(link![1]!).digest('hex'))
      .first();
    expect(token).toMatchObject({ document_id: invoice.id, revoked_at: null });
    expect(JSON.stringify(await t.db('document_sends').where('id', queued.id))).not.toContain(link![1]);

    const sent = await ok(get(t, `/v1/invoices/${invoice.id}`));
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-03-15T10:00:00.000Z' });
    const log = await ok(get(t, `/v1/invoices/${invoice.id}/sends`));
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      smtpCode: 250,
      messageId: `${queued.id}@fakturo.test`,
      sentAt: '2026-03-15T10:00:00.000Z',
      lastError: null,
      attachments: [
        { filename: `${invoice.number}.pdf`, sha256: sent.pdfSha256 },
        { filename: `${invoice.number}-cii.xml`, sha256: sent.xmlSha256 },
      ],
    });
    const events = await ok(get(t, `/v1/events?type=invoice.sent`));
    expect(events.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(
      invoice.id,
    );
  });

  it('writes English to an English contact and sends the PDF alone when no e-invoice is wanted', async () => {
    const invoice = await issuedInvoice(english.id);
    const queued = await ok(post(t, `/v1/invoices/${invoice.id}/send`, {}), 202);
    expect(queued.eInvoiceFormat).toBeNull();
    await worker.run();
    const [message] = messagesTo(english.emails[0]!.email);
    expect(message!.subject).toBe(`Invoice ${invoice.number} from Nordlicht Software GmbH`);
    expect(message!.text).toContain(`please find attached our invoice ${invoice.number} of 15 Mar 2026`);
    expect(message!.attachments.map((a) => a.filename)).toEqual([`${invoice.number}.pdf`]);
  });

  it('an invoice paid before its mail goes out does not ask to be paid again', async () => {
    const invoice = await issuedInvoice(english.id);
    await ok(
      post(t, '/v1/payments', { invoiceId: invoice.id, amount: invoice.amountDue, method: 'bank_transfer' }),
      201,
    );
    await ok(post(t, `/v1/invoices/${invoice.id}/send`, {}), 202);
    await worker.run();
    const message = messagesTo(english.emails[0]!.email).find((m) => m.subject?.includes(invoice.number));
    expect(message!.text).not.toContain('Please pay');
    expect(message!.text).toContain('This amount has already been paid in full.');
  });

  it('sends the ZUGFeRD PDF instead of the plain one when asked, to the recipients given', async () => {
    const invoice = await issuedInvoice(german.id);
    const queued = await ok(
      post(t, `/v1/invoices/${invoice.id}/send`, {
        recipients: ['einkauf@stadtwerke.example', 'buchhaltung@stadtwerke.example'],
        eInvoiceFormat: 'zugferd',
      }),
      202,
    );
    expect(queued.recipients).toEqual(['einkauf@stadtwerke.example', 'buchhaltung@stadtwerke.example']);
    await worker.run();
    const [message] = messagesTo('einkauf@stadtwerke.example');
    expect(mail.envelopes.at(-1)!.to).toEqual([
      'einkauf@stadtwerke.example',
      'buchhaltung@stadtwerke.example',
    ]);
    expect(message!.attachments).toHaveLength(1);
    expect(message!.attachments[0]!.filename).toBe(`${invoice.number}-zugferd.pdf`);
    expect(message!.attachments[0]!.content.includes('factur-x.xml')).toBe(true);
  });
});

describe('what goes wrong is visible and retried', () => {
  it('a 550 at RCPT fails the send for good, with the server’s reply; a retry to a corrected address sends it', async () => {
    const invoice = await issuedInvoice(english.id);
    const queued = await ok(
      post(t, `/v1/invoices/${invoice.id}/send`, { recipients: ['nobody@bounce.test'] }),
      202,
    );
    await worker.run();
    const failed = await ok(get(t, `/v1/document-sends/${queued.id}`));
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastErrorCode: 'smtp_rejected',
      smtpCode: 550,
      smtpResponse: expect.stringContaining('User unknown'),
      failedAt: '2026-03-15T10:00:00.000Z',
      sentAt: null,
    });
    expect(mail.offered.get('nobody@bounce.test')).toBe(1);
    // no retry of a bounce: the job is done, and the invoice is not sent
    expect(
      await t.db.raw(`SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'documents_send'`),
    ).toMatchObject({ rows: [] });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      sentAt: null,
    });
    const events = await ok(get(t, `/v1/events?type=document_send.failed`));
    expect(events.data[0].data.object).toMatchObject({ id: queued.id, status: 'failed', smtpCode: 550 });
    // the link in a mail that never arrived opens nothing
    const row = await t.db('document_sends').where('id', queued.id).first();
    expect(row.access_token_encrypted).toBeNull();
    expect(
      (await t.db('document_access_tokens').where('id', row.access_token_id).first()).revoked_at,
    ).not.toBeNull();

    // only a failed send is retried; a sent or queued one answers 409
    const retried = await ok(
      post(t, `/v1/document-sends/${queued.id}/retry`, { recipients: [english.emails[0]!.email] }),
      202,
    );
    expect(retried).toMatchObject({ status: 'queued', recipients: [english.emails[0]!.email] });
    const again = await post(t, `/v1/document-sends/${queued.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('document_send_not_failed');
    await worker.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'sent',
      attempts: 2,
      smtpCode: 250,
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({ status: 'sent' });
  });

  it('a 451 is retried with back-off and the second attempt sends it', async () => {
    const invoice = await issuedInvoice(english.id);
    const queued = await ok(
      post(t, `/v1/invoices/${invoice.id}/send`, { recipients: ['greylist@stadtwerke.example'] }),
      202,
    );
    await worker.run();
    const deferred = await ok(get(t, `/v1/document-sends/${queued.id}`));
    expect(deferred).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastErrorCode: 'smtp_deferred',
      smtpCode: 451,
      smtpResponse: expect.stringContaining('Greylisted'),
      sentAt: null,
    });
    expect(deferred.nextAttemptAt).not.toBeNull();
    // graphile-worker holds the job for its back-off; a second send meanwhile is refused
    const [job] = (
      await t.db.raw(
        `SELECT attempts, last_error FROM graphile_worker.jobs WHERE task_identifier = 'documents_send'`,
      )
    ).rows;
    expect(job).toMatchObject({ attempts: 1, last_error: expect.stringContaining('451') });
    const twice = await post(t, `/v1/invoices/${invoice.id}/send`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('document_send_in_progress');

    expect(await dueNow(t, 'documents_send')).toBe(1);
    await worker.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastErrorCode: 'smtp_deferred',
    });
    expect(mail.offered.get('greylist@stadtwerke.example')).toBe(2);
    expect(messagesTo('greylist@stadtwerke.example')).toHaveLength(1);
  });

  it('a server that stays unreachable: retried, and after the last attempt the send fails', async () => {
    // a port nobody listens on: the connection is refused, as when the relay is down
    const down = sendingWorker(t, { ...mail, url: 'smtp://127.0.0.1:1' }, clock);
    const invoice = await issuedInvoice(english.id);
    const queued = await ok(post(t, `/v1/invoices/${invoice.id}/send`), 202);
    await down.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastErrorCode: 'smtp_unreachable',
      smtpCode: null,
    });
    // skip ahead to the job's last attempt (graphile-worker counts them; the send gives up on the last)
    await t.db.raw(
      `SELECT graphile_worker.reschedule_jobs(array(SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'documents_send'),
         run_at => now(), attempts => ?)`,
      [sending.SEND_MAX_ATTEMPTS - 1],
    );
    await down.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastErrorCode: 'smtp_unreachable',
      lastError: expect.stringMatching(/^gave up after 2 attempts: /),
    });
    expect(
      (await t.db.raw(`SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'documents_send'`)).rows,
    ).toEqual([]);
    // once the relay is back, a retry goes out
    await ok(post(t, `/v1/document-sends/${queued.id}/retry`), 202);
    await worker.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'sent',
      attempts: 3,
    });
  });

  it('an e-invoice the document cannot be fails the send, naming the rule', async () => {
    // XRechnung needs the buyer reference (BR-DE-15); this contact wants one but has none
    const buyer = await contact(t, companyInput({ eInvoiceFormat: 'xrechnung-ubl' }));
    const invoice = await issuedInvoice(buyer.id);
    const queued = await ok(post(t, `/v1/invoices/${invoice.id}/send`), 202);
    await worker.run();
    expect(await ok(get(t, `/v1/document-sends/${queued.id}`))).toMatchObject({
      status: 'failed',
      lastErrorCode: 'einvoice_rules_violated',
      lastError: expect.stringContaining('BR-DE-15'),
    });
  });
});

describe('what cannot be sent', () => {
  it('a draft answers 409 and nothing is written; bad addresses answer 422 naming each', async () => {
    const created = await draft(t, { contactId: german.id, lines: [line()] });
    const before = await t.db('document_sends').count();
    const res = await post(t, `/v1/invoices/${created.id}/send`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invoice_not_finalized');

    const invoice = await issuedInvoice(german.id);
    const bad = await post(t, `/v1/invoices/${invoice.id}/send`, {
      recipients: ['ok@example.com', 'not-an-address', 'also bad@x'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['recipients.1', 'recipients.2']);
    const noMail = await contact(t, companyInput({ emails: [] }));
    const silent = await issuedInvoice(noMail.id);
    const missing = await post(t, `/v1/invoices/${silent.id}/send`);
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ path: 'recipients', code: 'recipient_missing' });
    expect(await t.db('document_sends').count()).toEqual(before);
  });

  it('a cancelled invoice is not sent (its cancellation document is)', async () => {
    const invoice = await issuedInvoice(english.id);
    const cancelled = await ok(post(t, `/v1/invoices/${invoice.id}/cancel`));
    const res = await post(t, `/v1/invoices/${invoice.id}/send`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invoice_not_sendable');
    const storno = await ok(post(t, `/v1/invoices/${cancelled.cancelledByDocumentId}/send`), 202);
    await worker.run();
    expect(await ok(get(t, `/v1/document-sends/${storno.id}`))).toMatchObject({ status: 'sent' });
    const [message] = mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') === storno.id);
    expect(message!.text).toContain(`It refers to invoice ${invoice.number}`);
  });

  it('another organisation’s documents and sends are not found', async () => {
    const invoice = await issuedInvoice(english.id);
    const queued = await ok(post(t, `/v1/invoices/${invoice.id}/send`), 202);
    const other = await t.tenant('Fremd GmbH');
    for (const [method, url] of [
      ['POST', `/v1/invoices/${invoice.id}/send`],
      ['GET', `/v1/invoices/${invoice.id}/sends`],
      ['GET', `/v1/document-sends/${queued.id}`],
      ['POST', `/v1/document-sends/${queued.id}/retry`],
    ] as const) {
      const res = await t.api({ method, url }, other);
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    // and a document of another family is not found under this one
    expect((await post(t, `/v1/quotes/${invoice.id}/send`)).status).toBe(404);
    await worker.run();
  });
});

describe('quotes and credit notes', () => {
  it('a sent quote becomes sent; quotes carry no e-invoice', async () => {
    const created = await ok(post(t, '/v1/quotes', { contactId: german.id, lines: [line()] }), 201);
    const quote = await finalize(t, created.id, undefined, 'quotes');
    const refused = await post(t, `/v1/quotes/${quote.id}/send`, { eInvoiceFormat: 'zugferd' });
    expect(refused.status).toBe(400);
    const queued = await ok(post(t, `/v1/quotes/${quote.id}/send`), 202);
    // the contact wants XRechnung, but a quote is no invoice: the PDF alone
    expect(queued).toMatchObject({ documentFamily: 'quote', eInvoiceFormat: null });
    await worker.run();
    expect(await ok(get(t, `/v1/quotes/${quote.id}`))).toMatchObject({ status: 'sent' });
    const [message] = mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') === queued.id);
    expect(message!.subject).toBe(`Angebot ${quote.number} von Nordlicht Software GmbH`);
    expect(message!.text).toContain('anbei erhalten Sie unser Angebot');
    expect(message!.attachments.map((a) => a.filename)).toEqual([`${quote.number}.pdf`]);
  });

  it('an accepted quote sent again says it was accepted, and does not offer it until a date any more', async () => {
    const created = await ok(post(t, '/v1/quotes', { contactId: german.id, lines: [line()] }), 201);
    const quote = await finalize(t, created.id, undefined, 'quotes');
    await ok(post(t, `/v1/quotes/${quote.id}/accept`, { signerName: 'Erika Muster' }));
    // the customer lost the mail and asks for the quote they signed
    const queued = await ok(post(t, `/v1/quotes/${quote.id}/send`), 202);
    await worker.run();
    expect(await ok(get(t, `/v1/quotes/${quote.id}`))).toMatchObject({ status: 'accepted' });
    const [message] = mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') === queued.id);
    expect(message!.text).toContain('Sie haben das Angebot am 15.03.2026 angenommen.');
    expect(message!.text).not.toContain('gilt bis');
  });

  it('a credit note is sent with its e-invoice and emits credit_note.sent', async () => {
    const invoice = await issuedInvoice(german.id);
    const created = await ok(post(t, '/v1/credit-notes', { invoiceId: invoice.id }), 201);
    const note = await finalize(t, created.id, undefined, 'credit-notes');
    const queued = await ok(post(t, `/v1/credit-notes/${note.id}/send`), 202);
    await worker.run();
    const [message] = mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') === queued.id);
    expect(message!.attachments.map((a) => a.filename)).toEqual([
      `${note.number}.pdf`,
      `${note.number}-cii.xml`,
    ]);
    expect(message!.text).toContain('Der Betrag wird Ihnen gutgeschrieben.');
    const events = await ok(get(t, `/v1/events?type=credit_note.sent`));
    expect(events.data[0].data.object).toMatchObject({ id: note.id, status: 'sent' });
  });
});

describe('scheduled sending', () => {
  it('the worker sends a finalized invoice when its send date arrives on the organisation’s clock, once', async () => {
    const invoice = await issuedInvoice(english.id, { sendDate: '2026-03-21' });
    const sweep = async (at: string) => {
      await jobs.enqueue({ db: t.db }, 'documents_send_due', {});
      await worker.run(['documents_send_due'], fixedClock(at));
    };
    const sendsOf = () => t.db('document_sends').where('document_id', invoice.id);

    await sweep('2026-03-20T22:30:00Z'); // 23:30 in Berlin: still the 20th there
    expect(await sendsOf()).toHaveLength(0);
    await sweep('2026-03-20T23:30:00Z'); // 00:30 on the 21st in Berlin, the organisation's time zone
    const [queued] = await sendsOf();
    expect(queued).toMatchObject({
      trigger: 'schedule',
      status: 'queued',
      recipients: [english.emails[0]!.email],
    });

    // the sweep again, before the send went out, and after: nothing is queued twice
    await sweep('2026-03-21T08:00:00Z');
    await worker.run(['documents_send'], fixedClock('2026-03-21T08:00:00Z'));
    await sweep('2026-03-22T08:00:00Z');
    expect(await sendsOf()).toHaveLength(1);
    expect(
      messagesTo(english.emails[0]!.email).filter((m) => m.subject?.includes(invoice.number)),
    ).toHaveLength(1);
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'sent',
      sentAt: '2026-03-21T08:00:00.000Z',
    });
  });

  it('a due invoice whose contact has no address gets a failed send, visible, not silently skipped', async () => {
    const noMail = await contact(t, companyInput({ emails: [] }));
    const invoice = await issuedInvoice(noMail.id, { sendDate: '2026-03-15' });
    await jobs.enqueue({ db: t.db }, 'documents_send_due', {});
    await worker.run(['documents_send_due']);
    const log = await ok(get(t, `/v1/invoices/${invoice.id}/sends`));
    expect(log.data[0]).toMatchObject({
      trigger: 'schedule',
      status: 'failed',
      lastErrorCode: 'recipient_missing',
    });
  });
});

describe('billing runs', () => {
  it('finalize_and_send finalizes the run’s invoices and mails each of them', async () => {
    const buyer = await contact(t, companyInput({ companyName: 'Abo Kunde AG', language: 'en' }));
    const hosting = await createArticle(t, {
      name: 'Hosting',
      priceModel: { kind: 'per_unit', unitAmount: '1000' },
    });
    await createContract(t, {
      contactId: buyer.id,
      startDate: '2026-03-01',
      items: [{ articleId: hosting.id, quantity: '2' }],
    });
    const run = await ok(
      post(t, '/v1/billing-runs', { mode: 'finalize_and_send', contactIds: [buyer.id] }),
      202,
    );
    await worker.run(['billing_run_plan', 'billing_run_batch', 'documents_render', 'documents_send']);
    expect(await ok(get(t, `/v1/billing-runs/${run.id}`))).toMatchObject({
      status: 'completed',
      invoicesCreated: 1,
    });
    const [invoice] = (await ok(get(t, `/v1/invoices?contactId=${buyer.id}`))).data;
    expect(invoice).toMatchObject({ billingRunId: run.id, status: 'sent', sendDate: '2026-03-15' });
    const log = await ok(get(t, `/v1/invoices/${invoice.id}/sends`));
    expect(log.data).toEqual([expect.objectContaining({ trigger: 'billing_run', status: 'sent' })]);
    const [message] = mail.messages.filter((m) => m.headers.get('x-fakturo-send-id') === log.data[0].id);
    expect(message!.subject).toBe(`Invoice ${invoice.number} from Nordlicht Software GmbH`);
    expect(message!.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    // the scheduler does not send it again
    await jobs.enqueue({ db: t.db }, 'documents_send_due', {});
    await worker.run(['documents_send_due', 'documents_send']);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}/sends`))).data).toHaveLength(1);
  });
});

describe('GraphQL', () => {
  it('sends an invoice and lists its sends', async () => {
    const invoice = await issuedInvoice(english.id);
    const gql = (query: string, variables: object) =>
      ok(t.api({ method: 'POST', url: '/graphql', body: { query, variables } }));
    const sent = await gql(
      'mutation ($id: ID!) { sendInvoice(id: $id, eInvoiceFormat: null) { id status eInvoiceFormat documentFamily } }',
      { id: invoice.id },
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendInvoice).toMatchObject({
      status: 'queued',
      eInvoiceFormat: null,
      documentFamily: 'invoice',
    });
    await worker.run();
    const listed = await gql(
      'query ($id: ID!) { documentSends(documentId: $id) { data { id status attempts attachments { filename } } } }',
      { id: invoice.id },
    );
    expect(listed.data.documentSends.data).toEqual([
      {
        id: sent.data.sendInvoice.id,
        status: 'sent',
        attempts: 1,
        attachments: [{ filename: `${invoice.number}.pdf` }],
      },
    ]);
    const draftOnly = await draft(t, { contactId: english.id, lines: [line()] });
    const refused = await gql('mutation ($id: ID!) { sendInvoice(id: $id) { id } }', { id: draftOnly.id });
    expect(refused.errors[0].extensions.code).toBe('invoice_not_finalized');
  });
});
