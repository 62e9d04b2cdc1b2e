/**
 * Online payment through the SDK: connecting Stripe (keys masked, bad input and stale versions refused),
 * a payment link for an invoice, and Stripe's signed callback booking the payment — against the real API
 * over HTTP, with the local Stripe stand-in of the API tests (the official Stripe SDK talks to it).
 */
import { randomBytes } from 'node:crypto';
import { secrets } from '@fakturo/domain';
import { companyInput } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startFakeStripe } from '../../../apps/api/test/psp.support';
import {
  ConflictError,
  type Contact,
  FakturoError,
  type Invoice,
  NotFoundError,
  type PaymentLink,
  type PaymentProvider,
  PreconditionFailedError,
  ValidationError,
} from '../src/index';
import { SELLER, startLiveApi } from './support';

// keys are stored encrypted; the app reads Stripe's address from the environment when it starts
secrets.setEncryptionKey(randomBytes(32));
const stripe = await startFakeStripe();
process.env.FAKTURO_STRIPE_API_BASE = stripe.url;
afterAll(() => stripe.close());
const api = await startLiveApi();
const fakturo = api.client();

const SECRET_KEY = `sk_test_51${'Qw3rTy'.repeat(8)}4242`;
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
stripe.keys.add(SECRET_KEY);

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
let invoice: Invoice;
beforeAll(async () => {
  await fakturo.organization.update({
    ...SELLER,
    paymentTermsDays: 14,
  });
  buyer = await fakturo.contacts.create(companyInput({ companyName: 'Bäckerei Müller KG' }));
  invoice = await fakturo.invoices.finalize(
    (
      await fakturo.invoices.create({
        contactId: buyer.id,
        lines: [{ name: 'Beratung', quantity: '2', unitCode: 'HUR', unitAmount: 10_000 }],
      })
    ).id,
  );
});

describe('connecting Stripe', () => {
  it('is not found until connected, and no link can be made before', async () => {
    const missing = await failure(fakturo.paymentProviders.get('stripe'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.code).toBe('payment_provider_not_found');
    const noProvider = await failure(fakturo.paymentLinks.create(invoice.id));
    expect(noProvider).toBeInstanceOf(ConflictError);
    expect(noProvider.code).toBe('payment_provider_not_configured');
  });

  it('stores the keys and answers them masked; the first provider is the default', async () => {
    const connected = await fakturo.paymentProviders.configure('stripe', {
      secretKey: SECRET_KEY,
      webhookSigningSecret: WEBHOOK_SECRET,
      returnUrl: 'https://shop.example/danke',
    });
    expectTypeOf(connected).toEqualTypeOf<PaymentProvider>();
    expect(connected).toMatchObject({
      provider: 'stripe',
      livemode: false,
      isDefault: true,
      secretKey: 'sk_test_…4242',
      webhookSigningSecret: `whsec_…${WEBHOOK_SECRET.slice(-4)}`,
      returnUrl: 'https://shop.example/danke',
      webhookUrl: expect.stringMatching(/\/v1\/psp\/stripe\/webhook$/),
      version: 1,
    });
    expect(JSON.stringify(connected)).not.toContain(SECRET_KEY);
    expect(await fakturo.paymentProviders.get('stripe')).toEqual(connected);
    expect(await fakturo.paymentProviders.list()).toEqual({ data: [connected] });
  });

  it('changes a setting alone, refuses bad fields all at once and a stale version', async () => {
    const changed = await fakturo.paymentProviders.configure(
      'stripe',
      { returnUrl: 'https://shop.example/thanks' },
      { ifMatch: 1 },
    );
    expect(changed).toMatchObject({
      secretKey: 'sk_test_…4242',
      returnUrl: 'https://shop.example/thanks',
      version: 2,
    });

    const bad = await failure(
      fakturo.paymentProviders.configure('stripe', {
        secretKey: 'pk_test_123',
        apiKey: 'test_abcdefghijklmnop',
        returnUrl: 'ftp://x',
      }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.status).toBe(422);
    expect(bad.errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'apiKey:not_applicable',
      'returnUrl:url_invalid',
      'secretKey:secret_key_invalid',
    ]);

    const stale = await failure(
      fakturo.paymentProviders.configure(
        'stripe',
        { returnUrl: 'https://shop.example/danke' },
        { ifMatch: 1 },
      ),
    );
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    expect((await fakturo.paymentProviders.get('stripe')).version).toBe(2);
  });
});

describe('a payment link paid through Stripe', () => {
  let link: PaymentLink;

  it('makes a Checkout Session for the open amount, and hands the open link out again', async () => {
    link = await fakturo.paymentLinks.create(invoice.id);
    expectTypeOf(link).toEqualTypeOf<PaymentLink>();
    expect(link).toMatchObject({
      id: expect.stringMatching(/^plk_/),
      invoiceId: invoice.id,
      provider: 'stripe',
      providerObjectId: expect.stringMatching(/^cs_test_/),
      url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/),
      returnUrl: 'https://shop.example/thanks',
      status: 'open',
      amount: invoice.amountOpen,
      currency: 'EUR',
      paymentId: null,
    });
    // what the official Stripe SDK sent on the API's behalf
    expect(stripe.requests.at(-1)!.body).toMatchObject({
      'line_items[0][price_data][unit_amount]': String(invoice.amountOpen),
      'metadata[fakturo_invoice_id]': invoice.id,
    });
    expect((await fakturo.paymentLinks.create(invoice.id)).id).toBe(link.id);
    expect(await fakturo.paymentLinks.get(link.id)).toEqual(link);
    expect((await fakturo.paymentLinks.list({ invoiceId: invoice.id })).data).toEqual([link]);
    const open = await fakturo.paymentLinks.listAutoPaging({ status: 'open' }, { maxItems: 10 }).toArray();
    expect(open.map((l) => l.id)).toEqual([link.id]);
  });

  it('Stripe’s signed callback books the payment: the link and the invoice are paid', async () => {
    const callback = await stripe.deliver(
      api.baseUrl,
      stripe.event('checkout.session.completed', link.providerObjectId, { payment_status: 'paid' }),
      { secret: WEBHOOK_SECRET },
    );
    expect(callback).toMatchObject({ status: 200, body: { result: 'booked', paymentLinkId: link.id } });

    const paid = await fakturo.paymentLinks.get(link.id);
    expect(paid).toMatchObject({ status: 'paid', paymentId: expect.stringMatching(/^pay_/) });
    expect(await fakturo.payments.get(paid.paymentId!)).toMatchObject({
      method: 'stripe',
      provider: 'stripe',
      externalId: link.providerObjectId,
      amount: invoice.amountOpen,
      allocations: [{ invoiceId: invoice.id, amount: invoice.amountOpen }],
    });
    expect(await fakturo.invoices.get(invoice.id)).toMatchObject({ status: 'paid', amountOpen: 0 });
    expect((await fakturo.paymentLinks.list({ status: 'paid' })).data.map((l) => l.id)).toEqual([link.id]);

    const after = await failure(fakturo.paymentLinks.create(invoice.id));
    expect(after).toBeInstanceOf(ConflictError);
    expect(after.code).toBe('invoice_paid');
  });

  it('another organisation sees neither the link nor the provider settings', async () => {
    const stranger = api.client({}, await api.t.tenant('Fremd GmbH'));
    expect(await failure(stranger.paymentLinks.get(link.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.paymentLinks.create(invoice.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(stranger.paymentProviders.get('stripe'))).toBeInstanceOf(NotFoundError);
    expect((await stranger.paymentLinks.list()).data).toEqual([]);
  });
});
