import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { type Clock, invoices, jobs, sepa } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { createTaskList } from '@fakturo/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytes,
  contact,
  draft,
  finalize,
  get,
  line,
  ok,
  pdfText,
  post,
  readySeller,
  tempFile,
  xsdErrors,
} from './documents.support';
import { runJobsOnce } from './jobs.support';

// A user's story of SEPA direct debits through the public API: invoices issued for direct debit become a
// collection whose dates keep the pre-notification, a pain.008.001.08 file the official schema accepts, a
// submission that switches mandates from FRST to RCUR — and what is refused.

// The official pain.008.001.08 schema in the shared folder beside the repository (../shared/schemas).
const PAIN008_XSD = resolve(import.meta.dirname, '../../../../shared/schemas/sepa/pain.008.001.08.xsd');

// Monday 2 March 2026, 10:00 in Berlin. Tests move the clock where their story needs it.
let now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const setToday = (date: string) => {
  now = new Date(`${date}T09:00:00Z`);
};
const t = await createTestApp({ clock });

const CREDITOR_ID = 'DE98ZZZ09999999999';
let mandates = 0;

/** A company paying by direct debit under one mandate (FRST, CORE unless said otherwise). */
async function debtor(mandate: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  mandates += 1;
  return contact(
    t,
    companyInput({
      preferredPaymentMethod: 'sepa_debit',
      sepaMandates: [
        {
          reference: `MDT-2026-${String(mandates).padStart(4, '0')}`,
          signedDate: '2026-02-01',
          iban: 'DE02120300000000202051',
          ...mandate,
        },
      ],
      ...extra,
    } as never),
  );
}

/** A finalized invoice of 119.00 EUR (100.00 net + 19 %) issued today. */
async function issued(contactId: string, unitAmount = 10000) {
  const created = await draft(t, { contactId, lines: [line({ quantity: '1', unitAmount })] });
  return finalize(t, created.id);
}

const collect = (body?: unknown) => post(t, '/v1/sepa/collections', body);

async function countRows(table: string): Promise<number> {
  const [{ n }] = await t.db(table).count({ n: '*' });
  return Number(n);
}

function xpath(xml: Buffer, expression: string): string {
  return execFileSync('xmllint', ['--xpath', `string(${expression})`, tempFile('pain008.xml', xml)], {
    encoding: 'utf8',
  }).trim();
}
const el = (...names: string[]) => `//${names.map((n) => `*[local-name()='${n}']`).join('/')}`;

beforeAll(async () => {
  await readySeller(t, undefined, { sepaCreditorId: CREDITOR_ID });
});

describe('a collection groups due invoices by date, scheme and sequence type', () => {
  it('FRST and RCUR, CORE and B2B, and two dates make four PmtInf blocks in a schema-valid file', async () => {
    setToday('2026-03-02');
    const first = await debtor();
    const recurring = await debtor({ sequenceType: 'RCUR' });
    const b2b = await debtor({ scheme: 'B2B' });
    const later = await debtor({}, { paymentTermsDays: 21 });
    const invoicesByName = {
      first: await issued(first.id),
      recurring: await issued(recurring.id, 5000),
      b2b: await issued(b2b.id, 250000),
      later: await issued(later.id, 4200),
    };
    expect(invoicesByName.first.paymentMeans).toMatchObject({
      kind: 'sepa_debit',
      creditorId: CREDITOR_ID,
      collectionDate: '2026-03-16',
    });

    const collection = await ok(collect({ dueBy: '2026-03-31' }), 201);
    expect(collection).toMatchObject({
      status: 'pending',
      currency: 'EUR',
      itemCount: 4,
      // 119.00 + 59.50 + 2975.00 + 49.98
      controlSum: 11900 + 5950 + 297500 + 4998,
      filters: { dueBy: '2026-03-31', invoiceIds: null, collectionDate: null },
      creditor: { creditorId: CREDITOR_ID, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      truncated: false,
      skipped: [],
    });
    expect(collection.id).toMatch(/^sepc_/);
    expect(collection.messageId).toBe(collection.id.replace('_', '-'));
    expect(
      collection.batches.map(
        (b: Record<string, unknown>) =>
          `${b.collectionDate} ${b.scheme} ${b.sequenceType} ${b.itemCount} ${b.controlSum}`,
      ),
    ).toEqual([
      '2026-03-16 CORE FRST 1 11900',
      '2026-03-16 CORE RCUR 1 5950',
      '2026-03-16 B2B FRST 1 297500',
      '2026-03-23 CORE FRST 1 4998',
    ]);
    const byInvoice = Object.fromEntries(
      collection.items.map((i: { invoiceId: string }) => [i.invoiceId, i]),
    );
    expect(byInvoice[invoicesByName.first.id]).toMatchObject({
      invoiceNumber: invoicesByName.first.number,
      contactId: first.id,
      mandateId: first.sepaMandates[0].id,
      mandateReference: first.sepaMandates[0].reference,
      mandateSignedDate: '2026-02-01',
      scheme: 'CORE',
      sequenceType: 'FRST',
      amount: 11900,
      collectionDate: '2026-03-16',
      endToEndId: expect.stringMatching(/^sepi-[0-9A-Z]{26}$/),
      status: 'pending',
      debtor: { iban: 'DE02120300000000202051', name: expect.stringMatching(/^Muster \d+ GmbH$/) },
      remittanceInformation: `Rechnung ${invoicesByName.first.number} vom 02.03.2026, Kd.-Nr. ${first.customerNumber}`,
      preNotification: { method: 'invoice', notifiedOn: '2026-03-02', days: 14, announcedDate: '2026-03-16' },
    });

    const file = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/xml/);
    expect(xsdErrors(file.body, PAIN008_XSD)).toBeNull();
    expect(xpath(file.body, `count(${el('PmtInf')})`)).toBe('4');
    expect(xpath(file.body, el('GrpHdr', 'CtrlSum'))).toBe('3203.48');
    expect(xpath(file.body, el('GrpHdr', 'NbOfTxs'))).toBe('4');
    expect(xpath(file.body, `(${el('PmtInf')})[3]//*[local-name()='LclInstrm']/*[local-name()='Cd']`)).toBe(
      'B2B',
    );
    expect(xpath(file.body, `(${el('PmtInf')})[4]/*[local-name()='ReqdColltnDt']`)).toBe('2026-03-23');

    // leave these invoices free for nobody else's story
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });
});

describe('mandates switch from FRST to RCUR after their first collection is submitted', () => {
  it('submit records the last use and the switch; the next collection of the mandate is RCUR', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const firstInvoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [firstInvoice.id] }), 201);
    expect(collection.items[0].sequenceType).toBe('FRST');

    const submitted = await ok(post(t, `/v1/sepa/collections/${collection.id}/submit`));
    expect(submitted).toMatchObject({ status: 'submitted', version: collection.version + 1 });
    expect(submitted.submittedAt).toBe(now.toISOString());
    expect(submitted.items[0].status).toBe('submitted');

    const after = await ok(get(t, `/v1/contacts/${payer.id}`));
    expect(after.sepaMandates[0]).toMatchObject({
      sequenceType: 'RCUR',
      lastUsedDate: '2026-03-16',
      status: 'active',
    });
    expect(after.version).toBe(payer.version + 1);
    const contactEvents = await t.db('events').where({ resource_id: payer.id, type: 'contact.updated' });
    expect(contactEvents).toHaveLength(1);

    setToday('2026-03-20');
    const secondInvoice = await issued(payer.id);
    const next = await ok(collect({ invoiceIds: [secondInvoice.id] }), 201);
    expect(next.items[0]).toMatchObject({ sequenceType: 'RCUR', collectionDate: '2026-04-07' });
    await ok(post(t, `/v1/sepa/collections/${next.id}/cancel`));
  });

  it('two invoices of a new mandate in one collection: the earlier is FRST, the other RCUR', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const a = await issued(payer.id);
    setToday('2026-03-04');
    const b = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [b.id, a.id] }), 201);
    expect(
      collection.items.map((i: { invoiceId: string; sequenceType: string; collectionDate: string }) => [
        i.invoiceId,
        i.sequenceType,
        i.collectionDate,
      ]),
    ).toEqual([
      [a.id, 'FRST', '2026-03-16'],
      [b.id, 'RCUR', '2026-03-18'],
    ]);
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('a one-off mandate collects one invoice (OOFF); the second is left out with the reason', async () => {
    setToday('2026-03-02');
    const payer = await debtor({ sequenceType: 'OOFF' });
    const a = await issued(payer.id);
    const b = await issued(payer.id);

    const refused = await collect({ invoiceIds: [a.id, b.id] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.1', code: 'mandate_one_off_used' }),
    ]);

    const collection = await ok(collect({ dueBy: '2026-03-16' }), 201);
    const mine = collection.items.filter((i: { contactId: string }) => i.contactId === payer.id);
    expect(mine).toEqual([expect.objectContaining({ invoiceId: a.id, sequenceType: 'OOFF' })]);
    expect(collection.skipped).toContainEqual(
      expect.objectContaining({ invoiceId: b.id, code: 'mandate_one_off_used' }),
    );
    const file = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    expect(xsdErrors(file.body, PAIN008_XSD)).toBeNull();
    expect(file.body.toString()).toContain('<SeqTp>OOFF</SeqTp>');
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });
});

describe('the pre-notification rule', () => {
  it('an invoice that announces a debit sooner than 14 days after issue is collected 14 days after issue', async () => {
    setToday('2026-03-02');
    const payer = await debtor({}, { paymentTermsDays: 7 });
    const invoice = await issued(payer.id);
    expect(invoice.dueDate).toBe('2026-03-09');
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    expect(collection.items[0]).toMatchObject({
      collectionDate: '2026-03-16',
      preNotification: { notifiedOn: '2026-03-02', days: 14, announcedDate: '2026-03-09' },
    });
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it("the mandate's agreed period replaces the 14 days", async () => {
    setToday('2026-03-02');
    const payer = await debtor({ preNotificationDays: 5 }, { paymentTermsDays: 7 });
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    expect(collection.items[0]).toMatchObject({
      collectionDate: '2026-03-09',
      preNotification: { days: 5, announcedDate: '2026-03-09' },
    });
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('counts from the day the invoice was sent, and never collects before the date asked for', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    setToday('2026-03-05');
    await invoices.markSent(t.main.ctx, invoice.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    expect(collection.items[0]).toMatchObject({
      collectionDate: '2026-03-19',
      preNotification: { notifiedOn: '2026-03-05', days: 14, announcedDate: '2026-03-16' },
    });
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));

    // asked for a day the rules allow: that day; asked for one too early: moved to the earliest allowed
    const late = await ok(collect({ invoiceIds: [invoice.id], collectionDate: '2026-03-27' }), 201);
    expect(late.items[0].collectionDate).toBe('2026-03-27');
    expect(late.filters.collectionDate).toBe('2026-03-27');
    await ok(post(t, `/v1/sepa/collections/${late.id}/cancel`));
    const early = await ok(collect({ invoiceIds: [invoice.id], collectionDate: '2026-03-10' }), 201);
    expect(early.items[0].collectionDate).toBe('2026-03-19');
    await ok(post(t, `/v1/sepa/collections/${early.id}/cancel`));
  });

  it('the invoice PDF is the pre-notification: amount, debit date, mandate reference and creditor id', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const pdf = await bytes(t, `/v1/invoices/${invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    expect(text).toContain('Den Betrag von 119,00 € ziehen wir am 16.03.2026 per SEPA-Lastschrift');
    expect(text).toContain(`Mandatsreferenz: ${payer.sepaMandates[0].reference}`);
    expect(text).toContain(`Gläubiger-Identifikationsnummer: ${CREDITOR_ID}`);
    expect(text).toContain('Vorabankündigung');
  });
});

describe('mandates that may not be collected', () => {
  it('a mandate unused for 36 months is left out, and the daily sweep marks it expired', async () => {
    setToday('2026-03-02');
    // signed 2023-02-01: valid through 2026-02-01 unless used
    const payer = await debtor({ signedDate: '2023-02-01' });
    const invoice = await issued(payer.id);

    const refused = await collect({ invoiceIds: [invoice.id] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'mandate_expired' }),
    ]);

    // collecting everything due: the lapsed mandate's invoice is left out with the reason, the others go
    const fine = await issued((await debtor()).id);
    const due = await ok(collect({ dueBy: '2026-03-16' }), 201);
    const collected = due.items.map((i: { invoiceId: string }) => i.invoiceId);
    expect(collected).toContain(fine.id);
    expect(collected).not.toContain(invoice.id);
    expect(due.skipped).toContainEqual(
      expect.objectContaining({ invoiceId: invoice.id, code: 'mandate_expired' }),
    );
    await ok(post(t, `/v1/sepa/collections/${due.id}/cancel`));

    // the worker's daily task, as the crontab runs it
    await jobs.enqueue({ db: t.db }, 'sepa_mandates_expire', {});
    const tasks = createTaskList(t.db, {
      clock,
      webhookSender: { send: () => Promise.reject(new Error('no webhooks here')), close: async () => {} },
    });
    await runJobsOnce(t, { sepa_mandates_expire: tasks.sepa_mandates_expire! });
    const after = await ok(get(t, `/v1/contacts/${payer.id}`));
    expect(after.sepaMandates[0].status).toBe('expired');
    // younger mandates stay active
    const young = await debtor();
    expect((await ok(get(t, `/v1/contacts/${young.id}`))).sepaMandates[0].status).toBe('active');
    expect(await sepa.expireMandates(t.db, clock)).toBe(0);

    const again = await collect({ invoiceIds: [invoice.id] });
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'mandate_not_active' }),
    ]);
  });

  it('a revoked mandate and an invoice issued for bank transfer are not collected', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const mandate = payer.sepaMandates[0];
    await ok(
      t.api({
        method: 'PATCH',
        url: `/v1/contacts/${payer.id}`,
        body: { sepaMandates: [{ ...mandate, status: 'revoked', lastUsedDate: undefined }] },
      }),
    );
    const transferPayer = await contact(t, companyInput());
    const transferInvoice = await issued(transferPayer.id);
    const refused = await collect({ invoiceIds: [invoice.id, transferInvoice.id] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'mandate_not_active' }),
      expect.objectContaining({ path: 'invoiceIds.1', code: 'invoice_not_direct_debit' }),
    ]);
  });
});

describe('invoices are collection pending while a collection holds them', () => {
  it('no second collection takes them, the list shows where they are, and cancel frees them', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);

    const twice = await collect({ invoiceIds: [invoice.id] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'invoice_in_collection' }),
    ]);
    const pending = await ok(get(t, `/v1/sepa/collections?invoiceId=${invoice.id}&status=pending`));
    expect(pending.data.map((c: { id: string }) => c.id)).toEqual([collection.id]);
    const byContact = await ok(get(t, `/v1/sepa/collections?contactId=${payer.id}`));
    expect(byContact.data.map((c: { id: string }) => c.id)).toEqual([collection.id]);

    const cancelled = await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: now.toISOString() });
    expect(cancelled.items[0].status).toBe('cancelled');
    expect((await ok(get(t, `/v1/sepa/collections?invoiceId=${invoice.id}&status=pending`))).data).toEqual(
      [],
    );
    const again = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    await ok(post(t, `/v1/sepa/collections/${again.id}/cancel`));

    // a cancelled collection has no file, and cannot be submitted or cancelled again
    expect((await get(t, `/v1/sepa/collections/${collection.id}/xml`)).body.code).toBe(
      'sepa_collection_cancelled',
    );
    const submit = await post(t, `/v1/sepa/collections/${collection.id}/submit`);
    expect(submit.status).toBe(409);
    expect(submit.body).toMatchObject({
      code: 'sepa_collection_not_pending',
      state: 'cancelled',
    });
  });

  it('two collections created at the same moment never take the same invoice', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const results = await Promise.all([
      collect({ invoiceIds: [invoice.id] }),
      collect({ invoiceIds: [invoice.id] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const [{ n }] = await t
      .db('sepa_collection_items')
      .where({ document_id: invoice.id, status: 'pending' })
      .count({ n: '*' });
    expect(Number(n)).toBe(1);
    const created = results.find((r) => r.status === 201)!.body;
    await ok(post(t, `/v1/sepa/collections/${created.id}/cancel`));
  });

  it('submit refuses a collection whose invoice was cancelled since (stale), naming the item', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    await ok(post(t, `/v1/invoices/${invoice.id}/cancel`));
    const stale = await post(t, `/v1/sepa/collections/${collection.id}/submit`);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'sepa_collection_stale',
      errors: [expect.objectContaining({ path: 'items.0', code: 'invoice_changed' })],
    });
    expect((await ok(get(t, `/v1/sepa/collections/${collection.id}`))).status).toBe('pending');
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('a submitted collection exposes its items for booking; a returned debit frees the invoice again', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    await expect(sepa.itemsForBooking(t.main.ctx, collection.id)).rejects.toMatchObject({
      code: 'sepa_collection_not_submitted',
    });
    await ok(post(t, `/v1/sepa/collections/${collection.id}/submit`));
    const cancel = await post(t, `/v1/sepa/collections/${collection.id}/cancel`);
    expect(cancel.status).toBe(409);

    const booking = await sepa.itemsForBooking(t.main.ctx, collection.id);
    expect(booking).toEqual([
      {
        itemId: collection.items[0].id,
        collectionId: collection.id,
        invoiceId: invoice.id,
        contactId: payer.id,
        amount: 11900,
        currency: 'EUR',
        collectionDate: '2026-03-16',
        endToEndId: collection.items[0].endToEndId,
        mandateId: payer.sepaMandates[0].id,
        mandateReference: payer.sepaMandates[0].reference,
      },
    ]);
    // still held: a submitted debit is on its way
    expect((await collect({ invoiceIds: [invoice.id] })).body.errors[0].code).toBe('invoice_in_collection');

    const returned = await sepa.returnItem(t.main.ctx, {
      endToEndId: collection.items[0].endToEndId,
      reason: 'AC04',
    });
    expect(returned).toMatchObject({ status: 'returned', returnReason: 'AC04' });
    expect(await sepa.itemsForBooking(t.main.ctx, collection.id)).toEqual([]);
    const again = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    // the mandate was used: the re-presentation is RCUR
    expect(again.items[0].sequenceType).toBe('RCUR');
    await ok(post(t, `/v1/sepa/collections/${again.id}/cancel`));
  });
});

describe('the file from the API', () => {
  it('is schema-valid, the same bytes on every download, and states what the items say', async () => {
    setToday('2026-03-02');
    const payer = await debtor({ accountHolder: 'Jürgen Groß & Söhne', bic: 'BYLADEM1001' });
    const invoice = await issued(payer.id, 12345);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    const first = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    const second = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    expect(first.status).toBe(200);
    expect(first.body.equals(second.body)).toBe(true);
    const sha = createHash('sha256').update(first.body).digest('hex');
    expect(first.headers.etag).toBe(`"${sha}"`);
    expect(first.headers['x-content-sha256']).toBe(sha);
    expect(first.headers['content-disposition']).toBe(`attachment; filename="${collection.messageId}.xml"`);
    expect(xsdErrors(first.body, PAIN008_XSD)).toBeNull();

    const item = collection.items[0];
    expect(xpath(first.body, el('GrpHdr', 'MsgId'))).toBe(collection.messageId);
    expect(xpath(first.body, el('PmtId', 'EndToEndId'))).toBe(item.endToEndId);
    // 123.45 net + 19 % = 146.91
    expect(item.amount).toBe(14691);
    expect(xpath(first.body, el('InstdAmt'))).toBe('146.91');
    expect(xpath(first.body, el('MndtRltdInf', 'MndtId'))).toBe(payer.sepaMandates[0].reference);
    expect(xpath(first.body, el('Dbtr', 'Nm'))).toBe('Juergen Gross + Soehne');
    expect(xpath(first.body, el('DbtrAgt', 'FinInstnId', 'BICFI'))).toBe('BYLADEM1001');
    expect(xpath(first.body, el('CdtrSchmeId', 'Id', 'PrvtId', 'Othr', 'Id'))).toBe(CREDITOR_ID);
    expect(xpath(first.body, el('Cdtr', 'Nm'))).toBe('Nordlicht Software GmbH');
    expect(xpath(first.body, el('RmtInf', 'Ustrd'))).toBe(item.remittanceInformation);

    // a later change of the organisation's bank account never alters the file of this collection
    await ok(
      t.api({
        method: 'PATCH',
        url: '/v1/organization',
        body: { bankAccount: { iban: 'DE12500105170648489890' } },
      }),
    );
    const third = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    expect(third.body.equals(first.body)).toBe(true);
    await ok(
      t.api({
        method: 'PATCH',
        url: '/v1/organization',
        body: {
          bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank' },
        },
      }),
    );
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('names typed decomposed, in capitals or with compatibility letters transliterate like plain ones', async () => {
    setToday('2026-03-02');
    // "Jürgen" with a combining diaeresis (macOS, text copied from a PDF), a name in capitals, the ligature ﬁ
    // and a full-width Ｍ: each letter stays a letter (it was dropped or became "u")
    const payer = await debtor({ accountHolder: 'Ju\u0308rgen MÜLLER ﬁsch Ｍode' });
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    const file = await bytes(t, `/v1/sepa/collections/${collection.id}/xml`);
    expect(xsdErrors(file.body, PAIN008_XSD)).toBeNull();
    expect(xpath(file.body, el('Dbtr', 'Nm'))).toBe('Juergen MUELLER fisch Mode');
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('events: sepa_collection.created and .submitted carry the collection', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const a = await issued(payer.id);
    const created = await ok(collect({ invoiceIds: [a.id] }), 201);
    await ok(post(t, `/v1/sepa/collections/${created.id}/submit`));
    const types = (await t.db('events').where('resource_id', created.id).orderBy('id')).map((e) => e.type);
    expect(types).toEqual(['sepa_collection.created', 'sepa_collection.submitted']);
    const listed = await ok(get(t, '/v1/events?type=sepa_collection.*&limit=2'));
    expect(listed.data.map((e: { type: string }) => e.type)).toEqual([
      'sepa_collection.submitted',
      'sepa_collection.created',
    ]);
    expect(listed.data[0].data.object).toMatchObject({ id: created.id, status: 'submitted', itemCount: 1 });
    expect(listed.data[1].data.object).toMatchObject({ id: created.id, status: 'pending' });
  });
});

describe('GraphQL', () => {
  it('creates a collection and reads it with its items’ invoices and the file', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const gql = (query: string, variables: Record<string, unknown> = {}) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    const created = await gql(
      `mutation ($ids: [ID!]) { createSepaCollection(input: { invoiceIds: $ids }) {
         id status itemCount controlSum batches { sequenceType collectionDate }
         items { invoiceId invoice { number } sequenceType endToEndId } } }`,
      { ids: [invoice.id] },
    );
    expect(created.body.errors).toBeUndefined();
    const collection = created.body.data.createSepaCollection;
    expect(collection).toMatchObject({
      status: 'pending',
      itemCount: 1,
      controlSum: 11900,
      batches: [{ sequenceType: 'FRST', collectionDate: '2026-03-16' }],
      items: [{ invoiceId: invoice.id, invoice: { number: invoice.number }, sequenceType: 'FRST' }],
    });
    const read = await gql(`query ($id: ID!) { sepaCollection(id: $id) { id xml } }`, { id: collection.id });
    expect(xsdErrors(read.body.data.sepaCollection.xml, PAIN008_XSD)).toBeNull();
    const cancelled = await gql(`mutation ($id: ID!) { cancelSepaCollection(id: $id) { status } }`, {
      id: collection.id,
    });
    expect(cancelled.body.data.cancelSepaCollection.status).toBe('cancelled');

    const bad = await gql(`mutation { createSepaCollection(input: { dueBy: "soon" }) { id } }`);
    expect(bad.body.errors[0].extensions.code).toBe('validation_failed');
  });
});

describe('tenancy and bad input', () => {
  it("another tenant's collections and invoices are not found", async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const collection = await ok(collect({ invoiceIds: [invoice.id] }), 201);
    const other = await t.tenant('Andere GmbH');
    await readySeller(t, other, { sepaCreditorId: CREDITOR_ID });
    for (const [method, url] of [
      ['GET', `/v1/sepa/collections/${collection.id}`],
      ['GET', `/v1/sepa/collections/${collection.id}/xml`],
      ['POST', `/v1/sepa/collections/${collection.id}/submit`],
      ['POST', `/v1/sepa/collections/${collection.id}/cancel`],
    ] as const) {
      const res = await t.api({ method, url }, other);
      expect(res.status, url).toBe(404);
      expect(res.body.code).toBe('sepa_collection_not_found');
    }
    const theirs = await t.api(
      { method: 'POST', url: '/v1/sepa/collections', body: { invoiceIds: [invoice.id] } },
      other,
    );
    expect(theirs.status).toBe(422);
    expect(theirs.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'invoice_not_found' }),
    ]);
    const listed = await t.api({ method: 'GET', url: `/v1/sepa/collections?invoiceId=${invoice.id}` }, other);
    expect(listed.body.data).toEqual([]);
    const gql = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: { query: `{ sepaCollection(id: "${collection.id}") { id } }` },
      },
      other,
    );
    expect(gql.body.data.sepaCollection).toBeNull();
    // nothing of theirs was touched
    expect((await ok(get(t, `/v1/sepa/collections/${collection.id}`))).status).toBe('pending');
    await ok(post(t, `/v1/sepa/collections/${collection.id}/cancel`));
  });

  it('malformed input answers 400 naming every field; rule violations 422; nothing is written', async () => {
    setToday('2026-03-02');
    const payer = await debtor();
    const invoice = await issued(payer.id);
    const bare = await t.tenant('Ohne Gläubiger-ID GmbH');
    const before = {
      collections: await countRows('sepa_collections'),
      items: await countRows('sepa_collection_items'),
      events: await countRows('events'),
    };

    const malformed = await collect({
      dueBy: 'tomorrow',
      invoiceIds: [],
      collectionDate: 20260316,
      extra: true,
    });
    expect(malformed.status).toBe(400);
    const paths = malformed.body.errors.map((e: { path: string }) => e.path);
    for (const path of ['dueBy', 'invoiceIds', 'collectionDate']) {
      expect(
        paths.some((p: string) => p.includes(path)),
        path,
      ).toBe(true);
    }

    const broken = await collect({
      collectionDate: '2026-03-02',
      invoiceIds: [invoice.id, invoice.id, 'doc_nope'],
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors).toEqual([
      expect.objectContaining({ path: 'collectionDate', code: 'collection_date_in_past' }),
      expect.objectContaining({ path: 'invoiceIds.1', code: 'duplicate' }),
    ]);
    const missing = await collect({ invoiceIds: [invoice.id, 'doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.1', code: 'invoice_not_found' }),
    ]);
    const notDue = await collect({ invoiceIds: [invoice.id], dueBy: '2026-03-10' });
    expect(notDue.body.errors).toEqual([
      expect.objectContaining({ path: 'invoiceIds.0', code: 'invoice_not_due' }),
    ]);
    const nothing = await collect({ dueBy: '2026-01-01' });
    expect(nothing.status).toBe(422);
    expect(nothing.body).toMatchObject({ code: 'sepa_nothing_to_collect', skipped: [] });

    // an organisation without creditor id and account cannot collect at all
    const incomplete = await t.api({ method: 'POST', url: '/v1/sepa/collections', body: {} }, bare);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('organization_sepa_incomplete');
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'organization.sepaCreditorId',
      'organization.bankAccount',
    ]);

    expect({
      collections: await countRows('sepa_collections'),
      items: await countRows('sepa_collection_items'),
      events: await countRows('events'),
    }).toEqual(before);
  });
});
