import { fixedClock, type PaymentInput, payments, reconciliation } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { worker } from './billing.support';
import { contact, get, ok, readySeller } from './documents.support';
import { CSV_HEADER, CSV_MAPPING, expectBooksBalanceIn, issuedInvoice, money } from './payments.support';

// Reconciliation's set-based path (issue 6 item 5): a chunk of bank transactions is decided and booked in one
// database transaction — the exact matches through payments.recordMany — and must leave exactly what booking
// each transfer alone through payments.record leaves: the same payment, invoice, events and audit entries,
// balanced books. What the chunk cannot decide on its own (a second transfer for an invoice the chunk just
// paid) is decided after it; a chunk that fails rolls back whole and is taken again by the next run.

const clock = fixedClock('2026-03-16T09:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });

beforeAll(async () => {
  await readySeller(t);
});

const issued = (contactId: string, net?: number, as?: TestTenant) => issuedInvoice(t, contactId, net, as);

/** Imports a CSV statement of `rows` (date;name;iban;text;amount;currency); returns it and its transactions. */
async function importStatement(rows: string[], as?: TestTenant) {
  const res = await t.api(
    {
      method: 'POST',
      url: `/v1/bank-statements${CSV_MAPPING}`,
      body: [CSV_HEADER, ...rows].join('\n'),
      headers: { 'content-type': 'text/csv' },
    },
    as,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.statements[0].id as string;
}

async function transactions(statementId: string, as?: TestTenant) {
  const list = await ok(get(t, `/v1/bank-transactions?statementId=${statementId}&limit=100`, as));
  return [...list.data].reverse() as Record<string, any>[];
}

const count = async (table: string) => Number((await t.db(table).count({ n: '*' }))[0]!.n);

const expectBooksBalance = () => expectBooksBalanceIn(t);

/**
 * `value` with ids, numbers and other per-record strings replaced by names, so the booking of one invoice and
 * that of its twin (same contact, same amounts, another id and number) compare equal.
 */
function named(value: unknown, names: Record<string, string>): unknown {
  let text = JSON.stringify(value);
  for (const [raw, name] of Object.entries(names)) text = text.replaceAll(raw, name);
  return JSON.parse(text);
}

/** Names for an invoice: its id, number and line ids. */
function invoiceNames(invoice: Record<string, any>, name: string): Record<string, string> {
  return {
    [invoice.id]: name,
    [invoice.number]: `${name}-number`,
    ...Object.fromEntries(invoice.lines.map((l: { id: string }, i: number) => [l.id, `${name}-line-${i}`])),
  };
}

/** What was written about a record: its events (type and payload) and audit entries, in order. */
async function trail(resourceId: string) {
  const events = await t.db('events').where('resource_id', resourceId).orderBy('id');
  const entries = await t.db('audit_log').where('resource_id', resourceId).orderBy(['created_at', 'id']);
  return {
    events: events.map((e) => ({ type: e.type, data: e.data })),
    audit: entries.map((a) => ({ action: a.action, before: a.before, after: a.after })),
  };
}

describe('a chunk of transfers booked at once', () => {
  it('books the exact matches in one database transaction, as payments.record books each alone', async () => {
    const nord = await contact(t, companyInput({ companyName: 'Nordlicht GmbH' }));
    const sued = await contact(t, companyInput({ companyName: 'Südwind AG' }));
    const exact = await issued(nord.id); // 119.00
    const twoA = await issued(nord.id, 5000); // 59.50
    const twoB = await issued(nord.id, 2000); // 23.80
    const other = await issued(sued.id, 20000); // 238.00
    const partial = await issued(sued.id, 30000); // 357.00
    // the twins the per-transaction path books below, for comparison
    const exactTwin = await issued(nord.id);
    const twoATwin = await issued(nord.id, 5000);
    const twoBTwin = await issued(nord.id, 2000);

    const statementId = await importStatement([
      `13.03.2026;Nordlicht GmbH;;Rechnung ${exact.number} danke;${money(11900)};EUR`,
      `13.03.2026;Nordlicht GmbH;;${twoA.number} und ${twoB.number};${money(8330)};EUR`,
      `14.03.2026;Südwind AG;;${other.number};${money(23800)};EUR`,
      `14.03.2026;Südwind AG;;Anzahlung ${partial.number};${money(10000)};EUR`,
      // the same invoice paid twice: the second transfer is decided after the first is booked
      `15.03.2026;Fremde KG;;${exact.number};${money(11900)};EUR`,
    ]);
    await w.run(['bank_reconcile']);
    const txns = await transactions(statementId);
    expect(txns.map((x) => [x.status, x.matchRule, x.matchConfidence])).toEqual([
      ['matched', 'number_exact', '1.000'],
      ['matched', 'number_exact', '1.000'],
      ['matched', 'number_exact', '1.000'],
      ['suggested', 'number_amount_differs', '0.800'],
      ['unmatched', null, null],
    ]);
    expect(txns[1]!.matchAllocations).toEqual([
      { invoiceId: twoA.id, amount: 5950 },
      { invoiceId: twoB.id, amount: 2380 },
    ]);
    for (const id of [exact.id, twoA.id, twoB.id, other.id]) {
      expect((await ok(get(t, `/v1/invoices/${id}`))).status).toBe('paid');
    }
    expect((await ok(get(t, `/v1/invoices/${partial.id}`))).amountPaid).toBe(0);

    // one database transaction wrote every booking of the chunk, and the bank transactions' decisions
    const { rows: writers } = await t.db.raw(
      `SELECT DISTINCT xmin::text FROM payments WHERE external_id = ANY(?::text[])
       UNION SELECT DISTINCT xmin::text FROM bank_transactions WHERE id = ANY(?::text[])`,
      [txns.slice(0, 3).map((x) => x.id), txns.slice(0, 4).map((x) => x.id)],
    );
    expect(writers).toHaveLength(1);
    await expectBooksBalance();

    // the per-transaction path on the twins: payments.record with what reconciliation books for a transfer
    const byRecord = async (txn: Record<string, any>, allocations: { invoiceId: string; amount: number }[]) =>
      (
        await payments.record(t.main.ctx, {
          amount: txn.amount,
          currency: 'EUR',
          method: 'bank_transfer',
          provider: 'bank',
          externalId: `twin-${txn.id}`,
          reference: txn.remittanceInformation,
          paidAt: `${txn.bookingDate}T00:00:00Z`,
          allocations,
        })
      ).payment;
    const single = await byRecord(
      {
        ...txns[0],
        remittanceInformation: txns[0]!.remittanceInformation.replace(exact.number, exactTwin.number),
      },
      [{ invoiceId: exactTwin.id, amount: 11900 }],
    );
    const double = await byRecord(
      {
        ...txns[1],
        remittanceInformation: txns[1]!.remittanceInformation
          .replace(twoA.number, twoATwin.number)
          .replace(twoB.number, twoBTwin.number),
      },
      [
        { invoiceId: twoATwin.id, amount: 5950 },
        { invoiceId: twoBTwin.id, amount: 2380 },
      ],
    );
    for (const [txn, twinPayment, pairs] of [
      [txns[0]!, single, [[exact, exactTwin]]],
      [
        txns[1]!,
        double,
        [
          [twoA, twoATwin],
          [twoB, twoBTwin],
        ],
      ],
    ] as const) {
      const fast = await ok(get(t, `/v1/payments/${txn.paymentId}`));
      expect(fast).toMatchObject({
        provider: 'bank',
        externalId: txn.id,
        method: 'bank_transfer',
        amount: txn.amount,
      });
      const names = (side: 0 | 1) => ({
        ...Object.fromEntries(pairs.flatMap((p, i) => Object.entries(invoiceNames(p[side], `inv${i}`)))),
        [side === 0 ? fast.id : twinPayment.id]: 'payment',
        [side === 0 ? txn.id : `twin-${txn.id}`]: 'external-id',
      });
      expect(named(fast, names(0))).toEqual(
        named(await ok(get(t, `/v1/payments/${twinPayment.id}`)), names(1)),
      );
      expect(named(await trail(fast.id), names(0))).toEqual(named(await trail(twinPayment.id), names(1)));
      for (const [invoice, twin] of pairs) {
        expect(named(await ok(get(t, `/v1/invoices/${invoice.id}`)), names(0))).toEqual(
          named(await ok(get(t, `/v1/invoices/${twin.id}`)), names(1)),
        );
        const fastTrail = await trail(invoice.id);
        const twinTrail = await trail(twin.id);
        // finalize's entries are each invoice's own; the payment's are what must agree
        expect(named(fastTrail.events.slice(-1), names(0))).toEqual(
          named(twinTrail.events.slice(-1), names(1)),
        );
        expect(fastTrail.events.at(-1)!.type).toBe('invoice.paid');
        const paidEntry = (x: typeof fastTrail) => x.audit.filter((a) => a.action === 'invoice.paid');
        expect(named(paidEntry(fastTrail), names(0))).toEqual(named(paidEntry(twinTrail), names(1)));
      }
    }
    await expectBooksBalance();

    // running again books nothing twice
    const before = await count('payments');
    await reconciliation.reconcile(t.main.ctx, { statementId });
    expect(await count('payments')).toBe(before);
  });

  it('a failing chunk rolls back whole; the next run books all of it', async () => {
    const buyer = await contact(t, companyInput());
    const first = await issued(buyer.id);
    const second = await issued(buyer.id, 4000);
    const statementId = await importStatement([
      `16.03.2026;Kunde;;${first.number};${money(11900)};EUR`,
      `16.03.2026;Kunde;;${second.number};${money(4760)};EUR`,
    ]);
    // a fault while the chunk writes (after the first booking's rows went in): an allocation to `second` fails
    await t.db.raw(`
      CREATE FUNCTION fail_fast_path() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
    await t.db.raw(
      `CREATE TRIGGER fail_fast_path BEFORE INSERT ON payment_allocations FOR EACH ROW
         WHEN (NEW.document_id = '${second.id}') EXECUTE FUNCTION fail_fast_path()`,
    );
    const payments0 = await count('payments');
    const events0 = await count('events');
    try {
      await expect(reconciliation.reconcile(t.main.ctx, { statementId })).rejects.toThrow('injected fault');
    } finally {
      await t.db.raw('DROP TRIGGER fail_fast_path ON payment_allocations');
      await t.db.raw('DROP FUNCTION fail_fast_path()');
    }
    expect(await count('payments')).toBe(payments0);
    expect(await count('events')).toBe(events0);
    expect((await transactions(statementId)).map((x) => x.status)).toEqual(['unmatched', 'unmatched']);
    expect((await ok(get(t, `/v1/invoices/${first.id}`))).status).toBe('finalized');

    const summary = await reconciliation.reconcile(t.main.ctx, { statementId });
    expect(summary).toMatchObject({ examined: 2, applied: 2 });
    expect((await transactions(statementId)).map((x) => x.status)).toEqual(['matched', 'matched']);
    await expectBooksBalance();
  });

  it('chunks booked side by side give what booking them in order gives: the first transfer pays', async () => {
    const buyer = await contact(t, companyInput({ companyName: 'Viele Zeilen GmbH' }));
    const [shared, own1, own2] = [
      await issued(buyer.id),
      await issued(buyer.id, 3000),
      await issued(buyer.id, 6000),
    ];
    // 1,200 lines: three chunks of 500 (two booked at once). Line 0 (chunk 1) and line 600 (chunk 2) both pay
    // `shared` exactly; chunk 2 must wait for chunk 1, so line 0 pays it and line 600 finds nothing open. Lines
    // 10 and 700 pay invoices no other chunk names. The rest are one-cent gifts nothing matches.
    const rows = Array.from({ length: 1200 }, (_, i) => `16.03.2026;Spender ${i};;Spende ${i};0,01;EUR`);
    rows[0] = `16.03.2026;Zeile 0;;${shared.number};${money(11900)};EUR`;
    rows[600] = `16.03.2026;Zeile 600;;${shared.number};${money(11900)};EUR`;
    rows[10] = `16.03.2026;Zeile 10;;${own1.number};${money(3570)};EUR`;
    rows[700] = `16.03.2026;Zeile 700;;${own2.number};${money(7140)};EUR`;
    const statementId = await importStatement(rows);
    const summary = await reconciliation.reconcile(t.main.ctx, { statementId });
    expect(summary).toMatchObject({ examined: 1200, applied: 3 });
    const matched = await t
      .db('bank_transactions')
      .where({ statement_id: statementId, status: 'matched' })
      .orderBy('counterparty_name')
      .pluck('counterparty_name');
    expect(matched).toEqual(['Zeile 0', 'Zeile 10', 'Zeile 700']);
    for (const id of [shared.id, own1.id, own2.id]) {
      expect((await ok(get(t, `/v1/invoices/${id}`))).status).toBe('paid');
    }
    await expectBooksBalance();
  });

  it('another organisation’s invoice with the same number is never touched', async () => {
    const buyer = await contact(t, companyInput());
    const ours = await issued(buyer.id);
    const stranger = await t.tenant('Fremd GmbH');
    await readySeller(t, stranger);
    const theirBuyer = await contact(t, companyInput(), stranger);
    // both organisations number from counters of their own: the stranger issues until it has our number too
    let theirs = await issued(theirBuyer.id, 10000, stranger);
    while (theirs.number < ours.number) theirs = await issued(theirBuyer.id, 10000, stranger);
    expect(theirs.number).toBe(ours.number);

    const statementId = await importStatement([`16.03.2026;Kunde;;${ours.number};${money(11900)};EUR`]);
    await reconciliation.reconcile(t.main.ctx, { statementId });
    const [txn] = await transactions(statementId);
    expect(txn).toMatchObject({
      status: 'matched',
      matchAllocations: [{ invoiceId: ours.id, amount: 11900 }],
    });
    expect((await ok(get(t, `/v1/invoices/${ours.id}`))).status).toBe('paid');
    expect(await ok(get(t, `/v1/invoices/${theirs.id}`, stranger))).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
    });
    expect(await t.db('payment_allocations').where('document_id', theirs.id)).toEqual([]);
  });
});

describe('payments.recordMany', () => {
  it('gives, input by input, what payments.record gives in turn', async () => {
    const buyer = await contact(t, companyInput({ companyName: 'Zwilling KG' }));
    const make = async () => ({
      one: await issued(buyer.id), // 11900
      twoA: await issued(buyer.id, 5000), // 5950
      twoB: await issued(buyer.id, 2000), // 2380
      shared: await issued(buyer.id, 3000), // 3570
    });
    const mine = await make();
    const twin = await make();
    const inputs = (set: typeof mine, key: string): PaymentInput[] => [
      // fully allocated: the set-based path
      {
        amount: 11900,
        method: 'bank_transfer',
        provider: 'test',
        externalId: `${key}-1`,
        reference: 'eins',
        paidAt: '2026-03-14T00:00:00Z',
        allocations: [{ invoiceId: set.one.id, amount: 11900 }],
      },
      {
        amount: 8330,
        method: 'bank_transfer',
        provider: 'test',
        externalId: `${key}-2`,
        allocations: [
          { invoiceId: set.twoA.id, amount: 5950 },
          { invoiceId: set.twoB.id, amount: 2380 },
        ],
      },
      // part of an invoice …
      {
        amount: 1000,
        method: 'cash',
        allocations: [{ invoiceId: set.shared.id, amount: 1000 }],
      },
      // … whose rest a later input pays with more than it owes: booked by record, after, the rest to the balance
      {
        amount: 3000,
        method: 'cash',
        metadata: { note: 'over' },
        allocations: [{ invoiceId: set.shared.id, amount: 2570 }],
      },
      // the same provider id again: the first payment back, nothing booked
      {
        amount: 11900,
        method: 'bank_transfer',
        provider: 'test',
        externalId: `${key}-1`,
        allocations: [{ invoiceId: set.one.id, amount: 11900 }],
      },
    ];
    const many = await payments.recordMany(t.main.ctx, inputs(mine, 'many'));
    const one: Awaited<ReturnType<typeof payments.record>>[] = [];
    for (const input of inputs(twin, 'one')) one.push(await payments.record(t.main.ctx, input));

    expect(many.map((r) => r.created)).toEqual([true, true, true, true, false]);
    expect(many[4]!.payment.id).toBe(many[0]!.payment.id);
    const names = (set: typeof mine, results: typeof many, key: string) => ({
      ...invoiceNames(set.one, 'one'),
      ...invoiceNames(set.twoA, 'twoA'),
      ...invoiceNames(set.twoB, 'twoB'),
      ...invoiceNames(set.shared, 'shared'),
      ...Object.fromEntries(results.slice(0, 4).map((r, i) => [r.payment.id, `payment-${i}`])),
      [`${key}-1`]: 'ext-1',
      [`${key}-2`]: 'ext-2',
    });
    expect(named(many, names(mine, many, 'many'))).toEqual(named(one, names(twin, one, 'one')));
    for (const k of ['one', 'twoA', 'twoB', 'shared'] as const) {
      expect(named(await ok(get(t, `/v1/invoices/${mine[k].id}`)), names(mine, many, 'many'))).toEqual(
        named(await ok(get(t, `/v1/invoices/${twin[k].id}`)), names(twin, one, 'one')),
      );
      expect(named(await trail(mine[k].id), names(mine, many, 'many'))).toEqual(
        named(await trail(twin[k].id), names(twin, one, 'one')),
      );
    }
    for (let i = 0; i < 4; i++) {
      expect(named(await trail(many[i]!.payment.id), names(mine, many, 'many'))).toEqual(
        named(await trail(one[i]!.payment.id), names(twin, one, 'one')),
      );
    }
    expect(await ok(get(t, `/v1/invoices/${mine.shared.id}`))).toMatchObject({
      status: 'paid',
      amountOpen: 0,
    });
    expect(await ok(get(t, `/v1/contacts/${buyer.id}/credit-balance`))).toMatchObject({
      balances: [{ currency: 'EUR', amount: 2 * 430 }],
    });
    await expectBooksBalance();
  });

  it('reports every broken rule at once with the input’s index, and writes nothing', async () => {
    const buyer = await contact(t, companyInput());
    const invoice = await issued(buyer.id);
    const stranger = await t.tenant('Anders GmbH');
    const before = await count('payments');
    const attempt = payments.recordMany(t.main.ctx, [
      { amount: 11900, method: 'bank_transfer', allocations: [{ invoiceId: invoice.id, amount: 11900 }] },
      { amount: 100, method: 'bank_transfer', allocations: [{ invoiceId: invoice.id, amount: 100 }] },
      { amount: 0, method: 'bank_transfer' } as PaymentInput,
    ]);
    await expect(attempt).rejects.toMatchObject({
      kind: 'unprocessable',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: '2.amount', code: 'amount_invalid' }),
        expect.objectContaining({ path: '2.allocations', code: 'required' }),
      ]),
    });
    // the database's checks, for the set-based inputs: a stranger's invoice is not found
    const theirs = await payments
      .recordMany(stranger.ctx, [
        { amount: 11900, method: 'bank_transfer', allocations: [{ invoiceId: invoice.id, amount: 11900 }] },
        { amount: 20000, method: 'bank_transfer', allocations: [{ invoiceId: invoice.id, amount: 20000 }] },
      ])
      .catch((e: unknown) => e);
    // (the second names the same invoice, so record would judge it after the first: the first's error stops it)
    expect(theirs).toMatchObject({
      kind: 'unprocessable',
      errors: [expect.objectContaining({ path: '0.allocations.0.invoiceId', code: 'invoice_not_found' })],
    });
    // an allocation larger than what is open, next to a good one: nothing of either is written
    const tooMuch = await payments
      .recordMany(t.main.ctx, [
        { amount: 100, method: 'bank_transfer', allocations: [{ invoiceId: invoice.id, amount: 100 }] },
        {
          amount: 20000,
          method: 'bank_transfer',
          allocations: [{ invoiceId: (await issued(buyer.id)).id, amount: 20000 }],
        },
      ])
      .catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({
      errors: [
        expect.objectContaining({ path: '1.allocations.0.amount', code: 'allocation_exceeds_open_amount' }),
      ],
    });
    expect(await count('payments')).toBe(before);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).amountPaid).toBe(0);
  });
});
