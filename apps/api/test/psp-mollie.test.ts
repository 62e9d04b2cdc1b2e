import { randomBytes } from 'node:crypto';
import { secrets } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { expectBooksBalanceIn } from './payments.support';
import { listening, startFakeMollie } from './psp.support';

// A user's story of paying through Mollie (issue 6 item 2): the organisation connects Mollie, makes a payment
// link, the payer pays, Mollie calls back with the payment id only, and Fakturo fetches the payment again
// with the organisation's key before booking it. Mollie is a local stand-in speaking its HTTP API; the
// official @mollie/api-client makes the calls. That client only talks TLS, through an agent pinned to the
// CA list it bundles, so the stand-in serves a throwaway self-signed certificate and this test process
// (one process per test file) skips certificate verification — nothing else of the client is bypassed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
secrets.setEncryptionKey(randomBytes(32));
const mollie = await startFakeMollie();
process.env.FAKTURO_MOLLIE_API_BASE = mollie.url;
const t = await createTestApp();
const appUrl = await listening(t);
afterAll(() => mollie.close());

const API_KEY = `test_${'dHar4XY7LxsDOtmnkVtjNVWXLSlXsM'}`;
mollie.keys.add(API_KEY);

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput({ companyName: 'Boulangerie Dupont SARL' }));
});

/** An issued invoice of 2 × 100.00 + 19 % = 238.00 (23800). */
async function issued(as?: TestTenant, contactId = buyer.id) {
  const created = await draft(t, { contactId, lines: [line()] }, as);
  return finalize(t, created.id, as);
}

const connect = (body: Record<string, unknown>, as?: TestTenant) =>
  t.api({ method: 'PUT', url: '/v1/payment-providers/mollie', body }, as);
const linkFor = (invoiceId: string, body?: Record<string, unknown>, as?: TestTenant) =>
  post(t, `/v1/invoices/${invoiceId}/payment-link`, body, as);
const paymentsOf = async (invoiceId: string) =>
  (await ok(get(t, `/v1/payments?invoiceId=${invoiceId}`))).data;
const fetchesOf = (id: string) =>
  mollie.requests.filter((r) => r.method === 'GET' && r.path === `/v2/payments/${id}`);

async function invoiceWithLink(contactId = buyer.id) {
  const invoice = await issued(undefined, contactId);
  const link = await ok(linkFor(invoice.id), 201);
  return { invoice, link };
}

describe('connecting Mollie', () => {
  it('stores the API key encrypted and shows it masked only', async () => {
    const res = await connect({ apiKey: API_KEY, returnUrl: 'https://boutique.example/merci' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      provider: 'mollie',
      livemode: false,
      isDefault: true,
      apiKey: `test_…${API_KEY.slice(-4)}`,
      secretKey: null,
      webhookSigningSecret: null,
      webhookUrl: expect.stringMatching(/\/v1\/psp\/mollie\/webhook$/),
    });
    expect(res.text).not.toContain(API_KEY);
    const row = await t
      .db('payment_provider_settings')
      .where({ organization_id: t.main.organizationId })
      .first();
    expect(JSON.stringify(row)).not.toContain(API_KEY.slice(5));
    expect(row.secret_key_encrypted).toMatch(/^v1\./);

    const stripeOnly = await connect({ webhookSigningSecret: 'whsec_abcdefghijkl' });
    expect(stripeOnly.status).toBe(422);
    expect(stripeOnly.body.errors).toEqual([
      expect.objectContaining({ path: 'webhookSigningSecret', code: 'not_applicable' }),
    ]);
  });
});

describe('payment links', () => {
  it('creates a Mollie payment for the open amount, with our webhook and the invoice in its metadata', async () => {
    const { invoice, link } = await invoiceWithLink();
    expect(link).toMatchObject({
      provider: 'mollie',
      providerObjectId: expect.stringMatching(/^tr_/),
      url: expect.stringMatching(/^https:\/\/www\.mollie\.com\/checkout\/select-method\//),
      status: 'open',
      amount: 23800,
      currency: 'EUR',
      returnUrl: 'https://boutique.example/merci',
      livemode: false,
    });
    const created = mollie.requests.filter((r) => r.method === 'POST' && r.path === '/v2/payments').at(-1)!;
    expect(created.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(created.headers['idempotency-key']).toBe(`fakturo-${link.id}`);
    expect(created.body).toEqual({
      amount: { currency: 'EUR', value: '238.00' },
      description: `Invoice ${invoice.number}`,
      redirectUrl: 'https://boutique.example/merci',
      webhookUrl: expect.stringMatching(/^https?:\/\/[^/]+\/v1\/psp\/mollie\/webhook$/),
      metadata: {
        fakturoOrganizationId: t.main.organizationId,
        fakturoInvoiceId: invoice.id,
        fakturoPaymentLinkId: link.id,
      },
    });
    // the expiry is Mollie's
    expect(link.expiresAt).toBe(mollie.payments.get(link.providerObjectId)!.expiresAt);

    const again = await linkFor(invoice.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(link.id);
  });
});

describe('Mollie callbacks', () => {
  it('re-fetches the payment: an open one changes nothing, a paid one is booked and the invoice turns paid', async () => {
    const { invoice, link } = await invoiceWithLink();
    const early = await mollie.notify(appUrl, link.providerObjectId);
    expect(early).toEqual({
      status: 200,
      body: { received: true, result: 'ignored', paymentLinkId: link.id, paymentId: null },
    });
    expect(fetchesOf(link.providerObjectId)).toHaveLength(1);

    mollie.setStatus(link.providerObjectId, 'paid');
    const res = await mollie.notify(appUrl, link.providerObjectId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      result: 'booked',
      paymentLinkId: link.id,
      paymentId: expect.stringMatching(/^pay_/),
    });
    const fetched = fetchesOf(link.providerObjectId);
    expect(fetched).toHaveLength(2);
    expect(fetched[1]!.headers.authorization).toBe(`Bearer ${API_KEY}`);

    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'paid',
      amountPaid: 23800,
    });
    expect(await ok(get(t, `/v1/payments/${res.body.paymentId}`))).toMatchObject({
      status: 'succeeded',
      method: 'mollie',
      provider: 'mollie',
      externalId: link.providerObjectId,
      amount: 23800,
      paidAt: new Date(mollie.payments.get(link.providerObjectId)!.paidAt!).toISOString(),
      allocations: [{ invoiceId: invoice.id, amount: 23800 }],
      metadata: { paymentLinkId: link.id, molliePaymentId: link.providerObjectId, mollieMethod: 'ideal' },
    });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({
      status: 'paid',
      paymentId: res.body.paymentId,
    });

    // Mollie calls again (it retries until it gets a 2xx, and may repeat): nothing is booked twice
    const repeat = await mollie.notify(appUrl, link.providerObjectId);
    expect(repeat.body).toMatchObject({ result: 'already_booked', paymentId: res.body.paymentId });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    const paidEvents = await t.db('events').where({ resource_id: invoice.id, type: 'invoice.paid' });
    expect(paidEvents).toHaveLength(1);
  });

  it('a refund or chargeback made at Mollie is booked as a refund once, and reopens the invoice', async () => {
    const { invoice, link } = await invoiceWithLink();
    const at = mollie.payments.get(link.providerObjectId)!;
    mollie.setStatus(link.providerObjectId, 'paid');
    const paid = await mollie.notify(appUrl, link.providerObjectId);
    expect(paid.body.result).toBe('booked');

    // the shop refunds 50.00 in the Mollie dashboard; Mollie calls the payment's webhook, the status stays paid
    at.amountRefunded = { currency: 'EUR', value: '50.00' };
    const refunded = await mollie.notify(appUrl, link.providerObjectId);
    expect(refunded.body).toMatchObject({ result: 'updated', paymentId: paid.body.paymentId });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'partially_paid',
      amountPaid: 18800,
      amountOpen: 5000,
    });
    const refunds = async () =>
      (await ok(get(t, `/v1/payments?type=refund&contactId=${buyer.id}`))).data.filter(
        (p: { refundedPaymentId: string }) => p.refundedPaymentId === paid.body.paymentId,
      );
    expect(await refunds()).toMatchObject([
      {
        amount: 5000,
        method: 'mollie',
        provider: 'mollie',
        allocations: [{ invoiceId: invoice.id, amount: 5000 }],
      },
    ]);
    // repeated, and twice at once: nothing more
    expect((await mollie.notify(appUrl, link.providerObjectId)).body.result).toBe('already_booked');
    at.amountRefunded = { currency: 'EUR', value: '100.00' };
    const both = await Promise.all([
      mollie.notify(appUrl, link.providerObjectId),
      mollie.notify(appUrl, link.providerObjectId),
    ]);
    expect(both.map((r) => r.body.result).sort()).toEqual(['already_booked', 'updated']);
    // then the payer's bank charges the rest back
    at.amountChargedBack = { currency: 'EUR', value: '138.00' };
    expect((await mollie.notify(appUrl, link.providerObjectId)).body.result).toBe('updated');
    expect((await refunds()).map((r: { amount: number }) => r.amount)).toEqual([13800, 5000, 5000]);
    expect(await ok(get(t, `/v1/payments/${paid.body.paymentId}`))).toMatchObject({
      amountRefunded: 23800,
      amountAllocated: 0,
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
      amountOpen: 23800,
    });
    expect((await mollie.notify(appUrl, link.providerObjectId)).body.result).toBe('already_booked');
    await expectBooksBalanceIn(t);
  });

  it('a payment captured in part books what was captured, and the invoice keeps the rest open', async () => {
    const { invoice, link } = await invoiceWithLink();
    const at = mollie.payments.get(link.providerObjectId)!;
    mollie.setStatus(link.providerObjectId, 'paid');
    // an authorised pay-later payment of which the shop captured 100.00 of 238.00 (the rest is released)
    at.amountCaptured = { currency: 'EUR', value: '100.00' };
    const res = await mollie.notify(appUrl, link.providerObjectId);
    expect(res.body.result).toBe('booked');
    expect(await ok(get(t, `/v1/payments/${res.body.paymentId}`))).toMatchObject({
      amount: 10000,
      amountAllocated: 10000,
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'partially_paid',
      amountPaid: 10000,
      amountOpen: 13800,
    });
    expect((await mollie.notify(appUrl, link.providerObjectId)).body.result).toBe('already_booked');
    await expectBooksBalanceIn(t);
  });

  it('an amount Mollie writes with more decimals than the currency has, all zeros, is read exactly', async () => {
    const created = await draft(t, {
      contactId: buyer.id,
      currency: 'HUF',
      lines: [line({ quantity: '1', unitAmount: 10000 })],
    });
    const invoice = await finalize(t, created.id);
    const link = await ok(linkFor(invoice.id), 201);
    const at = mollie.payments.get(link.providerObjectId)!;
    // forint as ISO 4217 writes them: two decimals, always 00
    at.amount = { currency: 'HUF', value: '11900.00' };
    mollie.setStatus(link.providerObjectId, 'paid');
    const res = await mollie.notify(appUrl, link.providerObjectId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result).toBe('booked');
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'paid',
      amountPaid: 11900,
    });
  });

  it('trusts only what Mollie answers, not what the callback claims', async () => {
    const { invoice, link } = await invoiceWithLink();
    // someone posts the id of an open payment hoping it books: Mollie says open, so nothing happens
    const forged = await fetch(`${appUrl}/v1/psp/mollie/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: link.providerObjectId, status: 'paid', amount: '238.00' }).toString(),
    });
    expect(forged.status).toBe(200);
    expect(((await forged.json()) as { result: string }).result).toBe('ignored');
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({ status: 'finalized' });
  });

  it('unknown ids answer 200 without effect and without asking Mollie', async () => {
    const before = mollie.requests.length;
    const unknown = await mollie.notify(appUrl, 'tr_NotOurs12345');
    expect(unknown).toEqual({
      status: 200,
      body: { received: true, result: 'ignored', paymentLinkId: null, paymentId: null },
    });
    const nonsense = await mollie.notify(appUrl, "'; DROP TABLE payments; --");
    expect(nonsense.status).toBe(200);
    expect(mollie.requests.length).toBe(before);

    const empty = await fetch(`${appUrl}/v1/psp/mollie/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'foo=bar',
    });
    expect(empty.status).toBe(400);
  });

  it('a failed payment is recorded, books nothing, and a new link can be made', async () => {
    const { invoice, link } = await invoiceWithLink();
    mollie.setStatus(link.providerObjectId, 'failed');
    const res = await mollie.notify(appUrl, link.providerObjectId);
    expect(res.body).toMatchObject({ result: 'updated', paymentId: expect.stringMatching(/^pay_/) });
    expect(await ok(get(t, `/v1/payments/${res.body.paymentId}`))).toMatchObject({
      status: 'failed',
      failureReason: 'Mollie: the payment failed',
      allocations: [],
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
    });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({ status: 'failed' });
    const next = await linkFor(invoice.id);
    expect(next.status).toBe(201);
    expect(next.body.providerObjectId).not.toBe(link.providerObjectId);
  });

  it('an expired payment closes its link; paid after the invoice was cancelled, the money goes to the credit balance', async () => {
    const { link: expiring } = await invoiceWithLink();
    mollie.setStatus(expiring.providerObjectId, 'expired');
    expect((await mollie.notify(appUrl, expiring.providerObjectId)).body.result).toBe('updated');
    expect(await ok(get(t, `/v1/payment-links/${expiring.id}`))).toMatchObject({ status: 'expired' });

    const { invoice, link } = await invoiceWithLink();
    await ok(post(t, `/v1/invoices/${invoice.id}/cancel`));
    mollie.setStatus(link.providerObjectId, 'paid');
    const res = await mollie.notify(appUrl, link.providerObjectId);
    expect(res.body.result).toBe('booked');
    expect(await ok(get(t, `/v1/payments/${res.body.paymentId}`))).toMatchObject({
      amount: 23800,
      amountAllocated: 0,
      amountUnapplied: 23800,
      allocations: [],
    });
    const balance = await ok(get(t, `/v1/contacts/${buyer.id}/credit-balance`));
    expect(balance.balances).toEqual([{ currency: 'EUR', amount: 23800 }]);
  });

  it('a key Mollie refuses answers 409 with Mollie’s reason', async () => {
    const shop = await t.tenant('Widerrufen GmbH');
    await readySeller(t, shop);
    await ok(
      connect({ apiKey: 'test_RevokedRevokedRevokedRevoked', returnUrl: 'https://x.example/' }, shop),
      201,
    );
    const theirs = await contact(t, companyInput(), shop);
    const invoice = await issued(shop, theirs.id);
    const res = await linkFor(invoice.id, undefined, shop);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'payment_provider_rejected',
      detail: expect.stringContaining('authenticate'),
    });
  });

  it('another organisation’s links and invoices are not found', async () => {
    // a buyer of its own: the credit balance of the story before pays the main buyer's next invoice at once
    const { invoice, link } = await invoiceWithLink((await contact(t, companyInput())).id);
    const stranger = await t.tenant('Fremd AG');
    expect((await get(t, `/v1/payment-links/${link.id}`, stranger)).status).toBe(404);
    expect((await linkFor(invoice.id, { provider: 'mollie' }, stranger)).status).toBe(404);
    expect((await get(t, '/v1/payment-providers/mollie', stranger)).status).toBe(404);
  });
});
