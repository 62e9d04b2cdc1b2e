import type { Clock } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { worker } from './billing.support';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { CSV_HEADER, CSV_MAPPING, issuedInvoice, money } from './payments.support';

// A user's story of automatic reconciliation (DOMAIN.md §9, issue 6 item 4): a bank statement comes in, the
// worker matches its transactions to open invoices with the ladder — applying only what is certain and
// suggesting the rest with confidence and reason — a person accepts, names or undoes matches, and SEPA debits
// come back as returns that reopen the invoice and record the bank's fee.

let now = new Date('2026-03-02T09:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const t = await createTestApp({ clock });
const w = worker(t, { clock });
const CREDITOR_ID = 'DE98ZZZ09999999999';

beforeAll(async () => {
  await readySeller(t, undefined, { sepaCreditorId: CREDITOR_ID });
});

const issued = (contactId: string, net?: number, as?: TestTenant) => issuedInvoice(t, contactId, net, as);

/** Imports a CSV statement of `rows` (date;name;iban;text;amount;currency) and runs the worker. */
async function statement(rows: string[], as?: TestTenant) {
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
  await w.run();
  const list = await ok(
    get(t, `/v1/bank-transactions?statementId=${res.body.statements[0].id}&limit=100`, as),
  );
  // oldest first, as the rows were written
  return [...list.data].reverse() as Record<string, unknown>[];
}

describe('the matching ladder', () => {
  it('applies invoice numbers with the exact open amount, suggests the rest, leaves strangers alone', async () => {
    const nordlicht = await contact(t, companyInput({ companyName: 'Nordlicht GmbH' }));
    const sued = await contact(
      t,
      companyInput({
        companyName: 'Südwind AG',
        bankAccounts: [{ iban: 'DE02120300000000202051' }],
      } as never),
    );
    const exact = await issued(nordlicht.id); // 119.00
    const twoA = await issued(nordlicht.id, 5000); // 59.50
    const twoB = await issued(nordlicht.id, 2000); // 23.80
    const partial = await issued(nordlicht.id, 20000); // 238.00
    const byIban = await issued(sued.id, 30000); // 357.00
    const byName = await issued(sued.id, 40000); // 476.00

    const txns = await statement([
      // rule 2: the number, typed sloppily, with exactly what is open → applied
      `02.03.2026;Nordlicht GmbH;;Rechnung ${exact.number.replaceAll('-', ' ')} danke;${money(11900)};EUR`,
      // rule 2: one transfer for two invoices (59.50 + 23.80 = 83.30) → applied to both
      `02.03.2026;Nordlicht GmbH;;${twoA.number} und ${twoB.number};${money(8330)};EUR`,
      // rule 3: the number with less than is open → suggested partial payment
      `02.03.2026;Nordlicht GmbH;;Anzahlung ${partial.number};${money(10000)};EUR`,
      // rule 4: no number, but the payer's IBAN and the amount of exactly one open invoice → suggested
      `02.03.2026;Jemand;DE02 1203 0000 0000 2020 51;Danke;${money(35700)};EUR`,
      // rule 5: amount and a similar name, unknown IBAN → a low suggestion
      `02.03.2026;SUEDWIND;DE89370400440532013000;Zahlung;${money(47600)};EUR`,
      // nothing fits
      `02.03.2026;Fremde KG;;Spende;${money(1234)};EUR`,
    ]);
    expect(txns.map((x) => [x.status, x.matchRule, x.matchConfidence])).toEqual([
      ['matched', 'number_exact', '1.000'],
      ['matched', 'number_exact', '1.000'],
      ['suggested', 'number_amount_differs', '0.800'],
      ['suggested', 'iban_amount', '0.700'],
      ['suggested', 'name_amount', expect.stringMatching(/^0\.[1-5]\d0$/)],
      ['unmatched', null, null],
    ]);
    expect(txns[1]!.matchAllocations).toEqual([
      { invoiceId: twoA.id, amount: 5950 },
      { invoiceId: twoB.id, amount: 2380 },
    ]);
    expect(txns[2]!.matchReason).toContain('partial payment');
    expect(txns[4]!.matchAllocations).toEqual([{ invoiceId: byName.id, amount: 47600 }]);

    // applied matches booked payments: the invoices are paid, the payment names the bank transaction
    for (const id of [exact.id, twoA.id, twoB.id]) {
      expect((await ok(get(t, `/v1/invoices/${id}`))).status).toBe('paid');
    }
    const payment = await ok(get(t, `/v1/payments/${txns[0]!.paymentId}`));
    expect(payment).toMatchObject({
      provider: 'bank',
      externalId: txns[0]!.id,
      method: 'bank_transfer',
      amount: 11900,
    });
    // suggestions booked nothing
    expect((await ok(get(t, `/v1/invoices/${partial.id}`))).status).toBe('finalized');
    expect((await ok(get(t, `/v1/invoices/${byIban.id}`))).status).toBe('finalized');

    // a person accepts the partial payment …
    const accepted = await ok(
      post(t, `/v1/bank-transactions/${txns[2]!.id}/match`, { acceptSuggestion: true }),
    );
    expect(accepted).toMatchObject({ status: 'matched', matchRule: 'manual', matchConfidence: '1.000' });
    expect(await ok(get(t, `/v1/invoices/${partial.id}`))).toMatchObject({
      status: 'partially_paid',
      amountOpen: 13800,
    });
    // … rejects the name guess (it is not suggested again) …
    const rejected = await ok(post(t, `/v1/bank-transactions/${txns[4]!.id}/unmatch`));
    expect(rejected).toMatchObject({ status: 'unmatched', matchRule: null });
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect((await ok(get(t, `/v1/bank-transactions/${txns[4]!.id}`))).status).toBe('unmatched');
    // … and names the invoice of the stranger's gift itself: an over-payment goes to the credit balance
    const named = await ok(
      post(t, `/v1/bank-transactions/${txns[4]!.id}/match`, {
        allocations: [{ invoiceId: byName.id, amount: 47600 }],
      }),
    );
    expect(named.status).toBe('matched');
    expect((await ok(get(t, `/v1/invoices/${byName.id}`))).status).toBe('paid');

    // running again changes nothing: every booking is keyed by its bank transaction
    const payments = Number((await t.db('payments').count({ n: '*' }))[0]!.n);
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect(Number((await t.db('payments').count({ n: '*' }))[0]!.n)).toBe(payments);
  });

  it('a transfer naming two customers’ invoices is suggested, never booked, and the job does not fail', async () => {
    const parent = await contact(t, companyInput({ companyName: 'Holding Nord GmbH' }));
    const subsidiary = await contact(t, companyInput({ companyName: 'Tochter Süd GmbH' }));
    const ofParent = await issued(parent.id, 10000); // 119.00
    const ofSubsidiary = await issued(subsidiary.id, 5000); // 59.50
    // alone in its chunk, and after an earlier booking of the same invoice's chunk (the per-transaction path)
    const [first, second] = await statement([
      `02.03.2026;Holding Nord GmbH;;${ofParent.number} ${ofSubsidiary.number};${money(17850)};EUR`,
      `02.03.2026;Holding Nord GmbH;;${ofSubsidiary.number}, ${ofParent.number};${money(17850)};EUR`,
    ]);
    expect(first).toMatchObject({
      status: 'suggested',
      matchRule: 'number_amount_differs',
      matchConfidence: '0.600',
      matchAllocations: [{ invoiceId: ofParent.id, amount: 11900 }],
    });
    expect(first!.matchReason).toContain('2 customers');
    // the second names the subsidiary first: suggested against it
    expect(second).toMatchObject({
      status: 'suggested',
      matchAllocations: [{ invoiceId: ofSubsidiary.id, amount: 5950 }],
    });
    // nothing was booked, and no job is left failing
    for (const id of [ofParent.id, ofSubsidiary.id]) {
      expect((await ok(get(t, `/v1/invoices/${id}`))).status).toBe('finalized');
    }
    expect(await t.db('graphile_worker.jobs').whereNotNull('last_error').select('task_identifier')).toEqual(
      [],
    );
    // a person accepts: the parent's invoice is paid, the rest goes to its credit balance
    const accepted = await ok(
      post(t, `/v1/bank-transactions/${first!.id}/match`, { acceptSuggestion: true }),
    );
    expect(accepted.status).toBe('matched');
    expect((await ok(get(t, `/v1/invoices/${ofParent.id}`))).status).toBe('paid');
  });

  it('a transfer naming an invoice in another currency says why it was not booked', async () => {
    const buyer = await contact(t, companyInput({ companyName: 'Overseas Trading Ltd' }));
    const created = await draft(t, {
      contactId: buyer.id,
      currency: 'USD',
      lines: [line({ quantity: '1', unitAmount: 7000 })],
    });
    const inDollars = await finalize(t, created.id); // 83.30 USD
    const [txn] = await statement([
      `02.03.2026;Overseas Trading;;Invoice ${inDollars.number};${money(8330)};EUR`,
    ]);
    // nothing can be booked across currencies, but the person sees which invoice was meant and why
    expect(txn).toMatchObject({
      status: 'suggested',
      matchRule: 'number_amount_differs',
      matchConfidence: '0.000',
      matchAllocations: [{ invoiceId: inDollars.id, amount: 8330 }],
      paymentId: null,
    });
    expect(txn!.matchReason).toContain(`${inDollars.number} (USD)`);
    expect(txn!.matchReason).toContain('the transfer is in EUR');
    // accepting it as it is is refused; the invoice stays open
    const refused = await post(t, `/v1/bank-transactions/${txn!.id}/match`, { acceptSuggestion: true });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('currency_mismatch');
    expect((await ok(get(t, `/v1/invoices/${inDollars.id}`))).status).toBe('finalized');
    // rejected, it is not proposed again
    await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect(await ok(get(t, `/v1/bank-transactions/${txn!.id}`))).toMatchObject({
      status: 'unmatched',
      matchReason: null,
    });
  });
  it('unmatching an applied match takes the payment back and reopens the invoice', async () => {
    const buyer = await contact(t, companyInput());
    const invoice = await issued(buyer.id);
    const [txn] = await statement([`03.03.2026;Kunde;;${invoice.number};${money(11900)};EUR`]);
    expect(txn).toMatchObject({ status: 'matched' });
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).status).toBe('paid');
    const undone = await ok(post(t, `/v1/bank-transactions/${txn!.id}/unmatch`));
    expect(undone).toMatchObject({ status: 'unmatched', paymentId: null });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      amountOpen: 11900,
    });
    const refunds = await ok(get(t, `/v1/payments?invoiceId=${invoice.id}&type=refund`));
    expect(refunds.data[0].description).toContain('booking correction');
    // and it is not applied to the same invoice again by the next run
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect((await ok(get(t, `/v1/bank-transactions/${txn!.id}`))).status).toBe('unmatched');
  });

  it('bad decisions are refused and write nothing; another tenant’s transactions are 404', async () => {
    const buyer = await contact(t, companyInput());
    const invoice = await issued(buyer.id);
    const [txn] = await statement([`04.03.2026;Kunde;;ohne Bezug;${money(5000)};EUR`]);
    const before = Number((await t.db('payments').count({ n: '*' }))[0]!.n);
    const tooMuch = await post(t, `/v1/bank-transactions/${txn!.id}/match`, {
      allocations: [{ invoiceId: invoice.id, amount: 6000 }],
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0].path).toBe('allocations');
    const nothing = await post(t, `/v1/bank-transactions/${txn!.id}/match`, {});
    expect(nothing.status).toBe(422);
    const noSuggestion = await post(t, `/v1/bank-transactions/${txn!.id}/match`, { acceptSuggestion: true });
    expect(noSuggestion.status).toBe(409);
    expect(Number((await t.db('payments').count({ n: '*' }))[0]!.n)).toBe(before);

    const stranger = await t.tenant('Fremd GmbH');
    const theirs = await post(t, `/v1/bank-transactions/${txn!.id}/match`, { contactId: buyer.id }, stranger);
    expect(theirs.status).toBe(404);
    expect((await post(t, `/v1/bank-transactions/${txn!.id}/unmatch`, undefined, stranger)).status).toBe(404);
    expect((await ok(get(t, `/v1/bank-transactions/${txn!.id}`))).status).toBe('unmatched');
  });

  it('a person sets transactions aside as no invoice payment; unmatch brings them back, match books them', async () => {
    const buyer = await contact(t, companyInput());
    const invoice = await issued(buyer.id);
    const paidInFull = await issued(buyer.id);
    const [fee, suggested, matched] = await statement([
      `06.03.2026;Bank;;Kontofuehrung Maerz;-${money(990)};EUR`,
      `06.03.2026;Kunde;;Anzahlung ${invoice.number};${money(5000)};EUR`,
      `06.03.2026;Kunde;;${paidInFull.number};${money(11900)};EUR`,
    ]);
    expect([fee!.status, suggested!.status, matched!.status]).toEqual(['unmatched', 'suggested', 'matched']);
    const events = async () =>
      (await ok(get(t, '/v1/events?type=bank_transaction.ignored&limit=100'))).data.length as number;
    const eventsBefore = await events();

    // bank charges: ignored with a reason, which says who ignored it
    const ignored = await ok(
      post(t, `/v1/bank-transactions/${fee!.id}/ignore`, { reason: 'Kontoführungsgebühr' }),
    );
    expect(ignored).toMatchObject({ status: 'ignored', matchRule: null, paymentId: null });
    expect(ignored.matchReason).toMatch(/^ignored by api_key .+: Kontoführungsgebühr$/);
    expect(await events()).toBe(eventsBefore + 1);
    // again with the same reason: unchanged, no second event; the inbox filter sees it as ignored
    const again = await ok(
      post(t, `/v1/bank-transactions/${fee!.id}/ignore`, { reason: 'Kontoführungsgebühr' }),
    );
    expect(again.version).toBe(ignored.version);
    expect(await events()).toBe(eventsBefore + 1);
    const list = await ok(get(t, '/v1/bank-transactions?status=ignored&limit=100'));
    expect(list.data.map((x: { id: string }) => x.id)).toContain(fee!.id);

    // a suggestion ignored is rejected with it: reconciliation neither books nor suggests it again
    expect((await ok(post(t, `/v1/bank-transactions/${suggested!.id}/ignore`))).status).toBe('ignored');
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect((await ok(get(t, `/v1/bank-transactions/${suggested!.id}`))).status).toBe('ignored');
    // unmatch brings it back to the inbox, and the rejected invoice is not suggested for it again
    expect((await ok(post(t, `/v1/bank-transactions/${suggested!.id}/unmatch`))).status).toBe('unmatched');
    await ok(post(t, '/v1/bank-transactions/reconcile', {}), 202);
    await w.run();
    expect((await ok(get(t, `/v1/bank-transactions/${suggested!.id}`))).status).toBe('unmatched');
    // a person may still book an ignored transaction
    await ok(post(t, `/v1/bank-transactions/${suggested!.id}/ignore`, { reason: 'erst klären' }));
    const booked = await ok(
      post(t, `/v1/bank-transactions/${suggested!.id}/match`, {
        allocations: [{ invoiceId: invoice.id, amount: 5000 }],
      }),
    );
    expect(booked).toMatchObject({ status: 'matched', matchRule: 'manual' });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'partially_paid',
      amountOpen: 6900,
    });

    // a match is unmatched first; a reason too long is refused naming it; both write nothing
    const refused = await post(t, `/v1/bank-transactions/${matched!.id}/ignore`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('bank_transaction_matched');
    const tooLong = await post(t, `/v1/bank-transactions/${fee!.id}/ignore`, { reason: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect((await ok(get(t, `/v1/bank-transactions/${matched!.id}`))).status).toBe('matched');
    expect((await ok(get(t, `/v1/bank-transactions/${fee!.id}`))).matchReason).toContain(
      'Kontoführungsgebühr',
    );

    // another tenant's id is 404; GraphQL ignores like REST
    const stranger = await t.tenant('Fremd Ignore GmbH');
    expect((await post(t, `/v1/bank-transactions/${fee!.id}/ignore`, undefined, stranger)).status).toBe(404);
    expect((await ok(post(t, `/v1/bank-transactions/${fee!.id}/unmatch`))).status).toBe('unmatched');
    const gql = await t.api({
      method: 'POST',
      url: '/graphql',
      body: {
        query: `mutation { ignoreBankTransaction(id: "${fee!.id}", reason: "Gebühr") { status matchReason } }`,
      },
    });
    expect(gql.body.data.ignoreBankTransaction).toMatchObject({ status: 'ignored' });
    expect(gql.body.data.ignoreBankTransaction.matchReason).toMatch(/: Gebühr$/);
  });

  it('GraphQL matches and unmatches like REST', async () => {
    const buyer = await contact(t, companyInput());
    const invoice = await issued(buyer.id);
    const [txn] = await statement([`05.03.2026;Kunde;;Zahlung;${money(3000)};EUR`]);
    const gql = (query: string) =>
      t.api({ method: 'POST', url: '/graphql', body: { query } }).then((r) => r.body);
    const matched = await gql(
      `mutation { matchBankTransaction(id: "${txn!.id}", input: { allocations: [{ invoiceId: "${invoice.id}", amount: 3000 }] }) { status matchRule paymentId matchAllocations { invoiceId amount } } }`,
    );
    expect(matched.data.matchBankTransaction).toMatchObject({
      status: 'matched',
      matchRule: 'manual',
      matchAllocations: [{ invoiceId: invoice.id, amount: 3000 }],
    });
    const undone = await gql(`mutation { unmatchBankTransaction(id: "${txn!.id}") { status } }`);
    expect(undone.data.unmatchBankTransaction.status).toBe('unmatched');
  });
});

describe('SEPA debits on the statement', () => {
  it('the collected money pays the invoice by end-to-end id; a return reopens it and records the fee', async () => {
    now = new Date('2026-03-02T09:00:00Z');
    const debtor = await contact(
      t,
      companyInput({
        preferredPaymentMethod: 'sepa_debit',
        sepaMandates: [
          { reference: 'MDT-RECON-1', signedDate: '2026-02-01', iban: 'DE02120300000000202051' },
        ],
      } as never),
    );
    const invoice = await issued(debtor.id);
    const collection = await ok(post(t, '/v1/sepa/collections', { invoiceIds: [invoice.id] }), 201);
    await ok(post(t, `/v1/sepa/collections/${collection.id}/submit`));
    const e2e = collection.items[0].endToEndId as string;

    now = new Date('2026-03-17T09:00:00Z');
    const mt940 = [
      ':20:STARTUMS',
      ':25:37040044/0532013000',
      ':28C:00017/001',
      ':60F:C260316EUR1000,00',
      ':61:2603160316CR119,00NDDTNONREF//260316-1',
      `:86:171?00SEPA-LASTSCHRIFT?20EREF+${e2e}?21MREF+MDT-RECON-1?22SVWZ+${invoice.number}?32Muster GmbH`,
      ':61:2603190319DR122,00NDDTNONREF//260319-7',
      `:86:109?00SEPA-DD SOLL RUECKBEL. CORE?20EREF+${e2e}?21MREF+MDT-RECON-1?22OAMT+119,00?23SVWZ+RETOURE?32Muster GmbH?34902`,
      ':62F:C260319EUR997,00',
      '-',
    ].join('\r\n');
    const res = await t.api({
      method: 'POST',
      url: '/v1/bank-statements',
      body: mt940,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await w.run();
    const txns = (
      await ok(get(t, `/v1/bank-transactions?statementId=${res.body.statements[0].id}`))
    ).data.reverse();
    expect(txns[0]).toMatchObject({ status: 'matched', matchRule: 'sepa_reference', amount: 11900 });
    expect(txns[1]).toMatchObject({
      status: 'matched',
      matchRule: 'sepa_return',
      returnReasonCode: 'AC04',
      returnFee: 300,
    });
    expect(txns[1].matchReason).toContain('AC04');
    // the collection paid the invoice, the return took it back: open again, the item collectable again
    const after = await ok(get(t, `/v1/invoices/${invoice.id}`));
    expect(after.amountOpen).toBe(11900);
    expect(after.status).not.toBe('paid');
    const item = await ok(get(t, `/v1/sepa/collections/${collection.id}`));
    expect(item.items[0].status).toBe('returned');
    const moves = await ok(get(t, `/v1/payments?invoiceId=${invoice.id}`));
    expect(moves.data.map((p: { type: string; method: string }) => `${p.type} ${p.method}`).sort()).toEqual([
      'payment sepa_debit',
      'refund sepa_debit',
    ]);
  });
});
