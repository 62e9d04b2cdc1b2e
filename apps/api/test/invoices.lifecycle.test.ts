import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, patch, post, readySeller } from './documents.support';

// A user's story of invoices through the public API: drafts, finalize, immutability, cancellation (Storno),
// credit notes, corrected invoices and pro-formas, collective invoices, lists — and what is refused.
const t = await createTestApp({ clock: fixedClock('2026-03-15T10:00:00Z') });

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput({ companyName: 'Bäckerei Müller KG', paymentTermsDays: 30 }));
});

async function issued(lines = [line()], extra: Record<string, unknown> = {}) {
  const created = await draft(t, { contactId: buyer.id, lines, ...extra });
  return finalize(t, created.id);
}

/** A draft corrected invoice (384) of `invoiceId`. */
function correctionOf(invoiceId: string, lines = [line()]) {
  return draft(t, { contactId: buyer.id, type: 'corrected_invoice', invoiceId, lines });
}

describe('drafts and finalize', () => {
  it('a draft has no number; finalize numbers it, sets dates from the payment terms and freezes the parties', async () => {
    const created = await draft(t, {
      contactId: buyer.id,
      lines: [line({ name: 'Beratung', quantity: '3.5', unitAmount: 12000, discountPercent: '10' })],
      notes: ['Vielen Dank für Ihren Auftrag.'],
    });
    expect(created).toMatchObject({
      status: 'draft',
      number: null,
      type: 'invoice',
      typeCode: '380',
      seller: null,
      buyer: null,
    });
    // 3.5 × 120.00 × 0.9 = 378.00 net, 19 % → 71.82
    expect(created).toMatchObject({
      lineNetTotal: 37800,
      taxTotal: 7182,
      grossTotal: 44982,
      amountDue: 44982,
    });

    const done = await finalize(t, created.id);
    expect(done).toMatchObject({
      status: 'finalized',
      number: expect.stringMatching(/^RE-2026-\d{5}$/),
      issueDate: '2026-03-15',
      serviceDate: '2026-03-15',
      // the contact's 30 days win over the organisation's 14
      dueDate: '2026-04-14',
      paymentTerms: 'Zahlbar ohne Abzug bis zum 14.04.2026.',
      version: created.version + 1,
    });
    expect(done.seller).toMatchObject({
      legalName: 'Nordlicht Software GmbH',
      vatId: 'DE136695976',
      address: { city: 'Hamburg' },
    });
    expect(done.buyer).toMatchObject({ name: 'Bäckerei Müller KG', address: { city: 'Berlin' } });
    expect(done.paymentMeans).toMatchObject({ kind: 'transfer', iban: 'DE89370400440532013000' });

    // a later change of the master data never alters the issued document (GoBD snapshot)
    await ok(patch(t, `/v1/contacts/${buyer.id}`, { companyName: 'Umbenannt GmbH' }));
    const again = await ok(get(t, `/v1/invoices/${created.id}`));
    expect(again.buyer.name).toBe('Bäckerei Müller KG');
    await ok(patch(t, `/v1/contacts/${buyer.id}`, { companyName: 'Bäckerei Müller KG' }));

    const types = (await t.db('events').where('resource_id', created.id).orderBy('id')).map((e) => e.type);
    expect(types).toEqual(['invoice.created', 'invoice.finalized']);
    const job = await t.db.raw(
      `SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
        WHERE k.identifier = 'documents_render' AND j.payload->>'documentId' = ?`,
      [created.id],
    );
    expect(job.rows).toHaveLength(1);
  });

  it('an explicit issue date and due date are kept; a due date before the issue date is refused', async () => {
    const created = await draft(t, {
      contactId: buyer.id,
      lines: [line()],
      issueDate: '2026-03-10',
      dueDate: '2026-03-20',
    });
    const done = await finalize(t, created.id);
    expect(done).toMatchObject({ issueDate: '2026-03-10', dueDate: '2026-03-20', serviceDate: '2026-03-10' });

    const bad = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      lines: [line()],
      issueDate: '2026-03-10',
      dueDate: '2026-03-01',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(
      expect.objectContaining({ path: 'dueDate', code: 'date_invalid' }),
    );
  });

  it('lines from an article take its name, unit, price and rate kind', async () => {
    const article = await ok(
      post(t, '/v1/articles', {
        name: 'Fachbuch',
        unitCode: 'C62',
        taxRateKind: 'reduced',
        supplyKind: 'goods',
        priceModel: { kind: 'per_unit', unitAmount: '2990' },
      }),
      201,
    );
    const created = await draft(t, {
      contactId: buyer.id,
      lines: [{ articleId: article.id, quantity: '2' }],
    });
    expect(created.lines[0]).toMatchObject({
      articleId: article.id,
      name: 'Fachbuch',
      unitAmount: 2990,
      unitAmountDecimal: '2990',
      netAmount: 5980,
      taxCategory: 'S',
      taxRate: '7',
      taxRateKind: 'reduced',
      supplyKind: 'goods',
    });
  });

  it('§14(4) completeness: finalize lists every missing field (422) and takes no number', async () => {
    const other = await t.tenant('Lückenhaft GmbH');
    await readySeller(t, other, { vatId: null, taxNumber: null });
    const customer = await contact(t, personInput(), other);
    const created = await draft(t, { contactId: customer.id, lines: [line()] }, other);
    await ok(patch(t, `/v1/contacts/${customer.id}`, { billingAddress: null }, other));

    const refused = await post(t, `/v1/invoices/${created.id}/finalize`, undefined, other);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('document_incomplete');
    const paths = refused.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['organization.vatId', 'contact.billingAddress']));
    expect(await ok(get(t, `/v1/invoices/${created.id}`, other))).toMatchObject({
      status: 'draft',
      number: null,
    });
    expect(
      await t
        .db('number_ranges')
        .where({ organization_id: other.organizationId })
        .whereLike('range_key', 'invoice%'),
    ).toHaveLength(0);

    await readySeller(t, other, { vatId: null, taxNumber: '22/815/08154' });
    await ok(
      patch(
        t,
        `/v1/contacts/${customer.id}`,
        { billingAddress: { line1: 'Heidestraße 17', postalCode: '51147', city: 'Köln', country: 'DE' } },
        other,
      ),
    );
    expect((await finalize(t, created.id, other)).number).toBe('RE-2026-00001');
  });

  it('a draft needs the seller’s and buyer’s country for VAT', async () => {
    const other = await t.tenant('Ohne Adresse GmbH');
    const customer = await contact(t, personInput({ billingAddress: null }), other);
    const refused = await post(t, '/v1/invoices', { contactId: customer.id, lines: [line()] }, other);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['organization.address', 'contact.billingAddress']),
    );
  });
});

describe('bad input writes nothing', () => {
  it('names every bad field at once', async () => {
    const before = await t.db('documents').count({ n: '*' });
    const res = await post(t, '/v1/invoices', {
      contactId: 'con_00000000000000000000000000',
      servicePeriod: { start: '2026-03-10', end: '2026-03-01' },
      lines: [
        { name: 'A', quantity: '1', unitAmount: 100, unitAmountDecimal: '100' },
        { quantity: '1.1234567' },
        { articleId: 'art_00000000000000000000000000', quantity: '1' },
      ],
    });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'contactId',
        'servicePeriod.end',
        'lines.0.unitAmountDecimal',
        'lines.1.name',
        'lines.1.quantity',
        'lines.1.unitAmount',
        'lines.2.articleId',
      ]),
    );
    expect(await t.db('documents').count({ n: '*' })).toEqual(before);
  });

  it('control characters XML cannot carry are refused in the texts an e-invoice contains', async () => {
    // Word's manual line break is U+000B: pasted into a line, it made every XRechnung of the issued (and so
    // unchangeable) invoice malformed XML. Tab, line feed and carriage return stay allowed. Every request's
    // fields are checked before validation (400, plugins/text-input.ts); the document rules check again what
    // comes from elsewhere — an article's stored text (documents.rules.test.ts).
    const before = await t.db('documents').count({ n: '*' });
    const res = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      notes: ['Vielen Dank!', 'Zeile 1\u000bZeile 2'],
      lines: [
        line({ name: 'Wartung\u0001', description: 'Teil 1\nTeil 2\tTab' }),
        line({ name: 'Beratung', description: 'Seite\u000c2' }),
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'notes.1', code: 'character_invalid' }),
      expect.objectContaining({ path: 'lines.0.name', code: 'character_invalid' }),
      expect.objectContaining({ path: 'lines.1.description', code: 'character_invalid' }),
    ]);
    expect(await t.db('documents').count({ n: '*' })).toEqual(before);

    const created = await draft(t, {
      contactId: buyer.id,
      lines: [line({ description: 'Teil 1\r\nTeil 2\tTab' })],
    });
    const changed = await patch(t, `/v1/invoices/${created.id}`, {
      lines: [line({ name: 'Wartung\u001f' })],
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([
      expect.objectContaining({ path: 'lines.0.name', code: 'character_invalid' }),
    ]);
  });

  it('malformed input is a 400', async () => {
    const res = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      lines: [{ name: 'A', unitAmount: -5, taxCategory: 'S' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['lines.0.unitAmount', 'lines.0.taxCategory']),
    );
  });
});

describe('immutability (GoBD)', () => {
  it('the API refuses any content change of an issued invoice with 409 document_immutable', async () => {
    const done = await issued();
    const changed = await patch(t, `/v1/invoices/${done.id}`, {
      lines: [line({ unitAmount: 1 })],
      notes: ['x'],
    });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('document_immutable');
    expect(changed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['lines', 'notes']);

    const removed = await t.api({ method: 'DELETE', url: `/v1/invoices/${done.id}` });
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('invoice_not_draft');
    const again = await post(t, `/v1/invoices/${done.id}/finalize`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invoice_not_draft');

    // life-cycle fields may change
    const scheduled = await ok(patch(t, `/v1/invoices/${done.id}`, { sendDate: '2026-03-20' }));
    expect(scheduled).toMatchObject({
      sendDate: '2026-03-20',
      number: done.number,
      grossTotal: done.grossTotal,
    });
  });

  it('the database refuses it too: a raw UPDATE of a finalized document’s totals or lines fails', async () => {
    const done = await issued();
    await expect(t.db('documents').where('id', done.id).update({ gross_total: 1 })).rejects.toThrow(
      /immutable/,
    );
    await expect(
      t.db('document_lines').where('document_id', done.id).update({ net_amount: 1 }),
    ).rejects.toThrow(/immutable/);
    await expect(t.db('documents').where('id', done.id).delete()).rejects.toThrow(/cannot be deleted/);
    await expect(t.db('documents').where('id', done.id).update({ status: 'draft' })).rejects.toThrow(/draft/);
    const stored = await t.db('documents').where('id', done.id).first('gross_total');
    expect(stored.gross_total).toBe(done.grossTotal);
  });
});

describe('cancellation (Storno)', () => {
  it('creates and finalizes a cancellation document with exactly the negated amounts, linked both ways', async () => {
    const done = await issued([
      line({ name: 'Lizenz', quantity: '5', unitCode: 'C62', unitAmount: 4900 }),
      line({
        name: 'Buch',
        quantity: '2',
        unitCode: 'C62',
        unitAmount: 2990,
        taxRateKind: 'reduced',
        supplyKind: 'goods',
      }),
    ]);
    const cancelled = await ok(post(t, `/v1/invoices/${done.id}/cancel`));
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledByDocumentId: expect.stringMatching(/^doc_/),
    });
    expect(cancelled.cancelledAt).not.toBeNull();

    const storno = await ok(get(t, `/v1/invoices/${cancelled.cancelledByDocumentId}`));
    expect(storno).toMatchObject({
      type: 'cancellation',
      typeCode: '381',
      status: 'finalized',
      number: 'ST-2026-00001',
      precedingDocumentId: done.id,
      contactId: done.contactId,
      seller: done.seller,
      buyer: done.buyer,
    });
    for (const key of ['lineNetTotal', 'taxBasisTotal', 'taxTotal', 'grossTotal', 'amountDue'] as const) {
      expect(storno[key]).toBe(-done[key]);
    }
    expect(storno.taxBreakdown.map((r: { basis: number; tax: number }) => [r.basis, r.tax])).toEqual(
      done.taxBreakdown.map((r: { basis: number; tax: number }) => [-r.basis, -r.tax]),
    );
    expect(
      storno.lines.map((l: { quantity: string; netAmount: number }) => [l.quantity, l.netAmount]),
    ).toEqual([
      ['-5', -24500],
      ['-2', -5980],
    ]);

    const twice = await post(t, `/v1/invoices/${done.id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invoice_already_cancelled');
    const events = (await t.db('events').where('resource_id', done.id).orderBy('id')).map((e) => e.type);
    expect(events).toContain('invoice.cancelled');
  });

  it('a draft is deleted, not cancelled', async () => {
    const created = await draft(t, { contactId: buyer.id, lines: [line()] });
    const res = await post(t, `/v1/invoices/${created.id}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invoice_not_finalized');
    await ok(t.api({ method: 'DELETE', url: `/v1/invoices/${created.id}` }), 204);
    expect((await get(t, `/v1/invoices/${created.id}`)).status).toBe(404);
  });
});

describe('credit notes, corrected invoices, pro-formas', () => {
  it('credits part of an invoice, then the rest, and never more', async () => {
    const done = await issued([line({ quantity: '10', unitAmount: 10000 })]);
    const partial = await ok(
      post(t, '/v1/credit-notes', {
        invoiceId: done.id,
        lines: [line({ quantity: '4', unitAmount: 10000 })],
      }),
      201,
    );
    expect(partial).toMatchObject({
      type: 'credit_note',
      typeCode: '381',
      contactId: done.contactId,
      precedingDocumentId: done.id,
    });
    expect(partial.lines[0].quantity).toBe('-4');
    expect(partial.grossTotal).toBe(-47600);
    const first = await finalize(t, partial.id, undefined, 'credit-notes');
    expect(first).toMatchObject({ status: 'finalized', number: 'GS-2026-00001', dueDate: null });
    expect(first.paymentTerms).toMatch(/erstattet/);
    expect(
      await t.db('events').where({ resource_id: partial.id, type: 'credit_note.finalized' }),
    ).toHaveLength(1);

    const tooMuch = await ok(
      post(t, '/v1/credit-notes', {
        invoiceId: done.id,
        lines: [line({ quantity: '7', unitAmount: 10000 })],
      }),
      201,
    );
    const refused = await post(t, `/v1/credit-notes/${tooMuch.id}/finalize`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('credit_exceeds_invoice');
    expect(refused.body).toMatchObject({ remaining: 71400 });

    const rest = await ok(
      post(t, '/v1/credit-notes', {
        invoiceId: done.id,
        lines: [line({ quantity: '6', unitAmount: 10000 })],
      }),
      201,
    );
    expect((await finalize(t, rest.id, undefined, 'credit-notes')).number).toBe('GS-2026-00002');

    // credited, so a full cancellation would reverse more than is left
    const cancel = await post(t, `/v1/invoices/${done.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('invoice_has_credit_notes');
    // the invoice is not found under /credit-notes, nor the credit note under /invoices
    expect((await get(t, `/v1/credit-notes/${done.id}`)).status).toBe(404);
    expect((await get(t, `/v1/invoices/${rest.id}`)).status).toBe(404);
  });

  it('a full credit note copies the invoice’s lines with their VAT, negated', async () => {
    const done = await issued([line(), line({ name: 'Buch', taxRateKind: 'reduced', supplyKind: 'goods' })]);
    const full = await ok(post(t, '/v1/credit-notes', { invoiceId: done.id }), 201);
    expect(full.grossTotal).toBe(-done.grossTotal);
    expect(full.lines.map((l: { taxRate: string }) => l.taxRate)).toEqual(['19', '7']);
    expect(full.serviceDate).toBe(done.serviceDate);
  });

  it('a credit note needs an issued invoice of the same contact; quantities are what is credited', async () => {
    const open = await draft(t, { contactId: buyer.id, lines: [line()] });
    const res = await post(t, '/v1/credit-notes', { invoiceId: open.id, lines: [line({ quantity: '-1' })] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'invoiceId', code: 'invoice_not_finalized' }),
        expect.objectContaining({ path: 'lines.0.quantity', code: 'quantity_not_positive' }),
      ]),
    );
  });

  it('a draft credit note cannot be moved onto another contact’s invoice or one in another currency', async () => {
    const ours = await issued();
    const other = await contact(t, companyInput({ companyName: 'Konditorei Weber GmbH' }));
    const theirs = await finalize(t, (await draft(t, { contactId: other.id, lines: [line()] })).id);
    const inFrancs = await issued([line()], { currency: 'CHF' });
    const credit = await ok(
      post(t, '/v1/credit-notes', { invoiceId: ours.id, lines: [line({ quantity: '1' })] }),
      201,
    );

    // the credit note stays addressed to our buyer: it must not reduce what another customer owes
    const moved = await patch(t, `/v1/credit-notes/${credit.id}`, { invoiceId: theirs.id });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceId', code: 'contact_mismatch' }),
    );
    // nor credit euros against an invoice in francs
    const exchanged = await patch(t, `/v1/credit-notes/${credit.id}`, { invoiceId: inFrancs.id });
    expect(exchanged.status).toBe(422);
    expect(exchanged.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceId', code: 'currency_mismatch' }),
    );
    const unchanged = await ok(get(t, `/v1/credit-notes/${credit.id}`));
    expect(unchanged).toMatchObject({ precedingDocumentId: ours.id, version: credit.version });

    await finalize(t, credit.id, undefined, 'credit-notes');
    expect(await ok(get(t, `/v1/invoices/${theirs.id}`))).toMatchObject({
      amountCredited: 0,
      amountOpen: theirs.grossTotal,
    });
    expect((await ok(get(t, `/v1/invoices/${inFrancs.id}`))).amountCredited).toBe(0);
  });

  it('a credit note or corrected invoice is never dated before the invoice it corrects', async () => {
    const done = await issued(); // issued today, 2026-03-15
    // §17(1) UStG: the correction belongs to the period in which it happens — not to one before the invoice
    const early = await post(t, '/v1/credit-notes', {
      invoiceId: done.id,
      issueDate: '2026-03-01',
      lines: [line({ quantity: '1' })],
    });
    expect(early.status).toBe(422);
    expect(early.body.errors).toContainEqual(
      expect.objectContaining({ path: 'issueDate', code: 'date_invalid' }),
    );
    const credit = await ok(
      post(t, '/v1/credit-notes', { invoiceId: done.id, lines: [line({ quantity: '1' })] }),
      201,
    );
    const moved = await patch(t, `/v1/credit-notes/${credit.id}`, { issueDate: '2026-02-28' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toContainEqual(
      expect.objectContaining({ path: 'issueDate', code: 'date_invalid' }),
    );
    const corrected = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      type: 'corrected_invoice',
      invoiceId: done.id,
      issueDate: '2026-03-14',
      lines: [line()],
    });
    expect(corrected.status).toBe(422);
    expect(corrected.body.errors).toContainEqual(
      expect.objectContaining({ path: 'issueDate', code: 'date_invalid' }),
    );

    // an invoice dated ahead: a credit note finalized today would precede it, and takes no number
    const ahead = await issued([line()], { issueDate: '2026-04-01' });
    const tooSoon = await ok(
      post(t, '/v1/credit-notes', { invoiceId: ahead.id, lines: [line({ quantity: '1' })] }),
      201,
    );
    const refused = await post(t, `/v1/credit-notes/${tooSoon.id}/finalize`);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ path: 'issueDate', code: 'date_invalid' }),
    );
    const dated = await ok(patch(t, `/v1/credit-notes/${tooSoon.id}`, { issueDate: '2026-04-01' }));
    const out = await finalize(t, dated.id, undefined, 'credit-notes');
    expect(out).toMatchObject({ issueDate: '2026-04-01', number: expect.stringMatching(/^GS-2026-/) });
    const credited = await ok(post(t, '/v1/credit-notes', { invoiceId: done.id }), 201);
    const next = await finalize(t, credited.id, undefined, 'credit-notes');
    expect(Number(next.number.slice(-5))).toBe(Number(out.number.slice(-5)) + 1);
  });

  it('a corrected invoice (384) refers to the invoice it corrects and draws from the invoice range', async () => {
    const done = await issued();
    const corrected = await correctionOf(done.id, [line({ quantity: '3' })]);
    const out = await finalize(t, corrected.id);
    expect(out).toMatchObject({ type: 'corrected_invoice', typeCode: '384', precedingDocumentId: done.id });
    expect(Number(out.number.slice(-5))).toBe(Number(done.number.slice(-5)) + 1);
    const missing = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      type: 'corrected_invoice',
      lines: [line()],
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceId', code: 'required' }),
    );
  });

  it('a corrected invoice replaces the invoice it corrects: finalizing it cancels that one (Storno), once', async () => {
    const done = await issued([line({ quantity: '2', unitAmount: 10000 })]);
    const corrected = await correctionOf(done.id, [line({ quantity: '3', unitAmount: 10000 })]);
    const out = await finalize(t, corrected.id);
    // the original is cancelled by a cancellation document, as POST /cancel would: owed once, not twice
    const original = await ok(get(t, `/v1/invoices/${done.id}`));
    expect(original).toMatchObject({ status: 'cancelled', amountOpen: 0 });
    const storno = await ok(get(t, `/v1/invoices/${original.cancelledByDocumentId}`));
    expect(storno).toMatchObject({
      type: 'cancellation',
      typeCode: '381',
      status: 'finalized',
      precedingDocumentId: done.id,
      grossTotal: -done.grossTotal,
    });
    expect(out).toMatchObject({ status: 'finalized', grossTotal: 35700, amountOpen: 35700 });
    const events = (await t.db('events').where('resource_id', done.id).orderBy('id')).map((e) => e.type);
    expect(events).toContain('invoice.cancelled');
    const audited = await ok(get(t, `/v1/audit-log?resourceId=${done.id}`));
    expect(audited.data.map((e: { action: string }) => e.action)).toContain('invoice.cancelled');

    // an invoice is corrected once: the next correction of it is refused, at create and at finalize
    const again = await post(t, '/v1/invoices', {
      contactId: buyer.id,
      type: 'corrected_invoice',
      invoiceId: done.id,
      lines: [line()],
    });
    expect(again.status).toBe(422);
    expect(again.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceId', code: 'invoice_cancelled' }),
    );
  });

  it('a corrected invoice of an invoice paid meanwhile is refused and writes nothing', async () => {
    const done = await issued();
    const corrected = await correctionOf(done.id, [line({ quantity: '3' })]);
    const late = await correctionOf(done.id, [line({ quantity: '4' })]);
    await ok(post(t, '/v1/payments', { invoiceId: done.id, amount: 100, method: 'bank_transfer' }), 201);
    const refused = await post(t, `/v1/invoices/${corrected.id}/finalize`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invoice_has_payments');
    expect(await ok(get(t, `/v1/invoices/${corrected.id}`))).toMatchObject({ status: 'draft', number: null });
    expect(await ok(get(t, `/v1/invoices/${done.id}`))).toMatchObject({
      status: 'partially_paid',
      cancelledByDocumentId: null,
    });
    // cancelled meanwhile (by hand, or by another correction): the second correction is refused
    const other = await issued();
    const first = await correctionOf(other.id);
    const second = await correctionOf(other.id);
    await finalize(t, first.id);
    const twice = await post(t, `/v1/invoices/${second.id}/finalize`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invoice_already_cancelled');
    expect(late.status).toBe('draft');
  });

  it('a pro-forma has its own range and no e-invoice', async () => {
    const proForma = await draft(t, { contactId: buyer.id, type: 'pro_forma', lines: [line()] });
    const out = await finalize(t, proForma.id);
    expect(out.number).toBe('PF-2026-00001');
    const xml = await get(t, `/v1/invoices/${proForma.id}/e-invoice?format=zugferd`);
    expect(xml.status).toBe(422);
    expect(xml.body.code).toBe('einvoice_not_available');
    const cancel = await post(t, `/v1/invoices/${proForma.id}/cancel`);
    expect(cancel.body.code).toBe('pro_forma_not_cancellable');
  });
});

describe('collective invoices and lists', () => {
  it('merges drafts of one contact into one new draft and deletes them, in one transaction', async () => {
    const customer = await contact(t, companyInput());
    const a = await draft(t, {
      contactId: customer.id,
      lines: [line({ name: 'Januar' })],
      serviceDate: '2026-01-31',
      sendDate: '2026-04-02',
    });
    const b = await draft(t, {
      contactId: customer.id,
      lines: [line({ name: 'Februar' }), line({ name: 'Extra' })],
      serviceDate: '2026-02-28',
      sendDate: '2026-04-01',
    });
    const merged = await ok(post(t, '/v1/invoices/merge', { invoiceIds: [a.id, b.id] }), 201);
    expect(merged).toMatchObject({
      status: 'draft',
      collective: true,
      contactId: customer.id,
      servicePeriod: { start: '2026-01-31', end: '2026-02-28' },
      sendDate: '2026-04-01',
      lineNetTotal: a.lineNetTotal + b.lineNetTotal,
    });
    expect(merged.lines.map((l: { name: string; position: number }) => [l.position, l.name])).toEqual([
      [1, 'Januar'],
      [2, 'Februar'],
      [3, 'Extra'],
    ]);
    expect((await get(t, `/v1/invoices/${a.id}`)).status).toBe(404);
    expect((await get(t, `/v1/invoices/${b.id}`)).status).toBe(404);
  });

  it('refuses drafts of different contacts, issued invoices and unknown ids — and changes nothing', async () => {
    const one = await draft(t, { contactId: buyer.id, lines: [line()] });
    const other = await contact(t, companyInput());
    const two = await draft(t, { contactId: other.id, lines: [line()] });
    const mixed = await post(t, '/v1/invoices/merge', {
      invoiceIds: [one.id, two.id, 'doc_00000000000000000000000000'],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceIds.2', code: 'invoice_not_found' }),
    );
    const mixed2 = await post(t, '/v1/invoices/merge', { invoiceIds: [one.id, two.id] });
    expect(mixed2.body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceIds.1', code: 'contact_mismatch' }),
    );
    const done = await issued();
    const withIssued = await post(t, '/v1/invoices/merge', { invoiceIds: [one.id, done.id] });
    expect(withIssued.status).toBe(409);
    expect(withIssued.body.code).toBe('invoice_not_draft');
    expect((await get(t, `/v1/invoices/${one.id}`)).status).toBe(200);
  });

  it('needsAttention lists the drafts without a send date; filters by status, contact, number and dates', async () => {
    const customer = await contact(t, companyInput());
    const forgotten = await draft(t, { contactId: customer.id, lines: [line()] });
    const scheduled = await draft(t, { contactId: customer.id, lines: [line()], sendDate: '2026-04-01' });
    const sent = await issued();
    const attention = await ok(get(t, `/v1/invoices?needsAttention=true&contactId=${customer.id}`));
    expect(attention.data.map((d: { id: string }) => d.id)).toEqual([forgotten.id]);
    const all = await ok(get(t, `/v1/invoices?needsAttention=true&limit=100`));
    expect(all.data.map((d: { id: string }) => d.id)).not.toContain(scheduled.id);
    expect(
      all.data.every(
        (d: { status: string; sendDate: string | null }) => d.status === 'draft' && d.sendDate === null,
      ),
    ).toBe(true);

    const byNumber = await ok(get(t, `/v1/invoices?q=${sent.number.slice(-5)}`));
    expect(byNumber.data.map((d: { id: string }) => d.id)).toEqual([sent.id]);
    const finalized = await ok(
      get(t, `/v1/invoices?status=finalized&issueDateGte=2026-03-15&issueDateLte=2026-03-15&limit=100`),
    );
    expect(finalized.data.length).toBeGreaterThan(0);
    expect(
      finalized.data.every(
        (d: { status: string; issueDate: string }) =>
          d.status === 'finalized' && d.issueDate === '2026-03-15',
      ),
    ).toBe(true);
    const page = await ok(get(t, `/v1/invoices?limit=2`));
    expect(page).toMatchObject({ hasMore: true, nextCursor: page.data[1].id });
  });
});

describe('tenancy and contacts', () => {
  it('another organisation’s invoices are not found (404) and its contacts cannot be billed', async () => {
    const done = await issued();
    const other = await t.tenant('Fremd GmbH');
    await readySeller(t, other);
    for (const url of [
      `/v1/invoices/${done.id}`,
      `/v1/invoices/${done.id}/pdf`,
      `/v1/invoices/${done.id}/e-invoice?format=xrechnung-cii`,
    ]) {
      expect((await get(t, url, other)).status).toBe(404);
    }
    expect((await patch(t, `/v1/invoices/${done.id}`, { sendDate: null }, other)).status).toBe(404);
    expect((await post(t, `/v1/invoices/${done.id}/cancel`, undefined, other)).status).toBe(404);
    expect((await post(t, '/v1/credit-notes', { invoiceId: done.id }, other)).body.errors).toContainEqual(
      expect.objectContaining({ path: 'invoiceId', code: 'invoice_not_found' }),
    );
    const foreign = await post(t, '/v1/invoices', { contactId: buyer.id, lines: [line()] }, other);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toContainEqual(
      expect.objectContaining({ path: 'contactId', code: 'contact_not_found' }),
    );
    expect((await ok(get(t, '/v1/invoices', other))).data).toEqual([]);
  });

  it('a contact with an issued document cannot be deleted (409 contact_has_documents)', async () => {
    const res = await t.api({ method: 'DELETE', url: `/v1/contacts/${buyer.id}` });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('contact_has_documents');
  });
});

describe('GraphQL', () => {
  it('lists invoices with their contacts (batched) and finalizes a draft', async () => {
    const created = await draft(t, { contactId: buyer.id, lines: [line()] });
    const query = await ok(
      post(t, '/graphql', {
        query: `{ invoices(limit: 5) { data { id status number contact { id displayName } lines { name netAmount } } hasMore } }`,
      }),
    );
    expect(query.errors).toBeUndefined();
    expect(query.data.invoices.data[0]).toMatchObject({
      id: created.id,
      contact: { id: buyer.id, displayName: 'Bäckerei Müller KG' },
    });
    const mutation = await ok(
      post(t, '/graphql', { query: `mutation { finalizeInvoice(id: "${created.id}") { status number } }` }),
    );
    expect(mutation.data.finalizeInvoice).toMatchObject({
      status: 'finalized',
      number: expect.stringMatching(/^RE-2026-/),
    });
    const refused = await ok(
      post(t, '/graphql', { query: `mutation { finalizeInvoice(id: "${created.id}") { status } }` }),
    );
    expect(refused.errors[0].extensions.code).toBe('invoice_not_draft');
  });

  it('money beyond 32 bits: a 30,000,000.00 EUR line reads back exactly (MinorAmount, not Int)', async () => {
    // GraphQL's Int ends at 2,147,483,647 (21,474,836.47 EUR in cents); money fields are MinorAmount
    const big = await draft(t, {
      contactId: buyer.id,
      lines: [line({ quantity: '1', unitAmount: 3_000_000_000 })],
    });
    const read = await ok(
      post(t, '/graphql', {
        query: `{ invoice(id: "${big.id}") { lineNetTotal taxTotal grossTotal lines { unitAmount netAmount } } }`,
      }),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.invoice).toEqual({
      lineNetTotal: 3_000_000_000,
      taxTotal: 570_000_000,
      grossTotal: 3_570_000_000,
      lines: [{ unitAmount: 3_000_000_000, netAmount: 3_000_000_000 }],
    });
    // as an argument a fraction is refused, named as written
    const refused = await post(t, '/graphql', {
      query: `mutation { applyCreditBalance(invoiceId: "${big.id}", amount: 1.5) { id } }`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/MinorAmount must be a whole number, got 1\.5/);
  });
});
