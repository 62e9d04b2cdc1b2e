import { randomBytes } from 'node:crypto';
import { secrets } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { expectBooksBalanceIn } from './payments.support';
import { listening, startFakeStripe } from './psp.support';

// A user's story of card payment through Stripe (issue 6 item 2): the organisation connects its Stripe
// account, makes a payment link for an invoice, the payer pays, and Stripe's signed callback books the
// payment — the invoice turns paid. Stripe is a local stand-in speaking its HTTP API; the official SDK makes
// the calls and the SDK's own signature check verifies the callbacks.
secrets.setEncryptionKey(randomBytes(32));
const stripe = await startFakeStripe();
process.env.FAKTURO_STRIPE_API_BASE = stripe.url;
const t = await createTestApp();
const appUrl = await listening(t);
afterAll(() => stripe.close());

const SECRET_KEY = `sk_test_51${'Qw3rTy'.repeat(8)}4242`;
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
stripe.keys.add(SECRET_KEY);

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(
    t,
    companyInput({
      companyName: 'Bäckerei Müller KG',
      emails: [{ email: 'buchhaltung@mueller.example', type: 'billing' }],
    }),
  );
});

/** An issued invoice of 2 × 100.00 + 19 % = 238.00 (23800). */
async function issued(as?: TestTenant, contactId = buyer.id) {
  const created = await draft(t, { contactId, lines: [line()] }, as);
  return finalize(t, created.id, as);
}

const connect = (body: Record<string, unknown>, as?: TestTenant) =>
  t.api({ method: 'PUT', url: '/v1/payment-providers/stripe', body }, as);
const linkFor = (invoiceId: string, body?: Record<string, unknown>, as?: TestTenant) =>
  post(t, `/v1/invoices/${invoiceId}/payment-link`, body, as);
const sessionRequests = () => stripe.requests.filter((r) => r.path === '/v1/checkout/sessions');
const paymentsOf = async (invoiceId: string) =>
  (await ok(get(t, `/v1/payments?invoiceId=${invoiceId}`))).data;

/** An invoice with an open Stripe link: what most stories start from. */
async function invoiceWithLink() {
  const invoice = await issued();
  const link = await ok(linkFor(invoice.id), 201);
  return { invoice, link };
}

const deliver = (payload: string, secret = WEBHOOK_SECRET) => stripe.deliver(appUrl, payload, { secret });

describe('connecting Stripe', () => {
  it('stores the keys encrypted and shows them masked only', async () => {
    const res = await connect({
      secretKey: SECRET_KEY,
      webhookSigningSecret: WEBHOOK_SECRET,
      returnUrl: 'https://shop.example/danke',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      provider: 'stripe',
      livemode: false,
      isDefault: true,
      secretKey: 'sk_test_…4242',
      webhookSigningSecret: `whsec_…${WEBHOOK_SECRET.slice(-4)}`,
      apiKey: null,
      returnUrl: 'https://shop.example/danke',
      webhookUrl: expect.stringMatching(/\/v1\/psp\/stripe\/webhook$/),
      version: 1,
    });
    expect(res.text).not.toContain(SECRET_KEY);
    expect(res.text).not.toContain(WEBHOOK_SECRET);
    const read = await ok(get(t, '/v1/payment-providers/stripe'));
    expect(read).toEqual(res.body);
    expect((await ok(get(t, '/v1/payment-providers'))).data).toEqual([res.body]);

    // the table holds ciphertext only, which the key in FAKTURO_ENCRYPTION_KEY turns back into the key
    const row = await t
      .db('payment_provider_settings')
      .where({ organization_id: t.main.organizationId })
      .first();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(SECRET_KEY);
    expect(stored).not.toContain(WEBHOOK_SECRET.slice(6));
    expect(row.secret_key_encrypted).toMatch(/^v1\./);
    expect(
      secrets.decryptSecret(
        row.secret_key_encrypted,
        `payment_provider:${t.main.organizationId}:stripe:secret_key`,
      ),
    ).toBe(SECRET_KEY);
    // bound to its row and column: the webhook secret's ciphertext does not decrypt as the key
    expect(() =>
      secrets.decryptSecret(
        row.webhook_secret_encrypted,
        `payment_provider:${t.main.organizationId}:stripe:secret_key`,
      ),
    ).toThrow();
  });

  it('changes settings without resending the keys, and refuses bad input naming every field', async () => {
    const changed = await connect({ returnUrl: 'https://shop.example/thanks' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      secretKey: 'sk_test_…4242',
      returnUrl: 'https://shop.example/thanks',
      version: 2,
    });
    expect(changed.headers.etag).toBe('"2"');

    const bad = await connect({
      secretKey: 'pk_test_123',
      apiKey: 'test_abcdefghijklmnop',
      returnUrl: 'ftp://x',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'apiKey:not_applicable',
      'returnUrl:url_invalid',
      'secretKey:secret_key_invalid',
    ]);
    const stale = await t.api({
      method: 'PUT',
      url: '/v1/payment-providers/stripe',
      body: { returnUrl: 'https://shop.example/danke' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect((await ok(get(t, '/v1/payment-providers/stripe'))).version).toBe(2);
    await ok(connect({ returnUrl: 'https://shop.example/danke' }));
  });
});

describe('payment links', () => {
  it('creates a Checkout Session for the open amount with the invoice in its metadata', async () => {
    const invoice = await issued();
    const before = sessionRequests().length;
    const res = await linkFor(invoice.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const link = res.body;
    expect(link).toMatchObject({
      id: expect.stringMatching(/^plk_/),
      invoiceId: invoice.id,
      provider: 'stripe',
      providerObjectId: expect.stringMatching(/^cs_test_/),
      livemode: false,
      url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/),
      returnUrl: 'https://shop.example/danke',
      status: 'open',
      amount: 23800,
      currency: 'EUR',
      paymentId: null,
    });
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect(res.headers.location).toBe(`/v1/payment-links/${link.id}`);

    // what the official SDK sent to Stripe
    expect(sessionRequests()).toHaveLength(before + 1);
    const sent = sessionRequests().at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent.headers['idempotency-key']).toBe(`fakturo-${link.id}`);
    expect(sent.body).toMatchObject({
      mode: 'payment',
      client_reference_id: link.id,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '23800',
      'line_items[0][price_data][product_data][name]': `Invoice ${invoice.number}`,
      'metadata[fakturo_organization_id]': t.main.organizationId,
      'metadata[fakturo_invoice_id]': invoice.id,
      'metadata[fakturo_payment_link_id]': link.id,
      'payment_intent_data[metadata][fakturo_invoice_id]': invoice.id,
      customer_email: 'buchhaltung@mueller.example',
      success_url: 'https://shop.example/danke',
      cancel_url: 'https://shop.example/danke',
    });

    const events = await ok(get(t, `/v1/events?type=payment_link.created&resourceId=${link.id}`));
    expect(events.data).toHaveLength(1);
    expect(events.data[0].data.object).toMatchObject({ id: link.id, url: link.url, amount: 23800 });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toEqual(link);
    expect((await ok(get(t, `/v1/payment-links?invoiceId=${invoice.id}`))).data).toEqual([link]);
  });

  it('hands out the open link again for the same amount, and a new one when the amount changed', async () => {
    const { invoice, link } = await invoiceWithLink();
    const before = sessionRequests().length;
    const again = await linkFor(invoice.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(link.id);
    expect(sessionRequests()).toHaveLength(before);

    // two requests at once for a fresh invoice: one checkout, one link
    const fresh = await issued();
    const sessionsBefore = sessionRequests().length;
    const [a, b] = await Promise.all([linkFor(fresh.id), linkFor(fresh.id)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(sessionRequests()).toHaveLength(sessionsBefore + 1);

    // a partial bank transfer: the next link asks for what is left
    await ok(post(t, '/v1/payments', { invoiceId: invoice.id, amount: 10000, method: 'bank_transfer' }), 201);
    const rest = await linkFor(invoice.id);
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ amount: 13800 });
    expect(rest.body.id).not.toBe(link.id);
    expect(sessionRequests().at(-1)!.body['line_items[0][price_data][unit_amount]']).toBe('13800');
  });

  it('refuses drafts and cancelled invoices (409), and needs a return URL from somewhere', async () => {
    const created = await draft(t, { contactId: buyer.id, lines: [line()] });
    const onDraft = await linkFor(created.id);
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.code).toBe('invoice_not_finalized');

    const cancelled = await issued();
    await ok(post(t, `/v1/invoices/${cancelled.id}/cancel`));
    const onCancelled = await linkFor(cancelled.id);
    expect(onCancelled.status).toBe(409);
    expect(onCancelled.body.code).toBe('invoice_cancelled');

    const missing = await linkFor('doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
    expect(missing.status).toBe(404);

    const badUrl = await linkFor(cancelled.id, { returnUrl: 'javascript:alert(1)' });
    expect(badUrl.status).toBe(422);
    expect(badUrl.body.errors[0]).toMatchObject({ path: 'returnUrl', code: 'url_invalid' });
  });

  it('answers 409 with Stripe’s reason when Stripe refuses the key', async () => {
    const other = await t.tenant('Ohne Schlüssel GmbH');
    await readySeller(t, other);
    const theirs = await contact(t, companyInput(), other);
    const invoice = await issued(other, theirs.id);
    const none = await linkFor(invoice.id, undefined, other);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('payment_provider_not_configured');

    await ok(
      connect({ secretKey: `sk_test_${'Revoked1'.repeat(4)}`, returnUrl: 'https://x.example/' }, other),
      201,
    );
    const refused = await linkFor(invoice.id, undefined, other);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'payment_provider_rejected',
      detail: expect.stringContaining('Invalid API Key'),
    });
    expect(await t.db('payment_links').where({ organization_id: other.organizationId })).toHaveLength(0);
  });
});

describe('Stripe callbacks', () => {
  it('a verified checkout.session.completed books the payment and the invoice turns paid', async () => {
    const { invoice, link } = await invoiceWithLink();
    const res = await deliver(
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'paid' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      received: true,
      result: 'booked',
      paymentLinkId: link.id,
      paymentId: expect.stringMatching(/^pay_/),
    });

    const paid = await ok(get(t, `/v1/invoices/${invoice.id}`));
    expect(paid).toMatchObject({ status: 'paid', amountPaid: 23800 });
    const payment = await ok(get(t, `/v1/payments/${res.body.paymentId}`));
    expect(payment).toMatchObject({
      status: 'succeeded',
      method: 'stripe',
      provider: 'stripe',
      externalId: link.providerObjectId,
      amount: 23800,
      currency: 'EUR',
      contactId: buyer.id,
      allocations: [{ invoiceId: invoice.id, amount: 23800 }],
      metadata: { paymentLinkId: link.id, stripePaymentIntent: expect.stringMatching(/^pi_/) },
    });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({
      status: 'paid',
      paymentId: payment.id,
    });
    const types = (await t.db('events').whereIn('resource_id', [invoice.id, payment.id]).orderBy('id')).map(
      (e) => e.type,
    );
    expect(types).toEqual(expect.arrayContaining(['payment.succeeded', 'invoice.paid']));

    const after = await linkFor(invoice.id);
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('invoice_paid');
  });

  it('a currency Stripe counts differently (ISK, in hundredths at Stripe) is charged and booked at its real amount', async () => {
    const created = await draft(t, {
      contactId: buyer.id,
      currency: 'ISK',
      lines: [line({ quantity: '1', unitAmount: 10000 })],
    });
    const invoice = await finalize(t, created.id);
    expect(invoice).toMatchObject({ currency: 'ISK', amountOpen: 11900 }); // 11 900 kr.
    const link = await ok(linkFor(invoice.id), 201);
    expect(link).toMatchObject({ amount: 11900, currency: 'ISK' });
    const sent = sessionRequests().at(-1)!.body;
    // Stripe's ISK amounts are two-decimal ("an ISK amount of 100 represents 1 króna"): 11 900 kr. is 1190000
    expect(sent['line_items[0][price_data][currency]']).toBe('isk');
    expect(sent['line_items[0][price_data][unit_amount]']).toBe('1190000');

    const res = await deliver(
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'paid' }),
    );
    expect(res.body.result).toBe('booked');
    expect(await ok(get(t, `/v1/payments/${res.body.paymentId}`))).toMatchObject({
      amount: 11900,
      currency: 'ISK',
      amountAllocated: 11900,
      amountUnapplied: 0,
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'paid',
      amountPaid: 11900,
    });
  });

  it('the same callback twice books once', async () => {
    const { invoice, link } = await invoiceWithLink();
    const payload = stripe.event('checkout.session.completed', link.providerObjectId, {
      payment_status: 'paid',
    });
    const first = await deliver(payload);
    const second = await deliver(payload);
    expect(first.body.result).toBe('booked');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ result: 'already_booked', paymentId: first.body.paymentId });
    // and two at once: the link's row lock queues them
    const [a, b] = await Promise.all([deliver(payload), deliver(payload)]);
    expect([a.body.result, b.body.result]).toEqual(['already_booked', 'already_booked']);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).amountPaid).toBe(23800);
  });

  it('a bad signature answers 400 and books nothing', async () => {
    const { invoice, link } = await invoiceWithLink();
    const payload = stripe.event('checkout.session.completed', link.providerObjectId, {
      payment_status: 'paid',
    });

    const wrongSecret = await deliver(payload, `whsec_${randomBytes(24).toString('hex')}`);
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.code).toBe('stripe_signature_invalid');

    // signed, then altered on the way: the amount doubled
    const header = (await import('stripe')).default.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
    });
    const tampered = await stripe.deliver(
      appUrl,
      payload.replace('"amount_total": 23800', '"amount_total": 47600'),
      {
        secret: WEBHOOK_SECRET,
        header,
      },
    );
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe('stripe_signature_invalid');

    // a genuine event replayed after the 5 minutes' tolerance
    const stale = await stripe.deliver(appUrl, payload, {
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(400);

    const unsigned = await fetch(`${appUrl}/v1/psp/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as { code: string }).code).toBe('stripe_signature_missing');

    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
    });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({ status: 'open' });
  });

  it('events in any order: a delayed payment books on its own event, and a late failure never un-books', async () => {
    const { invoice, link } = await invoiceWithLink();
    // the async success overtakes the completion
    const succeeded = await deliver(
      stripe.event('checkout.session.async_payment_succeeded', link.providerObjectId),
    );
    expect(succeeded.body.result).toBe('booked');
    const completed = await deliver(
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'unpaid' }),
    );
    expect(completed.status).toBe(200);
    expect(completed.body.result).toBe('ignored');
    const failed = await deliver(
      stripe.event('checkout.session.async_payment_failed', link.providerObjectId),
    );
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ result: 'already_booked', paymentId: succeeded.body.paymentId });
    const expired = await deliver(stripe.event('checkout.session.expired', link.providerObjectId));
    expect(expired.body.result).toBe('ignored');

    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({
      status: 'paid',
      paymentId: succeeded.body.paymentId,
    });
    expect(await ok(get(t, `/v1/payments/${succeeded.body.paymentId}`))).toMatchObject({
      status: 'succeeded',
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'paid',
      amountPaid: 23800,
    });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
  });

  it('a SEPA debit: processing after checkout, then a failed debit is recorded and the invoice stays open', async () => {
    const { invoice, link } = await invoiceWithLink();
    const completed = await deliver(
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'unpaid' }),
    );
    expect(completed.body).toMatchObject({ result: 'updated', paymentId: null });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({ status: 'processing' });

    const failed = await deliver(
      stripe.event('checkout.session.async_payment_failed', link.providerObjectId),
    );
    expect(failed.body).toMatchObject({ result: 'updated', paymentId: expect.stringMatching(/^pay_/) });
    const attempt = await ok(get(t, `/v1/payments/${failed.body.paymentId}`));
    expect(attempt).toMatchObject({
      status: 'failed',
      method: 'stripe',
      externalId: link.providerObjectId,
      allocations: [],
    });
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`))).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
    });
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({
      status: 'failed',
      paymentId: null,
    });
    expect((await t.db('events').where({ resource_id: attempt.id })).map((e) => e.type)).toEqual([
      'payment.failed',
    ]);

    // the payer can try again with a new link
    const next = await linkFor(invoice.id);
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(link.id);
  });

  it('events about sessions Fakturo did not make answer 200 and change nothing', async () => {
    const foreign = JSON.stringify({
      id: 'evt_foreign',
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'cs_test_not_ours',
          object: 'checkout.session',
          payment_status: 'paid',
          amount_total: 999999,
        },
      },
    });
    const res = await deliver(foreign);
    expect(res).toEqual({
      status: 200,
      body: { received: true, result: 'ignored', paymentLinkId: null, paymentId: null },
    });
    const other = await deliver(
      JSON.stringify({
        id: 'evt_x',
        object: 'event',
        type: 'charge.succeeded',
        data: { object: { id: 'ch_1', object: 'charge' } },
      }),
    );
    expect(other.body.result).toBe('ignored');
    expect(await t.db('payments').where({ external_id: 'cs_test_not_ours' })).toHaveLength(0);
  });

  it('an organisation without a signing secret answers 409, so Stripe retries until it is set', async () => {
    const shop = await t.tenant('Später GmbH');
    await readySeller(t, shop);
    const key = `sk_test_${'LaterKey'.repeat(4)}`;
    stripe.keys.add(key);
    await ok(connect({ secretKey: key, returnUrl: 'https://later.example/' }, shop), 201);
    const theirs = await contact(t, companyInput(), shop);
    const invoice = await issued(shop, theirs.id);
    const link = await ok(linkFor(invoice.id, undefined, shop), 201);
    const payload = stripe.event('checkout.session.completed', link.providerObjectId, {
      payment_status: 'paid',
    });
    const early = await deliver(payload);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('stripe_webhook_secret_missing');

    // their own secret, not the main organisation's, verifies their events
    const theirSecret = `whsec_${randomBytes(24).toString('hex')}`;
    await ok(connect({ webhookSigningSecret: theirSecret }, shop));
    expect((await deliver(payload)).status).toBe(400);
    const retried = await deliver(payload, theirSecret);
    expect(retried.body.result).toBe('booked');
    expect(await ok(get(t, `/v1/invoices/${invoice.id}`, shop))).toMatchObject({ status: 'paid' });
  });
});

describe('refunds and disputes at Stripe', () => {
  // The shop refunds in the Stripe dashboard, or the payer's bank charges the payment back: Stripe tells
  // Fakturo with `charge.refunded` and `charge.dispute.*`, and the invoice must owe again what went back —
  // otherwise it stays "paid" while the money is gone, and dunning never chases it.

  /** An invoice paid through its Stripe link (card, `checkout.session.completed`). */
  async function paidThroughStripe(currency?: string) {
    const created = currency
      ? await draft(t, { contactId: buyer.id, currency, lines: [line({ quantity: '1', unitAmount: 10000 })] })
      : undefined;
    const invoice = created ? await finalize(t, created.id) : await issued();
    const link = await ok(linkFor(invoice.id), 201);
    const paid = await deliver(
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'paid' }),
    );
    expect(paid.body.result).toBe('booked');
    const payment = await ok(get(t, `/v1/payments/${paid.body.paymentId}`));
    return { invoice, link, payment, session: link.providerObjectId as string };
  }
  const invoiceOf = (id: string) => ok(get(t, `/v1/invoices/${id}`));
  const refundsOf = async (invoiceId: string) =>
    (await ok(get(t, `/v1/payments?invoiceId=${invoiceId}&type=refund`))).data;
  /** The `payment.*` events about these payments and refunds, oldest first, as `type amount`. */
  const paymentEvents = async (ids: string[]) =>
    (await ok(get(t, '/v1/events?type=payment.*&limit=100'))).data
      .filter((e: { data: { object: { id: string } } }) => ids.includes(e.data.object.id))
      .reverse()
      .map(
        (e: { type: string; data: { object: { amount: number } } }) => `${e.type} ${e.data.object.amount}`,
      );
  const invoiceEvents = async (invoiceId: string) =>
    (await ok(get(t, `/v1/events?type=invoice.*&resourceId=${invoiceId}&limit=100`))).data
      .map((e: { type: string }) => e.type)
      .reverse();

  it('a full refund made in the Stripe dashboard is booked as a refund, and the invoice owes again', async () => {
    const { invoice, link, payment, session } = await paidThroughStripe();
    const res = await deliver(stripe.refundEvent(session, 23800));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      received: true,
      result: 'updated',
      paymentLinkId: link.id,
      paymentId: payment.id,
    });

    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
      amountOpen: 23800,
    });
    const refunds = await refundsOf(invoice.id);
    expect(refunds).toMatchObject([
      {
        type: 'refund',
        status: 'succeeded',
        amount: 23800,
        currency: 'EUR',
        method: 'stripe',
        provider: 'stripe',
        externalId: expect.stringMatching(/^ch_\w+:refunded:23800$/),
        refundedPaymentId: payment.id,
        description: 'Stripe: refunded at Stripe',
        allocations: [{ invoiceId: invoice.id, amount: 23800 }],
        metadata: {
          paymentLinkId: link.id,
          stripeCharge: expect.stringMatching(/^ch_/),
          stripePaymentIntent: payment.metadata.stripePaymentIntent,
        },
      },
    ]);
    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({
      amountRefunded: 23800,
      amountAllocated: 0,
    });
    expect(await paymentEvents([payment.id, refunds[0].id])).toEqual([
      'payment.succeeded 23800',
      'payment.refunded 23800',
    ]);
    expect(await invoiceEvents(invoice.id)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.updated',
    ]);
    // the link keeps its history; the payer can be sent a new one for what is owed again
    expect(await ok(get(t, `/v1/payment-links/${link.id}`))).toMatchObject({ status: 'paid' });
    expect(await ok(linkFor(invoice.id), 201)).toMatchObject({ amount: 23800 });
    await expectBooksBalanceIn(t);
  });

  it('two partial refunds: each books only its own amount, though Stripe reports the running total', async () => {
    const { invoice, payment, session } = await paidThroughStripe();
    const first = await deliver(stripe.refundEvent(session, 5000));
    expect(first.body.result).toBe('updated');
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 18800,
      amountOpen: 5000,
    });
    // the second refund's Charge says amount_refunded 8000: 50.00 of it is booked already
    const second = await deliver(stripe.refundEvent(session, 3000));
    expect(second.body.result).toBe('updated');
    const refunds = await refundsOf(invoice.id);
    expect(refunds.map((r: { amount: number; externalId: string }) => [r.amount, r.externalId])).toEqual([
      [3000, expect.stringMatching(/:refunded:8000$/)],
      [5000, expect.stringMatching(/:refunded:5000$/)],
    ]);
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 15800,
      amountOpen: 8000,
    });
    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({ amountRefunded: 8000 });
    expect(await paymentEvents(refunds.map((r: { id: string }) => r.id))).toEqual([
      'payment.refunded 5000',
      'payment.refunded 3000',
    ]);
    expect((await invoiceEvents(invoice.id)).slice(-2)).toEqual([
      'invoice.partially_paid',
      'invoice.partially_paid',
    ]);
    await expectBooksBalanceIn(t);
  });

  it('a redelivered refund event books once, also when two deliveries race', async () => {
    const { invoice, payment, session } = await paidThroughStripe();
    const payload = stripe.refundEvent(session, 10000);
    const first = await deliver(payload);
    expect(first.body).toMatchObject({ result: 'updated', paymentId: payment.id });
    const again = await deliver(payload);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ result: 'already_booked', paymentId: payment.id });
    const raced = await Promise.all([deliver(payload), deliver(payload)]);
    expect(raced.map((r) => r.body.result)).toEqual(['already_booked', 'already_booked']);
    // and a later refund racing its own redelivery: one of the two books it
    const next = stripe.refundEvent(session, 2000);
    const both = await Promise.all([deliver(next), deliver(next)]);
    expect(both.map((r) => r.body.result).sort()).toEqual(['already_booked', 'updated']);
    expect((await refundsOf(invoice.id)).map((r: { amount: number }) => r.amount)).toEqual([2000, 10000]);
    expect(await invoiceOf(invoice.id)).toMatchObject({ amountPaid: 11800, amountOpen: 12000 });
    await expectBooksBalanceIn(t);
  });

  it('a refund in a currency Stripe counts in hundredths (ISK) is booked at its real amount', async () => {
    const { invoice, session } = await paidThroughStripe('ISK');
    // 5 000 kr. refunded: Stripe's ISK amounts are two-decimal, so the Charge says 500000
    const res = await deliver(stripe.refundEvent(session, 500000));
    expect(res.body.result).toBe('updated');
    expect(await refundsOf(invoice.id)).toMatchObject([{ amount: 5000, currency: 'ISK' }]);
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: 6900,
      amountOpen: 5000,
    });
  });

  it('a refund that overtakes the booking of its payment is refused with 409, so Stripe delivers it again', async () => {
    const { invoice, link } = await invoiceWithLink();
    const completed = stripe.event('checkout.session.completed', link.providerObjectId, {
      payment_status: 'paid',
    });
    const refund = stripe.refundEvent(link.providerObjectId, 23800);
    const early = await deliver(refund);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('stripe_payment_not_booked');
    expect(await paymentsOf(invoice.id)).toHaveLength(0);

    expect((await deliver(completed)).body.result).toBe('booked');
    expect((await deliver(refund)).body.result).toBe('updated');
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
      amountOpen: 23800,
    });
  });

  it('refunds and disputes of charges Fakturo does not know answer 200 and book nothing', async () => {
    const { invoice, link, payment, session } = await paidThroughStripe();
    const envelope = (type: string, object: Record<string, unknown>) =>
      JSON.stringify({
        id: `evt_${type}`,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        data: { object },
      });
    const foreignCharge = {
      id: 'ch_not_ours',
      object: 'charge',
      amount: 23800,
      amount_refunded: 23800,
      currency: 'eur',
      payment_intent: 'pi_not_ours',
      metadata: {},
    };
    const ignoredNothing = { received: true, result: 'ignored', paymentLinkId: null, paymentId: null };
    expect(await deliver(envelope('charge.refunded', foreignCharge))).toEqual({
      status: 200,
      body: ignoredNothing,
    });
    // a link id that names no link
    const unknownLink = {
      ...foreignCharge,
      metadata: { fakturo_payment_link_id: 'plk_01JD3Y8WQ4XK0R5N6S7T8V9W0A' },
    };
    expect(await deliver(envelope('charge.refunded', unknownLink))).toEqual({
      status: 200,
      body: ignoredNothing,
    });
    const foreignDispute = {
      id: 'du_not_ours',
      object: 'dispute',
      amount: 23800,
      currency: 'eur',
      charge: 'ch_not_ours',
      payment_intent: 'pi_not_ours',
      status: 'needs_response',
      balance_transactions: [{ amount: -23800, currency: 'eur' }],
    };
    expect(await deliver(envelope('charge.dispute.funds_withdrawn', foreignDispute))).toEqual({
      status: 200,
      body: ignoredNothing,
    });
    // signed by this organisation and naming its link, but about a charge of another PaymentIntent
    const otherIntent = {
      ...foreignCharge,
      metadata: { fakturo_payment_link_id: link.id, fakturo_organization_id: t.main.organizationId },
    };
    expect((await deliver(envelope('charge.refunded', otherIntent))).body).toMatchObject({
      result: 'ignored',
      paymentId: null,
    });
    expect(await t.db('payments').whereLike('external_id', '%not_ours%')).toHaveLength(0);
    expect(await refundsOf(invoice.id)).toEqual([]);
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 23800 });

    // beside them, a refund of its own charge is booked
    expect((await deliver(stripe.refundEvent(session, 23800))).body).toMatchObject({
      result: 'updated',
      paymentId: payment.id,
    });
    expect(await refundsOf(invoice.id)).toHaveLength(1);
  });

  it('a lost dispute: the inquiry books nothing, the withdrawn funds are booked once as a chargeback', async () => {
    const { invoice, link, payment, session } = await paidThroughStripe();
    // an inquiry moves no money
    const inquiry = await deliver(
      stripe.disputeEvent('charge.dispute.created', session, { status: 'warning_needs_response' }),
    );
    expect(inquiry.body).toMatchObject({ result: 'ignored', paymentLinkId: link.id });
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 23800 });

    // it becomes a chargeback: Stripe withdraws the disputed amount
    const withdrawn = stripe.disputeEvent('charge.dispute.funds_withdrawn', session);
    const res = await deliver(withdrawn);
    expect(res.body).toEqual({
      received: true,
      result: 'updated',
      paymentLinkId: link.id,
      paymentId: payment.id,
    });
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
      amountOpen: 23800,
    });
    const refunds = await refundsOf(invoice.id);
    expect(refunds).toMatchObject([
      {
        amount: 23800,
        method: 'stripe',
        provider: 'stripe',
        externalId: expect.stringMatching(/^du_\w+:funds_withdrawn$/),
        refundedPaymentId: payment.id,
        description: expect.stringMatching(/^Stripe: charged back \(dispute du_\w+: fraudulent\)$/),
        allocations: [{ invoiceId: invoice.id, amount: 23800 }],
        metadata: { paymentLinkId: link.id, stripeDispute: expect.stringMatching(/^du_/) },
      },
    ]);

    // redelivered, and the dispute closed as lost: nothing more
    expect((await deliver(withdrawn)).body.result).toBe('already_booked');
    const lost = await deliver(stripe.disputeEvent('charge.dispute.closed', session, { status: 'lost' }));
    expect(lost.body).toMatchObject({ result: 'already_booked', paymentId: payment.id });
    expect(await refundsOf(invoice.id)).toHaveLength(1);
    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({ amountRefunded: 23800 });
    expect(await paymentEvents([payment.id, refunds[0].id])).toEqual([
      'payment.succeeded 23800',
      'payment.refunded 23800',
    ]);
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'finalized', amountOpen: 23800 });
    await expectBooksBalanceIn(t);
  });

  it('a won dispute: the chargeback is booked when the funds are withdrawn, and the reinstated funds pay the invoice again', async () => {
    const { invoice, link, payment, session } = await paidThroughStripe();
    // a card dispute: Stripe withdraws the money as it opens the dispute
    const opened = await deliver(stripe.disputeEvent('charge.dispute.created', session));
    expect(opened.body.result).toBe('updated');
    expect((await deliver(stripe.disputeEvent('charge.dispute.funds_withdrawn', session))).body.result).toBe(
      'already_booked',
    );
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'finalized', amountOpen: 23800 });

    // the shop wins: Stripe gives the money back
    const reinstated = stripe.disputeEvent('charge.dispute.funds_reinstated', session);
    const back = await deliver(reinstated);
    expect(back.body).toEqual({
      received: true,
      result: 'updated',
      paymentLinkId: link.id,
      paymentId: payment.id,
    });
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 23800, amountOpen: 0 });
    const all = await paymentsOf(invoice.id);
    const reversal = all.find((p: { externalId: string }) => p.externalId.endsWith(':funds_reinstated'));
    expect(reversal).toMatchObject({
      type: 'payment',
      status: 'succeeded',
      amount: 23800,
      method: 'stripe',
      provider: 'stripe',
      externalId: expect.stringMatching(/^du_\w+:funds_reinstated$/),
      allocations: [{ invoiceId: invoice.id, amount: 23800 }],
      metadata: { paymentLinkId: link.id, stripeDispute: expect.stringMatching(/^du_/) },
    });

    // redelivered, and closed as won: nothing more
    expect((await deliver(reinstated)).body.result).toBe('already_booked');
    const won = await deliver(stripe.disputeEvent('charge.dispute.closed', session, { status: 'won' }));
    expect(won.body.result).toBe('already_booked');
    expect(await paymentsOf(invoice.id)).toHaveLength(3);
    const refund = (await refundsOf(invoice.id))[0];
    expect(await paymentEvents([payment.id, refund.id, reversal.id])).toEqual([
      'payment.succeeded 23800',
      'payment.refunded 23800',
      'payment.succeeded 23800',
    ]);
    expect(await invoiceEvents(invoice.id)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.updated',
      'invoice.paid',
    ]);
    await expectBooksBalanceIn(t);
  });

  it('a dispute for the full amount after a partial refund: the refunded part Stripe gives back is not booked twice', async () => {
    const { invoice, payment, session } = await paidThroughStripe();
    const refund = stripe.refundEvent(session, 5000);
    expect((await deliver(refund)).body.result).toBe('updated');
    // the bank disputes all 238.00 and Stripe withdraws it; Fakturo can take back only the 188.00 left
    expect(
      (await deliver(stripe.disputeEvent('charge.dispute.created', session, { amount: 23800 }))).body.result,
    ).toBe('updated');
    expect((await refundsOf(invoice.id)).map((r: { amount: number }) => r.amount)).toEqual([18800, 5000]);
    expect(await ok(get(t, `/v1/payments/${payment.id}`))).toMatchObject({ amountRefunded: 23800 });
    // "partially won": Stripe returns only the 50.00 refunded before, and the dispute is lost — that money
    // had left once already, so nothing comes back in the books
    const partly = await deliver(
      stripe.disputeEvent('charge.dispute.funds_reinstated', session, { reinstated: 5000, status: 'lost' }),
    );
    expect(partly.body.result).toBe('already_booked');
    // and the refund's event, delivered again, books nothing beside the chargeback
    expect((await deliver(refund)).body.result).toBe('already_booked');
    expect(await paymentsOf(invoice.id)).toHaveLength(3);
    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: 'finalized',
      amountPaid: 0,
      amountOpen: 23800,
    });
    await expectBooksBalanceIn(t);
  });
});

describe('tenancy', () => {
  it('another organisation’s links, invoices and settings are not found', async () => {
    const { invoice, link } = await invoiceWithLink();
    const stranger = await t.tenant('Fremd AG');
    expect((await get(t, `/v1/payment-links/${link.id}`, stranger)).status).toBe(404);
    expect((await linkFor(invoice.id, undefined, stranger)).status).toBe(404);
    expect((await ok(get(t, `/v1/payment-links?invoiceId=${invoice.id}`, stranger))).data).toEqual([]);
    expect((await get(t, '/v1/payment-providers/stripe', stranger)).status).toBe(404);
    expect((await ok(get(t, '/v1/payment-providers', stranger))).data).toEqual([]);
  });
});
