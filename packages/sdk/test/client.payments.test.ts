/**
 * Money through the SDK: payments with over-payment, credit balance and refund; a CSV bank statement
 * imported (as text and as Windows-1252 bytes), reconciled by the real worker, then matched and unmatched by
 * hand; a SEPA direct debit collection created, downloaded as pain.008 XML and submitted — over HTTP
 * against the real API.
 */
import { fixedClock } from '@fakturo/domain';
import { companyInput } from '@fakturo/testing';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { worker } from '../../../apps/api/test/billing.support';
import {
  type BankTransaction,
  ConflictError,
  type Contact,
  FakturoError,
  type Invoice,
  NotFoundError,
  type Payment,
  type SepaCollection,
  ValidationError,
} from '../src/index';
import { startLiveApi } from './support';

// Monday 2 March 2026: invoices issued today are due on the 16th, when a SEPA debit may first be collected.
const clock = fixedClock('2026-03-02T09:00:00Z');
const api = await startLiveApi({ clock });
// the worker's real task list on this file's database, run until no job is due (reconciliation here)
const jobs = worker(api.t, { clock });
const fakturo = api.client();

const CREDITOR_ID = 'DE98ZZZ09999999999';
const SELLER_IBAN = 'DE89370400440532013000';

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

/** An issued invoice of `net` + 19 % VAT. */
async function issued(contactId: string, net = 10_000): Promise<Invoice> {
  const draft = await fakturo.invoices.create({
    contactId,
    lines: [{ name: 'Beratung', quantity: '1', unitCode: 'HUR', unitAmount: net }],
  });
  return fakturo.invoices.finalize(draft.id);
}

beforeAll(async () => {
  await fakturo.organization.update({
    legalName: 'Nordlicht Software GmbH',
    address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
    vatId: 'DE136695976',
    email: 'rechnung@nordlicht.example',
    phone: '+49 40 1234567',
    bankAccount: { iban: SELLER_IBAN, bic: 'COBADEFFXXX' },
    paymentTermsDays: 14,
    sepaCreditorId: CREDITOR_ID,
  });
});

describe('payments, credit balance and refunds', () => {
  let customer: Contact;
  let first: Invoice;
  let second: Invoice;
  let payment: Payment;

  beforeAll(async () => {
    customer = await fakturo.contacts.create(companyInput({ companyName: 'Hansa Logistik GmbH' }));
    first = await issued(customer.id); // 119.00
    second = await issued(customer.id, 5_000); // 59.50
  });

  it('records a payment on an invoice: it is paid, the rest becomes the contact’s credit balance', async () => {
    payment = await fakturo.payments.create({
      invoiceId: first.id,
      amount: 15_000,
      method: 'bank_transfer',
      reference: 'Überweisung 2026-03-02',
    });
    expectTypeOf(payment).toEqualTypeOf<Payment>();
    expect(payment).toMatchObject({
      id: expect.stringMatching(/^pay_/),
      type: 'payment',
      status: 'succeeded',
      contactId: customer.id,
      currency: 'EUR',
      amount: 15_000,
      amountAllocated: 11_900,
      amountUnapplied: 3_100,
      amountRefunded: 0,
      allocations: [{ invoiceId: first.id, amount: 11_900 }],
    });
    expect(await fakturo.invoices.get(first.id)).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect(await fakturo.payments.get(payment.id)).toEqual(payment);
    expect(await fakturo.contacts.creditBalance(customer.id)).toEqual({
      contactId: customer.id,
      balances: [{ currency: 'EUR', amount: 3_100 }],
    });
  });

  it('refunds part of it — first from the credit balance — as a payment of its own', async () => {
    const refund = await fakturo.payments.refund(payment.id, { amount: 1_000, reason: 'Zu viel überwiesen' });
    expect(refund).toMatchObject({
      id: expect.stringMatching(/^pay_/),
      type: 'refund',
      refundedPaymentId: payment.id,
      amount: 1_000,
      amountUnapplied: 1_000, // taken from the balance: no invoice reopened
      amountAllocated: 0,
    });
    expect(await fakturo.payments.get(payment.id)).toMatchObject({ amountRefunded: 1_000 });
    expect((await fakturo.contacts.creditBalance(customer.id)).balances).toEqual([
      { currency: 'EUR', amount: 2_100 },
    ]);
    expect(await fakturo.invoices.get(first.id)).toMatchObject({ status: 'paid' });

    const refunds = await fakturo.payments.list({ contactId: customer.id, type: 'refund' });
    expect(refunds.data.map((p) => p.id)).toEqual([refund.id]);
    const everything = await fakturo.payments
      .listAutoPaging({ contactId: customer.id, limit: 1 }, { maxItems: 10 })
      .toArray();
    expect(everything.map((p) => p.id)).toEqual([refund.id, payment.id]);
  });

  it('pays an earlier invoice from the credit balance on request, until it is empty', async () => {
    const partly = await fakturo.invoices.applyCreditBalance(second.id);
    expectTypeOf(partly).toEqualTypeOf<Invoice>();
    expect(partly).toMatchObject({ status: 'partially_paid', amountPaid: 2_100, amountOpen: 5_950 - 2_100 });
    expect((await fakturo.contacts.creditBalance(customer.id)).balances).toEqual([]);

    const empty = await failure(fakturo.invoices.applyCreditBalance(second.id));
    expect(empty).toBeInstanceOf(ConflictError);
    expect(empty).toMatchObject({ status: 409, code: 'credit_balance_empty' });

    // the ledger, newest first: applied, refunded, over-payment — each with the balance after it
    const ledger = await fakturo.contacts.listCreditBalanceTransactions(customer.id);
    expect(ledger.data.map((tx) => [tx.kind, tx.amount, tx.balanceAfter])).toEqual([
      ['applied', -2_100, 0],
      ['refunded', -1_000, 2_100],
      ['overpayment', 3_100, 3_100],
    ]);
    expect(ledger.data[0]).toMatchObject({ paymentId: payment.id, documentId: second.id });
    const walked = await fakturo.contacts
      .listCreditBalanceTransactionsAutoPaging(customer.id, { limit: 2 }, { maxItems: 10 })
      .toArray();
    expect(walked).toEqual(ledger.data);
  });

  it('bad input is a ValidationError naming every field; unknown and foreign ids are NotFoundError', async () => {
    const invalid = await failure(
      fakturo.payments.create({
        contactId: customer.id,
        amount: 1_000,
        method: 'bank_transfer',
        allocations: [
          { invoiceId: 'doc_00000000000000000000000000', amount: 100 },
          { invoiceId: second.id, amount: 99_999 },
        ],
      }),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(invalid.errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(
      [
        'allocations:allocations_exceed_amount',
        'allocations.0.invoiceId:invoice_not_found',
        'allocations.1.amount:allocation_exceeds_open_amount',
      ].sort(),
    );
    // nothing was written
    expect((await fakturo.payments.list({ contactId: customer.id })).data).toHaveLength(2);

    const missing = await failure(fakturo.payments.get('pay_00000000000000000000000000'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.status).toBe(404);
    const stranger = api.client({}, await api.t.tenant('Fremd GmbH'));
    expect(await failure(stranger.payments.get(payment.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.payments.refund(payment.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.contacts.creditBalance(customer.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('a bank statement reconciled by the worker, then matched by hand', () => {
  const HEADER = 'Buchungstag;Auftraggeber;IBAN;Verwendungszweck;Betrag;Währung';
  const MAPPING = {
    format: 'csv',
    delimiter: ';',
    bookingDateColumn: 'Buchungstag',
    counterpartyNameColumn: 'Auftraggeber',
    counterpartyIbanColumn: 'IBAN',
    remittanceInformationColumn: 'Verwendungszweck',
    amountColumn: 'Betrag',
    currencyColumn: 'Währung',
    accountIban: SELLER_IBAN,
  } as const;

  let buyer: Contact;
  let exact: Invoice;
  let partial: Invoice;
  let statementId: string;
  let txns: BankTransaction[];

  beforeAll(async () => {
    buyer = await fakturo.contacts.create(companyInput({ companyName: 'Bäckerei Müller KG' }));
    exact = await issued(buyer.id); // 119.00
    partial = await issued(buyer.id, 20_000); // 238.00
  });

  it('imports a CSV file with its column mapping; the same file again stores nothing twice', async () => {
    const csv = [
      HEADER,
      `02.03.2026;Bäckerei Müller KG;;Rechnung ${exact.number} danke;119,00;EUR`,
      `02.03.2026;Bäckerei Müller KG;;Anzahlung ${partial.number};100,00;EUR`,
      '02.03.2026;Fremde KG;;Spende;12,34;EUR',
    ].join('\n');
    const imported = await fakturo.bankStatements.import(csv, MAPPING);
    expect(imported).toMatchObject({ format: 'csv', imported: 3, skipped: 0 });
    const [statement] = imported.statements;
    expect(statement).toMatchObject({ id: expect.stringMatching(/^bst_/), transactionCount: 3 });
    statementId = statement!.id;
    expect(await fakturo.bankStatements.get(statementId)).toEqual(statement);
    expect((await fakturo.bankStatements.list()).data.map((s) => s.id)).toContain(statementId);

    // the German bank's export as it is on disk: Windows-1252 bytes, sent unchanged and decoded by the server
    const again = await fakturo.bankStatements.import(Buffer.from(csv, 'latin1'), MAPPING);
    expect(again).toMatchObject({ imported: 0, skipped: 3 });
  });

  it('the worker applies the invoice number with the exact amount and suggests the partial payment', async () => {
    await jobs.run();
    const page = await fakturo.bankTransactions.list({ statementId, limit: 100 });
    txns = [...page.data].reverse(); // as the rows were written
    expect(txns.map((tx) => [tx.status, tx.matchRule, tx.amount])).toEqual([
      ['matched', 'number_exact', 11_900],
      ['suggested', 'number_amount_differs', 10_000],
      ['unmatched', null, 1_234],
    ]);
    expect(txns[0]).toMatchObject({ counterpartyName: 'Bäckerei Müller KG', creditDebit: 'credit' });
    expect(await fakturo.invoices.get(exact.id)).toMatchObject({ status: 'paid' });
    expect(await fakturo.payments.get(txns[0]!.paymentId!)).toMatchObject({
      provider: 'bank',
      externalId: txns[0]!.id,
      amount: 11_900,
    });
    expect(await fakturo.bankTransactions.get(txns[1]!.id)).toEqual(txns[1]);
    const suggested = await fakturo.bankTransactions
      .listAutoPaging({ status: 'suggested' }, { maxItems: 10 })
      .toArray();
    expect(suggested.map((tx) => tx.id)).toEqual([txns[1]!.id]);
  });

  it('accepts the suggestion, books the stranger to a credit balance, and undoes the automatic match', async () => {
    const accepted = await fakturo.bankTransactions.match(txns[1]!.id, { acceptSuggestion: true });
    expect(accepted).toMatchObject({ status: 'matched', matchRule: 'manual' });
    expect(await fakturo.invoices.get(partial.id)).toMatchObject({
      status: 'partially_paid',
      amountOpen: 13_800,
    });

    const booked = await fakturo.bankTransactions.match(txns[2]!.id, { contactId: buyer.id });
    expect(booked.status).toBe('matched');
    expect((await fakturo.contacts.creditBalance(buyer.id)).balances).toEqual([
      { currency: 'EUR', amount: 1_234 },
    ]);

    const undone = await fakturo.bankTransactions.unmatch(txns[0]!.id);
    expect(undone).toMatchObject({ status: 'unmatched', paymentId: null });
    expect(await fakturo.invoices.get(exact.id)).toMatchObject({ status: 'finalized', amountOpen: 11_900 });

    // a new reconciliation does not apply the undone match again
    expect(await fakturo.bankTransactions.reconcile({ statementId })).toEqual({ queued: true });
    await jobs.run();
    expect((await fakturo.bankTransactions.get(txns[0]!.id)).status).toBe('unmatched');

    // set aside as no invoice payment, and back
    const ignored = await fakturo.bankTransactions.ignore(txns[0]!.id, { reason: 'Umbuchung' });
    expect(ignored.status).toBe('ignored');
    expect(ignored.matchReason).toMatch(/: Umbuchung$/);
    expect((await fakturo.bankTransactions.list({ status: 'ignored' })).data.map((x) => x.id)).toContain(
      txns[0]!.id,
    );
    expect((await fakturo.bankTransactions.unmatch(txns[0]!.id)).status).toBe('unmatched');
    expect((await fakturo.bankTransactions.ignore(txns[0]!.id)).status).toBe('ignored');
  });

  it('refuses a match beyond what the invoice owes, and another tenant’s transaction is not found', async () => {
    const tooMuch = await failure(
      fakturo.bankTransactions.match(txns[0]!.id, {
        allocations: [{ invoiceId: exact.id, amount: 20_000 }],
      }),
    );
    expect(tooMuch).toBeInstanceOf(ValidationError);
    expect(tooMuch.errors[0]?.path).toMatch(/^allocations/);
    const stranger = api.client({}, await api.t.tenant('Andere GmbH'));
    expect(await failure(stranger.bankTransactions.unmatch(txns[1]!.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.bankStatements.get(statementId))).toBeInstanceOf(NotFoundError);
  });
});

describe('a SEPA direct debit collection', () => {
  let invoice: Invoice;
  let collection: SepaCollection;

  beforeAll(async () => {
    const debtor = await fakturo.contacts.create(
      companyInput({
        companyName: 'Alpenblick Consulting GmbH',
        preferredPaymentMethod: 'sepa_debit',
        sepaMandates: [
          { reference: 'MDT-2026-0001', signedDate: '2026-02-01', iban: 'DE02120300000000202051' },
        ],
      }),
    );
    invoice = await issued(debtor.id);
  });

  it('collects the invoice after the pre-notification period', async () => {
    collection = await fakturo.sepaCollections.create({ invoiceIds: [invoice.id] });
    expectTypeOf(collection).toEqualTypeOf<SepaCollection>();
    expect(collection).toMatchObject({
      id: expect.stringMatching(/^sepc_/),
      status: 'pending',
      currency: 'EUR',
      itemCount: 1,
      controlSum: 11_900,
      creditor: { creditorId: CREDITOR_ID, iban: SELLER_IBAN },
      items: [
        {
          invoiceId: invoice.id,
          mandateReference: 'MDT-2026-0001',
          sequenceType: 'FRST',
          amount: 11_900,
          collectionDate: '2026-03-16',
          status: 'pending',
        },
      ],
    });
    expect(await fakturo.sepaCollections.get(collection.id)).toEqual(collection);
    const pending = await fakturo.sepaCollections.list({ invoiceId: invoice.id, status: 'pending' });
    expect(pending.data.map((c) => c.id)).toEqual([collection.id]);
  });

  it('downloads the pain.008.001.08 file as text, the same every time', async () => {
    const xml = await fakturo.sepaCollections.xml(collection.id);
    expectTypeOf(xml).toEqualTypeOf<string>();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');
    expect(xml).toContain(`<MsgId>${collection.messageId}</MsgId>`);
    expect(xml).toContain(`<EndToEndId>${collection.items[0]!.endToEndId}</EndToEndId>`);
    expect(xml).toContain('<InstdAmt Ccy="EUR">119.00</InstdAmt>');
    expect(xml).toContain('<MndtId>MDT-2026-0001</MndtId>');
    expect(await fakturo.sepaCollections.xml(collection.id)).toBe(xml);
  });

  it('is submitted once; a submitted collection cannot be cancelled', async () => {
    const submitted = await fakturo.sepaCollections.submit(collection.id);
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedAt: expect.any(String),
      items: [{ status: 'submitted' }],
    });
    const refused = await failure(fakturo.sepaCollections.cancel(collection.id));
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe('sepa_collection_not_pending');
    // nothing left to collect: every invoice asked for is refused with its reason
    const nothing = await failure(fakturo.sepaCollections.create({ invoiceIds: [invoice.id] }));
    expect(nothing).toBeInstanceOf(ValidationError);
  });
});
