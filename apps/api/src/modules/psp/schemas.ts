import {
  PAYMENT_LINK_STATUSES,
  PAYMENT_PROVIDERS,
  type PaymentLink,
  type PaymentLinkInput,
  type PaymentLinkListQuery,
  type PaymentProvider,
  type PaymentProviderInput,
  type WebhookOutcome,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';

// Online payment on the wire (docs/online-payments.md): provider settings, payment links and what the
// provider callbacks answer. The domain types (psp/types.ts) are asserted against these at the end.

const Masked = (description: string) =>
  Nullable(Type.String({ description: `${description}, masked to its prefix and last four characters` }));

export const PaymentProviderSchema = Type.Object(
  {
    provider: StringEnum(PAYMENT_PROVIDERS),
    livemode: Type.Boolean({ description: 'True for live keys (real money), false for test keys' }),
    isDefault: Type.Boolean({ description: 'Used by payment links that name no provider' }),
    secretKey: Masked('Stripe: the secret key, e.g. `sk_test_…4242`'),
    webhookSigningSecret: Masked(
      'Stripe: the webhook signing secret (null until set; no Stripe callback is accepted before)',
    ),
    apiKey: Masked('Mollie: the API key, e.g. `test_…dGhp`'),
    returnUrl: Nullable(Type.String({ description: 'Where the payer returns after the checkout' })),
    webhookUrl: Type.String({
      description:
        'Register this address at the provider (Stripe: a webhook endpoint for the checkout.session.* events; Mollie sets it per payment itself)',
    }),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'PaymentProvider',
    description:
      'An organisation’s connection to Stripe or Mollie. Keys are stored encrypted and never returned in full.',
  },
);

export const PaymentProviderListSchema = Type.Object(
  { data: Type.Array(Type.Ref(PaymentProviderSchema)) },
  { $id: 'PaymentProviderList', description: 'The connected providers (at most one of each).' },
);

const Secret = (pattern: string, description: string) =>
  Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, writeOnly: true, description, examples: [pattern] }),
  );

export const PaymentProviderUpdateSchema = Type.Object(
  {
    secretKey: Secret(
      'sk_test_…',
      'Stripe: the secret or restricted key (sk_… or rk_…). Required when connecting Stripe; leave out to keep the stored one.',
    ),
    webhookSigningSecret: Secret(
      'whsec_…',
      'Stripe: the signing secret of the webhook endpoint pointing at webhookUrl. Leave out to keep the stored one.',
    ),
    apiKey: Secret(
      'test_…',
      'Mollie: the API key (live_… or test_…). Required when connecting Mollie; leave out to keep the stored one.',
    ),
    isDefault: Type.Optional(
      Type.Boolean({ description: 'Make this the default provider (the first one connected is)' }),
    ),
    returnUrl: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 2000,
          description: 'Where the payer returns after the checkout (http/https)',
        }),
      ),
    ),
  },
  { $id: 'PaymentProviderUpdate', additionalProperties: false },
);

export const ProviderParams = Type.Object({ provider: StringEnum(PAYMENT_PROVIDERS) });

export const PaymentLinkSchema = Type.Object(
  {
    id: Type.String({ examples: ['plk_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    invoiceId: Type.String(),
    provider: StringEnum(PAYMENT_PROVIDERS),
    providerObjectId: Type.String({ description: 'Stripe Checkout Session (cs_…) or Mollie payment (tr_…)' }),
    livemode: Type.Boolean(),
    url: Type.String({ description: 'Send the payer here' }),
    returnUrl: Type.String(),
    status: StringEnum(
      PAYMENT_LINK_STATUSES,
      'open; processing (checkout done, money on its way); paid (booked, final); failed, expired, canceled (brings nothing — make a new link)',
    ),
    amount: Type.Integer({
      description: 'Minor units: the invoice’s open amount when the link was made',
      examples: [11900],
    }),
    currency: Type.String({ examples: ['EUR'] }),
    expiresAt: InstantString,
    paymentId: Nullable(Type.String({ description: 'The payment booked through this link, once paid' })),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'PaymentLink',
    description:
      'A checkout at Stripe or Mollie for an invoice’s open amount; paying it books a payment and the invoice turns paid.',
  },
);

export const PaymentLinkCreateSchema = Type.Object(
  {
    provider: Type.Optional(
      StringEnum(PAYMENT_PROVIDERS, 'Default: the default provider, or the only one connected'),
    ),
    returnUrl: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Where the payer returns; default the provider settings’ returnUrl',
      }),
    ),
  },
  { $id: 'PaymentLinkCreate', additionalProperties: false },
);

export const PaymentLinkListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    invoiceId: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(StringEnum(PAYMENT_LINK_STATUSES)),
  },
  { additionalProperties: false },
);

export const PaymentLinkPageSchema = PageOf(Type.Ref(PaymentLinkSchema), 'PaymentLink');

export const PspWebhookResultSchema = Type.Object(
  {
    received: Type.Literal(true),
    result: StringEnum(
      ['booked', 'already_booked', 'updated', 'ignored'] as const,
      'booked: a payment was booked now; already_booked: a repeat, nothing changed; updated: the link’s status moved, or money that went back at the provider (a refund, a chargeback) or came back (a won dispute) was booked now; ignored: nothing to do',
    ),
    paymentLinkId: Nullable(Type.String()),
    paymentId: Nullable(
      Type.String({ description: 'The payment the link booked (a refund names the payment it returns)' }),
    ),
  },
  {
    $id: 'PspWebhookResult',
    description: 'What a provider callback did (the provider shows it in its delivery log).',
  },
);

export const MollieWebhookBodySchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100, description: 'The Mollie payment id, tr_…' }) },
  { additionalProperties: true },
);

export const StripeWebhookHeadersSchema = Type.Object({
  'stripe-signature': Type.Optional(Type.String({ description: 'Stripe’s signature over the raw body' })),
});

export const pspSchemas = [
  PaymentProviderSchema,
  PaymentProviderListSchema,
  PaymentProviderUpdateSchema,
  PaymentLinkSchema,
  PaymentLinkCreateSchema,
  PaymentLinkPageSchema,
  PspWebhookResultSchema,
];

type Assert<T extends true> = T;
export type _ProviderMatches = Assert<
  PaymentProvider extends Static<typeof PaymentProviderSchema> ? true : false
>;
export type _ProviderInputMatches = Assert<
  Static<typeof PaymentProviderUpdateSchema> extends PaymentProviderInput ? true : false
>;
export type _LinkMatches = Assert<PaymentLink extends Static<typeof PaymentLinkSchema> ? true : false>;
export type _LinkInputMatches = Assert<
  Static<typeof PaymentLinkCreateSchema> extends PaymentLinkInput ? true : false
>;
export type _LinkQueryMatches = Assert<
  Static<typeof PaymentLinkListQuerySchema> extends PaymentLinkListQuery ? true : false
>;
export type _WebhookResultMatches = Assert<
  WebhookOutcome extends Static<typeof PspWebhookResultSchema> ? true : false
>;
