import { psp } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import type { ModuleOptions } from '../index';
import {
  MollieWebhookBodySchema,
  PaymentLinkCreateSchema,
  PaymentLinkListQuerySchema,
  PaymentLinkPageSchema,
  PaymentLinkSchema,
  PaymentProviderListSchema,
  PaymentProviderSchema,
  PaymentProviderUpdateSchema,
  ProviderParams,
  PspWebhookResultSchema,
  StripeWebhookHeadersSchema,
} from './schemas';

const tags = ['Online payments'];
/**
 * Online payment through Stripe and Mollie (docs/online-payments.md): provider settings, payment links, and
 * the providers' callbacks. The callbacks are public (no API key): each is checked by the provider's own
 * means — Stripe's signature, a fresh fetch from Mollie — in the domain (psp/service.ts).
 */
export const pspRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, options) => {
  const pspOptions = { publicUrl: options.publicUrl };
  const platform = { db: options.db, clockFor: options.clockFor };

  app.get(
    '/payment-providers',
    {
      schema: {
        tags,
        operationId: 'listPaymentProviders',
        summary: 'List the connected payment providers',
        description: 'Stripe and Mollie connections of the organisation, keys masked.',
        response: { 200: Type.Ref(PaymentProviderListSchema), ...problemResponses },
      },
    },
    async (request) => ({ data: await psp.listProviders(request.ctx, pspOptions) }),
  );

  app.get(
    '/payment-providers/:provider',
    {
      schema: {
        tags,
        operationId: 'getPaymentProvider',
        summary: 'Get a payment provider connection',
        description:
          'Keys are masked to their prefix and last four characters. 404 `payment_provider_not_found` until connected.',
        params: ProviderParams,
        response: { 200: Type.Ref(PaymentProviderSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await psp.getProvider(request.ctx, request.params.provider, pspOptions)),
  );

  app.put(
    '/payment-providers/:provider',
    {
      schema: {
        tags,
        operationId: 'putPaymentProvider',
        summary: 'Connect or change a payment provider',
        description:
          'Stripe takes `secretKey` and `webhookSigningSecret` (of a Stripe webhook endpoint pointing at `webhookUrl`, sending checkout.session.completed, .async_payment_succeeded, .async_payment_failed and .expired, charge.refunded, charge.dispute.funds_withdrawn and charge.dispute.funds_reinstated); Mollie takes `apiKey`. Keys are stored encrypted and never returned in full; a key left out keeps the stored one, so `isDefault` or `returnUrl` change alone. The first provider connected becomes the default. 201 when connected now, 200 when changed; `If-Match` guards against overwriting a concurrent change (412). Every bad field is reported at once (422).',
        params: ProviderParams,
        body: Type.Ref(PaymentProviderUpdateSchema),
        response: {
          200: Type.Ref(PaymentProviderSchema),
          201: Type.Ref(PaymentProviderSchema),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const { provider, created } = await psp.putProvider(
        request.ctx,
        request.params.provider,
        request.body,
        {
          ...pspOptions,
          ...(version !== undefined ? { expectedVersion: version } : {}),
        },
      );
      reply.code(created ? 201 : 200);
      return withEtag(reply, provider);
    },
  );

  app.post(
    '/invoices/:id/payment-link',
    {
      preValidation: bodyOptional,
      schema: {
        tags: ['Invoices', ...tags],
        operationId: 'createInvoicePaymentLink',
        summary: 'Create a payment link for an invoice',
        description:
          'A Stripe Checkout Session or a Mollie payment for the invoice’s open amount, through `provider` or the default one. Send the payer to `url`; once paid, the provider’s callback books the payment (`payment.succeeded`) and the invoice turns `paid` (`invoice.paid`). An open link of the same provider for the same amount with at least 10 minutes left is returned again (200); otherwise a new one is made (201, `payment_link.created`). 409 `invoice_not_finalized`, `invoice_paid`, `invoice_cancelled`, `invoice_not_payable`, or `payment_provider_not_configured`; 422 `return_url_missing` when neither the request nor the provider settings name a return URL; 503 `payment_provider_unavailable` when the provider cannot be reached.',
        params: IdParams,
        body: Type.Ref(PaymentLinkCreateSchema),
        response: { 200: Type.Ref(PaymentLinkSchema), 201: Type.Ref(PaymentLinkSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { link, created } = await psp.createPaymentLink(
        request.ctx,
        request.params.id,
        request.body,
        pspOptions,
      );
      reply.code(created ? 201 : 200).header('location', `/v1/payment-links/${link.id}`);
      return withEtag(reply, link);
    },
  );

  app.get(
    '/payment-links',
    {
      schema: {
        tags,
        operationId: 'listPaymentLinks',
        summary: 'List payment links',
        description: 'Newest first; filter by invoice and status.',
        querystring: PaymentLinkListQuerySchema,
        response: { 200: Type.Ref(PaymentLinkPageSchema), ...problemResponses },
      },
    },
    async (request) => psp.listPaymentLinks(request.ctx, request.query),
  );

  app.get(
    '/payment-links/:id',
    {
      schema: {
        tags,
        operationId: 'getPaymentLink',
        summary: 'Get a payment link',
        params: IdParams,
        response: { 200: Type.Ref(PaymentLinkSchema), ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await psp.getPaymentLink(request.ctx, request.params.id)),
  );

  const callback = { config: { public: true } };

  // Stripe signs the exact bytes it sent: this route alone reads its body raw (content-type parsers are
  // scoped to the plugin they are added in, so every other route keeps parsing JSON).
  await app.register(async (plugin) => {
    const raw = plugin.withTypeProvider<TypeBoxTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    raw.post(
      '/psp/stripe/webhook',
      {
        ...callback,
        schema: {
          tags,
          operationId: 'stripeWebhook',
          summary: 'Stripe callback',
          description:
            'For Stripe, not for API clients: a webhook endpoint of the organisation’s Stripe account. The raw body is verified with the `Stripe-Signature` header and the organisation’s signing secret (stripe.webhooks.constructEvent, 5 minutes tolerance). checkout.session.completed (paid), .async_payment_succeeded book the payment; .async_payment_failed records a failed one; .expired closes the link. charge.refunded books what was refunded at Stripe since (its `amount_refunded` is a running total) as a refund of the payment, reopening the invoice. charge.dispute.* events book a chargeback as a refund once the Dispute shows its funds withdrawn (charge.dispute.funds_withdrawn, for card disputes usually already .created), and the funds reinstated after a won dispute (charge.dispute.funds_reinstated) as a new payment; an inquiry books nothing. Repeats and any order are safe: nothing is booked twice and nothing booked is undone. 400 `stripe_signature_invalid`; 409 `stripe_payment_not_booked` for a refund that overtook the booking of its payment (Stripe delivers it again); events about anything but a Fakturo payment link, its charge or its dispute answer 200 `ignored`.',
          security: [],
          headers: StripeWebhookHeadersSchema,
          response: { 200: Type.Ref(PspWebhookResultSchema), ...problemResponses },
        },
      },
      async (request) =>
        psp.handleStripeWebhook(
          platform,
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          typeof request.headers['stripe-signature'] === 'string'
            ? request.headers['stripe-signature']
            : undefined,
          request.id,
        ),
    );
  });

  // Mollie posts `id=tr_…` form-encoded; Fastify parses no forms by default.
  await app.register(async (plugin) => {
    const form = plugin.withTypeProvider<TypeBoxTypeProvider>();
    form.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    form.post(
      '/psp/mollie/webhook',
      {
        ...callback,
        schema: {
          tags,
          operationId: 'mollieWebhook',
          summary: 'Mollie callback',
          description:
            'For Mollie, not for API clients: Mollie posts `id=tr_…` when a payment of a link changes. The payment is fetched again from Mollie with the organisation’s key and only Mollie’s answer is acted on: `paid` books the payment, `failed` records a failed one, `expired`/`canceled` close the link. Unknown ids answer 200 without effect (Mollie’s advice: reveal nothing). 503 when Mollie cannot be reached, so Mollie retries.',
          security: [],
          consumes: ['application/x-www-form-urlencoded'],
          body: MollieWebhookBodySchema,
          response: { 200: Type.Ref(PspWebhookResultSchema), ...problemResponses },
        },
      },
      async (request) => psp.handleMollieWebhook(platform, request.body.id, request.id),
    );
  });
};
